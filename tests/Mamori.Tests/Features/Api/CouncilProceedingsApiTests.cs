using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// The office's work around a meeting through the API with the pages' rules: the notice, minutes typed in with closed
/// turns and a closed item kept off the public page, confirmation and publication, promises made at the meeting, a
/// written meeting's table of opinions imported all or nothing and answered, and the search synonyms.
/// </summary>
public sealed class CouncilProceedingsApiTests(AppFixture app)
{
    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MinutesWithClosedParts_Confirmed_Published_AndThePromisesMade(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var meeting = await MeetingAsync(office, council, "令和8年度第2回", Today.AddDays(-10));
        var open = await ItemAsync(office, council, "Report", "防犯カメラの運用状況について", 401);
        var appeal = await ItemAsync(office, council, "Consultation", "審査請求（開示決定）について", 90);
        await PlaceAsync(office, meeting, open, "資料1");
        await PlaceAsync(office, meeting, appeal, "資料2");
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "council"));
        var url = $"/api/v1/council/meetings/{meeting}";

        var notice = await ReadAsync(await api.PutAsJsonAsync($"{url}/notice", new { noticeNumber = "情政第123号", noticeOn = "令和8年11月1日", noticeTo = "委員各位" }),
            HttpStatusCode.OK);
        Assert.Equal("情政第123号", notice.GetProperty("noticeNumber").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PutAsJsonAsync($"{url}/notice", new { noticeNumber = "情政第124号", noticeOn = "11月32日" })).StatusCode);
        await ReadAsync(await api.PostAsync($"{url}/held", null), HttpStatusCode.OK);
        await ReadAsync(await api.PutAsJsonAsync($"{url}/minutes", new
        {
            text = "○会長　ただいまから開会します。防犯カメラの報告をお願いします。\n○事務局　設置台数は四十二台です。\n"
                + "○会長　ここからは審査請求のため非公開とします。\n○事務局　請求人は隣家の診療記録の開示を求めています。\n○委員　請求人の事情を確認したい。\n"
                + "○会長　公開に戻します。閉会します。",
        }), HttpStatusCode.OK);

        var backwards = await api.PostAsJsonAsync($"{url}/minutes/closed-turns", new { fromSeq = 5, toSeq = 4, closed = true });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("小さい番号から", await backwards.Content.ReadAsStringAsync());
        Assert.Equal(2, (await ReadAsync(await api.PostAsJsonAsync($"{url}/minutes/closed-turns", new { fromSeq = 4, toSeq = 5, closed = true }), HttpStatusCode.OK))
            .GetProperty("turns").GetInt32());
        var closedItem = await ReadAsync(await api.PutAsJsonAsync($"{url}/items/{appeal}/closed", new { closed = true }), HttpStatusCode.OK);
        Assert.True(closedItem.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("itemId").GetGuid() == appeal).GetProperty("isClosed").GetBoolean());
        var confirmed = await ReadAsync(await api.PostAsJsonAsync($"{url}/minutes/confirm", new { confirmedOn = Today.AddDays(-1).ToString("yyyy-MM-dd") }),
            HttpStatusCode.OK);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, confirmed.GetProperty("minutesConfirmedOn").ValueKind);
        Assert.True((await ReadAsync(await api.PutAsJsonAsync($"{url}/minutes/publication", new { publish = true }), HttpStatusCode.OK))
            .GetProperty("minutesPublished").GetBoolean());
        var publicPage = Text(await Browser.Anonymous(factory).GetPageAsync($"/public/{tenant.Code}/council/meetings/{meeting}"));
        Assert.Contains("設置台数は四十二台です", publicPage);
        Assert.DoesNotContain("隣家の診療記録", publicPage);
        Assert.Contains(ClosedSession.ClosedNote, publicPage);

        // A promise made at turn 2, kept later; a stale version is refused.
        var promise = await ReadAsync(await api.PostAsJsonAsync($"{url}/actions", new { turnSeq = 2, text = "設置場所の一覧を送付する", owner = "情報政策課", dueOn = "2026-12-25" }),
            HttpStatusCode.Created);
        var kept = await api.PostAsJsonAsync($"/api/v1/council/actions/{Id(promise)}/done", new { doneOn = "2026-11-25", doneNote = "メールで送付", version = Version(promise) });
        var again = await api.PostAsJsonAsync($"/api/v1/council/actions/{Id(promise)}/done", new { doneOn = "2026-11-26", version = Version(promise) });
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(new DateOnly(2026, 11, 25), await factory.AsSystemAsync((_, db) => db.ActionItems.Where(a => a.Id == Id(promise)).Select(a => a.DoneOn).FirstAsync()));

        // Imported minutes can be removed (the typed text goes with the meeting's minutes); a member's token cannot touch any of this.
        using var member = Client(factory, await TokenAsync(factory, tenant, UserRole.Member, modules: "council"));
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PutAsJsonAsync($"{url}/minutes/publication", new { publish = false })).StatusCode);
        var other = await TestTenant.CreateAsync(factory);
        using var stranger = Client(factory, await TokenAsync(factory, other, UserRole.Office, modules: "council"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"{url}/minutes/publication", new { publish = false })).StatusCode);
    }

    private const string Sheet = """
        令和8年度第3回個人情報保護審議会（書面開催）
        委員からのご意見・ご質問と回答
        番号	委員	議題	記載箇所	ご意見・ご質問	区の回答
        1	石川委員	諮問第12号	資料1 3ページ	録画の保存期間は何日ですか。	7日間です。
        2	上田 次郎	報告第3号	資料2	再発防止策の周知を徹底すべきである。
        3	山田委員	諮問第12号		委託先の監督方法を教えてください。
        以上
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AWrittenMeetingsTable_ImportedAllOrNothing_Answered_AndTheSynonyms(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "個人情報保護審議会");
        foreach (var (name, role) in new[] { ("青木一郎", "Chair"), ("石川花子", "Member"), ("上田次郎", "Member"), ("山田太郎", "Member"), ("山田花子", "Member") })
        {
            await MemberAsync(office, council, name, Today.AddDays(-300), Today.AddDays(300), role);
        }
        var meeting = await MeetingAsync(office, council, "令和8年度第3回", Today.AddDays(-10), "Written", Today.AddDays(-12));
        var cameras = await ItemAsync(office, council, "Consultation", "防犯カメラの設置について", 12);
        var leak = await ItemAsync(office, council, "Report", "個人情報の漏えい事案について", 3);
        await PlaceAsync(office, meeting, cameras, "諮問第12号");
        await PlaceAsync(office, meeting, leak, "報告第3号");
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "council"));
        var url = $"/api/v1/council/meetings/{meeting}/opinion-sheet";
        StringContent File() => new(Sheet, Encoding.UTF8, "text/plain");
        var members = await factory.AsSystemAsync((_, db) => db.CouncilMembers.Where(m => m.CouncilId == council).ToDictionaryAsync(m => m.Name, m => m.Id));

        var rows = await ReadAsync(await api.PostAsync($"{url}/parse?fileName=answers.txt", File()), HttpStatusCode.OK);
        Assert.Equal(3, rows.GetArrayLength());
        Assert.Equal(members["石川花子"], rows[0].GetProperty("memberId").GetGuid());
        Assert.Equal(cameras, rows[0].GetProperty("itemId").GetGuid());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[2].GetProperty("memberId").ValueKind); // 山田 is two members: not guessed.
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.WrittenOpinions.CountAsync(o => o.MeetingId == meeting)));

        var refused = await api.PostAsync($"{url}?fileName=answers.txt", File());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("answers.txt の表の3行目：質問・意見を出した委員を選んでください（表では「山田委員」）。", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.WrittenOpinions.CountAsync(o => o.MeetingId == meeting)));
        var imported = await ReadAsync(await api.PostAsync($"{url}?fileName=answers.txt&members[2]={members["山田太郎"]}", File()), HttpStatusCode.OK);
        Assert.Equal(3, imported.GetProperty("opinions").GetInt32());
        Assert.Equal(1, imported.GetProperty("answered").GetInt32());
        var twice = await ReadAsync(await api.PostAsync($"{url}?fileName=answers.txt&members[2]={members["山田太郎"]}", File()), HttpStatusCode.OK);
        Assert.Equal(3, twice.GetProperty("alreadyThere").GetInt32());
        Assert.Equal(3, await factory.AsSystemAsync((_, db) => db.WrittenOpinions.CountAsync(o => o.MeetingId == meeting)));

        var question = await factory.AsSystemAsync((_, db) => db.WrittenOpinions.Where(o => o.MeetingId == meeting && o.MemberId == members["山田太郎"]).Select(o => o.Id).FirstAsync());
        var answered = await ReadAsync(await api.PostAsJsonAsync($"/api/v1/council/opinions/{question}/answer", new { answer = "毎月の報告で確認します。" }), HttpStatusCode.OK);
        Assert.Equal("毎月の報告で確認します。", answered.GetProperty("answer").GetString());
        // 上田委員's opinion has no answer yet: publication waits for it.
        var early = await api.PutAsJsonAsync($"/api/v1/council/meetings/{meeting}/qa/publication", new { publish = true });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("回答していない質問・意見が1件あります", await early.Content.ReadAsStringAsync());
        var opinion = await factory.AsSystemAsync((_, db) => db.WrittenOpinions.Where(o => o.MeetingId == meeting && o.MemberId == members["上田次郎"]).Select(o => o.Id).FirstAsync());
        await ReadAsync(await api.PostAsJsonAsync($"/api/v1/council/opinions/{opinion}/answer", new { answer = "全庁に周知します。" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/council/meetings/{meeting}/qa/publication", new { publish = true })).StatusCode);
        Assert.True(await factory.AsSystemAsync((_, db) => db.Meetings.Where(m => m.Id == meeting).Select(m => m.QaPublished).FirstAsync()));

        var lonely = await api.PutAsJsonAsync("/api/v1/minutes/synonyms", new { groups = new[] { new[] { "個人番号カード", "マイナンバーカード" }, new[] { "防犯カメラ" } } });
        Assert.Equal(HttpStatusCode.BadRequest, lonely.StatusCode);
        Assert.Contains("2行目", await lonely.Content.ReadAsStringAsync());
        await ReadAsync(await api.PutAsJsonAsync("/api/v1/minutes/synonyms", new { text = "個人番号カード、マイナンバーカード\n防犯カメラ、監視カメラ" }), HttpStatusCode.OK);
        var synonyms = await ReadAsync(await api.GetAsync("/api/v1/minutes/synonyms"), HttpStatusCode.OK);
        Assert.Equal(2, synonyms.GetProperty("groups").GetArrayLength());
    }
}
