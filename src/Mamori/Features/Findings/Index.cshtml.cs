using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>
/// All findings the user may see (a 所管課 its own), late ones first, filtered by status, department, source and
/// lateness; with what is waiting for the office's check and the recurring tasks that were missed.
/// </summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(Finding Finding, Inspection Inspection, string Department);

    [BindProperty(SupportsGet = true)] public FindingStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public FindingSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public FindingsOverview Overview { get; private set; } = null!;
    public List<DepartmentNode> Departments { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = JapanTime.Today(clock);
        CanManage = await AllowedAsync(authz, Policies.FindingsManage);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        var labels = Departments.ToDictionary(d => d.Id, d => d.Label);
        var query = db.Findings.AsNoTracking().Join(db.Inspections.AsNoTracking(), f => f.InspectionId, i => i.Id, (f, i) => new { f, i });
        if (Status is { } status)
        {
            query = query.Where(x => x.f.Status == status);
        }
        if (Department is { } department)
        {
            query = query.Where(x => x.f.DepartmentId == department);
        }
        if (Source is { } source)
        {
            query = query.Where(x => x.i.Source == source);
        }
        if (Overdue)
        {
            var today = Today;
            query = query.Where(x => x.f.DueOn < today && (x.f.Status == FindingStatus.NotStarted || x.f.Status == FindingStatus.InProgress));
        }
        var rows = await query.ToListAsync(ct);
        Rows = rows.Select(x => new Row(x.f, x.i, labels.GetValueOrDefault(x.f.DepartmentId, "")))
            .OrderByDescending(r => r.Finding.IsOverdue(Today))
            .ThenBy(r => r.Finding.Status == FindingStatus.Confirmed)
            .ThenBy(r => r.Finding.DueOn ?? DateOnly.MaxValue)
            .ThenByDescending(r => r.Inspection.StartOn).ThenBy(r => r.Finding.Law).ThenBy(r => r.Finding.Number)
            .ToList();
        Overview = await FindingsOverview.BuildAsync(db, db.Tenant.MunicipalityId!.Value, Today, ct);
        SetTitle("指摘事項");
    }
}
