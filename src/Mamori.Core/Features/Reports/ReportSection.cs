using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mamori.Core.Features.Reports;

/// <summary>What a report section shows: text the office writes, or figures Mamori reads from its records.</summary>
public enum ReportSource
{
    /// <summary>文章: written by the office, carried over from last year's report.</summary>
    Narrative,

    /// <summary>住基ネット調査表等の点検結果 (the municipality-wide checklist of the period's 年度).</summary>
    Checklist,

    /// <summary>CSルームの入退室状況.</summary>
    RoomLog,

    /// <summary>緊急時対応訓練.</summary>
    Drills,

    /// <summary>統合端末の設置状況 (terminals in place at the end of the period).</summary>
    Terminals,

    /// <summary>統合端末の監査 (terminal audits in the period).</summary>
    TerminalAudits,

    /// <summary>指摘事項 (findings of the inspections held in the period) and their countermeasures.</summary>
    Findings,

    /// <summary>漏えい等事案 learned of in the period.</summary>
    Incidents,

    /// <summary>アクセスログ監視: alerts of the period by rule and outcome.</summary>
    AccessMonitoring,

    /// <summary>自己点検の審査件数 (cases per handling type).</summary>
    ReviewCounts,

    /// <summary>A statistics dataset's table (and chart).</summary>
    Statistics,
}

/// <summary>
/// One section of a report or template: a heading, what it shows and over which period. <see cref="Key"/> stays
/// the same when a report is made from the template or from last year's report, so a section's words carry over.
/// </summary>
public sealed record ReportSection
{
    public required Guid Key { get; init; }
    public required string Heading { get; init; }
    public required ReportSource Source { get; init; }

    /// <summary>The period of a data section (none for a narrative).</summary>
    public ReportPeriod? Period { get; init; }

    /// <summary>The statistics dataset of a <see cref="ReportSource.Statistics"/> section.</summary>
    public string? Dataset { get; init; }

    /// <summary>Whether a statistics section shows its chart below the table.</summary>
    public bool Chart { get; init; }

    /// <summary>The narrative (a template's starting text; a report's own words). Paragraphs are separated by blank lines.</summary>
    public string? Text { get; init; }

    /// <summary>A note printed under a data section's heading (出典, 注記).</summary>
    public string? Note { get; init; }

    /// <summary>
    /// The words carried over from last year's report (null when the section was not carried over): the report marks
    /// the section 「前年度のまま」 while <see cref="Text"/> still equals them.
    /// </summary>
    public string? CarriedText { get; init; }

    [JsonIgnore]
    public bool IsNarrative => Source == ReportSource.Narrative;

    /// <summary>A narrative carried over from last year and not yet changed.</summary>
    [JsonIgnore]
    public bool Unchanged => IsNarrative && CarriedText is not null && CarriedText == Text;
}

/// <summary>The Japanese names of sources and the JSON form sections are stored in.</summary>
public static class ReportSections
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(IReadOnlyList<ReportSection> sections) => JsonSerializer.Serialize(sections, Json);

    public static IReadOnlyList<ReportSection> FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<ReportSection>>(json, Json) ?? [];

    public static string JapaneseName(this ReportSource source) => source switch
    {
        ReportSource.Narrative => "文章",
        ReportSource.Checklist => "点検結果（調査表）",
        ReportSource.RoomLog => "CSルームの入退室",
        ReportSource.Drills => "訓練の実施状況",
        ReportSource.Terminals => "統合端末の設置状況",
        ReportSource.TerminalAudits => "統合端末の監査",
        ReportSource.Findings => "指摘事項と対応",
        ReportSource.Incidents => "漏えい等事案",
        ReportSource.AccessMonitoring => "アクセスログ監視の件数",
        ReportSource.ReviewCounts => "自己点検の審査件数",
        ReportSource.Statistics => "統計の表",
        _ => source.ToString(),
    };

    public static string JapaneseName(this ReportPeriodKind kind) => kind switch
    {
        ReportPeriodKind.FiscalYear => "年度",
        ReportPeriodKind.CalendarYear => "年（暦年）",
        ReportPeriodKind.AsOf => "基準日現在",
        ReportPeriodKind.FiscalYearToDate => "年度の途中まで",
        _ => kind.ToString(),
    };

    /// <summary>The period a new data section of a source starts with.</summary>
    public static ReportPeriod DefaultPeriod(ReportSource source) => source switch
    {
        ReportSource.Terminals => new ReportPeriod(ReportPeriodKind.AsOf),
        _ => ReportPeriod.SameYear,
    };
}
