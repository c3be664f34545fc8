using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

public sealed class MinutesParserTests
{
    private static ParsedMinutes Parse(string text)
    {
        var outcome = MinutesParser.Parse(text, "fixture.txt");
        Assert.True(outcome.Ok, outcome.Describe());
        return outcome.Value!;
    }

    [Fact]
    public void CircleSpeakers_WithKeyedHeader_FullWidthDigits_PageNumbers_BrokenWords_AndNotes()
    {
        var m = Parse("""
            第３回まもり市個人情報保護審議会　会議録

            １　開催日時　令和５年１０月２７日（金）　午前１０時００分～午前１１時５０分
            ２　開催場所　まもり市役所　本庁舎３階　第１委員会室
            ３　出席委員　山田一郎（会長）、佐藤 花子、鈴木次郎
            ４　欠席委員　高橋三郎
            ５　説明員　　情報政策課長　田中四郎
            ６　事務局　　総務課長　中村五郎、総務課主任　小林六子
            ７　議題
            　(1)　諮問第５号　住民情報システムの標準化に係る特定個人情報保護評価について
            　(2)　報告第１２号　防犯カメラの設置について
            　(3)　その他

            ○会長　ただいまから第３回まもり市個人情報保護審議会を開会します。本日は委員４名中３名が出席
            しており、定足数を満たしています。
            ○ＤＸ推進担当課長　資料１の３ページをご覧ください。標準化に伴い、システムの
            - 2 -
            運用を委託します。
            ○佐藤 委員　委託先の監査はどのように行いますか。
            ○総務課長　契約に基づき年１回実施します。
            ○会長　諮問第５号は承認としてよろしいでしょうか。
            （「異議なし」の声あり）
            それでは承認とします。
            ○鈴木委員　報告第１２号について、録画の保存期間は何日ですか。
            ３
            ○情報政策課長　７日間です。
            午前１１時５０分閉会
            """);

        Assert.Equal("第３回まもり市個人情報保護審議会", m.Title);
        Assert.Equal(new DateOnly(2023, 10, 27), m.HeldOn);
        Assert.Equal(new TimeOnly(10, 0), m.StartTime);
        Assert.Equal(new TimeOnly(11, 50), m.EndTime);
        Assert.Equal("まもり市役所 本庁舎３階 第１委員会室", m.Place);
        Assert.Equal(["山田一郎", "佐藤花子", "鈴木次郎"], m.Attendees);
        Assert.Equal(["高橋三郎"], m.Absentees);
        Assert.Equal(
            [new ParsedAgendaItem(AgendaKind.Consultation, 5, "住民情報システムの標準化に係る特定個人情報保護評価について"),
             new ParsedAgendaItem(AgendaKind.Report, 12, "防犯カメラの設置について"),
             new ParsedAgendaItem(AgendaKind.Other, null, "その他")],
            m.Agenda);

        var speech = m.Utterances.ToList();
        Assert.Equal(["会長", "ＤＸ推進担当課長", "佐藤委員", "総務課長", "会長", "鈴木委員", "情報政策課長"], speech.Select(t => t.Speaker));
        Assert.Equal(["会長", "課長", "委員", "課長", "会長", "委員", "課長"], speech.Select(t => t.Role));
        Assert.Equal([SpeakerGroup.Chair, SpeakerGroup.Department, SpeakerGroup.Member, SpeakerGroup.Secretariat, SpeakerGroup.Chair, SpeakerGroup.Member, SpeakerGroup.Department],
            speech.Select(t => t.Group));
        Assert.Equal("ただいまから第３回まもり市個人情報保護審議会を開会します。本日は委員４名中３名が出席しており、定足数を満たしています。", speech[0].Text);
        Assert.Equal("資料１の３ページをご覧ください。標準化に伴い、システムの運用を委託します。", speech[1].Text);
        Assert.Equal("諮問第５号は承認としてよろしいでしょうか。\nそれでは承認とします。", speech[4].Text);
        Assert.Equal("７日間です。", speech[6].Text);

        var note = Assert.Single(m.Turns, t => t.IsNote && t.Text.Contains("異議なし", StringComparison.Ordinal));
        Assert.Equal(m.Turns.ToList().IndexOf(m.Turns.First(t => t.Text.StartsWith("諮問第５号", StringComparison.Ordinal))) + 1, m.Turns.ToList().IndexOf(note));
    }

