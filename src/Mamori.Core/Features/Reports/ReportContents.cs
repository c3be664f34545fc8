using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Reviews;
using Mamori.Core.Features.Security;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Reports;

/// <summary>A worksheet of a report's workbook: a table of one section, figures as numbers.</summary>
public sealed record ReportSheet(string Name, IReadOnlyList<Dictionary<string, object?>> Rows);

/// <summary>What one section prints (its blocks) and exports (its tables as worksheets).</summary>
public sealed record SectionContent(IReadOnlyList<PrintBlock> Blocks, IReadOnlyList<ReportSheet> Sheets)
{
    public static SectionContent Text(string text) => new([new PrintLine(text, Indent: 1)], []);
}

/// <summary>
/// Reads the figures of a report section from Mamori's records for the section's own period, and lays them out as
/// print blocks and worksheets. The queries run in the signed-in municipality (its query filters apply).
/// </summary>
public static partial class ReportContents
{
    /// <summary>How many 年度 a yearly table shows, ending with the period's.</summary>
    public const int YearsShown = 6;

    internal static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    public static async Task<SectionContent> LoadAsync(AppDbContext db, Guid municipalityId, ReportSection section, FiscalYear year, CancellationToken ct)
    {
        if (section.IsNarrative)
        {
            return Narrative(section.Text);
        }
        var period = (section.Period ?? ReportSections.DefaultPeriod(section.Source)).Resolve(year);
        return section.Source switch
        {
            ReportSource.Checklist => await ChecklistAsync(db, municipalityId, period, ct),
            ReportSource.RoomLog => await RoomAsync(db, municipalityId, section.Period?.Kind ?? ReportPeriodKind.FiscalYear, period, ct),
            ReportSource.Drills => await DrillsAsync(db, period, ct),
            ReportSource.Terminals => await TerminalsAsync(db, period, ct),
            ReportSource.TerminalAudits => await TerminalAuditsAsync(db, period, ct),
            ReportSource.Findings => await FindingsAsync(db, period, ct),
            ReportSource.Incidents => await IncidentsAsync(db, period, ct),
            ReportSource.AccessMonitoring => await AccessAsync(db, period, ct),
            ReportSource.ReviewCounts => await ReviewCountsAsync(db, period, ct),
            ReportSource.Statistics => await StatisticsAsync(db, municipalityId, section, period, ct),
            _ => SectionContent.Text("この章の内容は作成できません。"),
        };
    }

    /// <summary>The office's words: paragraphs separated by a blank line, line breaks kept within a paragraph.</summary>
    public static SectionContent Narrative(string? text)
    {
        var paragraphs = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return paragraphs.Length == 0
            ? SectionContent.Text("（未記入）")
            : new SectionContent(paragraphs.Select(p => (PrintBlock)new PrintLine(p, Indent: 1)).ToList(), []);
    }

    private static async Task<SectionContent> StatisticsAsync(AppDbContext db, Guid municipalityId, ReportSection section, ResolvedPeriod period, CancellationToken ct)
    {
        if (await StatDatasets.FindAsync(db, municipalityId, section.Dataset, ct) is not { } definition)
        {
            return SectionContent.Text(section.Dataset is null
                ? "統計のデータセットが選ばれていません。この章の「編集する」で選んでください。"
                : "この章の統計は見つかりません（削除された可能性があります）。この章の「編集する」で選び直してください。");
        }
        var report = await StatisticsTables.ForFiscalYearAsync(db, municipalityId, definition, period.Year, YearsShown, period.End, ct);
        var empty = definition.PeriodKind == PeriodKind.AsOfDate
            ? $"{period.Label}の{definition.Name}は登録されていません。"
            : $"{period.Year.ToWareki()}までの{definition.Name}は登録されていません。";
        if (definition.PeriodKind == PeriodKind.FiscalYear && period.Label != period.Year.ToWareki())
        {
            // The year counted to a day (「令和5年度（10月31日時点）」) says so in its row, in print and in the workbook.
            var year = period.Year.StartYear.ToString(CultureInfo.InvariantCulture);
            report = report with { Rows = report.Rows.Select(r => r.Period == year && r.Label == period.Year.ToWareki() ? r with { Label = period.Label } : r).ToList() };
        }
        var blocks = SecurityReportBlocks.Statistics(report, empty, section.Chart).ToList();
        return new SectionContent(blocks, [new ReportSheet(definition.Name, report.ToSheet())]);
    }

