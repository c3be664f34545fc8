using Mamori.Core.Japanese;

namespace Mamori.Core.Tests.Japanese;

public sealed class WarekiDateTests
{
    [Theory]
    [InlineData(2024, 1, 23, "令和6年1月23日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1926, 12, 25, "昭和元年12月25日")]
    [InlineData(1926, 12, 24, "大正15年12月24日")]
    [InlineData(1912, 7, 30, "大正元年7月30日")]
    [InlineData(1900, 1, 1, "明治33年1月1日")]
    public void Format_GivesEraDate(int y, int m, int d, string expected) =>
        Assert.Equal(expected, WarekiDate.Format(new DateOnly(y, m, d)));

    [Fact]
    public void FormatWithGregorian_ShowsBoth() =>
        Assert.Equal("令和6年1月23日（2024年1月23日）", WarekiDate.FormatWithGregorian(new DateOnly(2024, 1, 23)));

    [Theory]
    [InlineData("令和6年1月23日", 2024, 1, 23)]
    [InlineData("令和６年１月２３日", 2024, 1, 23)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("令和 元年 5月 1日", 2019, 5, 1)]
    [InlineData("R6.1.23", 2024, 1, 23)]
    [InlineData("r6/1/23", 2024, 1, 23)]
    [InlineData("Ｒ６．１．２３", 2024, 1, 23)]
    [InlineData("H31.4.30", 2019, 4, 30)]
    [InlineData("S64.1.7", 1989, 1, 7)]
    [InlineData("平成元年1月8日", 1989, 1, 8)]
    [InlineData("㋿6年1月23日", 2024, 1, 23)]
    [InlineData("2024-01-23", 2024, 1, 23)]
    [InlineData("2024/1/23", 2024, 1, 23)]
    [InlineData("2024年1月23日", 2024, 1, 23)]
    [InlineData("２０２４年１月２３日", 2024, 1, 23)]
    [InlineData("20240123", 2024, 1, 23)]
    [InlineData("令和6年2月29日", 2024, 2, 29)]
    public void Parse_AcceptsTheFormsPeopleType(string input, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), WarekiDate.Parse(input));

    [Theory]
    [InlineData("平成31年5月1日", "令和元年5月1日")]
    [InlineData("H31.5.1", "令和元年5月1日")]
    [InlineData("令和元年4月30日", "令和の始まり")]
    [InlineData("令和5年2月29日", "存在しない日付")]
    [InlineData("令和0年1月1日", "元年（1年）から")]
    [InlineData("2024-13-01", "存在しない日付")]
    [InlineData("来週の月曜", "日付として読めません")]
    [InlineData("", "日付を入力してください")]
    public void Parse_RejectsWithAMessageSayingWhatToFix(string input, string expectedPart)
    {
        Assert.False(WarekiDate.TryParse(input, out _, out var error));
        Assert.Contains(expectedPart, error);
    }

    /// <summary>The plain reference: the era is the last one whose first day is on or before the date.</summary>
    private static (string Name, int Year) ReferenceEra(DateOnly date)
    {
        (string Name, DateOnly Start)[] starts =
        [
            ("明治", new DateOnly(1868, 10, 23)), ("大正", new DateOnly(1912, 7, 30)), ("昭和", new DateOnly(1926, 12, 25)),
            ("平成", new DateOnly(1989, 1, 8)), ("令和", new DateOnly(2019, 5, 1)),
        ];
        var era = starts.Last(s => s.Start <= date);
        return (era.Name, date.Year - era.Start.Year + 1);
    }

    [Fact]
    public void Fuzz_FormatAndParse_AgreeWithTheReferenceAndRoundTrip()
    {
        var random = new Random(20240123);
        var min = new DateOnly(1868, 10, 23).DayNumber;
        var max = new DateOnly(2099, 12, 31).DayNumber;
        for (var i = 0; i < 20000; i++)
        {
            var date = DateOnly.FromDayNumber(random.Next(min, max + 1));
            var (name, year) = ReferenceEra(date);
            var expected = $"{name}{(year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture))}年{date.Month}月{date.Day}日";
            var formatted = WarekiDate.Format(date);
            Assert.Equal(expected, formatted);
            Assert.Equal(date, WarekiDate.Parse(formatted));
            var initial = WarekiDate.Eras.First(e => e.Name == name).Initial;
            Assert.Equal(date, WarekiDate.Parse($"{initial}{year}.{date.Month}.{date.Day}"));
            var fullWidth = new string(formatted.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c).ToArray());
            Assert.Equal(date, WarekiDate.Parse(fullWidth));
        }
    }
}
