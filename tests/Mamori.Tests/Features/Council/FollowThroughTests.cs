using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Council;

public sealed class FollowThroughTests(AppFixture app)
{
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><");

    private static async Task KanaMemberAsync(Browser office, Guid council, string name, string kana, DateOnly start, DateOnly end, string role = "Member", string? userId = null) =>
        await PostAndFollowAsync(office, $"/council/{council}/members/edit", new()
        {
            ["Input.Name"] = name,
            ["Input.NameKana"] = kana,
            ["Input.TermStart"] = Iso(start),
            ["Input.TermEnd"] = Iso(end),
            ["Input.Role"] = role,
            ["Input.UserId"] = userId ?? "",
        });

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Toshin_GoesToTheMembersForConfirmation_PromisesCarryToTheNextMeeting_AndMembersProposeTopics(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var memberUser = await UserIdAsync(factory, tenant.UserName(UserRole.Member));
        var secondName = await SecondMemberAsync(factory, tenant);
        // 五十音: わたなべ, あおき (会長), いとう, カトウ (katakana reads the same), and one without a reading.
        await KanaMemberAsync(office, council, "渡辺 一郎", "わたなべ いちろう", Today.AddDays(-300), Today.AddDays(400), userId: memberUser);
        await KanaMemberAsync(office, council, "青木 花子", "あおき はなこ", Today.AddDays(-300), Today.AddDays(400), "Chair");
        await KanaMemberAsync(office, council, "伊藤 次郎", "いとう じろう", Today.AddDays(-300), Today.AddDays(400), userId: await UserIdAsync(factory, secondName));
        await KanaMemberAsync(office, council, "加藤 三郎", "カトウ サブロウ", Today.AddDays(-300), Today.AddDays(400));
        await MemberAsync(office, council, "読み 不明", Today.AddDays(-300), Today.AddDays(400));
        var councilPage = Text(await office.GetPageAsync($"/council/{council}"));
        councilPage = councilPage[councilPage.IndexOf("<h2>委員名簿</h2>", StringComparison.Ordinal)..];
        var order = new[] { "青木 花子", "伊藤 次郎", "加藤 三郎", "渡辺 一郎", "読み 不明" }.Select(n => councilPage.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
        var badKana = await office.PostFormAsync($"/council/{council}/members/edit", new()
        {
            ["Input.Name"] = "漢字 読み",
            ["Input.NameKana"] = "漢字",
            ["Input.TermStart"] = Iso(Today),
            ["Input.TermEnd"] = Iso(Today.AddDays(100)),
            ["Input.Role"] = "Member",
        });
        Assert.Contains("ふりがなは、ひらがなかカタカナで", WebUtility.HtmlDecode(await badKana.Content.ReadAsStringAsync()));

        // A meeting whose minutes hold a promise of the office: found, recorded, and shown at the next meeting until done.
        var first = await MeetingAsync(office, council, "第1回", Today.AddDays(-40));
        var item = await ItemAsync(office, council, "Consultation", "外部結合について", 12);
        await PlaceAsync(office, first, item, "資料1");
        await Handler(office, first, "Held", []);
        await PostAndFollowAsync(office, $"/council/meetings/{first}/minutes", new()
        {
            ["Text"] = "○渡辺委員　委託先の監査結果はありますか。\n○事務局　手元にございませんので、後日送付いたします。\n○会長　次回報告をお願いします。",
        });
        var actions = Text(await office.GetPageAsync($"/council/meetings/{first}/actions"));
        Assert.Contains("手元にございませんので、後日送付いたします。", actions);
        Assert.DoesNotContain("次回報告をお願いします", actions[actions.IndexOf("会議録から見つかった", StringComparison.Ordinal)..]); // the chair's request is not a promise
        await PostAndFollowAsync(office, $"/council/meetings/{first}/actions", new()
        {
            ["turnSeq"] = "2",
            ["text"] = "委託先の監査結果を後日送付する",
            ["owner"] = "事務局",
            ["dueOn"] = Iso(Today.AddDays(-20)),
        }, $"/council/meetings/{first}/actions?handler=Add");
        var second = await MeetingAsync(office, council, "第2回", Today.AddDays(5));
        var secondPage = Text(await office.GetPageAsync($"/council/meetings/{second}"));
        Assert.Contains("前の会議で約束した事項（この会議の日に未対応）", secondPage);
        Assert.Contains("委託先の監査結果を後日送付する", secondPage);
        Assert.Contains("委託先の監査結果を後日送付する", Text(await office.GetPageAsync($"/council/meetings/{first}/minutes")));
        // Past its due date the office is told.
        await Notices.NoticeSetup.RunAsync(factory, tenant);
        var inbox = await office.GetPageAsync("/inbox");
        Assert.Contains("で約束した事項：委託先の監査結果を後日送付する", WebUtility.HtmlDecode(inbox));
        var promise = await factory.AsSystemAsync((_, db) => db.ActionItems.IgnoreQueryFilters().SingleAsync(a => a.MeetingId == first));
        await PostAndFollowAsync(office, $"/council/meetings/{first}/actions", new()
        {
            ["actionId"] = promise.Id.ToString(),
            ["version"] = promise.Version.ToString(),
            ["doneOn"] = Iso(Today.AddDays(-10)),
            ["doneNote"] = "メールで送付",
        }, $"/council/meetings/{first}/actions?handler=Done");
        Assert.DoesNotContain("前の会議で約束した事項", Text(await office.GetPageAsync($"/council/meetings/{second}")));

        // The 答申: the outcome needs the document; the draft goes to the members; each answers; the office sees who.
        var toshin = Guid.Parse(await PostAndFollowAsync(office, $"/council/toshin/edit?itemId={item}", new()
        {
            ["Input.ItemId"] = item.ToString(),
            ["Input.Text"] = "外部結合を認めることは妥当である。",
        }));
        await PostAndFollowAsync(office, $"/council/toshin/{toshin}", new() { ["DueOn"] = Iso(Today.AddDays(7)) }, $"/council/toshin/{toshin}?handler=Request");
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        await Notices.NoticeSetup.RunAsync(factory, tenant);
        Assert.Contains("答申案の確認", WebUtility.HtmlDecode(await member.GetPageAsync("/inbox")));
        await PostAndFollowAsync(member, $"/council/toshin/{toshin}", new() { ["Agrees"] = "true" }, $"/council/toshin/{toshin}?handler=Respond");
        using var other = await Browser.SignInAsync(factory, tenant, secondName);
        var noComment = await other.PostFormAsync($"/council/toshin/{toshin}", new() { ["Agrees"] = "false", ["Comment"] = "" }, $"/council/toshin/{toshin}?handler=Respond");
        Assert.Equal(HttpStatusCode.Redirect, noComment.StatusCode);
        Assert.Contains("意見があるときは、その内容を入力してください", WebUtility.HtmlDecode(await other.GetPageAsync($"/council/toshin/{toshin}")));
        await PostAndFollowAsync(other, $"/council/toshin/{toshin}", new() { ["Agrees"] = "false", ["Comment"] = "監査の頻度を明記されたい。" }, $"/council/toshin/{toshin}?handler=Respond");
        var confirmations = Text(await office.GetPageAsync($"/council/toshin/{toshin}"));
        Assert.Contains("1名が異議なし、1名が意見あり、3名が未回答です。", confirmations);
        Assert.Contains("<td>伊藤 次郎</td><td>意見あり</td><td class=\"pre\">監査の頻度を明記されたい。</td>", confirmations);
        Assert.Equal(2, await factory.AsSystemAsync((_, db) => db.ToshinResponses.IgnoreQueryFilters().CountAsync(r => r.ToshinId == toshin)));
        // 答申第2号 was given on paper: 第3号 needs the reason.
        var another = await ItemAsync(office, council, "Consultation", "目的外利用について", 13);
        var fields = new Dictionary<string, string> { ["Input.ItemId"] = another.ToString(), ["Input.Number"] = "3", ["Input.Text"] = "目的外利用を認める。" };
        var gap = await office.PostFormAsync($"/council/toshin/edit?itemId={another}", fields);
        Assert.Contains("答申第2号から番号を飛ばします", WebUtility.HtmlDecode(await gap.Content.ReadAsStringAsync()));
        fields["Input.SkipReason"] = "答申第2号は書面で答申した";
        var third = Guid.Parse(await PostAndFollowAsync(office, $"/council/toshin/edit?itemId={another}", fields));
        Assert.Equal((3, "答申第2号は書面で答申した"),
            await factory.AsSystemAsync(async (_, db) => await db.Toshins.IgnoreQueryFilters().Where(t => t.Id == third).Select(t => new ValueTuple<int, string?>(t.Number, t.NumberSkipReason)).SingleAsync()));

        // Topics: a member proposes; the office cannot decline without a reason, and accepts for next year.
        await PostAndFollowAsync(member, $"/council/{council}/topics", new() { ["title"] = "生成AIの利用と個人情報", ["detail"] = "庁内の利用状況を報告してほしい。" },
            $"/council/{council}/topics?handler=Propose");
        var topic = await factory.AsSystemAsync((_, db) => db.TopicProposals.IgnoreQueryFilters().SingleAsync(t => t.CouncilId == council));
        await office.PostFormAsync($"/council/{council}/topics", new() { ["topicId"] = topic.Id.ToString(), ["version"] = topic.Version.ToString(), ["status"] = "Declined" },
            $"/council/{council}/topics?handler=Review");
        Assert.Contains("見送るときは、その理由を", WebUtility.HtmlDecode(await office.GetPageAsync($"/council/{council}/topics")));
        var nextYear = Core.Japanese.FiscalYear.Of(Today).StartYear + 1;
        await PostAndFollowAsync(office, $"/council/{council}/topics", new()
        {
            ["topicId"] = topic.Id.ToString(),
            ["version"] = topic.Version.ToString(),
            ["status"] = "Accepted",
            ["fiscalYear"] = nextYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["officeNote"] = "第1回で報告します。",
        }, $"/council/{council}/topics?handler=Review");
        var topics = Text(await member.GetPageAsync($"/council/{council}/topics"));
        Assert.Contains($"採用（{new Core.Japanese.FiscalYear(nextYear).ToWareki()}）", topics);
        Assert.Contains("第1回で報告します。", topics);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Member_OpensTheirOwnIssuedNotice_AndANomineeIsCheckedOnTheAppointmentDate(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var memberUser = await UserIdAsync(factory, tenant.UserName(UserRole.Member));
        await KanaMemberAsync(office, council, "渡辺 一郎", "わたなべ", Today.AddDays(-300), Today.AddDays(400), userId: memberUser);
        var meeting = await MeetingAsync(office, council, "第5回", Today.AddDays(20));
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        // Not issued yet: nothing to open.
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/council/meetings/{meeting}/notice/copy")).StatusCode);
        await PostAndFollowAsync(office, $"/council/meetings/{meeting}/notice", new()
        {
            ["Input.NoticeNumber"] = "6区政第123号",
            ["Input.NoticeOn"] = Iso(Today),
            ["Input.NoticeTo"] = "情報公開・個人情報保護審議会委員 様",
        });
        var notice = Text(await member.GetPageAsync($"/council/meetings/{meeting}/notice/copy"));
        Assert.Contains("6区政第123号", notice);
        Assert.Contains("開催通知を開く", Text(await member.GetPageAsync($"/council/meetings/{meeting}")));
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            (await member.GetAsync($"/council/meetings/{meeting}/notice/copy?handler=Docx")).Content.Headers.ContentType?.MediaType);
        // A member whose term ended before the meeting is not invited to it.
        await factory.AsSystemAsync(async (_, db) =>
        {
            var m = await db.CouncilMembers.IgnoreQueryFilters().SingleAsync(x => x.UserId == memberUser && x.CouncilId == council);
            m.LeftOn = Today.AddDays(1);
            await db.SaveChangesAsync();
            return 0;
        });
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/council/meetings/{meeting}/notice/copy")).StatusCode);

        // 小委員会: a council member whose term ended last month is nominated as of a day within it (recorded late).
        await KanaMemberAsync(office, council, "伊藤 次郎", "いとう", Today.AddDays(-400), Today.AddDays(-30));
        var sub = Guid.Parse(await PostAndFollowAsync(office, "/council/edit", new()
        {
            ["Input.Name"] = "審査部会",
            ["Input.ParentId"] = council.ToString(),
            ["Input.TermYears"] = "2",
            ["Input.Quorum"] = "MoreThanHalf",
            ["Input.Contact"] = "区政情報課",
        }));
        var parent = await factory.AsSystemAsync((_, db) => db.CouncilMembers.IgnoreQueryFilters().SingleAsync(m => m.CouncilId == council && m.Name == "伊藤 次郎"));
        var late = await office.PostFormAsync($"/council/{sub}/members/edit", new()
        {
            ["Input.FromParentMemberId"] = parent.Id.ToString(),
            ["Input.AppointedOn"] = Iso(Today.AddDays(-29)),
            ["Input.TermStart"] = Iso(Today.AddDays(-29)),
            ["Input.Role"] = "Member",
        });
        Assert.Contains("伊藤 次郎委員は、委嘱日", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));
        await PostAndFollowAsync(office, $"/council/{sub}/members/edit", new()
        {
            ["Input.FromParentMemberId"] = parent.Id.ToString(),
            ["Input.AppointedOn"] = Iso(Today.AddDays(-60)),
            ["Input.TermStart"] = Iso(Today.AddDays(-60)),
            ["Input.Role"] = "Member",
        });
        var nominee = await factory.AsSystemAsync((_, db) => db.CouncilMembers.IgnoreQueryFilters().SingleAsync(m => m.CouncilId == sub));
        Assert.Equal(("伊藤 次郎", "いとう", Today.AddDays(-30)), (nominee.Name, nominee.NameKana, nominee.TermEnd));
    }
}
