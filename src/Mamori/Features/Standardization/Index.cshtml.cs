using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Standardization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Standardization;

/// <summary>
/// 標準準拠システムへの移行: every 業務 by phase with its system, vendor, provision, cloud, dates and the state of its PIA —
/// printable for the council. The office starts from the twenty standard 業務.
/// </summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    /// <summary>A 業務 with its department, its PIA business and the latest council consultation on that business (諮問第N号).</summary>
    public sealed record Row(StandardizationTarget Target, string Department, string? Business, (Guid Id, string Label)? Consultation = null);

    [BindProperty] public Guid? DepartmentId { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public List<DepartmentNode> Departments { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanSeed { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostSeedAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var seeded = await StandardizationWorkflow.SeedAsync(db, db.Tenant.MunicipalityId!.Value, DepartmentId, ct);
        if (!seeded.Ok)
        {
            AddErrors(seeded, "");
            await LoadAsync(ct);
            return Page();
        }
        Flash(seeded.Value == 0 ? "標準化の20業務はすべて一覧にあります。" : $"標準化の業務 {seeded.Value} 件を加えました。業務ごとに所管課と移行の予定を入力してください。");
        return Redirect("/standardization");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("標準準拠システムへの移行");
        CanWrite = await AllowedAsync(authz, Policies.AssessmentsWrite);
        CanSeed = await AllowedAsync(authz, Policies.CouncilManage);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        var labels = Departments.ToDictionary(d => d.Id, d => d.Label);
        var businesses = await db.AssessedBusinesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, ct);
        var targets = await db.StandardizationTargets.AsNoTracking().ToListAsync(ct);
        var businessIds = targets.Where(t => t.AssessedBusinessId is not null).Select(t => t.AssessedBusinessId!.Value).ToList();
        var consulted = await (from a in db.Assessments.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking()
                               join i in db.AgendaItems.AsNoTracking() on a.ConsultationItemId equals i.Id
                               where businessIds.Contains(a.BusinessId)
                               select new { a.BusinessId, a.Id, Item = i }).ToListAsync(ct);
        var consultations = consulted.GroupBy(c => c.BusinessId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!.Item);
        // Under way first (the council asks about those), then the ones moved, then those not started.
        Rows = targets.OrderBy(t => t.Phase switch { MigrationPhase.NotStarted => 2, MigrationPhase.Migrated => 1, _ => 0 }).ThenByDescending(t => t.Phase)
            .ThenBy(t => t.PlannedOn ?? DateOnly.MaxValue).ThenBy(t => t.Name)
            .Select(t => new Row(t, labels.GetValueOrDefault(t.DepartmentId, ""), t.AssessedBusinessId is { } b ? businesses.GetValueOrDefault(b) : null,
                t.AssessedBusinessId is { } c && consultations.TryGetValue(c, out var item) ? (item.Id, item.Label()) : null)).ToList();
    }
}
