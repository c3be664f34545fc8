using System.Globalization;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Security;

/// <summary>
/// The security parts of a report as print blocks: the checklist scores, the server-room tables, the drills and a
/// statistics table. The fixed yearly report and the reports made from a template print them the same way.
/// </summary>
public static class SecurityReportBlocks
{
    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Each checklist's 回答の基準, scores 今回 / 前回 by category, changed items, 改善計画.</summary>
    public static IEnumerable<PrintBlock> Checklists(IReadOnlyList<ChecklistSummary> checklists, string yearLabel)
    {
        if (checklists.Count == 0)
        {
            yield return new PrintLine($"{yearLabel}の団体全体の点検は登録されていません。", Indent: 1);
        }
        foreach (var c in checklists)
        {
            yield return new PrintLine($"回答の基準（{c.TemplateName}）", Indent: 1);
            yield return new PrintTable(["点数", "回答"], c.Scale.OrderByDescending(o => o.Value).Select(o => (IReadOnlyList<string>)[o.Value.ToString(CultureInfo.InvariantCulture), o.Label]).ToList(), [15, 85]);
            var now = new FiscalYear(c.FiscalYear).ToWareki();
            var before = c.PreviousYear is { } p ? $"前回（{new FiscalYear(p).ToWareki()}）" : "前回";
            yield return new PrintLine($"{c.TemplateName}（評点は「該当しない」を除く回答の平均。満点 {TopText(c)}）" + (c.Closed ? "" : "　※点検中"), Indent: 1);
            var rows = c.Current.Categories.Select(cat =>
            {
                var prev = c.Previous?.Categories.FirstOrDefault(x => x.Category == cat.Category)?.Score;
                return (IReadOnlyList<string>)[cat.Category, ChecklistScores.Format(cat.Score), ChecklistScores.Format(prev), Difference(cat.Score, prev)];
            }).ToList();
            rows.Add(["全体", ChecklistScores.Format(c.Current.Score), ChecklistScores.Format(c.Previous?.Score), Difference(c.Current.Score, c.Previous?.Score)]);
            yield return new PrintTable(["分類", $"今回（{now}）", before, "増減"], rows, [46, 18, 18, 18]);
            if (c.ChangedItems.Count > 0)
            {
                yield return new PrintLine("前回から回答が変わった項目", Indent: 1);
                yield return new PrintTable(["番号", "項目", "前回", "今回", "変化"],
                    c.ChangedItems.Select(i => (IReadOnlyList<string>)[i.Item.Number, i.Item.Text, Security.Checklists.Label(c.Scale, i.Previous), Security.Checklists.Label(c.Scale, i.Current), i.Change.JapaneseName()]).ToList(),
                    [8, 50, 15, 15, 12]);
            }
            if (c.Plans.Count > 0)
            {
                yield return new PrintLine($"改善計画（満点に満たない項目 {c.Plans.Count} 件）", Indent: 1);
                yield return new PrintTable(["番号", "項目", "回答", "改善策", "担当", "期限"],
                    c.Plans.Select(p => (IReadOnlyList<string>)[p.Number, p.Text, p.Answer, p.Measure ?? "（未記入）", p.Owner ?? "（未記入）",
                        p.DueOn is { } due ? WarekiDate.Format(due) : "（未記入）"]).ToList(),
                    [7, 33, 12, 26, 11, 11]);
            }
            if (c.UnpublishedItems > 0)
            {
                yield return new PrintLine($"※ 非公表の{c.UnpublishedItems}項目は評点に含め、項目の一覧には掲載していません。", Indent: 1);
            }
        }
    }

    /// <summary>
    /// The months of the period (職員 / ベンダー等 / 月計) with their chart, the yearly table when there is one, and the
    /// period's 入室理由.
    /// </summary>
    public static IEnumerable<PrintBlock> Room(FiscalYearTable months, IReadOnlyList<FiscalYearTable>? years, IReadOnlyList<ReasonCount> reasons, string periodLabel)
    {
        var n = 0;
        string Number() => $"（{++n}）";
        yield return new PrintLine($"{Number()}{periodLabel} 月別入室件数", Indent: 1);
        yield return new PrintTable(["区分", .. SecurityYearReport.MonthHeaders(months), "合計"], SecurityYearReport.MonthRows(months),
            [13, .. Enumerable.Repeat(72 / Math.Max(1, months.Months.Count), months.Months.Count), 15]);
        yield return new PrintBarChart($"{periodLabel} 月別入室件数", SecurityYearReport.MonthHeaders(months),
            [new ChartSeries("職員", months.Months.Select(m => m.Staff).ToList()), new ChartSeries("ベンダー等", months.Months.Select(m => m.Vendor).ToList())]);
        if (years is { Count: > 0 })
        {
            yield return new PrintLine($"{Number()}年度別入室件数（{years[0].Year.ToWareki()}～{years[^1].Year.ToWareki()}）", Indent: 1);
            yield return new PrintTable(["区分", .. years.Select(y => y.Year.ToWareki())], SecurityYearReport.YearRows(years));
        }
        yield return new PrintLine($"{Number()}{periodLabel} 主な入室理由", Indent: 1);
        yield return new PrintTable(["区分", "入室理由（件数）"],
            [["職員", SecurityYearReport.ReasonList(reasons, RoomEntryKind.Staff)], ["ベンダー等", SecurityYearReport.ReasonList(reasons, RoomEntryKind.Vendor)]], [16, 84]);
    }