    [Fact]
    public void BracketSpeakers_WithSpacedNames_AndAnUnkeyedTitleAndDate()
    {
        var m = Parse("""
            令和6年度 第2回

            まもり区情報公開・個人情報保護審議会会議録

            令和6年7月18日(木)

            まもり区 総務部 区政情報課

            【会 長】ただいまより令和 6 年度第 2 回の審議会を開会いたします。

            資料 1 8 について事務局から説明をお願いします。

            【区政情報課長】資料18は外部結合に関するものです。

            【伊藤委員】 1点伺います。

            【情報 システム課長】お答えします。

            午後3時5分閉会
            """);

        Assert.Equal("令和6年度第2回まもり区情報公開・個人情報保護審議会", m.Title);
        Assert.Equal("まもり区情報公開・個人情報保護審議会", m.CouncilName);
        Assert.Equal("令和6年度第2回", m.MeetingTitle);
        Assert.Equal(new DateOnly(2024, 7, 18), m.HeldOn);
        Assert.Null(m.StartTime);
        Assert.Equal(new TimeOnly(15, 5), m.EndTime);
        var speech = m.Utterances.ToList();
        Assert.Equal(["会長", "区政情報課長", "伊藤委員", "情報システム課長"], speech.Select(t => t.Speaker));
        Assert.Equal("ただいまより令和6年度第2回の審議会を開会いたします。\n資料18について事務局から説明をお願いします。", speech[0].Text);
        Assert.Equal(SpeakerGroup.Secretariat, speech[1].Group);
        Assert.Equal(SpeakerGroup.Department, speech[3].Group);
    }

    [Fact]
    public void SpeakerTable_WithParagraphFragments_EmptySpeakerCells_AndAPageBreakInsideAWord()
    {
        var m = Parse("""
            会 議 の 名 称	令和7年度第1回まもり町個人情報保護審議会
            開 催 日 時	令和7年5月9日(金) 午後2時00分 から 午後3時30分まで
            開 催 場 所	まもり町役場 2階 会議室
            出席者の氏名	青木一(会長)、井上二、 上田三
            欠席者の氏名	なし
            議 題	(1) 戸籍情報システムの更新に伴う外部結合について(諮問第3号) (2) 自己点検の結果について(報告第8号)
            担 当 部 課 名	総務課長 岡田 七子 総務課主事 森 八郎

            様式第 2 号

            発言者	審議の内容（審議経過・決定事項等）
            岡田 課長	<p>ただ今から審議会を始めます。</p> <p>（傍聴希望者なし）</p>
            	<p>（会長挨拶）</p>
            青木 会長	<p>諮問第3号について説明をお願いします。</p>
            住民課長	<p>戸籍情報システムの更新に伴い、国のシステムと接続します。接続は専用回線で行い、通信は暗</p>

            号化します。

            	<p>以上です。</p>
            井上委員	接続先の管理責任はどちらにありますか。
            住民課長	国が管理します。
            青木会長	<p>承認でよろしいですか。</p> <p>(委員了承)</p>
            森 主事	報告事項は&quot;特に&quot;ございません。
            青木 会長	<p>本日の審議を終了します。</p> <p style="text-align: right;">以 上</p>
            """);

        Assert.Equal("令和7年度第1回まもり町個人情報保護審議会", m.Title);
        Assert.Equal(new DateOnly(2025, 5, 9), m.HeldOn);
        Assert.Equal(new TimeOnly(14, 0), m.StartTime);
        Assert.Equal(new TimeOnly(15, 30), m.EndTime);
        Assert.Equal("まもり町役場 2階 会議室", m.Place);
        Assert.Equal(["青木一", "井上二", "上田三"], m.Attendees);
        Assert.Empty(m.Absentees);
        Assert.Equal([(AgendaKind.Consultation, (int?)3), (AgendaKind.Report, 8)], m.Agenda.Select(a => (a.Kind, a.Number)));
        Assert.Equal("戸籍情報システムの更新に伴う外部結合について", m.Agenda[0].Title);

        var speech = m.Utterances.ToList();
        Assert.Equal(["岡田課長", "青木会長", "住民課長", "井上委員", "住民課長", "青木会長", "森主事", "青木会長"], speech.Select(t => t.Speaker));
        Assert.Equal("ただ今から審議会を始めます。\n（傍聴希望者なし）", speech[0].Text);
        Assert.Equal("戸籍情報システムの更新に伴い、国のシステムと接続します。接続は専用回線で行い、通信は暗号化します。\n以上です。", speech[2].Text);
        Assert.Equal("報告事項は\"特に\"ございません。", speech[6].Text);
        Assert.Equal("本日の審議を終了します。", speech[7].Text);
        Assert.Equal(SpeakerGroup.Secretariat, speech[0].Group);
        Assert.Equal(SpeakerGroup.Secretariat, speech[6].Group);
        Assert.Equal(SpeakerGroup.Department, speech[2].Group);
        Assert.Contains(m.Turns, t => t.IsNote && t.Text == "（会長挨拶）");
    }

