using System.Globalization;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Reports;

/// <summary>What a report section's figures are counted over.</summary>
public enum ReportPeriodKind
{
    /// <summary>年度: April 1 to March 31.</summary>
    FiscalYear,

    /// <summary>年 (暦年): January 1 to December 31.</summary>
    CalendarYear,

    /// <summary>基準日: everything up to a date (cards on the latest 基準日, terminals in place on a day).</summary>
    AsOf,

    /// <summary>年度の途中まで: April 1 to a date of the same 年度 (「令和5年度（10月31日時点）」).</summary>
    FiscalYearToDate,
}

/// <summary>
/// A section's period, written relative to the report's 年度 so that a template is reused every year: the kind,
/// how many years before the report's year (0 = the same, 1 = the year before), and for a 基準日 or a partial
/// year the month and day (the end of the period when left out).
/// </summary>
public sealed record ReportPeriod(ReportPeriodKind Kind, int YearsBefore = 0, int? Month = null, int? Day = null)
{
    /// <summary>The report's own 年度.</summary>
    public static ReportPeriod SameYear { get; } = new(ReportPeriodKind.FiscalYear);

    /// <summary>The dates the period covers for a report of <paramref name="year"/>, and how the report names it.</summary>
    public ResolvedPeriod Resolve(FiscalYear year)
    {
        var fy = new FiscalYear(year.StartYear - YearsBefore);
        switch (Kind)
        {
            case ReportPeriodKind.CalendarYear:
                var y = year.StartYear - YearsBefore;
                return new ResolvedPeriod(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), CalendarYearName(y), fy);
            case ReportPeriodKind.AsOf:
                var asOf = DayIn(fy) ?? fy.End;
                return new ResolvedPeriod(null, asOf, $"{WarekiDate.Format(asOf)}現在", fy);
            case ReportPeriodKind.FiscalYearToDate:
                var to = DayIn(fy) ?? fy.End;
                return to == fy.End
                    ? new ResolvedPeriod(fy.Start, fy.End, fy.ToWareki(), fy)
                    : new ResolvedPeriod(fy.Start, to, $"{fy.ToWareki()}（{to.Month}月{to.Day}日時点）", fy);
            default:
                return new ResolvedPeriod(fy.Start, fy.End, fy.ToWareki(), fy);
        }
    }

    /// <summary>
    /// The month and day within the 年度 (April–December of its first year, January–March of the next); a day past
    /// the month's end (2月30日) is the month's last day.
    /// </summary>
    private DateOnly? DayIn(FiscalYear fy)
    {
        if (Month is not { } m || m is < 1 or > 12)
        {
            return null;
        }
        var calendarYear = m >= 4 ? fy.StartYear : fy.StartYear + 1;
        var day = Math.Clamp(Day ?? DateTime.DaysInMonth(calendarYear, m), 1, DateTime.DaysInMonth(calendarYear, m));
        return new DateOnly(calendarYear, m, day);
    }

    /// <summary>令和5年; 2019 is 令和元年, as offices name the year the era changed.</summary>
    public static string CalendarYearName(int year)
    {
        var era = WarekiDate.EraOf(new DateOnly(year, 12, 31));
        return era is null ? $"{year}年" : $"{era.Name}{WarekiDate.YearText(year - era.Start.Year + 1)}年";
    }

    /// <summary>How the template editor describes the period: 「報告年度の前年度」「報告年度の10月31日現在」.</summary>
    public string Describe()
    {
        var year = YearsBefore switch { 0 => "報告年度", 1 => "報告年度の前年度", var n => $"報告年度の{n}年度前" };
        var day = Month is { } m ? $"{m}月{(Day is { } d ? $"{d}日" : "末日")}" : null;
        return Kind switch
        {
            ReportPeriodKind.CalendarYear => YearsBefore == 0 ? "報告年度が始まる年（暦年）" : $"報告年度が始まる年の{YearsBefore}年前（暦年）",
            ReportPeriodKind.AsOf => $"{year}の{day ?? "末日"}現在",
            ReportPeriodKind.FiscalYearToDate => day is null ? year : $"{year}の{day}まで",
            _ => year,
        };
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind}-{YearsBefore}{(Month is { } m ? $"-{m}" : "")}{(Day is { } d ? $"-{d}" : "")}");
}

/// <summary>
/// A period as dates: <see cref="Start"/> is null for a 基準日 (everything up to <see cref="End"/>); <see cref="Year"/>
/// is the 年度 the period belongs to (the year of a checklist, the last year of a multi-year table).
/// </summary>
public sealed record ResolvedPeriod(DateOnly? Start, DateOnly End, string Label, FiscalYear Year)
{
    public bool Contains(DateOnly day) => day <= End && (Start is not { } s || day >= s);
}
