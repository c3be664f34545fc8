using System.Globalization;

namespace Mamori.Core.Japanese;

/// <summary>年度: the Japanese fiscal year, April 1 to March 31, named by the year it starts in.</summary>
public readonly record struct FiscalYear(int StartYear) : IComparable<FiscalYear>
{
    /// <summary>The fiscal year a date belongs to (January–March belong to the previous year's 年度).</summary>
    public static FiscalYear Of(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>April 1.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>March 31 of the following year.</summary>
    public DateOnly End => new(StartYear + 1, 3, 31);

    /// <summary>Whether a date falls in this fiscal year.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>The twelve months, April first, as the first day of each month.</summary>
    public IEnumerable<DateOnly> Months()
    {
        var start = Start;
        return Enumerable.Range(0, 12).Select(start.AddMonths);
    }

    /// <summary>
    /// 令和6年度. The era is the one in force on May 1, so the year that began in April 2019 is
    /// 令和元年度 (as the government named it) and the one that began in April 1988 is 昭和63年度.
    /// </summary>
    public string ToWareki()
    {
        var era = WarekiDate.EraOf(new DateOnly(StartYear, 5, 1));
        return era is null
            ? $"{StartYear}年度"
            : $"{era.Name}{WarekiDate.YearText(StartYear - era.Start.Year + 1)}年度";
    }

    /// <summary>2024年度.</summary>
    public override string ToString() => StartYear.ToString(CultureInfo.InvariantCulture) + "年度";

    public int CompareTo(FiscalYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.StartYear < right.StartYear;
    public static bool operator >(FiscalYear left, FiscalYear right) => left.StartYear > right.StartYear;
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.StartYear <= right.StartYear;
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.StartYear >= right.StartYear;
}
