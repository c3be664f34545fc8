using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings.Incidents;

/// <summary>
/// The incident as the internal report (事故報告) the office circulates for approval: what happened, whether and why
/// it is reportable, the deadlines and what was done — A4 print and Word. The PPC report itself is filed on the
/// PPC's own form; this is the record behind it.
/// </summary>
[Authorize(Policy = Policies.IncidentsRead)]
public sealed class PrintModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public Incident Incident { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct)
        ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"漏えい等事案_第{Incident.Number}号.docx")
        : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }
        Incident = incident;
        var department = (await DepartmentTree.LoadAsync(db, ct)).FirstOrDefault(d => d.Id == incident.DepartmentId)?.Name ?? "";
        var settings = await Core.Features.Findings.Incidents.SettingsAsync(db, incident.MunicipalityId, ct);
        var reasons = IncidentReporting.Reasons(incident, settings.PeopleThreshold);
        static string D(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : "－";
        var today = JapanTime.Today(clock);
        var blocks = new List<PrintBlock>
        {
            new PrintLine($"{WarekiDate.Format(today)}現在", LineAlign.Right),
            new PrintLine($"個人情報の漏えい等事案について（第{incident.Number}号）", LineAlign.Center, Bold: true, Large: true),
            new PrintLine(""),
            new PrintTable(["項目", "内容"],
            [
                ["件名", incident.Title],
                ["発生課", department],
                ["区分", incident.Kind.JapaneseName() + (incident.IsSuspected ? "（おそれ）" : "")],
                ["発生日", D(incident.OccurredOn)],
                ["認知日", D(incident.LearnedOn)],
                ["概要", incident.Summary],
                ["情報の項目", incident.DataItems ?? "－"],
                ["本人の数", incident.AffectedCount is { } n ? $"{n:#,0}人" : "不明"],
                ["発覚の経緯", incident.Discovery ?? "調査中"],
                ["発生原因", incident.RootCause ?? "調査中"],
                ["再発防止策", incident.Measures ?? "検討中"],
                ["公表の実施状況", incident.PublicationNote ?? "未定"],
            ], [20, 80]),
            new PrintLine("個人情報保護委員会への報告", Bold: true),
            new PrintLine(IncidentReporting.IsReportable(incident, settings.PeopleThreshold)
                ? "報告の対象（" + (reasons.Count > 0 ? string.Join("／", reasons) : "任意の報告") + "）"
                : "報告の基準に当たらない", Indent: 1),
        };
        var duties = IncidentDeadlines.Duties(incident);
        if (duties.Count > 0)
        {
            blocks.Add(new PrintTable(["報告・通知", "期限", "実施日"], duties.Select(d => (IReadOnlyList<string>)[d.Name, d.DueOn is { } due ? D(due) : "速やかに", d.DoneOn is { } done ? D(done) : "未了"]).ToList(), [30, 35, 35]));
        }
        if (incident.NotificationNote is { } note)
        {
            blocks.Add(new PrintLine($"本人への通知の方法・代替措置　{note}"));
        }
        if (incident.IsSerious)
        {
            blocks.Add(new PrintLine("特定個人情報に関する重大事故に当たる（特定個人情報保護評価のしきい値判断に反映）"));
        }
        blocks.Add(new PrintLine($"対応の状況　{(incident.ClosedOn is { } c ? $"完了（{WarekiDate.Format(c)}）" : "対応中")}"));
        Document = new PrintDocument($"漏えい等事案 第{incident.Number}号", blocks);
        SetTitle("事案の報告（印刷・Word）", IncidentsPages.Root, new Crumb($"第{incident.Number}号 {incident.Title}", $"/incidents/{id}"));
        return true;
    }
}
