using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Minutes;

/// <summary>
/// /api/v1/minutes/parse and /import do what the import page does, for programs: the file as the body or as a
/// multipart form, the plan before anything is stored, a doubtful match waiting for a choice, a council not
/// registered waiting for council=new, and the same file recognised.
/// </summary>
public sealed class MinutesImportApiTests(AppFixture app)
{
    private static string Page(string agenda) => $"""
        <!DOCTYPE html><html lang="ja"><head><title>会議録</title></head><body>
        <nav><a href="/">トップページ</a> &gt; 審議会</nav>
        <main>
        <h1>令和6年度第2回みなと市個人情報保護審議会　会議録</h1>
        <table><tr><th>日時</th><td>令和6年11月5日（火）午前10時～午前11時30分</td></tr>
        <tr><th>場所</th><td>みなと市役所　第3会議室</td></tr>
        <tr><th>出席委員</th><td>青木一郎（会長）、石川花子、上田次郎</td></tr></table>
        <h2>議題</h2><p>(1) {agenda}</p>
        <h2>審議の経過</h2>
        <p>○会長　ただいまから開会します。</p>
        <p>○事務局　資料１について説明します。<br>保存期間は５年です。</p>
        <p>○石川委員　委託先の管理はどうなっていますか。</p>
        </main><footer>みなと市総務課　電話 03-0000-0000</footer></body></html>
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AProgramParsesAndImportsAFile_WithTheSameRulesAsThePage(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var html = Encoding.UTF8.GetBytes(Page("諮問第12号　防犯カメラの設置について"));

        // parse: the structure and the plan, nothing stored.
        var parsed = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/parse?fileName=" + Uri.EscapeDataString("R6-2.html"), html), HttpStatusCode.OK);
        Assert.Equal("HTML", parsed.GetProperty("format").GetString());
        Assert.Equal("2024-11-05", parsed.GetProperty("minutes").GetProperty("heldOn").GetString());
        Assert.Equal(["会長", "事務局", "石川委員"], parsed.GetProperty("minutes").GetProperty("utterances").EnumerateArray().Select(u => u.GetProperty("speaker").GetString()));
        Assert.Contains("保存期間は５年です。", parsed.GetProperty("minutes").GetProperty("utterances")[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        var plan = parsed.GetProperty("plan");
        Assert.True(plan.GetProperty("newCouncil").GetBoolean());
        Assert.Equal("みなと市個人情報保護審議会", plan.GetProperty("councilName").GetString());
        Assert.Equal("new", plan.GetProperty("agenda")[0].GetProperty("suggested").GetString());
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Meetings.CountAsync(m => m.MunicipalityId == tenant.MunicipalityId)));

        // A council that is not registered is proposed, not created: import waits for council=new.
        var waiting = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/import?fileName=R6-2.html", html), HttpStatusCode.BadRequest);
        Assert.Contains("新しい審議会として登録することを選んでください", waiting.GetProperty("errors").GetProperty("councilId")[0].GetString(), StringComparison.Ordinal);

        // As a multipart form, with council=new: stored, and found by the search.
        var imported = await JsonAsync(await PostFileAsync(office, "/api/v1/minutes/import?council=new", "R6-2.html", html), HttpStatusCode.Created);
        var meetingId = imported.GetProperty("meetingId").GetGuid();
        Assert.Equal(3, imported.GetProperty("utterances").GetInt32());
        Assert.True(imported.GetProperty("newCouncil").GetBoolean());
        var search = await JsonAsync(await office.GetAsync("/api/v1/minutes/search?q=" + Uri.EscapeDataString("委託先 OR 冗長化")), HttpStatusCode.OK);
        Assert.Equal(meetingId, search.GetProperty("hits")[0].GetProperty("meetingId").GetGuid());

        // The same file again is recognised, by its bytes and not its name.
        var again = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/import?council=new&fileName=copy.html", html), HttpStatusCode.BadRequest);
        Assert.Contains("取込み済み", again.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ANumberAlone_WaitsForAChoice_AndANoticeIsRefusedWithTheReason(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await CouncilAsync(office, "みなと市個人情報保護審議会");
        var item = await ItemAsync(office, councilId, "Consultation", "住民基本台帳ネットワークシステムのセキュリティ評価について", 12);
        var html = Encoding.UTF8.GetBytes(Page("諮問第12号　防犯カメラの設置について"));

        var parsed = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/parse?fileName=R6-2.html", html), HttpStatusCode.OK);
        var entry = parsed.GetProperty("plan").GetProperty("agenda")[0];
        Assert.True(entry.GetProperty("conflict").GetBoolean());
        Assert.Equal(item, entry.GetProperty("existing").GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("suggested").ValueKind);

        var unchosen = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/import?fileName=R6-2.html", html), HttpStatusCode.BadRequest);
        Assert.Contains("諮問第12号", unchosen.GetProperty("errors").GetProperty("choices[0]")[0].GetString(), StringComparison.Ordinal);
        var unreadable = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/import?fileName=R6-2.html&choice=0:maybe", html), HttpStatusCode.BadRequest);
        Assert.Contains("choice「0:maybe」は読めません", unreadable.GetProperty("errors").GetProperty("choice")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Meetings.CountAsync(m => m.CouncilId == councilId)));

        var imported = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/import?fileName=R6-2.html&choice=0:new", html), HttpStatusCode.Created);
        Assert.Contains("諮問第12号", string.Join("\n", imported.GetProperty("decisions").EnumerateArray().Select(d => d.GetString())), StringComparison.Ordinal);
        Assert.Equal("住民基本台帳ネットワークシステムのセキュリティ評価について",
            await factory.AsSystemAsync((_, db) => db.AgendaItems.Where(i => i.Id == item).Select(i => i.Title).SingleAsync()));

        var notice = Encoding.UTF8.GetBytes("令和6年10月1日\n委員各位\nみなと市個人情報保護審議会の開催について\n下記のとおり開催しますので、ご出席くださいますようお願いします。\n日時　令和6年11月5日（火）午前10時\n");
        var refused = await JsonAsync(await PostBodyAsync(office, "/api/v1/minutes/parse?fileName=notice.txt", notice), HttpStatusCode.BadRequest);
        Assert.Contains("notice.txt は会議の開催通知", refused.GetProperty("errors").GetProperty("file")[0].GetString(), StringComparison.Ordinal);

        // A council member may search the minutes but not import them.
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostBodyAsync(member, "/api/v1/minutes/parse?fileName=R6-2.html", html)).StatusCode);
    }

    private static Task<HttpResponseMessage> PostBodyAsync(Browser browser, string url, byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return browser.Client.PostAsync(url, body);
    }

    private static Task<HttpResponseMessage> PostFileAsync(Browser browser, string url, string fileName, byte[] content)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } };
        return browser.Client.PostAsync(url, form);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
