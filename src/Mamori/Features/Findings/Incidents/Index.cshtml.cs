using Mamori.Core.Csv;
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

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>The incident register as CSV, with the reporting deadlines and the days they were met.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? encoding, CancellationToken ct)
    {
        await LoadAsync(ct);
        static string? D(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
        var settings = await Core.Features.Findings.Incidents.SettingsAsync(db, db.Tenant.MunicipalityId!.Value, ct);
        var enc = CsvEncodings.FromName(encoding);
        var rows = Rows.Select(r =>
        {
            var i = r.Incident;
            return new[]
            {
                $"第{i.Number}号", i.Title, r.Department, i.Kind.JapaneseName() + (i.IsSuspected ? "（おそれ）" : ""), D(i.OccurredOn), D(i.LearnedOn),
                i.AffectedCount?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Reportable ? "対象" : "対象外",
                string.Join("／", IncidentReporting.Reasons(i, settings.PeopleThreshold)), D(i.PreliminaryDueOn), D(i.PreliminaryReportedOn), D(i.FinalDueOn),
                D(i.FinalReportedOn), D(i.NotifiedOn), i.IsSerious ? "重大事故" : null, D(i.ClosedOn),
            };
        });
        return File(CsvWriter.ToBytes(enc, ["番号", "件名", "発生課", "区分", "発生日", "認知日", "本人の数", "報告", "報告の理由", "速報の期限", "速報の報告日", "確報の期限",
            "確報の報告日", "本人への通知日", "重大事故", "対応完了日"], rows), CsvEncodings.ContentType(enc), "漏えい等事案.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
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
