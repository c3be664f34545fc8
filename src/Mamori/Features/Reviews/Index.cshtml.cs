using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews;

[Authorize(Policy = Policies.ReviewsRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record RoundRow(Guid Id, string Title, RoundStatus Status, DateOnly? DeadlineOn, DateOnly? MeetingOn, int Cases);

    public sealed record CaseRow(Guid Id, int? Number, string Title, string? Departments, CaseStatus Status, string Round, ReviewResult? Result);

    public sealed record OpenQuestion(Guid CaseId, int? Number, string CaseTitle, string Text, DateTime At);

    public List<RoundRow> Rounds { get; private set; } = [];
    public List<CaseRow> Cases { get; private set; } = [];
    public List<OpenQuestion> OpenQuestions { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanWrite { get; private set; }
    public bool IsDepartment { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await authz.AuthorizeAsync(User, Policies.ReviewsManage)).Succeeded;
        CanWrite = (await authz.AuthorizeAsync(User, Policies.ReviewsWrite)).Succeeded;
        IsDepartment = db.Tenant.RestrictToDepartment;
        var counts = await db.ReviewCases.Where(c => c.Status != CaseStatus.Draft).GroupBy(c => c.RoundId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Rounds = (await db.ReviewRounds.AsNoTracking().OrderByDescending(r => r.DeadlineOn).ToListAsync(ct))
            .Select(r => new RoundRow(r.Id, r.Title, r.Status, r.DeadlineOn, r.MeetingOn, counts.GetValueOrDefault(r.Id))).ToList();
        var rounds = Rounds.ToDictionary(r => r.Id, r => r.Title);
        // The cases still in progress: 所管課 sees its own, 事務局 everything not yet reported.
        Cases = (await db.ReviewCases.AsNoTracking().Where(c => c.Status != CaseStatus.Withdrawn)
                .Where(c => db.ReviewRounds.Any(r => r.Id == c.RoundId && r.Status != RoundStatus.Reported))
                .OrderBy(c => c.Number == null).ThenBy(c => c.Number).ToListAsync(ct))
            .Select(c => new CaseRow(c.Id, c.Number, c.Title, c.DepartmentsLabel, c.Status, rounds.GetValueOrDefault(c.RoundId, ""), c.Result)).ToList();
        var questions = await CaseReading.OpenQuestions(db).AsNoTracking()
            .Join(db.ReviewCases, q => q.CaseId, c => c.Id, (q, c) => new OpenQuestion(c.Id, c.Number, c.Title, q.Text, q.At))
            .ToListAsync(ct);
        OpenQuestions = questions.OrderBy(q => q.At).ToList();
        SetTitle("自己点検・部会審査");
    }
}
