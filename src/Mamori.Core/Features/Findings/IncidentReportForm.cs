using System.Text.Encodings.Web;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Findings;

/// <summary>One item of the PPC's report form: its label, what was written, and whether the report needs it filled.</summary>
public sealed record ReportItem(string Label, string Text);

/// <summary>The PPC's report as sent: who reports, on which day, and the items in the form's order.</summary>
public sealed record IncidentReportContent(IncidentReportKind Kind, int IncidentNumber, string Agency, string Department, DateOnly SentOn,
    IReadOnlyList<ReportItem> Items)
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IncidentReportContent FromJson(string json) => JsonSerializer.Deserialize<IncidentReportContent>(json, Json)!;
}

/// <summary>
/// 個人情報の漏えい等の報告 in the PPC's form (個人情報保護法第68条第1項, 施行規則第43条・第44条): the items of the form,
/// which of them the 速報 and the 確報 need, the document (A4 print and Word), and recording a report as sent — which marks
/// the reporting clock done on the day it was sent. A 速報 may say 「調査中」 where the facts are not known yet; the 確報
/// must answer every item.
/// </summary>
public static class IncidentReportForm
{
    public const string Unknown = "調査中";

    /// <summary>The items in the form's order: label, text, and whether the 速報 already needs it (the 確報 needs all).</summary>
    public static IReadOnlyList<(string Label, string? Text, bool Preliminary)> Items(Incident i, IReadOnlyList<string> reasons)
    {
        static string? D(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
        return
        [
            ("事態の区分", i.Kind.JapaneseName() + (i.IsSuspected ? "（発生したおそれ）" : "（発生）"), true),
            ("報告の対象となる事態", reasons.Count > 0 ? string.Join("\n", reasons) : i.ReportVoluntarily ? "基準に当たらないが任意に報告する" : null, true),
            ("発生日", D(i.OccurredOn), false),
            ("発覚日（認知日）", D(i.LearnedOn), true),
            ("概要", i.Summary, true),
            ("漏えい等が発生し、又は発生したおそれがある保有個人情報の項目", i.DataItems, true),
            ("本人の数", i.AffectedCount is { } n ? $"{n:#,0}人" : null, false),
            ("発覚の経緯", i.Discovery, false),
            ("原因", i.RootCause, false),
            ("二次被害又はそのおそれの有無及びその内容", i.SecondaryHarmText(), false),
            ("本人への対応の実施状況", i.NotifiedOn is { } on
                ? $"{WarekiDate.Format(on)}に通知" + (i.NotificationNote is { } how ? $"（{how}）" : "")
                : i.NotificationNote, false),
            ("公表の実施状況", i.PublicationNote, false),
            ("再発防止のための措置", i.Measures, false),
            ("その他参考となる事項", i.ReportNote ?? "特になし", false),
        ];
    }

    /// <summary>The items a report of this kind still lacks, by label.</summary>
    public static IReadOnlyList<string> Missing(IncidentReportKind kind, Incident i, IReadOnlyList<string> reasons) =>
        Items(i, reasons).Where(x => string.IsNullOrWhiteSpace(x.Text) && (kind == IncidentReportKind.Final || x.Preliminary)).Select(x => x.Label).ToList();

    /// <summary>
    /// The report from the incident as it stands, dated <paramref name="sentOn"/> (what the preview shows and what recording
    /// freezes), and the items it still lacks.
    /// </summary>
    public static async Task<(IncidentReportContent Content, IReadOnlyList<string> Missing)> DraftAsync(AppDbContext db, Incident i, IncidentReportKind kind,
        DateOnly sentOn, CancellationToken ct)
    {
        var settings = await Incidents.SettingsAsync(db, i.MunicipalityId, ct);
        var reasons = IncidentReporting.Reasons(i, settings.PeopleThreshold);
        var agency = await Organization.MunicipalityHead.NameAsync(db, i.MunicipalityId, ct);
        var department = await db.Departments.Where(d => d.Id == i.DepartmentId).Select(d => d.Name).FirstAsync(ct);
        var items = Items(i, reasons).Select(x => new ReportItem(x.Label, string.IsNullOrWhiteSpace(x.Text) ? Unknown : x.Text!)).ToList();
        return (new IncidentReportContent(kind, i.Number, agency, department, sentOn, items), Missing(kind, i, reasons));
    }

    /// <summary>The report as the A4 page and the Word file (the same blocks).</summary>
    public static PrintDocument Document(IncidentReportContent c)
    {
        var blocks = new List<PrintBlock>
        {
            new PrintLine(WarekiDate.Format(c.SentOn), LineAlign.Right),
            new PrintLine("個人情報保護委員会　御中"),
            new PrintLine(c.Agency, LineAlign.Right),
            new PrintLine($"（担当：{c.Department}）", LineAlign.Right),
            new PrintLine(""),
            new PrintLine($"個人情報の漏えい等の報告（{c.Kind.JapaneseName()}）", LineAlign.Center, Bold: true, Large: true),
            new PrintLine(""),
            new PrintLine("　個人情報の保護に関する法律第68条第1項の規定により、次のとおり報告します。"),
            new PrintTable(["項目", "内容"], c.Items.Select(x => (IReadOnlyList<string>)[x.Label, x.Text]).ToList(), [30, 70]),
        };
        return new PrintDocument($"個人情報の漏えい等の報告（{c.Kind.JapaneseName()}）漏えい等事案 第{c.IncidentNumber}号", blocks);
    }

    /// <summary>
    /// Records a report as sent on <paramref name="sentOn"/>: refused, naming the items, when one the report needs is empty;
    /// otherwise frozen as the next version of its kind, and the incident's 速報 / 確報 marked reported on that day (a
    /// corrected 確報 keeps the first date). A 確報 needs the 速報 first, unless both go out the same day.
    /// </summary>
    public static async Task<Outcome<IncidentReport>> RecordAsync(AppDbContext db, Guid incidentId, IncidentReportKind kind, DateOnly? sentOn,
        TimeProvider clock, CancellationToken ct)
    {
        var incident = await db.Incidents.FirstOrDefaultAsync(i => i.Id == incidentId, ct);
        if (incident is null)
        {
            return Outcome<IncidentReport>.NotFound(Incidents.NotFound);
        }
        var today = JapanTime.Today(clock);
        if (sentOn is not { } on)
        {
            return Outcome<IncidentReport>.Fail("SentOn", "報告日（個人情報保護委員会へ送った日）を入力してください。");
        }
        if (on > today || on < incident.LearnedOn)
        {
            return Outcome<IncidentReport>.Fail("SentOn", on > today ? "報告日に未来の日付は入力できません。" : $"報告日が認知日（{WarekiDate.Format(incident.LearnedOn)}）より前になっています。");
        }
        var (content, missing) = await DraftAsync(db, incident, kind, on, ct);
        if (missing.Count > 0)
        {
            return Outcome<IncidentReport>.Fail("Items", $"{kind.JapaneseName()}に必要な項目が入力されていません：{string.Join("、", missing)}。事案の編集で入力してから記録してください。");
        }
        if (kind == IncidentReportKind.Final && incident.PreliminaryReportedOn is { } preliminary && on < preliminary)
        {
            return Outcome<IncidentReport>.Fail("SentOn", $"確報の報告日が速報の報告日（{WarekiDate.Format(preliminary)}）より前になっています。");
        }
        var number = await db.IncidentReports.Where(r => r.IncidentId == incident.Id && r.Kind == kind).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        var report = new IncidentReport
        {
            MunicipalityId = incident.MunicipalityId,
            DepartmentId = incident.DepartmentId,
            IncidentId = incident.Id,
            Kind = kind,
            Number = number + 1,
            SentOn = on,
            Snapshot = content.ToJson(),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = db.Tenant.ActorName,
        };
        db.IncidentReports.Add(report);
        if (kind == IncidentReportKind.Preliminary)
        {
            incident.PreliminaryReportedOn ??= on;
        }
        else
        {
            incident.PreliminaryReportedOn ??= on;
            incident.FinalReportedOn ??= on;
        }
        incident.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Of(ex) is not null)
        {
            return Outcome<IncidentReport>.Conflict($"同じ{kind.JapaneseName()}を他の人が同時に記録しました。画面を開き直して確かめてください。");
        }
        return Outcome<IncidentReport>.Success(report);
    }
}
