using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;

namespace Mamori.Core.Tests.Features.Notices;

public sealed class NoticeRulesTests
{
    private static readonly DateOnly Due = new(2026, 12, 10);

    [Theory]
    [InlineData(4, null)]
    [InlineData(3, "d3")]
    [InlineData(2, "d3")]
    [InlineData(1, "d1")]
    [InlineData(0, "d0")]
    [InlineData(-1, "overdue")]
    [InlineData(-30, "overdue")]
    public void Stage_OfTheIncidentClock_StartsThreeDaysBefore_AndGoesOnPastTheDay(int daysLeft, string? stage) =>
        Assert.Equal(stage, NoticeRules.Stage(Due, Due.AddDays(-daysLeft), NoticeRules.IncidentDays, overdue: true));

    [Theory]
    [InlineData(8, null)]
    [InlineData(7, "d7")]
    [InlineData(2, "d7")]
    [InlineData(1, "d1")]
    [InlineData(0, "d1")]
    [InlineData(-1, null)]
    public void Stage_OfAWrittenMeeting_IsSevenDaysAndOneDay_AndNothingAfterTheDeadline(int daysLeft, string? stage) =>
        Assert.Equal(stage, NoticeRules.Stage(Due, Due.AddDays(-daysLeft), NoticeRules.WrittenDays, overdue: false));

    [Fact]
    public void Stage_ForEveryDayFromTwoWeeksBefore_NeverGoesBackAndReachesEachThresholdOnItsDay()
    {
        // Run on every day: the stages appear in order, each first on its own day. Run on some days only: each run
        // tells the stage of its day, so a missed day delays a notice and never skips to an earlier one.
        var seen = new List<(int Left, string Stage)>();
        for (var left = 14; left >= -3; left--)
        {
            if (NoticeRules.Stage(Due, Due.AddDays(-left), NoticeRules.FindingDays, overdue: true) is { } stage && (seen.Count == 0 || seen[^1].Stage != stage))
            {
                seen.Add((left, stage));
            }
        }
        Assert.Equal([(7, "d7"), (1, "d1"), (0, "d0"), (-1, "overdue")], seen);
    }

    [Theory]
    [InlineData(3, "期限まであと3日")]
    [InlineData(1, "期限まであと1日")]
    [InlineData(0, "本日が期限")]
    [InlineData(-2, "期限を2日過ぎています")]
    public void Remaining_SaysHowFarTheDayIs(int daysLeft, string text) =>
        Assert.Equal(text, NoticeRules.Remaining(Due, Due.AddDays(-daysLeft)));

    private static NoticeSettings Relay() => new() { RelayHost = "smtp.example.lg.jp", SenderAddress = "a@example.lg.jp", SiteUrl = "https://m.example.lg.jp" };

    [Theory]
    [InlineData(NoticeRule.FindingDue, NoticeMailChoice.Each, NoticeMailState.Pending)]
    [InlineData(NoticeRule.FindingDue, NoticeMailChoice.Digest, NoticeMailState.Digest)]
    [InlineData(NoticeRule.FindingDue, NoticeMailChoice.None, NoticeMailState.NotMailed)]
    [InlineData(NoticeRule.IncidentReport, NoticeMailChoice.Digest, NoticeMailState.Pending)]
    [InlineData(NoticeRule.IncidentReport, NoticeMailChoice.None, NoticeMailState.Pending)]
    [InlineData(NoticeRule.MailFailure, NoticeMailChoice.Each, NoticeMailState.NotMailed)]
    public void MailState_FollowsTheChoice_ExceptForTheReportClock(NoticeRule rule, NoticeMailChoice choice, NoticeMailState state) =>
        Assert.Equal(state, NoticeStore.MailStateFor(rule, Relay(), "kojinjoho@example.lg.jp", choice));

    [Fact]
    public void MailState_WithoutARelayOrAnAddress_IsNotMailed()
    {
        Assert.Equal(NoticeMailState.NotMailed, NoticeStore.MailStateFor(NoticeRule.IncidentReport, null, "a@example.lg.jp", NoticeMailChoice.Each));
        Assert.Equal(NoticeMailState.NotMailed, NoticeStore.MailStateFor(NoticeRule.IncidentReport, new NoticeSettings { RelayHost = "smtp" }, "a@example.lg.jp", NoticeMailChoice.Each));
        Assert.Equal(NoticeMailState.NotMailed, NoticeStore.MailStateFor(NoticeRule.IncidentReport, Relay(), null, NoticeMailChoice.Each));
    }

    [Fact]
    public void Settings_CannotSwitchOffTheReportClock()
    {
        var settings = new NoticeSettings { DisabledRules = "IncidentReport,FindingDue,NoSuchRule" };
        Assert.True(settings.Sends(NoticeRule.IncidentReport));
        Assert.False(settings.Sends(NoticeRule.FindingDue));
        Assert.True(settings.Sends(NoticeRule.MeetingPlanned));
    }

    [Fact]
    public void Backoff_GrowsAndThenKeepsTrying_EveryTwoHours() =>
        Assert.Equal([1, 5, 15, 60, 120, 120], Enumerable.Range(1, 6).Select(a => (int)NoticeSender.Backoff(a).TotalMinutes).ToArray());

    [Fact]
    public void EveryRule_HasAJapaneseName_ARecipient_AndAModule()
    {
        foreach (var rule in NoticeRules.All)
        {
            Assert.NotEqual(rule.ToString(), rule.JapaneseName());
            Assert.NotEmpty(rule.Recipients());
            Assert.Contains(rule.Module(), NoticeRules.Modules);
        }
    }

    [Fact]
    public void AMail_SaysTheTitle_AndLinksBack_InPlainJapaneseText()
    {
        var to = new NoticeMail.Envelope("個人情報保護担当", "kojinjoho@example.lg.jp", "保科 一郎", "hoshina@example.lg.jp", "豊島区", "https://mamori.example.lg.jp/");
        var id = Guid.NewGuid();
        var message = NoticeMail.OneNotice(to, new NoticeMail.Line(id, NoticeRule.WrittenDeadline, "審議会「第3回」の質問・意見の提出期限"), new DateOnly(2026, 12, 3));
        Assert.Equal("【Mamori】審議会「第3回」の質問・意見の提出期限", message.Subject);
        Assert.Contains($"https://mamori.example.lg.jp/inbox/{id}", message.TextBody);
        Assert.Contains("保科 一郎 様", message.TextBody);
        Assert.Contains("令和8年12月3日", message.TextBody);
        Assert.Contains("https://mamori.example.lg.jp/account/notices", message.TextBody);
    }

    [Fact]
    public void LongTitlesAndKeys_FitTheirColumns_AndLongKeysStayDistinct()
    {
        Assert.Equal("短い件名", NoticeStore.Clip("短い件名"));
        var clipped = NoticeStore.Clip(new string('あ', 301));
        Assert.Equal(300, clipped.Length);
        Assert.EndsWith("…", clipped);
        Assert.Equal(new string('あ', 300), NoticeStore.Clip(new string('あ', 300)));
        var a = NoticeStore.Fit(new string('k', 250) + "a");
        var b = NoticeStore.Fit(new string('k', 250) + "b");
        Assert.Equal(200, a.Length);
        Assert.NotEqual(a, b);
        Assert.Equal(new string('k', 200), NoticeStore.Fit(new string('k', 200)));
    }
}
