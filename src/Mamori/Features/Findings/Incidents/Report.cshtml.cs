using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings.Incidents;

/// <summary>
/// 速報 / 確報 in the PPC's form: the report as it would go out today (preview, print, Word), recording it as sent on a
/// date (which marks the reporting clock done), and every report already sent, printable again as it was.
/// </summary>
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class ReportModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public Incident Incident { get; private set; } = null!;
    public IncidentReportKind Kind { get; private set; }
    public PrintDocument Document { get; private set; } = null!;
    public IReadOnlyList<string> Missing { get; private set; } = [];
    public List<IncidentReport> Sent { get; private set; } = [];

    /// <summary>The sent report shown, or null for the report as it stands.</summary>
    public IncidentReport? Shown { get; private set; }

    public bool CanWrite { get; private set; }

    [BindProperty]
    public string? SentOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, IncidentReportKind kind, Guid? sent, CancellationToken ct)
    {
        if (!await LoadAsync(id, kind, sent, ct))
        {
            return NotFound();
        }
        SentOn ??= WarekiDate.Format(JapanTime.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, IncidentReportKind kind, Guid? sent, CancellationToken ct) => await LoadAsync(id, kind, sent, ct)
        ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"漏えい等の報告（{Kind.JapaneseName()}）_第{Incident.Number}号{(Shown is { } s ? $"_{s.SentOn:yyyyMMdd}" : "")}.docx")
        : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, IncidentReportKind kind, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.IncidentsWrite))
        {
            return Forbid();
        }
        var on = ParseDate(SentOn, nameof(SentOn));
        if (ModelState.IsValid)
        {
            var outcome = await IncidentReportForm.RecordAsync(db, id, kind, on, clock, ct);
            if (outcome.Ok)
            {
                Flash($"{kind.JapaneseName()}を{WarekiDate.Format(outcome.Value!.SentOn)}に報告したものとして記録しました。");
                return Redirect($"/incidents/{id}/report?kind={kind}&sent={outcome.Value.Id}");
            }
            AddErrors(outcome);
        }
        return await LoadAsync(id, kind, null, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, IncidentReportKind kind, Guid? sent, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null || !Enum.IsDefined(kind))
        {
            return false;
        }
        Incident = incident;
        Kind = kind;
        Sent = await db.IncidentReports.AsNoTracking().Where(r => r.IncidentId == id).OrderBy(r => r.SentOn).ThenBy(r => r.RecordedAt).ToListAsync(ct);
        if (sent is { } sentId)
        {
            Shown = Sent.FirstOrDefault(r => r.Id == sentId && r.Kind == kind);
            if (Shown is null)
            {
                return false;
            }
            Document = IncidentReportForm.Document(IncidentReportContent.FromJson(Shown.Snapshot));
        }
        else
        {
            var (content, missing) = await IncidentReportForm.DraftAsync(db, incident, kind, JapanTime.Today(clock), ct);
            (Document, Missing) = (IncidentReportForm.Document(content), missing);
        }
        CanWrite = await AllowedAsync(authz, Policies.IncidentsWrite);
        SetTitle(Shown is { } s ? $"{kind.JapaneseName()}（{WarekiDate.Format(s.SentOn)} 報告）" : $"{kind.JapaneseName()}の作成",
            IncidentsPages.Root, new Crumb($"第{incident.Number}号 {incident.Title}", $"/incidents/{id}"));
        return true;
    }
}
