using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>The alerts of one rule in a month, by where they stand.</summary>
public sealed record RuleLine(string Rule, int Alerts, int Open, int Closed, int Violations, int Legitimate, int FalsePositives);

/// <summary>A month of the twelve-month series: alerts by rule, and how they stand (違反, closed otherwise, open).</summary>
public sealed record MonthLine(DateOnly Month, IReadOnlyDictionary<string, int> ByRule, int Violations, int ClosedOtherwise, int Open)
{
    public int Alerts => Violations + ClosedOtherwise + Open;
}

/// <summary>An alert closed as 違反 in the month, with the finding made of it (指摘事項) and where that stands.</summary>
public sealed record ViolationLine(DateOnly Day, string Rule, string UserId, string? Dept, string? Supervisor, string? Finding, string? FindingStatus);

/// <summary>A user with two or more alerts in the month (and whether there were alerts the month before as well).</summary>
public sealed record RepeatUser(string UserId, string? Dept, int Alerts, string Rules, bool AlsoLastMonth);

/// <summary>
/// 月次報告: rows analysed, the share of accesses to residents that a case explains, alerts per rule, closed and
/// open, time to close, every alert found a 違反 with its finding, the twelve months up to this one by rule, repeat
/// users. Made from the stored day counts and alerts; print, .docx and .xlsx are the same figures.
/// </summary>
public sealed record AccessMonthReport(
    DateOnly Month,
    int DaysAnalysed,
    long Rows,
    long ResidentRows,
    long Explained,
    IReadOnlyList<RuleLine> Rules,
    double? AverageDaysToClose,
    double? MedianDaysToClose,
    IReadOnlyList<RepeatUser> RepeatUsers,
    IReadOnlyList<ViolationLine> Violations,
    IReadOnlyList<MonthLine> Twelve)
{
    /// <summary>How many months the series shows, this one included.</summary>
    public const int SeriesMonths = 12;

    public int Alerts => Rules.Sum(r => r.Alerts);
    public int Open => Rules.Sum(r => r.Open);
    public int Closed => Rules.Sum(r => r.Closed);

    /// <summary>Explained accesses as a percentage of accesses to residents, half up to one decimal; null without any.</summary>
    public decimal? ExplainedPercent => ResidentRows == 0 ? null : Datasets.Percent(Explained, ResidentRows);

    public string Title => $"アクセスログ監視 月次報告（{WarekiDate.FormatMonth(Month)}）";

    public static async Task<AccessMonthReport> BuildAsync(AppDbContext db, DateOnly month, CancellationToken ct)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var end = month.AddMonths(1).AddDays(-1);
        var days = await db.AccessDays.AsNoTracking().Where(d => d.Day >= month && d.Day <= end).ToListAsync(ct);
        var alerts = await db.AccessAlerts.AsNoTracking().Where(a => a.Day >= month.AddMonths(-1) && a.Day <= end).ToListAsync(ct);
        var current = alerts.Where(a => a.Day >= month).ToList();
        var rules = current.GroupBy(a => a.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RuleLine(g.Key, g.Count(),
            g.Count(a => a.Status != AlertStatus.Closed), g.Count(a => a.Status == AlertStatus.Closed),
            g.Count(a => a.Outcome == AlertOutcome.Violation && a.Status == AlertStatus.Closed), g.Count(a => a.Outcome == AlertOutcome.Legitimate && a.Status == AlertStatus.Closed),
            g.Count(a => a.Outcome == AlertOutcome.FalsePositive && a.Status == AlertStatus.Closed))).ToList();
        var toClose = current.Where(a => a.ClosedAt is not null).Select(a => (a.ClosedAt!.Value - a.DetectedAt).TotalDays).Order().ToList();
        var lastMonthUsers = alerts.Where(a => a.Day < month).Select(a => a.UserId).ToHashSet(StringComparer.Ordinal);
        var repeat = current.GroupBy(a => a.UserId).Where(g => g.Count() >= 2)
            .Select(g => new RepeatUser(g.Key, g.Select(a => a.UserDept).FirstOrDefault(d => d is not null), g.Count(),
                string.Join("、", g.Select(a => a.Rule).Distinct().Order(StringComparer.Ordinal)), lastMonthUsers.Contains(g.Key)))
            .OrderByDescending(u => u.Alerts).ThenBy(u => u.UserId, StringComparer.Ordinal).ToList();
        return new AccessMonthReport(month, days.Count, days.Sum(d => d.Rows), days.Sum(d => d.ResidentRows), days.Sum(d => d.Explained), rules,
            toClose.Count == 0 ? null : Math.Round(toClose.Average(), 1), toClose.Count == 0 ? null : Math.Round(Median(toClose), 1), repeat,
            await ViolationsAsync(db, current, ct), await TwelveAsync(db.AccessAlerts, month, ct));
    }

    private static async Task<List<ViolationLine>> ViolationsAsync(AppDbContext db, List<AccessAlert> current, CancellationToken ct)
    {
        var violations = current.Where(a => a.Status == AlertStatus.Closed && a.Outcome == AlertOutcome.Violation).OrderBy(a => a.Day).ThenBy(a => a.Rule, StringComparer.Ordinal)
            .ThenBy(a => a.UserId, StringComparer.Ordinal).ToList();
        var findingIds = violations.Where(a => a.FindingId is not null).Select(a => a.FindingId!.Value).ToList();
        var findings = await db.Findings.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Where(f => findingIds.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, f => (f.Heading, f.Status), ct);
        return violations.Select(a => a.FindingId is { } id && findings.TryGetValue(id, out var f)
            ? new ViolationLine(a.Day, a.Rule, a.UserId, a.UserDept, a.Supervisor, f.Heading, f.Status.JapaneseName())
            : new ViolationLine(a.Day, a.Rule, a.UserId, a.UserDept, a.Supervisor, null, null)).ToList();
    }

    /// <summary>
    /// The twelve months up to <paramref name="month"/> of <paramref name="alerts"/> (the municipality's, or one user's),
    /// counted in the database by month, rule and where each alert stands.
    /// </summary>
    public static async Task<List<MonthLine>> TwelveAsync(IQueryable<AccessAlert> alerts, DateOnly month, CancellationToken ct)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var first = month.AddMonths(1 - SeriesMonths);
        var end = month.AddMonths(1);
        var rows = await alerts.AsNoTracking().Where(a => a.Day >= first && a.Day < end)
            .GroupBy(a => new { a.Day.Year, a.Day.Month, a.Rule, a.Status, a.Outcome }).Select(g => new { g.Key.Year, g.Key.Month, g.Key.Rule, g.Key.Status, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        return Enumerable.Range(0, SeriesMonths).Select(i => first.AddMonths(i)).Select(m =>
        {
            var of = rows.Where(r => r.Year == m.Year && r.Month == m.Month).ToList();
            return new MonthLine(m, of.GroupBy(r => r.Rule).ToDictionary(g => g.Key, g => g.Sum(r => r.Count)),
                of.Where(r => r.Status == AlertStatus.Closed && r.Outcome == AlertOutcome.Violation).Sum(r => r.Count),
                of.Where(r => r.Status == AlertStatus.Closed && r.Outcome != AlertOutcome.Violation).Sum(r => r.Count),
                of.Where(r => r.Status != AlertStatus.Closed).Sum(r => r.Count));
        }).ToList();
    }

    /// <summary>「5月」 for a month of the series, 「令和7年1月」 where the year turns.</summary>
    private static string MonthLabel(DateOnly m, int index) => index == 0 || m.Month == 1 ? WarekiDate.FormatMonth(m) : $"{m.Month}月";

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Days(double? days) => days is { } d ? d.ToString("0.0", CultureInfo.InvariantCulture) + "日" : "－";

    /// <summary>The summary lines: 分析した日数, 行数, 説明のつく割合, アラート, 完了までの日数.</summary>
    public IReadOnlyList<(string Label, string Value)> Summary() =>
    [
        ("分析した日数", $"{DaysAnalysed}日"),
        ("分析したアクセス", $"{N(Rows)}件"),
        ("うち住民の記録へのアクセス", $"{N(ResidentRows)}件"),
        ("案件で説明のつくアクセスの割合", ExplainedPercent is { } p ? $"{p.ToString("0.0", CultureInfo.InvariantCulture)}%（{N(Explained)}件）" : "－"),
        ("アラート", $"{Alerts}件（完了 {Closed}件、未完了 {Open}件）"),
        ("完了までの日数", $"平均 {Days(AverageDaysToClose)}、中央値 {Days(MedianDaysToClose)}"),
        ("違反と判定したアラート", $"{Violations.Count}件（指摘事項に登録 {Violations.Count(v => v.Finding is not null)}件）"),
        ("繰り返しアラートのあった職員", $"{RepeatUsers.Count}人"),
    ];

    private static readonly string[] RuleHeaders = ["ルール", "アラート", "未完了", "完了", "違反", "正当", "誤検知"];
    private static readonly string[] RepeatHeaders = ["利用者ID", "所属", "アラート", "ルール", "前月にも"];
    private static readonly string[] ViolationHeaders = ["日付", "ルール", "利用者ID", "所属", "確認した所属長", "指摘事項", "指摘事項の状況"];

    private IReadOnlyList<IReadOnlyList<string>> ViolationRows() => [.. Violations.Select(v => (IReadOnlyList<string>)
        [WarekiDate.Format(v.Day), AccessAlerts.RuleLabel(v.Rule), v.UserId, v.Dept ?? "－", v.Supervisor ?? "－", v.Finding ?? "未登録", v.FindingStatus ?? "－"])];

    /// <summary>The twelve months as a table: a row per rule that had alerts in any of them, a column per month, and the total.</summary>
    private (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) TwelveTable()
    {
        var rules = Twelve.SelectMany(m => m.ByRule.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        IReadOnlyList<string> headers = ["ルール", .. Twelve.Select((m, i) => MonthLabel(m.Month, i)), "計"];
        var rows = rules.Select(r => (IReadOnlyList<string>)[r, .. Twelve.Select(m => N(m.ByRule.GetValueOrDefault(r))), N(Twelve.Sum(m => m.ByRule.GetValueOrDefault(r)))])
            .Append(["合計", .. Twelve.Select(m => N(m.Alerts)), N(Twelve.Sum(m => m.Alerts))]).ToList();
        return (headers, rows);
    }

    /// <summary>The twelve months as a stacked chart: 違反, closed otherwise (正当・誤検知), still open.</summary>
    public PrintBarChart TwelveChart() => Chart("アラートの件数", Twelve);

    /// <summary>Twelve months as a stacked chart titled 「{what}（令和5年5月〜令和6年4月）」.</summary>
    public static PrintBarChart Chart(string what, IReadOnlyList<MonthLine> twelve) => new($"{what}（{WarekiDate.FormatMonth(twelve[0].Month)}〜{WarekiDate.FormatMonth(twelve[^1].Month)}）",
        // Month only under the bars (the caption gives the years): twelve labels must fit the width of the page.
        twelve.Select(m => $"{m.Month.Month}月").ToList(),
        [new ChartSeries("違反", twelve.Select(m => m.Violations).ToList()), new ChartSeries("正当・誤検知", twelve.Select(m => m.ClosedOtherwise).ToList()),
            new ChartSeries("未完了", twelve.Select(m => m.Open).ToList())]);

    private IReadOnlyList<IReadOnlyList<string>> RuleRows() =>
        [.. Rules.Select(r => (IReadOnlyList<string>)[AccessAlerts.RuleLabel(r.Rule), N(r.Alerts), N(r.Open), N(r.Closed), N(r.Violations), N(r.Legitimate), N(r.FalsePositives)]),
         ["合計", N(Alerts), N(Open), N(Closed), N(Rules.Sum(r => r.Violations)), N(Rules.Sum(r => r.Legitimate)), N(Rules.Sum(r => r.FalsePositives))]];

    /// <summary>The report as print blocks (A4 page, .docx).</summary>
    public PrintDocument ToDocument(string municipality, DateOnly printedOn)
    {
        var blocks = new List<PrintBlock>
        {
            new PrintLine(WarekiDate.Format(printedOn), LineAlign.Right),
            new PrintLine(municipality, LineAlign.Right),
            new PrintLine(Title, LineAlign.Center, Bold: true, Large: true),
            new PrintLine(""),
            new PrintLine("1 概要", Bold: true),
            new PrintTable(["項目", "値"], Summary().Select(s => (IReadOnlyList<string>)[s.Label, s.Value]).ToList(), [40, 60]),
            new PrintLine(""),
            new PrintLine("2 ルール別のアラート", Bold: true),
            new PrintTable(RuleHeaders, RuleRows(), [40, 10, 10, 10, 10, 10, 10]),
            new PrintLine(""),
            new PrintLine("3 違反と判定したアラート", Bold: true),
        };
        blocks.Add(Violations.Count == 0
            ? new PrintLine("この月に違反と判定したアラートはありません。", Indent: 1)
            : new PrintTable(ViolationHeaders, ViolationRows(), [13, 19, 10, 12, 14, 20, 12]));
        var (headers, rows) = TwelveTable();
        blocks.AddRange(
        [
            new PrintLine(""),
            new PrintLine($"4 過去{SeriesMonths}か月のアラート", Bold: true),
            TwelveChart(),
            new PrintTable(headers, rows, [10, .. Enumerable.Repeat(7, SeriesMonths), 6]),
            new PrintLine(""),
            new PrintLine("5 繰り返しアラートのあった職員（月2件以上）", Bold: true),
        ]);
        blocks.Add(RepeatUsers.Count == 0
            ? new PrintLine("該当する職員はいません。", Indent: 1)
            : new PrintTable(RepeatHeaders, RepeatUsers.Select(u => (IReadOnlyList<string>)[u.UserId, u.Dept ?? "－", N(u.Alerts), u.Rules, u.AlsoLastMonth ? "あり" : ""]).ToList(), [20, 25, 12, 28, 15]));
        return new PrintDocument(Title, blocks);
    }

    /// <summary>The report as a workbook: 概要, ルール別, 繰り返し (figures as numbers).</summary>
    public byte[] ToXlsx()
    {
        var summary = new List<Dictionary<string, object?>>
        {
            new() { ["項目"] = "対象月", ["値"] = Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) },
            new() { ["項目"] = "分析した日数", ["値"] = DaysAnalysed },
            new() { ["項目"] = "分析したアクセス", ["値"] = Rows },
            new() { ["項目"] = "うち住民の記録へのアクセス", ["値"] = ResidentRows },
            new() { ["項目"] = "案件で説明のつくアクセス", ["値"] = Explained },
            new() { ["項目"] = "説明のつく割合（%）", ["値"] = ExplainedPercent },
            new() { ["項目"] = "アラート", ["値"] = Alerts },
            new() { ["項目"] = "完了", ["値"] = Closed },
            new() { ["項目"] = "未完了", ["値"] = Open },
            new() { ["項目"] = "完了までの日数（平均）", ["値"] = AverageDaysToClose },
            new() { ["項目"] = "完了までの日数（中央値）", ["値"] = MedianDaysToClose },
        };
        var rules = Rules.Select(r => new Dictionary<string, object?>
        {
            ["ルール"] = r.Rule,
            ["名称"] = AccessAlerts.RuleTitles.GetValueOrDefault(r.Rule),
            ["アラート"] = r.Alerts,
            ["未完了"] = r.Open,
            ["完了"] = r.Closed,
            ["違反"] = r.Violations,
            ["正当"] = r.Legitimate,
            ["誤検知"] = r.FalsePositives,
        }).ToList();
        if (rules.Count == 0)
        {
            rules.Add(new Dictionary<string, object?> { ["ルール"] = null });
        }
        var repeat = RepeatUsers.Select(u => new Dictionary<string, object?>
        {
            ["利用者ID"] = u.UserId,
            ["所属"] = u.Dept,
            ["アラート"] = u.Alerts,
            ["ルール"] = u.Rules,
            ["前月にも"] = u.AlsoLastMonth ? "あり" : "",
        }).ToList();
        if (repeat.Count == 0)
        {
            repeat.Add(new Dictionary<string, object?> { ["利用者ID"] = null });
        }
        var violations = Violations.Select(v => ViolationHeaders.Zip(new object?[]
        {
            v.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Rule, v.UserId, v.Dept, v.Supervisor, v.Finding, v.FindingStatus,
        }).ToDictionary(x => x.First, x => x.Second)).ToList();
        if (violations.Count == 0)
        {
            violations.Add(new Dictionary<string, object?> { ["日付"] = null });
        }
        var ruleIds = Twelve.SelectMany(m => m.ByRule.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var twelve = Twelve.Select(m => new Dictionary<string, object?> { ["月"] = m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) }
            .Concat(ruleIds.Select(r => new KeyValuePair<string, object?>(r, m.ByRule.GetValueOrDefault(r))))
            .Concat([new("合計", m.Alerts), new("違反", m.Violations), new("正当・誤検知", m.ClosedOtherwise), new("未完了", m.Open)])
            .ToDictionary(x => x.Key, x => x.Value)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["概要"] = summary,
            ["ルール別"] = rules,
            ["違反"] = violations,
            [$"{SeriesMonths}か月"] = twelve,
            ["繰り返し"] = repeat,
        });
        return stream.ToArray();
    }
}