    private static async Task<SectionContent> ReviewCountsAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var counts = await ReviewReports.CountsAsync(db, period.Start ?? DateOnly.MinValue, period.End, ct);
        var blocks = new List<PrintBlock>
        {
            new PrintTable(["区分", "件数"],
            [
                ["審査した業務数", $"{N(counts.Cases)}業務"],
                ["自己点検類型件数", $"{N(counts.Inspections)}件"],
                ["取り下げた業務数", $"{N(counts.WithdrawnCases)}業務"],
                ["取り下げた自己点検類型件数", $"{N(counts.WithdrawnInspections)}件"],
            ], [60, 40]),
            new PrintTable(["取扱類型", "件数", "うち要配慮個人情報", "うち条例要配慮個人情報"],
                counts.Types.Select(t => (IReadOnlyList<string>)[t.Type.JapaneseName(), N(t.Count), N(t.Sensitive), N(t.OrdinanceSensitive)]).ToList(), [40, 20, 20, 20]),
        };
        var sheet = counts.Types.Select(t => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["取扱類型"] = t.Type.JapaneseName(),
            ["件数"] = t.Count,
            ["要配慮個人情報"] = t.Sensitive,
            ["条例要配慮個人情報"] = t.OrdinanceSensitive,
        }).ToList();
        return new SectionContent(blocks, [new ReportSheet("審査件数", sheet)]);
    }

    private static async Task<SectionContent> AccessAsync(AppDbContext db, ResolvedPeriod period, CancellationToken ct)
    {
        var from = period.Start ?? DateOnly.MinValue;
        var alerts = await db.AccessAlerts.AsNoTracking().Where(a => a.Day >= from && a.Day <= period.End && a.WithdrawnAt == null)
            .Select(a => new { a.Rule, a.Status, a.Outcome }).ToListAsync(ct);
        var days = await db.AccessDays.AsNoTracking().Where(d => d.Day >= from && d.Day <= period.End).Select(d => d.Rows).ToListAsync(ct);
        var lines = alerts.GroupBy(a => a.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new
        {
            Rule = g.Key,
            Alerts = g.Count(),
            Closed = g.Count(a => a.Status == AlertStatus.Closed),
            Violations = g.Count(a => a.Status == AlertStatus.Closed && a.Outcome == AlertOutcome.Violation),
            Legitimate = g.Count(a => a.Status == AlertStatus.Closed && a.Outcome == AlertOutcome.Legitimate),
            FalsePositives = g.Count(a => a.Status == AlertStatus.Closed && a.Outcome == AlertOutcome.FalsePositive),
        }).ToList();
        var blocks = new List<PrintBlock>
        {
            new PrintLine($"分析した日数 {N(days.Count)}日、アクセス {N(days.Sum())}件、アラート {N(alerts.Count)}件（うち完了 {N(lines.Sum(l => l.Closed))}件）", Indent: 1),
        };
        if (lines.Count > 0)
        {
            blocks.Add(new PrintTable(["検知ルール", "アラート", "完了", "違反", "正当", "誤検知"],
                [.. lines.Select(l => (IReadOnlyList<string>)[AccessAlerts.RuleLabel(l.Rule), N(l.Alerts), N(l.Closed), N(l.Violations), N(l.Legitimate), N(l.FalsePositives)]),
                 ["合計", N(lines.Sum(l => l.Alerts)), N(lines.Sum(l => l.Closed)), N(lines.Sum(l => l.Violations)), N(lines.Sum(l => l.Legitimate)), N(lines.Sum(l => l.FalsePositives))]],
                [40, 12, 12, 12, 12, 12]));
        }
        var sheet = lines.Select(l => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["検知ルール"] = AccessAlerts.RuleLabel(l.Rule),
            ["アラート"] = l.Alerts,
            ["完了"] = l.Closed,
            ["違反"] = l.Violations,
            ["正当"] = l.Legitimate,
            ["誤検知"] = l.FalsePositives,
        }).ToList();
        return new SectionContent(blocks, [new ReportSheet("アクセスログ監視", sheet)]);
    }
}
