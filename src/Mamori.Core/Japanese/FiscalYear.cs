using System.Globalization;

namespace Mamori.Core.Japanese;

/// <summary>年度: the Japanese fiscal year, April 1 to March 31, named by the year it starts in.</summary>
public readonly partial record struct FiscalYear(int StartYear) : IComparable<FiscalYear>
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

    /// <summary>
    /// Reads a 年度 as offices write it: 2022, 2022年度, 令和4年度, 令和元年度, 平成30年度 (full-width digits too).
    /// An era year counts from the era's first year, as <see cref="ToWareki"/> names it.
    /// </summary>
    public static bool TryParse(string? text, out FiscalYear year)
    {
        year = default;
        var m = Pattern().Match((text ?? "").Normalize(System.Text.NormalizationForm.FormKC).Trim());
        if (!m.Success)
        {
            return false;
        }
        var n = m.Groups[2].Value == "元" ? 1 : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        int start;
        if (m.Groups[1].Success)
        {
            var era = WarekiDate.Eras.First(e => e.Name == m.Groups[1].Value);
            start = era.Start.Year + n - 1;
        }
        else
        {
            start = n;
        }
        if (start is < 1950 or > 2200)
        {
            return false;
        }
        year = new FiscalYear(start);
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(令和|平成|昭和)?(\d{1,4}|元)(年度)?$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();

    /// <summary>2024年度.</summary>
    public override string ToString() => StartYear.ToString(CultureInfo.InvariantCulture) + "年度";

    public int CompareTo(FiscalYear other) => StartYear.CompareTo(other.StartYear);

    public static bool operator <(FiscalYear left, FiscalYear right) => left.StartYear < right.StartYear;
    public static bool operator >(FiscalYear left, FiscalYear right) => left.StartYear > right.StartYear;
    public static bool operator <=(FiscalYear left, FiscalYear right) => left.StartYear <= right.StartYear;
    public static bool operator >=(FiscalYear left, FiscalYear right) => left.StartYear >= right.StartYear;
}
