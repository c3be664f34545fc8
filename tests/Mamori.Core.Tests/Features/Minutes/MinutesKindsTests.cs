using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>Documents that are not speaker-by-speaker minutes: summaries are read as sections, others refused with what they are.</summary>
public sealed class MinutesKindsTests
{
    [Fact]
    public void Summary_WithoutSpeakers_IsReadAsSections_NotInventedTurns()
    {
        var outcome = MinutesParser.Parse("""
            令和6年度第1回まもり市個人情報保護審議会　会議要旨
            １　日時　令和6年5月20日（月）午後2時～午後3時30分
            ２　場所　本庁舎5階　第3会議室
            ３　出席委員　山田一郎（会長）、佐藤花子、鈴木次郎
            ４　議事の概要
            (1) 諮問第12号　防犯カメラの設置について
            事務局から資料1に基づき説明した。委員から、録画の保存期間について質問があり、
            事務局から7日間である旨回答した。
            ・審議の結果、諮問のとおり承認とした。
            (2) 報告事項
            事務局から、個人情報の漏えい等事案1件について報告した。
            以上
            """, "summary.txt");

        Assert.True(outcome.Ok, outcome.Describe());
        var m = outcome.Value!;
        Assert.True(m.IsSummary);
        Assert.Empty(m.Utterances);
        Assert.Equal(new DateOnly(2024, 5, 20), m.HeldOn);
        Assert.Equal(new TimeOnly(14, 0), m.StartTime);
        Assert.Equal(["山田一郎", "佐藤花子", "鈴木次郎"], m.Attendees);
        Assert.Equal(2, m.Turns.Count);
        Assert.All(m.Turns, t => Assert.True(t.IsNote));
        Assert.Equal("(1)諮問第12号防犯カメラの設置について\n事務局から資料1に基づき説明した。委員から、録画の保存期間について質問があり、事務局から7日間である旨回答した。\n・審議の結果、諮問のとおり承認とした。",
            m.Turns[0].Text);
        Assert.StartsWith("(2)報告事項\n事務局から、個人情報の漏えい等事案1件について報告した。", m.Turns[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MeetingNotice_IsRefusedAsANotice()
    {
        var outcome = MinutesParser.Parse("""
            まもり市個人情報保護審議会の開催について（お知らせ）
            下記のとおり開催しますので、お知らせします。
            日時　令和6年5月20日（月）午後2時から
            場所　本庁舎5階　第3会議室
            議題　諮問第12号　防犯カメラの設置について
            傍聴を希望される方は、当日午後1時30分までに会場へお越しください。
            """, "notice.txt");
        Assert.False(outcome.Ok);
        Assert.Contains("notice.txt は会議の開催通知", outcome.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void WrittenMeetingOpinionTable_IsRefusedWithWhereItGoes()
    {
        var outcome = MinutesParser.Parse("令和6年度第2回まもり市個人情報保護審議会（書面開催）\n意見・質問と回答\n記載箇所\tご意見・ご質問\t回答\n資料1 3頁\t保存期間は何年ですか。\t5年です。\n",
            "written.txt");
        Assert.False(outcome.Ok);
        Assert.Contains("書面会議", outcome.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("出席者\n【委員】\n山田一郎、佐藤花子\n【事務局】\n総務課長　中村五郎\n")]
    [InlineData("出席者\n委員\n山田一郎\n佐藤花子\n事務局\n総務課長　中村五郎\n")]
    public void GroupHeadingsInTheAttendeeList_AreNotSpeakers(string attendees)
    {
        var outcome = MinutesParser.Parse("まもり市個人情報保護審議会 会議録\n日時　令和6年5月20日\n" + attendees + "\n会長\n　ただいまから開会します。\n事務局\n　資料をご覧ください。\n", "f.txt");
        Assert.True(outcome.Ok, outcome.Describe());
        Assert.Equal(["会長", "事務局"], outcome.Value!.Utterances.Select(t => t.Speaker));
        Assert.Equal(["山田一郎", "佐藤花子"], outcome.Value.Attendees);
        Assert.Equal(["総務課長 中村五郎"], outcome.Value.Secretariat);
    }
}
