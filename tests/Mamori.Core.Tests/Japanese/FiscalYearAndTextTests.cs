using Mamori.Core.Japanese;

namespace Mamori.Core.Tests.Japanese;

public sealed class FiscalYearAndTextTests
{
    [Theory]
    [InlineData(2024, 4, 1, 2024)]
    [InlineData(2025, 3, 31, 2024)]
    [InlineData(2024, 3, 31, 2023)]
    [InlineData(2024, 12, 31, 2024)]
    public void FiscalYear_Of_RunsAprilToMarch(int y, int m, int d, int expected) =>
        Assert.Equal(expected, FiscalYear.Of(new DateOnly(y, m, d)).StartYear);

    [Theory]
    [InlineData(2024, "令和6年度")]
    [InlineData(2019, "令和元年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    public void FiscalYear_ToWareki_NamesTheYearAsTheGovernmentDoes(int startYear, string expected) =>
        Assert.Equal(expected, new FiscalYear(startYear).ToWareki());

    [Fact]
    public void FiscalYear_Months_AreAprilToMarch()
    {
        var months = new FiscalYear(2022).Months().ToList();
        Assert.Equal(12, months.Count);
        Assert.Equal(new DateOnly(2022, 4, 1), months[0]);
        Assert.Equal(new DateOnly(2023, 3, 1), months[11]);
        Assert.True(new FiscalYear(2022).Contains(new DateOnly(2023, 3, 31)));
        Assert.False(new FiscalYear(2022).Contains(new DateOnly(2023, 4, 1)));
    }

    [Theory]
    [InlineData("1,234", 1234)]
    [InlineData("１，２３４", 1234)]
    [InlineData(" 12 ", 12)]
    [InlineData("1,234,567", 1234567)]
    [InlineData("△500", -500)]
    [InlineData("▲1,000", -1000)]
    [InlineData("-7", -7)]
    public void JapaneseNumber_ParsesSpreadsheetNumbers(string text, long expected)
    {
        Assert.True(JapaneseNumber.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12人")]
    [InlineData(",12")]
    [InlineData("1.5")]
    [InlineData("abc")]
    public void JapaneseNumber_RejectsNonNumbers(string text) => Assert.False(JapaneseNumber.TryParse(text, out _));

    [Theory]
    [InlineData("ＡＢＣ　１２３", "abc 123")]
    [InlineData("ｼﾞｭｳﾐﾝ", "ジュウミン")]
    [InlineData("  住民基本台帳  事務 ", "住民基本台帳 事務")]
    [InlineData("㈱", "(株)")]
    public void SearchKey_FoldsWidthCaseAndSpaces(string input, string expected) =>
        Assert.Equal(expected, SearchKey.Normalize(input));

    [Fact]
    public void SearchKey_Matches_IgnoresWidth() => Assert.True(SearchKey.Matches("住民基本台帳ネットワーク（ＣＳ）", "cs"));
}