    [Fact]
    public void ColonSpeakers_AreTurns_ButHeaderKeysAreNot()
    {
        var m = Parse("""
            会議名：まもり村情報公開審査会
            日時：2025年2月3日 13:30～15:00
            委員長：これより審査会を開きます。
            事務局：資料を配付しております。
            委員：特にありません。
            """);
        Assert.Equal(new DateOnly(2025, 2, 3), m.HeldOn);
        Assert.Equal(new TimeOnly(13, 30), m.StartTime);
        Assert.Equal(new TimeOnly(15, 0), m.EndTime);
        Assert.Equal(["委員長", "事務局", "委員"], m.Utterances.Select(t => t.Speaker));
        Assert.Equal([SpeakerGroup.Chair, SpeakerGroup.Secretariat, SpeakerGroup.Member], m.Utterances.Select(t => t.Group));
    }

    [Theory]
    [InlineData("", "空です")]
    [InlineData("区分,件数\n住民票,12\n戸籍,3\n", "発言が見つかりません")]
    [InlineData("令和5年度 第3回\n審議会 報告・諮問事項\n令和5年12月19日\n○質問\n・保存期間について\n○回答\n・7日間とする。\n【報告】戸籍に関する業務（区民課）", "発言が見つかりません")]
    [InlineData("○会長　開会します。\n○委員　質問します。", "開催日が見つかりません")]
    public void TextThatIsNotMinutes_IsRejectedWithTheReason(string text, string reason)
    {
        var outcome = MinutesParser.Parse(text, "fixture.txt");
        Assert.False(outcome.Ok);
        Assert.Contains(reason, outcome.Describe(), StringComparison.Ordinal);
        Assert.Contains("fixture.txt", outcome.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("会長", "会長")]
    [InlineData("伊藤委員", "委員")]
    [InlineData("ＤＸ推進担当課長", "課長")]
    [InlineData("特命担当副参事", "副参事")]
    [InlineData("会長職務代理者", "職務代理者")]
    [InlineData("実施機関", "実施機関")]
    [InlineData("山田", null)]
    public void RoleIsTheTitleAtTheEndOfTheSpeaker(string speaker, string? role) =>
        Assert.Equal(role, MinutesParser.RoleOf(speaker));
}
