using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;

namespace Mamori.Core.Tests.Features.Reports;

public sealed class ReportPeriodTests
{
    private static readonly FiscalYear Reiwa5 = new(2023);

    [Theory]
    [InlineData(0, "2023-04-01", "2024-03-31", "令和5年度")]
    [InlineData(1, "2022-04-01", "2023-03-31", "令和4年度")]
    [InlineData(4, "2019-04-01", "2020-03-31", "令和元年度")]
    public void FiscalYear_CountsBackFromTheReportsYear(int before, string start, string end, string label)
    {
        var p = new ReportPeriod(ReportPeriodKind.FiscalYear, before).Resolve(Reiwa5);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (p.Start!.Value, p.End, p.Label));
    }

    [Theory]
    [InlineData(0, "2023-01-01", "2023-12-31", "令和5年")]
    [InlineData(4, "2019-01-01", "2019-12-31", "令和元年")]
    [InlineData(5, "2018-01-01", "2018-12-31", "平成30年")]
    public void CalendarYear_IsTheYearTheFiscalYearBeginsIn(int before, string start, string end, string label)
    {
        var p = new ReportPeriod(ReportPeriodKind.CalendarYear, before).Resolve(Reiwa5);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), label), (p.Start!.Value, p.End, p.Label));
    }

    [Theory]
    [InlineData(null, null, "2024-03-31")]
    [InlineData(10, 31, "2023-10-31")]
    [InlineData(4, 1, "2023-04-01")]
    [InlineData(3, null, "2024-03-31")]
    [InlineData(2, null, "2024-02-29")] // 2024 is a leap year: 2月 ends on the 29th
    [InlineData(2, 30, "2024-02-29")] // a day past the month's end is its last day
    [InlineData(1, 1, "2024-01-01")] // January belongs to the second calendar year of the 年度
    [InlineData(12, 31, "2023-12-31")]
    public void AsOf_IsADayOfTheFiscalYear_AndTakesEverythingUpToIt(int? month, int? day, string expected)
    {
        var p = new ReportPeriod(ReportPeriodKind.AsOf, 0, month, day).Resolve(Reiwa5);
        Assert.Null(p.Start);
        Assert.Equal(DateOnly.Parse(expected), p.End);
        Assert.Equal($"{WarekiDate.Format(p.End)}現在", p.Label);
        Assert.True(p.Contains(p.End));
        Assert.False(p.Contains(p.End.AddDays(1)));
        Assert.True(p.Contains(new DateOnly(1990, 1, 1)));
    }

    [Fact]
    public void FiscalYearToDate_NamesTheDayItCountsTo()
    {
        var p = new ReportPeriod(ReportPeriodKind.FiscalYearToDate, 0, 10, 31).Resolve(Reiwa5);
        Assert.Equal((new DateOnly(2023, 4, 1), new DateOnly(2023, 10, 31), "令和5年度（10月31日時点）"), (p.Start!.Value, p.End, p.Label));
        Assert.True(p.Contains(new DateOnly(2023, 4, 1)));
        Assert.False(p.Contains(new DateOnly(2023, 3, 31)));
        Assert.False(p.Contains(new DateOnly(2023, 11, 1)));
        Assert.Equal("令和5年4月1日～令和5年10月31日", AnnualReports.PeriodText(p));
        // Counted to the year's last day it is the whole 年度, named plainly.
        var whole = new ReportPeriod(ReportPeriodKind.FiscalYearToDate, 0, 3, 31).Resolve(Reiwa5);
        Assert.Equal((new DateOnly(2024, 3, 31), "令和5年度"), (whole.End, whole.Label));
        Assert.Equal("令和5年度", AnnualReports.PeriodText(whole));
    }

    [Fact]
    public void Describe_SaysThePeriodRelativeToTheReport()
    {
        Assert.Equal("報告年度の前年度", new ReportPeriod(ReportPeriodKind.FiscalYear, 1).Describe());
        Assert.Equal("報告年度の10月31日まで", new ReportPeriod(ReportPeriodKind.FiscalYearToDate, 0, 10, 31).Describe());
        Assert.Equal("報告年度の末日現在", new ReportPeriod(ReportPeriodKind.AsOf).Describe());
    }
}