    /// <summary>The drills held in the period, one row each.</summary>
    public static IEnumerable<PrintBlock> Drills(IReadOnlyList<Drill> drills, string periodLabel)
    {
        if (drills.Count == 0)
        {
            yield return new PrintLine($"{periodLabel}に実施した訓練は登録されていません。", Indent: 1);
            yield break;
        }
        yield return new PrintTable(["訓練（種類）", "実施日", "対象", "内容", "参加者", "所見・課題"],
            drills.Select(d => (IReadOnlyList<string>)[$"{d.Title}\n（{d.Kind.JapaneseName()}）", Security.Drills.Dates(d), d.TargetGroup, d.Content,
                string.Join("　", new[] { d.Participants, d.ParticipantCount is { } c ? $"{N(c)}名" : null }.Where(x => x is not null)), d.Findings ?? "特になし"]).ToList(),
            [18, 13, 16, 25, 10, 18]);
    }

    /// <summary>The scores of each checklist by category and overall, 今回 and 前回, as worksheet rows.</summary>
    public static List<Dictionary<string, object?>> ChecklistSheet(IReadOnlyList<ChecklistSummary> checklists) =>
        checklists.SelectMany(c => c.Current.Categories.Select(cat => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["調査表"] = c.TemplateName,
            ["分類"] = cat.Category,
            ["今回"] = cat.Score,
            ["前回"] = c.Previous?.Categories.FirstOrDefault(x => x.Category == cat.Category)?.Score,
        }).Append(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["調査表"] = c.TemplateName,
            ["分類"] = "全体",
            ["今回"] = c.Current.Score,
            ["前回"] = c.Previous?.Score,
        })).ToList();

    /// <summary>The drills as worksheet rows.</summary>
    public static List<Dictionary<string, object?>> DrillSheet(IReadOnlyList<Drill> drills) =>
        drills.Select(d => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["訓練名"] = d.Title,
            ["種類"] = d.Kind.JapaneseName(),
            ["実施日"] = Security.Drills.Dates(d),
            ["対象"] = d.TargetGroup,
            ["内容"] = d.Content,
            ["参加者"] = d.Participants,
            ["参加人数"] = d.ParticipantCount,
            ["所見・課題"] = d.Findings,
        }).ToList();

    /// <summary>A statistics table (the own row marked), its rounding note, and its chart when asked for.</summary>
    public static IEnumerable<PrintBlock> Statistics(StatReport report, string emptyText, bool chart)
    {
        if (report.Rows.Count == 0)
        {
            yield return new PrintLine(emptyText, Indent: 1);
            yield break;
        }
        if (report.Definition.PeriodKind == PeriodKind.AsOfDate)
        {
            yield return new PrintLine(report.PeriodLabel + RateNote(report.Definition), Indent: 1);
        }
        yield return StatTable(report);
        if (report.HasSupplied)
        {
            yield return new PrintLine($"{StatReport.SuppliedMark}は提出された数値（計算した値と異なる）です。", Indent: 1);
        }
        if (chart)
        {
            yield return report.ToChart();
        }
    }

    /// <summary>「（申請率・交付率は人口に対する割合。小数第1位まで四捨五入）」 for the rates of a dated table.</summary>
    public static string RateNote(DatasetDefinition definition)
    {
        var groups = definition.Computed.Where(c => c.IsPercent && c.Operands.Count == 2)
            .GroupBy(c => (Whole: definition.Columns.FirstOrDefault(x => x.Key == c.Operands[1])?.Name, c.Digits, c.Rounding))
            .Select(g => $"{string.Join("・", g.Select(c => c.Name))}は{g.Key.Whole}に対する割合。{(g.Key.Digits == 0 ? "整数" : $"小数第{g.Key.Digits}位")}まで{g.Key.Rounding.JapaneseName()}")
            .ToList();
        return groups.Count == 0 ? "" : $"（{string.Join("。", groups)}）";
    }

    /// <summary>A statistics table as a report prints it: figures with separators, rates with one decimal, the own row marked.</summary>
    public static PrintTable StatTable(StatReport report)
    {
        var (headers, cells) = report.ToCells();
        var rows = cells.Select((c, i) => report.Rows[i].IsOwn ? (IReadOnlyList<string>)[$"{c[0]}（本団体）", .. c.Skip(1)] : c).ToList();
        return new PrintTable(headers, rows);
    }

    private static string TopText(ChecklistSummary c) => Security.Checklists.Top(c.Scale).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Difference(decimal? now, decimal? before) =>
        now is { } a && before is { } b ? (a - b) switch { > 0 => "+" + (a - b).ToString("0.00", CultureInfo.InvariantCulture), < 0 => "△" + (b - a).ToString("0.00", CultureInfo.InvariantCulture), _ => "±0.00" } : "－";
}
