using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>The alerts of one rule in a month, by where they stand.</summary>
public sealed record RuleLine(string Rule, int Alerts, int Open, int Closed, int Violations, int Legitimate, int FalsePositives);

/// <summary>A user with two or more alerts in the month (and whether there were alerts the month before as well).</summary>
public sealed record RepeatUser(string UserId, string? Dept, int Alerts, string Rules, bool AlsoLastMonth);

/// <summary>
/// 月次報告: rows analysed, the share of accesses to residents that a case explains, alerts per rule, closed and
/// open, time to close, repeat users. Made from the stored day counts and alerts; print, .docx and .xlsx are the same figures.
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
    IReadOnlyList<RepeatUser> RepeatUsers)
{
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
            toClose.Count == 0 ? null : Math.Round(toClose.Average(), 1), toClose.Count == 0 ? null : Math.Round(Median(toClose), 1), repeat);
    }

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
        ("繰り返しアラートのあった職員", $"{RepeatUsers.Count}人"),
    ];

    private static readonly string[] RuleHeaders = ["ルール", "アラート", "未完了", "完了", "違反", "正当", "誤検知"];
    private static readonly string[] RepeatHeaders = ["利用者ID", "所属", "アラート", "ルール", "前月にも"];

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
            new PrintLine("3 繰り返しアラートのあった職員（月2件以上）", Bold: true),
        };
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
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["概要"] = summary, ["ルール別"] = rules, ["繰り返し"] = repeat });
        return stream.ToArray();
    }
}
