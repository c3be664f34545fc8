using Mamori.Core.Features.Findings;

namespace Mamori.Core.Tests.Features.Findings;

public sealed class TaskScheduleTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void DueDates_Monthly_FromTheEndOfJanuary_KeepTheMonthEnd()
    {
        var task = new RecurringTask { Title = "ログ分析", Frequency = TaskFrequency.Monthly, FirstDueOn = D(2024, 1, 31) };
        Assert.Equal([D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 31), D(2024, 4, 30)], TaskSchedule.DueDates(task, D(2024, 4, 10)));
    }

    [Fact]
    public void DueDates_Monthly_FromAMonthEndBeforeThe31st_StayOnTheMonthEnd_AndAnotherDayStaysThatDay()
    {
        var june = new RecurringTask { Title = "月末の確認", Frequency = TaskFrequency.Monthly, FirstDueOn = D(2024, 6, 30) };
        Assert.Equal([D(2024, 6, 30), D(2024, 7, 31), D(2024, 8, 31), D(2024, 9, 30)], TaskSchedule.DueDates(june, D(2024, 9, 1)));
        var february = new RecurringTask { Title = "月末の確認", Frequency = TaskFrequency.Monthly, FirstDueOn = D(2023, 2, 28) };
        Assert.Equal([D(2023, 2, 28), D(2023, 3, 31)], TaskSchedule.DueDates(february, D(2023, 3, 1)));
        // The 30th of January is not a month end: it stays the 30th, the 29th where February is shorter.
        var thirtieth = new RecurringTask { Title = "30日の確認", Frequency = TaskFrequency.Monthly, FirstDueOn = D(2024, 1, 30) };
        Assert.Equal([D(2024, 1, 30), D(2024, 2, 29), D(2024, 3, 30)], TaskSchedule.DueDates(thirtieth, D(2024, 3, 1)));
        var twentyNinth = new RecurringTask { Title = "29日の確認", Frequency = TaskFrequency.Monthly, FirstDueOn = D(2024, 4, 29) };
        Assert.Equal([D(2024, 4, 29), D(2024, 5, 29)], TaskSchedule.DueDates(twentyNinth, D(2024, 5, 1)));
    }

    [Fact]
    public void Occurrences_WithoutACompletion_AreMissedOnceTheirDayHasPassed()
    {
        var task = new RecurringTask { Title = "アカウント停止の確認", Frequency = TaskFrequency.Quarterly, FirstDueOn = D(2024, 3, 31) };
        var done = new TaskCompletion { TaskId = task.Id, DueOn = D(2024, 3, 31), DoneOn = D(2024, 3, 29) };
        var today = D(2024, 10, 1);
        var occurrences = TaskSchedule.Occurrences(task, [done], today);
        Assert.Equal([D(2024, 3, 31), D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31)], occurrences.Select(o => o.DueOn));
        Assert.Equal([D(2024, 6, 30), D(2024, 9, 30)], occurrences.Where(o => o.IsMissed(today)).Select(o => o.DueOn));
    }

    [Fact]
    public void DueDates_StopAtTheEndDate()
    {
        var task = new RecurringTask { Title = "点検", Frequency = TaskFrequency.Yearly, FirstDueOn = D(2022, 3, 31), EndOn = D(2024, 4, 1) };
        Assert.Equal([D(2022, 3, 31), D(2023, 3, 31), D(2024, 3, 31)], TaskSchedule.DueDates(task, D(2030, 1, 1)));
    }

    [Fact]
    public void IsOverdue_OnlyOpenFindingsPastTheirDay()
    {
        var f = new Finding { Heading = "ログの分析", Text = "定期的な分析を行っていない。", DueOn = D(2024, 1, 31) };
        Assert.False(f.IsOverdue(D(2024, 1, 31)));
        Assert.True(f.IsOverdue(D(2024, 2, 1)));
        f.Status = FindingStatus.Done;
        Assert.False(f.IsOverdue(D(2024, 2, 1)));
    }
}
