using Mamori.Core.Features.Findings;

namespace Mamori.Core.Tests.Features.Findings;

public sealed class IncidentDeadlineTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static Incident Incident(int? people = null, bool sensitive = false, bool unauthorized = false) => new()
    {
        Title = "誤送付",
        Summary = "通知書を別人に送付した。",
        LearnedOn = D(2026, 9, 18),
        AffectedCount = people,
        HasSensitive = sensitive,
        Unauthorized = unauthorized,
    };

    [Fact]
    public void Preliminary_LearnedOnTheFridayBeforeTheSilverWeek_IsDueThreeOpenDaysLater()
    {
        // 9/19 土, 9/20 日, 9/21 敬老の日, 9/22 国民の休日, 9/23 秋分の日 → 9/24, 9/25, 9/28.
        Assert.Equal(D(2026, 9, 28), IncidentDeadlines.Preliminary(D(2026, 9, 18), 3));
        Assert.Equal(D(2026, 9, 30), IncidentDeadlines.Preliminary(D(2026, 9, 18), 5));
    }

    [Fact]
    public void Final_ThirtyDays_MovesOffASunday()
    {
        // 2026-09-18 + 30 = 2026-10-18 (日) → 10/19 (月).
        Assert.Equal(D(2026, 10, 19), IncidentDeadlines.Final(D(2026, 9, 18), unauthorized: false));
    }

    [Fact]
    public void Final_UnauthorizedAccess_SixtyDays()
    {
        Assert.Equal(D(2026, 11, 17), IncidentDeadlines.Final(D(2026, 9, 18), unauthorized: true));
    }

    [Fact]
    public void Deadlines_OverTheYearEnd_SkipTheClosure()
    {
        // Learned on Friday 25 December: 12/28 (1), 12/29–1/3 closed, 1/4 (2), 1/5 (3); 30 days → 1/24 (日) → 1/25.
        Assert.Equal(D(2027, 1, 5), IncidentDeadlines.Preliminary(D(2026, 12, 25), 3));
        Assert.Equal(D(2027, 1, 25), IncidentDeadlines.Final(D(2026, 12, 25), unauthorized: false));
    }

    [Fact]
    public void Reasons_MoreThanTheThreshold_IsReportable_TheThresholdItselfIsNot()
    {
        Assert.False(IncidentReporting.IsReportable(Incident(people: 100), 100));
        var reasons = IncidentReporting.Reasons(Incident(people: 101), 100);
        Assert.Equal(["本人の数が100人を超える（101人）"], reasons);
        Assert.False(IncidentReporting.IsReportable(Incident(people: 500), 1000));
    }

    [Fact]
    public void Reasons_SensitiveAndUnauthorized_AreBothGiven()
    {
        var reasons = IncidentReporting.Reasons(Incident(people: 1, sensitive: true, unauthorized: true), 100);
        Assert.Equal(["要配慮個人情報を含む", "不正の目的をもって行われたおそれがある"], reasons);
    }

    [Fact]
    public void Reasons_SpecificPersonalInformation_InTheNumberSystem()
    {
        var i = Incident(people: 3);
        i.HasSpecific = true;
        Assert.Empty(IncidentReporting.Reasons(i, 100));
        i.InNumberSystem = true;
        Assert.Single(IncidentReporting.Reasons(i, 100));
    }

    [Fact]
    public void Duties_ReportedPreliminary_LeavesFinalAndNotice()
    {
        var i = Incident(sensitive: true);
        i.PreliminaryDueOn = D(2026, 9, 28);
        i.FinalDueOn = D(2026, 10, 19);
        i.PreliminaryReportedOn = D(2026, 9, 24);
        var open = IncidentDeadlines.Duties(i).Where(d => !d.IsDone).Select(d => d.Name);
        Assert.Equal(["確報", "本人への通知"], open);
    }
}
