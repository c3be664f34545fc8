using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings.Incidents;

/// <summary>One incident: what happened, why it is (or is not) reportable, the deadlines and their progress, the findings it led to.</summary>
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class ProgressInput
    {
        public string? PreliminaryReportedOn { get; set; }
        public string? FinalReportedOn { get; set; }
        public string? NotifiedOn { get; set; }
        public string? NotificationNote { get; set; }
        public string? ClosedOn { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed record LinkedFinding(Guid Id, string Label, FindingStatus Status);

    [BindProperty] public ProgressInput Input { get; set; } = new();
    public Incident Incident { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public IReadOnlyList<string> Reasons { get; private set; } = [];
    public IReadOnlyList<IncidentDuty> Duties { get; private set; } = [];
    public IReadOnlyList<LinkedFinding> Findings { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        static string? Format(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
        Input = new ProgressInput
        {
            PreliminaryReportedOn = Format(Incident.PreliminaryReportedOn),
            FinalReportedOn = Format(Incident.FinalReportedOn),
            NotifiedOn = Format(Incident.NotifiedOn),
            NotificationNote = Incident.NotificationNote,
            ClosedOn = Format(Incident.ClosedOn),
            Version = Incident.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.IncidentsWrite))
        {
            return Forbid();
        }
        var progress = new IncidentProgress(
            ParseDate(Input.PreliminaryReportedOn, "Input.PreliminaryReportedOn"),
            ParseDate(Input.FinalReportedOn, "Input.FinalReportedOn"),
            ParseDate(Input.NotifiedOn, "Input.NotifiedOn"),
            Input.NotificationNote,
            ParseDate(Input.ClosedOn, "Input.ClosedOn"));
        if (ModelState.IsValid)
        {
            var outcome = await Core.Features.Findings.Incidents.RecordProgressAsync(db, id, progress, Input.Version, clock, ct);
            if (outcome.Ok)
            {
                Flash("報告・通知の状況を保存しました。");
                return Redirect($"/incidents/{id}");
            }
            AddErrors(outcome);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }
        Incident = incident;
        Today = JapanTime.Today(clock);
        Department = (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(incident.DepartmentId, "");
        var settings = await Core.Features.Findings.Incidents.SettingsAsync(db, incident.MunicipalityId, ct);
        Reasons = IncidentReporting.Reasons(incident, settings.PeopleThreshold);
        Duties = IncidentDeadlines.Duties(incident);
        Findings = (await db.Findings.AsNoTracking().Where(f => f.IncidentId == id).ToListAsync(ct)).OrderBy(f => f.Law).ThenBy(f => f.Number)
            .Select(f => new LinkedFinding(f.Id, $"{f.Law.JapaneseName()}{FindingNames.NumberLabel(f.Number)} {f.Heading}", f.Status)).ToList();
        CanWrite = await AllowedAsync(authz, Policies.IncidentsWrite);
        SetTitle($"第{incident.Number}号 {incident.Title}", IncidentsPages.Root);
        return true;
    }
}
