using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Core.Japanese;

/// <summary>
/// 和暦 (Japanese era dates): formatting as 令和6年1月23日 and parsing the forms people type —
/// 元年, full-width digits, the abbreviations R6.1.23 / H31.4.30, and plain Gregorian dates.
/// </summary>
public static partial class WarekiDate
{
    /// <summary>An era (元号) with its first day and the one-letter abbreviation used on forms.</summary>
    public sealed record Era(string Name, char Initial, DateOnly Start);

    /// <summary>The supported eras, newest first.</summary>
    public static IReadOnlyList<Era> Eras { get; } =
    [
        new("令和", 'R', new DateOnly(2019, 5, 1)),
        new("平成", 'H', new DateOnly(1989, 1, 8)),
        new("昭和", 'S', new DateOnly(1926, 12, 25)),
        new("大正", 'T', new DateOnly(1912, 7, 30)),
        new("明治", 'M', new DateOnly(1868, 10, 23)),
    ];

    /// <summary>The era a date falls in; null before 明治.</summary>
    public static Era? EraOf(DateOnly date) => Eras.FirstOrDefault(e => date >= e.Start);

    /// <summary>The year within its era (1 = 元年).</summary>
    public static int EraYear(DateOnly date, Era era) => date.Year - era.Start.Year + 1;

    /// <summary>令和6年1月23日 (元年 for the first year). Dates before 明治 fall back to the Gregorian form.</summary>
    public static string Format(DateOnly date) => $"{FormatMonth(date)}{date.Day}日";

    /// <summary>令和6年4月: the era month, as monthly reports are titled.</summary>
    public static string FormatMonth(DateOnly date)
    {
        var era = EraOf(date);
        return era is null ? $"{date.Year}年{date.Month}月" : $"{era.Name}{YearText(EraYear(date, era))}年{date.Month}月";
    }

    /// <summary>令和5年9月7日（木）: the era date with the day of the week, as schedules print it.</summary>
    public static string FormatWithWeekday(DateOnly date) => $"{Format(date)}（{"日月火水木金土"[(int)date.DayOfWeek]}）";

    /// <summary>令和6年1月23日（2024年1月23日）: the era date with the Gregorian date beside it.</summary>
    public static string FormatWithGregorian(DateOnly date) =>
        $"{Format(date)}（{date.Year}年{date.Month}月{date.Day}日）";

    /// <summary>令和6年1月23日 14:05 for a point in time, shown in Japan time.</summary>
    public static string FormatDateTime(DateTime utc)
    {
        var jst = JapanTime.FromUtc(utc);
        return $"{Format(DateOnly.FromDateTime(jst))} {jst:HH:mm}";
    }

    internal static string YearText(int year) => year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a date; throws <see cref="FormatException"/> with a Japanese message.</summary>
    public static DateOnly Parse(string input) =>
        TryParse(input, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>
    /// Parses 令和6年1月23日, 令和元年5月1日, 令和６年１月２３日, R6.1.23, R6/1/23, H31.4.30,
    /// 2024-01-23, 2024/1/23, 2024年1月23日 and 20240123. On failure, <paramref name="error"/> says
    /// in Japanese what to fix.
    /// </summary>
    public static bool TryParse(string? input, out DateOnly date, out string? error)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "日付を入力してください（例：令和6年1月23日、R6.1.23、2024-01-23）。";
            return false;
        }

        var text = Compact(input);
        Match m;
        if ((m = EraPattern().Match(text)).Success)
        {
            var era = Eras.First(e => e.Name == m.Groups["era"].Value);
            return FromEra(era, m, input, out date, out error);
        }
        if ((m = EraInitialPattern().Match(text)).Success)
        {
            var initial = char.ToUpperInvariant(m.Groups["era"].Value[0]);
            var era = Eras.First(e => e.Initial == initial);
            return FromEra(era, m, input, out date, out error);
        }
        if ((m = GregorianPattern().Match(text)).Success || (m = GregorianCompactPattern().Match(text)).Success)
        {
            var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            return Build(year, m, input, out date, out error);
        }

        error = $"「{input.Trim()}」は日付として読めません。令和6年1月23日、R6.1.23、2024-01-23 のように入力してください。";
        return false;
    }

    private static bool FromEra(Era era, Match m, string input, out DateOnly date, out string? error)
    {
        var yearText = m.Groups["y"].Value;
        var eraYear = yearText == "元" ? 1 : int.Parse(yearText, CultureInfo.InvariantCulture);
        if (eraYear < 1)
        {
            date = default;
            error = $"「{input.Trim()}」の年が正しくありません。{era.Name}は元年（1年）から始まります。";
            return false;
        }
        if (!Build(era.Start.Year + eraYear - 1, m, input, out date, out error))
        {
            return false;
        }

        var actual = EraOf(date);
        if (date < era.Start || actual != era)
        {
            error = date < era.Start
                ? $"「{input.Trim()}」は{era.Name}の始まり（{Format(era.Start)}）より前です。"
                : $"「{input.Trim()}」は{era.Name}の期間外です。{Format(date)}のことであれば、そのように入力してください。";
            date = default;
            return false;
        }
        return true;
    }

    private static bool Build(int year, Match m, string input, out DateOnly date, out string? error)
    {
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            date = default;
            error = $"「{input.Trim()}」は存在しない日付です。月と日を確かめてください。";
            return false;
        }
        date = new DateOnly(year, month, day);
        error = null;
        return true;
    }

    /// <summary>NFKC (full-width digits, ㋿, ．) and no spaces, so one set of patterns covers every form.</summary>
    private static string Compact(string input)
    {
        var normalized = input.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?<era>令和|平成|昭和|大正|明治)(?<y>元|\d{1,2})年(?<m>\d{1,2})月(?<d>\d{1,2})日?$")]
    private static partial Regex EraPattern();

    [GeneratedRegex(@"^(?<era>[RHSTMrhstm])(?<y>元|\d{1,2})[./\-](?<m>\d{1,2})[./\-](?<d>\d{1,2})$")]
    private static partial Regex EraInitialPattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?:[./\-]|年)(?<m>\d{1,2})(?:[./\-]|月)(?<d>\d{1,2})日?$")]
    private static partial Regex GregorianPattern();

    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex GregorianCompactPattern();
}
