using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Businesses;

[Authorize(Policy = Policies.ReviewsRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(Guid Id, string Name, string Department, IReadOnlyList<HandlingType> Types, bool IsDiscontinued, int Cases, DateTime? LastSubmittedAt);

    public List<Row> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanWrite = (await authz.AuthorizeAsync(User, Policies.ReviewsWrite)).Succeeded;
        var labels = await DepartmentTree.LabelsAsync(db, ct);
        var cases = await db.ReviewCases.Where(c => c.Status != CaseStatus.Draft && c.Status != CaseStatus.Withdrawn).GroupBy(c => c.BusinessId)
            .Select(g => new { g.Key, Count = g.Count(), Last = g.Max(c => c.SubmittedAt) }).ToDictionaryAsync(g => g.Key, ct);
        Rows = (await db.Businesses.AsNoTracking().ToListAsync(ct))
            .Select(b => new Row(b.Id, b.Name, labels.GetValueOrDefault(b.DepartmentId, "") + (b.JointDepartments is { } j ? $"（共管：{j}）" : ""), b.Types,
                b.IsDiscontinued, cases.GetValueOrDefault(b.Id)?.Count ?? 0, cases.GetValueOrDefault(b.Id)?.Last))
            .OrderBy(r => r.IsDiscontinued).ThenBy(r => r.Department, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        SetTitle("取扱事務", new Crumb("自己点検・部会審査", "/reviews"));
    }
}
