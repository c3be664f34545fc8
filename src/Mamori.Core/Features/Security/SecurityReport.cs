using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.Security;

/// <summary>
/// A checklist's 今回 / 前回 for the report: scores overall and per category, the published items that changed, and the
/// 改善計画 of every published item answered below the top value.
/// </summary>
public sealed record ChecklistSummary(string TemplateName, int FiscalYear, bool Closed, ChecklistScores Current, int? PreviousYear, ChecklistScores? Previous,
    IReadOnlyList<ItemComparison> ChangedItems, int UnpublishedItems, IReadOnlyList<ScaleOption> Scale, IReadOnlyList<ImprovementPlan> Plans);

/// <summary>One item answered below the top value and what is planned for it (改善策・担当・期限).</summary>
public sealed record ImprovementPlan(string Number, string Text, string Answer, string? Measure, string? Owner, DateOnly? DueOn);

/// <summary>
/// 住基ネットに係るセキュリティ対策の実施状況 (the yearly report to the council): the checklist score 今回 / 前回,
/// the server-room table by month and by year with the reasons, and the drills of the fiscal year.
/// </summary>
public sealed record SecurityYearReport(FiscalYear Year, string Municipality, IReadOnlyList<ChecklistSummary> Checklists, RoomSummary Entries,
    IReadOnlyList<Drill> Drills, StatReport Cards, StatReport Convenience, StatReport ResidentNetwork)
{
    public FiscalYearTable Room => Entries.Year;
    public IReadOnlyList<FiscalYearTable> Years => Entries.Years;
    public IReadOnlyList<ReasonCount> Reasons => Entries.Reasons;

    /// <summary>How many fiscal years the multi-year table covers (平成29年度 … 令和4年度 in the reports municipalities publish).</summary>
    public const int YearsShown = 6;

    public string Title => $"{Year.ToWareki()} 住民基本台帳ネットワークシステムに係るセキュリティ対策の実施状況";

    /// <summary>The sections, in order: the cover's 目次 and the headings of the pages are the same text.</summary>
    public static IReadOnlyList<string> Sections { get; } =
    [
        "１　住基ネット調査表による点検結果",
        "２　CSルームの入退室状況",
        "３　訓練の実施状況",
        "４　マイナンバーカードの交付状況",
        "５　コンビニ交付・住基ネットの利用実績",
    ];

    public static async Task<SecurityYearReport> BuildAsync(AppDbContext db, Guid municipalityId, FiscalYear year, CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().IgnoreQueryFilters().Where(m => m.Id == municipalityId).Select(m => m.Name).FirstAsync(ct);
        var summaries = await ChecklistsAsync(db, municipalityId, year, ct);
        var entries = await RoomAccess.SummaryAsync(db, municipalityId, year, YearsShown, ct);
        var drills = await db.Drills.AsNoTracking().IgnoreQueryFilters()
            .Where(d => d.MunicipalityId == municipalityId && d.HeldOn >= year.Start && d.HeldOn <= year.End).OrderBy(d => d.HeldOn).ToListAsync(ct);
        var cards = await StatisticsTables.ForFiscalYearAsync(db, municipalityId, Datasets.MyNumberCards, year, YearsShown, null, ct);
        var convenience = await StatisticsTables.ForFiscalYearAsync(db, municipalityId, Datasets.Convenience, year, YearsShown, null, ct);
        var network = await StatisticsTables.ForFiscalYearAsync(db, municipalityId, Datasets.ResidentNetwork, year, YearsShown, null, ct);
        return new SecurityYearReport(year, municipality, summaries, entries, drills,
            cards, convenience, network);
    }

    /// <summary>The municipality-wide checklists of a 年度 with their 前回, by template name.</summary>
    public static async Task<List<ChecklistSummary>> ChecklistsAsync(AppDbContext db, Guid municipalityId, FiscalYear year, CancellationToken ct)
    {
        var templates = await db.ChecklistTemplates.AsNoTracking().IgnoreQueryFilters().Where(t => t.MunicipalityId == municipalityId).ToListAsync(ct);
        var assessments = await db.ChecklistAssessments.AsNoTracking().IgnoreQueryFilters().Include(a => a.Answers)
            .Where(a => a.MunicipalityId == municipalityId && a.DepartmentId == null && a.FiscalYear <= year.StartYear).ToListAsync(ct);
        var summaries = new List<ChecklistSummary>();
        foreach (var current in assessments.Where(a => a.FiscalYear == year.StartYear))
        {
            var template = templates.First(t => t.Id == current.TemplateId);
            var sameName = templates.Where(t => t.Name == template.Name).Select(t => t.Id).ToHashSet();
            var previous = Security.Checklists.Previous(current, assessments, sameName);
            var items = template.Items;
            var comparison = Security.Checklists.Compare(items, current.Values, previous?.Values);
            summaries.Add(new ChecklistSummary(template.Name, current.FiscalYear, current.IsClosed, ChecklistScore.Compute(items, current.Values),
                previous?.FiscalYear, previous is null ? null : ChecklistScore.Compute(items, previous.Values),
                comparison.Where(c => !c.Item.NeverPublished && c.Change is ItemChange.Better or ItemChange.Worse).ToList(),
                items.Count(i => i.NeverPublished), template.Scale, Plans(items, current, template.Scale)));
        }
        return summaries.OrderBy(s => s.TemplateName, StringComparer.Ordinal).ToList();
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The 改善計画 of the published items answered below the top value, in the checklist's order.</summary>
    private static List<ImprovementPlan> Plans(IReadOnlyList<ChecklistItem> items, ChecklistAssessment assessment, IReadOnlyList<ScaleOption> scale)
    {
        var answers = assessment.Answers.ToDictionary(a => a.ItemNumber, StringComparer.Ordinal);
        return items.Where(i => !i.NeverPublished)
            .Select(i => (Item: i, Answer: answers.GetValueOrDefault(i.Number)))
            .Where(x => x.Answer is { } a && Security.Checklists.NeedsPlan(scale, a.Value))
            .Select(x => new ImprovementPlan(x.Item.Number, x.Item.Text, Security.Checklists.Label(scale, x.Answer!.Value), x.Answer.PlanMeasure,
                x.Answer.PlanOwner, x.Answer.PlanDueOn))
            .ToList();
    }

    /// <summary>4月 … 3月.</summary>
    public static IReadOnlyList<string> MonthHeaders(FiscalYearTable table) => table.Months.Select(m => $"{m.Month.Month}月").ToList();

    /// <summary>The rows of a month table: 職員 / ベンダー等 / 月計.</summary>
    private static readonly (string Label, Func<MonthCount, int> Of)[] MonthLines = [("職員", m => m.Staff), ("ベンダー等", m => m.Vendor), ("月計", m => m.Total)];

    /// <summary>The rows of the multi-year table: 職員 / ベンダー等 / 計.</summary>
    private static readonly (string Label, Func<FiscalYearTable, int> Of)[] YearLines = [("職員", y => y.Staff), ("ベンダー等", y => y.Vendor), ("計", y => y.Total)];

    /// <summary>
    /// The rows 職員 / ベンダー等 / 月計 of a month table, with the year's total last; figures with thousands
    /// separators for print, plain for CSV (so that a spreadsheet reads them as numbers).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> MonthRows(FiscalYearTable t, bool separators = true)
    {
        string F(int n) => separators ? N(n) : n.ToString(CultureInfo.InvariantCulture);
        return MonthLines.Select(l => (IReadOnlyList<string>)[l.Label, .. t.Months.Select(m => F(l.Of(m))), F(t.Months.Sum(l.Of))]).ToList();
    }

    /// <summary>The rows 職員 / ベンダー等 / 計 of the multi-year table.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> YearRows(IReadOnlyList<FiscalYearTable> years) =>
        YearLines.Select(l => (IReadOnlyList<string>)[l.Label, .. years.Select(y => N(l.Of(y)))]).ToList();

    /// <summary>The server-room sheets of a workbook (月別, 年度別, 入室理由), figures as numbers.</summary>
    public static Dictionary<string, object> RoomSheets(RoomSummary room)
    {
        var months = MonthLines.Select(l =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["区分"] = l.Label };
            foreach (var m in room.Year.Months)
            {
                row[$"{m.Month.Month}月"] = l.Of(m);
            }
            row["合計"] = room.Year.Months.Sum(l.Of);
            return row;
        }).ToList();
        var years = YearLines.Select(l =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["区分"] = l.Label };
            foreach (var y in room.Years)
            {
                row[y.Year.ToWareki()] = l.Of(y);
            }
            return row;
        }).ToList();
        return new Dictionary<string, object>
        {
            ["入退室（月別）"] = months,
            ["入退室（年度別）"] = years,
            ["入室理由"] = room.Reasons.Count > 0
                ? room.Reasons.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal) { ["区分"] = r.Kind.JapaneseName(), ["入室理由"] = r.Reason, ["件数"] = r.Count }).ToList()
                : [new Dictionary<string, object?> { ["区分"] = null }],
        };
    }

    /// <summary>"ログチェック（31件）、NW作業（12件）" per category.</summary>
    public static string ReasonList(IEnumerable<ReasonCount> reasons, RoomEntryKind kind)
    {
        var list = reasons.Where(r => r.Kind == kind).Select(r => $"{r.Reason}（{N(r.Count)}件）").ToList();
        return list.Count == 0 ? "なし" : string.Join("、", list);
    }

    /// <summary>The report as blocks: the A4 print page and the .docx are made from the same content.</summary>
    public PrintDocument ToDocument()
    {
        var blocks = new List<PrintBlock>();
        // 表紙 and 目次, then each section on a page of its own.
        blocks.AddRange(Enumerable.Repeat(new PrintLine(""), 8));
        blocks.Add(new PrintLine(Year.ToWareki(), LineAlign.Center, Bold: true, Large: true));
        blocks.Add(new PrintLine("住民基本台帳ネットワークシステムに係る", LineAlign.Center, Bold: true, Large: true));
        blocks.Add(new PrintLine("セキュリティ対策の実施状況", LineAlign.Center, Bold: true, Large: true));
        blocks.AddRange(Enumerable.Repeat(new PrintLine(""), 10));
        blocks.Add(new PrintLine(Municipality, LineAlign.Center, Large: true));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine("目　次", LineAlign.Center, Bold: true, Large: true));
        blocks.Add(new PrintLine(""));
        blocks.AddRange(Sections.Select(section => new PrintLine(section, Indent: 2)));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine(Sections[0], Bold: true));
        blocks.AddRange(SecurityReportBlocks.Checklists(Checklists, Year.ToWareki()));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine(Sections[1], Bold: true));
        blocks.AddRange(SecurityReportBlocks.Room(Room, Years, Reasons, Year.ToWareki()));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine(Sections[2], Bold: true));
        blocks.AddRange(SecurityReportBlocks.Drills(Drills, Year.ToWareki()));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine(Sections[3], Bold: true));
        blocks.AddRange(SecurityReportBlocks.Statistics(Cards, $"{Year.ToWareki()}末までの交付状況は登録されていません。", chart: true));
        blocks.Add(new PrintPageBreak());
        blocks.Add(new PrintLine(Sections[4], Bold: true));
        foreach (var (number, report) in new[] { ("（1）", Convenience), ("（2）", ResidentNetwork) })
        {
            blocks.Add(new PrintLine($"{number}{report.Definition.Name}（件）", Indent: 1));
            blocks.AddRange(SecurityReportBlocks.Statistics(report, $"{Year.ToWareki()}までの件数は登録されていません。", chart: false));
        }
        return new PrintDocument(Title, blocks);
    }

    /// <summary>The report as a workbook: one sheet per part, figures as numbers.</summary>
    public byte[] ToXlsx()
    {
        var scores = SecurityReportBlocks.ChecklistSheet(Checklists);
        var sheets = new Dictionary<string, object> { ["点検結果"] = scores.Count > 0 ? scores : [new Dictionary<string, object?> { ["調査表"] = null }] };
        foreach (var (name, sheet) in RoomSheets(Entries))
        {
            sheets[name] = sheet;
        }
        sheets["訓練"] = Drills.Count > 0 ? SecurityReportBlocks.DrillSheet(Drills) : [new Dictionary<string, object?> { ["種類"] = null }];
        sheets["マイナンバーカード"] = Cards.ToSheet();
        sheets["コンビニ交付"] = Convenience.ToSheet();
        sheets["住基ネット実績"] = ResidentNetwork.ToSheet();
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
