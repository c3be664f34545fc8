using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Incidents;

/// <summary>
/// The incident register: open ones first, each with its 速報 / 確報 / 本人通知 state, so that no reporting
/// deadline passes without someone seeing it.
/// </summary>
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(Incident Incident, string Department, IReadOnlyList<IncidentDuty> Duties, bool Reportable);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<PendingDuty> Pending { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = JapanTime.Today(clock);
        CanWrite = await AllowedAsync(authz, Policies.IncidentsWrite);
        var labels = await DepartmentTree.LabelsAsync(db, ct);
        var settings = await Core.Features.Findings.Incidents.SettingsAsync(db, db.Tenant.MunicipalityId!.Value, ct);
        var incidents = await db.Incidents.AsNoTracking().ToListAsync(ct);
        Rows = incidents
            .Select(i => new Row(i, labels.GetValueOrDefault(i.DepartmentId, ""), IncidentDeadlines.Duties(i), IncidentReporting.IsReportable(i, settings.PeopleThreshold)))
            .OrderBy(r => r.Incident.ClosedOn is not null).ThenByDescending(r => r.Incident.LearnedOn).ThenByDescending(r => r.Incident.Number)
            .ToList();
        Pending = (await FindingsOverview.BuildAsync(db, db.Tenant.MunicipalityId!.Value, Today, ct)).IncidentDuties;
        SetTitle("漏えい等事案");
    }
}
