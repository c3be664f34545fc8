using System.Collections.Concurrent;

namespace Mamori.Core.Japanese;

/// <summary>
/// The days a Japanese government office is closed (行政機関の休日に関する法律 第1条): Saturdays, Sundays,
/// national holidays (国民の祝日に関する法律, with 振替休日 and 国民の休日) and the year-end closure
/// 12月29日–1月3日. Holidays are computed from the law's rules (the equinoxes by the usual formula, valid
/// 1980–2099), so no yearly table has to be kept up to date.
/// </summary>
public static class JapaneseCalendar
{
    private static readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> Cache = new();

    /// <summary>The national holidays of a year with their names (振替休日 and 国民の休日 included).</summary>
    public static IReadOnlyDictionary<DateOnly, string> Holidays(int year) => Cache.GetOrAdd(year, Compute);

    /// <summary>The holiday's name, or null on an ordinary day.</summary>
    /// <summary>Every national holiday from 2000 to 2060 (the rules' window: access logs older or newer than that are not analysed).</summary>
    public static IReadOnlyList<DateOnly> AllHolidays() => [.. Enumerable.Range(2000, 61).SelectMany(y => Holidays(y).Keys)];

    public static string? HolidayName(DateOnly date) => Holidays(date.Year).GetValueOrDefault(date);

    /// <summary>Whether the office is closed: weekend, national holiday or 12/29–1/3.</summary>
    public static bool IsClosed(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday
        || (date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3)
        || Holidays(date.Year).ContainsKey(date);

    /// <summary>Why the office is closed on a day (土曜日, 振替休日, 年末年始 …), or null when it is open.</summary>
    public static string? ClosedReason(DateOnly date) =>
        HolidayName(date)
        ?? ((date.Month == 12 && date.Day >= 29) || (date.Month == 1 && date.Day <= 3) ? "年末年始" : null)
        ?? date.DayOfWeek switch { DayOfWeek.Saturday => "土曜日", DayOfWeek.Sunday => "日曜日", _ => null };

    /// <summary>The <paramref name="days"/>-th open day after <paramref name="date"/> (the day itself not counted).</summary>
    public static DateOnly AddOpenDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var current = date;
        for (var counted = 0; counted < days;)
        {
            current = current.AddDays(1);
            if (!IsClosed(current))
            {
                counted++;
            }
        }
        return current;
    }

    /// <summary>The day itself when the office is open, otherwise the next open day (a deadline on a closed day moves forward).</summary>
    public static DateOnly OnOrNextOpenDay(DateOnly date)
    {
        var current = date;
        while (IsClosed(current))
        {
            current = current.AddDays(1);
        }
        return current;
    }

    private static IReadOnlyDictionary<DateOnly, string> Compute(int year)
    {
        var days = new SortedDictionary<DateOnly, string>();
        void Add(int month, int day, string name) => days[new DateOnly(year, month, day)] = name;
        DateOnly NthMonday(int month, int n)
        {
            var first = new DateOnly(year, month, 1);
            var offset = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
            return first.AddDays(offset + (7 * (n - 1)));
        }

        Add(1, 1, "元日");
        days[NthMonday(1, 2)] = "成人の日";
        Add(2, 11, "建国記念の日");
        if (year >= 2020)
        {
            Add(2, 23, "天皇誕生日");
        }
        else if (year <= 2018)
        {
            Add(12, 23, "天皇誕生日");
        }
        Add(3, Equinox(year, 20.8431), "春分の日");
        Add(4, 29, year >= 2007 ? "昭和の日" : "みどりの日");
        Add(5, 3, "憲法記念日");
        if (year >= 2007)
        {
            Add(5, 4, "みどりの日");
        }
        Add(5, 5, "こどもの日");
        switch (year)
        {
            case 2020:
                Add(7, 23, "海の日");
                Add(7, 24, "スポーツの日");
                Add(8, 10, "山の日");
                break;
            case 2021:
                Add(7, 22, "海の日");
                Add(7, 23, "スポーツの日");
                Add(8, 8, "山の日");
                break;
            default:
                days[NthMonday(7, 3)] = "海の日";
                if (year >= 2016)
                {
                    Add(8, 11, "山の日");
                }
                days[NthMonday(10, 2)] = year >= 2020 ? "スポーツの日" : "体育の日";
                break;
        }
        days[NthMonday(9, 3)] = "敬老の日";
        Add(9, Equinox(year, 23.2488), "秋分の日");
        Add(11, 3, "文化の日");
        Add(11, 23, "勤労感謝の日");
        if (year == 2019)
        {
            Add(5, 1, "天皇の即位の日");
            Add(10, 22, "即位礼正殿の儀の行われる日");
        }

        // 国民の休日: an ordinary weekday between two holidays (the 2019 Golden Week and September's Silver Weeks).
        var named = days.Keys.ToHashSet();
        foreach (var day in named.Select(d => d.AddDays(1)).Where(d => d.Year == year && !named.Contains(d) && named.Contains(d.AddDays(1))).ToList())
        {
            if (day.DayOfWeek != DayOfWeek.Sunday)
            {
                days[day] = "国民の休日";
            }
        }

        // 振替休日: a holiday on a Sunday moves to the next day that is not already a holiday.
        foreach (var sunday in days.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday).ToList())
        {
            var substitute = sunday.AddDays(1);
            while (days.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }
            if (substitute.Year == year)
            {
                days[substitute] = "振替休日";
            }
        }
        return days;
    }

    /// <summary>The day of March (春分, 20.8431) or September (秋分, 23.2488) of the equinox.</summary>
    private static int Equinox(int year, double constant) =>
        (int)Math.Floor(constant + (0.242194 * (year - 1980)) - Math.Floor((year - 1980) / 4.0));
}
