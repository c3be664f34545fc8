using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;

namespace Mamori.Core.Tests.Features.Council;

/// <summary>The 開催通知 and the 答申書 read as an office would write them.</summary>
public sealed class CouncilDocumentTests
{
    [Theory]
    [InlineData(12, 0, "正午")]
    [InlineData(12, 30, "午後0時30分")]
    [InlineData(11, 59, "午前11時59分")]
    [InlineData(13, 0, "午後1時00分")]
    [InlineData(10, 0, "午前10時00分")]
    [InlineData(0, 0, "午前0時00分")]
    public void Times_ReadAsNoticesPrintThem(int hour, int minute, string expected) =>
        Assert.Equal(expected, CouncilDocuments.FormatTime(new TimeOnly(hour, minute)));

    [Theory]
    [InlineData("住民基本台帳事務の特定個人情報保護評価", "住民基本台帳事務の特定個人情報保護評価について")]
    [InlineData("住民基本台帳事務の特定個人情報保護評価について", "住民基本台帳事務の特定個人情報保護評価について")]
    [InlineData("電子申請サービスの利用に係る外部結合等について（手続の追加）", "電子申請サービスの利用に係る外部結合等について（手続の追加）")]
    [InlineData("保育システムの外部結合について（諮問）", "保育システムの外部結合について")]
    [InlineData("保育システムの外部結合（諮問）", "保育システムの外部結合について")]
    public void Subject_SaysAboutOnce(string title, string expected) => Assert.Equal(expected, CouncilDocuments.About(title));

    private static AgendaLine Line(ItemKind kind, int? number, string title, int order) =>
        new(new MeetingItem { Order = order }, new AgendaItem { Kind = kind, Number = number, Title = title }, null);

    private static MeetingView View(string? sender, params AgendaLine[] agenda) => new(
        new Meeting { Title = "第5回", HeldOn = new DateOnly(2026, 12, 10), StartsAt = new TimeOnly(12, 0), EndsAt = new TimeOnly(14, 0), Place = "本庁舎5階" },
        new AdvisoryCouncil { Name = "守り区情報公開・個人情報保護審議会", NoticeSender = sender },
        null,
        [new CouncilMember { Name = "山田　太郎", Role = MemberRole.Chair }],
        new Dictionary<Guid, AttendanceStatus>(),
        new QuorumResult(true, 1, 1, 1, ""),
        agenda, [], [], [], []);

    private static List<string> Lines(PrintDocument document) => document.Blocks.OfType<PrintLine>().Select(l => l.Text).ToList();

    [Fact]
    public void Notice_ConsultationsReportsAndOtherItems_EachUnderItsOwnHeading()
    {
        var lines = Lines(CouncilDocuments.Notice(View(null,
            Line(ItemKind.Consultation, 5, "保育システムの外部結合について", 1),
            Line(ItemKind.Consultation, 6, "税務システムの外部結合について", 2),
            Line(ItemKind.Report, null, "令和7年度の開示請求の状況", 3),
            Line(ItemKind.Other, null, "次回の日程", 4))));
        Assert.Equal(["1　日時　令和8年12月10日（木）正午～午後2時00分", "2　場所　本庁舎5階", "3　審議事項",
            "（1）保育システムの外部結合について（諮問第5号）", "（2）税務システムの外部結合について（諮問第6号）", "4　報告事項",
            "令和7年度の開示請求の状況", "5　その他", "次回の日程", "以上"], lines.SkipWhile(l => l != "記").Skip(1).ToList());
        Assert.Contains("守り区情報公開・個人情報保護審議会　会長　山田　太郎", lines);
    }

    [Fact]
    public void Notice_SenderAsTheCouncilSetIt()
    {
        var lines = Lines(CouncilDocuments.Notice(View("守り区長　鈴木　花子", Line(ItemKind.Report, 12, "委託の状況", 1))));
        Assert.Contains("守り区長　鈴木　花子", lines);
        Assert.DoesNotContain(lines, l => l.Contains("会長", StringComparison.Ordinal));
        Assert.Contains("委託の状況（報告第12号）", lines);
        Assert.DoesNotContain("審議事項", string.Concat(lines), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_TitleSaysAboutOnce()
    {
        var document = CouncilDocuments.Answer(new Toshin { Number = 3, Text = "妥当である。" },
            new AgendaItem { Kind = ItemKind.Consultation, Number = 5, Title = "保育システムの外部結合について" },
            new AdvisoryCouncil { Name = "守り区審議会" }, null, "守り区");
        Assert.Contains("保育システムの外部結合について（答申）", Lines(document));
        Assert.Equal("答申第3号 保育システムの外部結合について（答申）", document.Title);
        Assert.DoesNotContain("についてについて", string.Concat(Lines(document)), StringComparison.Ordinal);
    }
}
