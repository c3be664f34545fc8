using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;

namespace Mamori.Features.Reports;

/// <summary>What the report pages share: the breadcrumb root, the years offered and the section editor's model.</summary>
public static class ReportsPages
{
    public static Crumb Root { get; } = new("報告書", "/reports");

    /// <summary>The 年度 a new report can be for: the next, this year and the five before it.</summary>
    public static IReadOnlyList<FiscalYear> Years(TimeProvider clock)
    {
        var now = FiscalYear.Of(DateOnly.FromDateTime(JapanTime.FromUtc(clock.GetUtcNow().UtcDateTime)));
        return Enumerable.Range(-5, 7).Reverse().Select(i => new FiscalYear(now.StartYear + i)).ToList();
    }

    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

/// <summary>
/// The model of the <c>_SectionEditor</c> partial: the sections, the page the forms post to, the record's version,
/// and for a report its 年度 (to show each period as dates).
/// </summary>
/// An edit refused for its input comes back with <see cref="FailedKey"/> and the words typed (<see cref="Typed"/>), so
/// nothing written is lost.
public sealed record SectionEditorView(IReadOnlyList<ReportSection> Sections, string PostPath, Guid Version, bool CanWrite, FiscalYear? Year,
    IReadOnlyList<Core.Features.Statistics.DatasetDefinition> Datasets, Guid? FailedKey = null, SectionInput? Typed = null);
