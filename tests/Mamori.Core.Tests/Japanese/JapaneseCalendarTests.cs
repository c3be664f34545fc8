using Mamori.Core.Japanese;

namespace Mamori.Core.Tests.Japanese;

public sealed class JapaneseCalendarTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Holidays_2026_MatchTheCabinetOfficeList()
    {
        // 内閣府「国民の祝日について」令和8年（2026年）.
        DateOnly[] expected =
        [
            D(2026, 1, 1), D(2026, 1, 12), D(2026, 2, 11), D(2026, 2, 23), D(2026, 3, 20), D(2026, 4, 29), D(2026, 5, 3), D(2026, 5, 4), D(2026, 5, 5),
            D(2026, 5, 6), D(2026, 7, 20), D(2026, 8, 11), D(2026, 9, 21), D(2026, 9, 22), D(2026, 9, 23), D(2026, 10, 12), D(2026, 11, 3), D(2026, 11, 23),
        ];
        Assert.Equal(expected, JapaneseCalendar.Holidays(2026).Keys.Order());
        Assert.Equal("振替休日", JapaneseCalendar.HolidayName(D(2026, 5, 6)));
        Assert.Equal("国民の休日", JapaneseCalendar.HolidayName(D(2026, 9, 22)));
    }

    /// <summary>内閣府「国民の祝日について」(昭和23年〜令和8年 祝日一覧) for 2020–2025, 振替休日 and the Olympic moves included.</summary>
    [Theory]
    [InlineData(2020, "1/1 1/13 2/11 2/23 2/24 3/20 4/29 5/3 5/4 5/5 5/6 7/23 7/24 8/10 9/21 9/22 11/3 11/23")]
    [InlineData(2021, "1/1 1/11 2/11 2/23 3/20 4/29 5/3 5/4 5/5 7/22 7/23 8/8 8/9 9/20 9/23 11/3 11/23")]
    [InlineData(2022, "1/1 1/10 2/11 2/23 3/21 4/29 5/3 5/4 5/5 7/18 8/11 9/19 9/23 10/10 11/3 11/23")]
    [InlineData(2023, "1/1 1/2 1/9 2/11 2/23 3/21 4/29 5/3 5/4 5/5 7/17 8/11 9/18 9/23 10/9 11/3 11/23")]
    [InlineData(2024, "1/1 1/8 2/11 2/12 2/23 3/20 4/29 5/3 5/4 5/5 5/6 7/15 8/11 8/12 9/16 9/22 9/23 10/14 11/3 11/4 11/23")]
    [InlineData(2025, "1/1 1/13 2/11 2/23 2/24 3/20 4/29 5/3 5/4 5/5 5/6 7/21 8/11 9/15 9/23 10/13 11/3 11/23 11/24")]
    public void Holidays_2020To2025_MatchTheCabinetOfficeList(int year, string days)
    {
        var expected = days.Split(' ').Select(d => d.Split('/')).Select(p => D(year, int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, JapaneseCalendar.Holidays(year).Keys.Order());
    }

    [Theory]
    [InlineData(2024, 3, 20, "春分の日")]
    [InlineData(2024, 9, 23, "振替休日")]
    [InlineData(2025, 2, 24, "振替休日")]
    [InlineData(2025, 9, 23, "秋分の日")]
    [InlineData(2019, 4, 30, "国民の休日")]
    [InlineData(2019, 5, 1, "天皇の即位の日")]
    [InlineData(2019, 5, 6, "振替休日")]
    [InlineData(2021, 7, 23, "スポーツの日")]
    [InlineData(2021, 8, 9, "振替休日")]
    [InlineData(2027, 3, 21, "春分の日")]
    public void HolidayName_KnownDays(int y, int m, int d, string name) => Assert.Equal(name, JapaneseCalendar.HolidayName(D(y, m, d)));

    [Theory]
    [InlineData(2026, 12, 29, true)]
    [InlineData(2027, 1, 3, true)]
    [InlineData(2027, 1, 4, false)]
    [InlineData(2026, 11, 21, true)]
    [InlineData(2026, 11, 24, false)]
    public void IsClosed_WeekendsHolidaysAndTheYearEnd(int y, int m, int d, bool closed) => Assert.Equal(closed, JapaneseCalendar.IsClosed(D(y, m, d)));

    [Fact]
    public void AddOpenDays_SkipsTheSilverWeek()
    {
        // Friday 18 September 2026, then 土日・敬老の日・国民の休日・秋分の日.
        Assert.Equal(D(2026, 9, 24), JapaneseCalendar.AddOpenDays(D(2026, 9, 18), 1));
        Assert.Equal(D(2026, 9, 28), JapaneseCalendar.AddOpenDays(D(2026, 9, 18), 3));
        Assert.Equal(D(2026, 9, 18), JapaneseCalendar.AddOpenDays(D(2026, 9, 18), 0));
    }

    [Fact]
    public void OnOrNextOpenDay_MovesAClosedDayForward()
    {
        Assert.Equal(D(2026, 10, 19), JapaneseCalendar.OnOrNextOpenDay(D(2026, 10, 18)));
        Assert.Equal(D(2027, 1, 4), JapaneseCalendar.OnOrNextOpenDay(D(2026, 12, 29)));
        Assert.Equal(D(2026, 11, 24), JapaneseCalendar.OnOrNextOpenDay(D(2026, 11, 24)));
    }
}
