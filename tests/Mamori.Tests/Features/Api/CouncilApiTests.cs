using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.Api;

/// <summary>
/// A vendor loads a council meeting with its items through the API and reads it back as the pages show it; the same
/// rules as the forms refuse bad input with Japanese field messages; two updates with one version give one 409; another
/// municipality's ids answer 404.
/// </summary>
public sealed class CouncilApiTests(AppFixture app)
{
    public sealed record Placed(Guid ItemId, int Order, string? Label, string Kind, int? Number, string Title, string? Outcome);

    public sealed record Material(Guid Id, string Title, string FileName, string Download);

    public sealed record Meeting(Guid Id, string Title, string Status, List<Placed> Items, List<Material> Materials, Guid Version);

    public sealed record Item(Guid Id, string Kind, int? Number, string Title);

    public sealed record Listing<T>(List<T> Items, int Page, int PageSize, int Total);

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AVendorLoadsAMeetingWithItsItems_AndReadsItBack(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await CouncilPages.CouncilAsync(office, "個人情報保護審議会");
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "council"));

        var meeting = await ReadAsync<Meeting>(await api.PostAsJsonAsync("/api/v1/council/meetings",
            new { councilId, title = "令和8年度第3回", kind = "対面", heldOn = "令和8年11月20日", startsAt = "14:00", endsAt = "16:00", place = "第1委員会室" }), HttpStatusCode.Created);
        var consultation = await ReadAsync<Item>(await api.PostAsJsonAsync("/api/v1/council/items",
            new { councilId, kind = "諮問", title = "住民情報システムの標準化に伴う個人情報の取扱いについて", departmentId = tenant.OwnDepartmentId }), HttpStatusCode.Created);
        var report = await ReadAsync<Item>(await api.PostAsJsonAsync("/api/v1/council/items",
            new { councilId, kind = "Report", title = "個人情報の漏えい等事案について" }), HttpStatusCode.Created);
        Assert.Equal(1, consultation.Number);
        foreach (var (item, label) in new[] { (consultation, "議題1"), (report, "議題2") })
        {
            await ReadAsync<Meeting>(await api.PostAsJsonAsync($"/api/v1/council/meetings/{meeting.Id}/items", new { itemId = item.Id, label }), HttpStatusCode.OK);
        }
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent("%PDF-1.4 資料"u8.ToArray()), "file", "資料1.pdf" },
            { new StringContent("資料1 標準化の概要"), "title" },
            { new StringContent(consultation.Id.ToString()), "itemId" },
        };
        var material = await ReadAsync<Material>(await api.PostAsync($"/api/v1/council/meetings/{meeting.Id}/materials", upload), HttpStatusCode.OK);
        await ReadAsync<Meeting>(await api.PostAsync($"/api/v1/council/meetings/{meeting.Id}/held", null), HttpStatusCode.OK);
        await ReadAsync<Meeting>(await api.PostAsJsonAsync($"/api/v1/council/meetings/{meeting.Id}/items/{report.Id}/outcome", new { outcome = "了承" }), HttpStatusCode.OK);

        var loaded = await ReadAsync<Meeting>(await api.GetAsync($"/api/v1/council/meetings/{meeting.Id}"), HttpStatusCode.OK);
        Assert.Equal(["議題1", "議題2"], loaded.Items.Select(i => i.Label));
        Assert.Equal(["Consultation", "Report"], loaded.Items.Select(i => i.Kind));
        Assert.Equal("Held", loaded.Status);
        Assert.Null(loaded.Items[0].Outcome);
        Assert.NotNull(loaded.Items[1].Outcome);
        Assert.Equal("資料1 標準化の概要", Assert.Single(loaded.Materials).Title);
        var file = await api.GetAsync(material.Download);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("attachment", file.Content.Headers.ContentDisposition?.DispositionType);
        // The page shows what the API loaded.
        var page = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/meetings/{meeting.Id}"));
        Assert.Contains("住民情報システムの標準化に伴う個人情報の取扱いについて", page);
        Assert.Contains("資料1 標準化の概要", page);

        var list = await ReadAsync<Listing<Item>>(await api.GetAsync($"/api/v1/council/items?councilId={councilId}&pageSize=1"), HttpStatusCode.OK);
        Assert.Equal(2, list.Total);
        Assert.Single(list.Items);
        var second = await ReadAsync<Listing<Item>>(await api.GetAsync($"/api/v1/council/items?councilId={councilId}&pageSize=1&page=2"), HttpStatusCode.OK);
        Assert.NotEqual(list.Items[0].Id, second.Items[0].Id);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AVendorSetsUpTheCouncilAndItsMembers_ChairFirstThenByReading(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Office, modules: "council"));
        var council = await ReadAsync(await api.PostAsJsonAsync("/api/v1/council",
            new { name = "情報公開・個人情報保護審議会", termYears = 2, quorum = "MoreThanHalf", isPublic = true, contact = "区政情報課" }), HttpStatusCode.Created);
        foreach (var (name, kana, role) in new[] { ("渡辺 一郎", "わたなべ いちろう", "Member"), ("青木 花子", "あおき はなこ", "Member"), ("佐藤 次郎", "さとう じろう", "会長") })
        {
            await ReadAsync(await api.PostAsJsonAsync($"/api/v1/council/{Id(council)}/members", new
            {
                name,
                nameKana = kana,
                role,
                affiliation = "学識経験者",
                appointedOn = "2026-04-01",
                termStart = "2026-04-01",
                termEnd = "2028-03-31",
            }), HttpStatusCode.Created);
        }
        var members = await ReadAsync<List<System.Text.Json.JsonElement>>(await api.GetAsync($"/api/v1/council/{Id(council)}/members"), HttpStatusCode.OK);
        Assert.Equal(["佐藤 次郎", "青木 花子", "渡辺 一郎"], members.Select(m => m.GetProperty("name").GetString()));
        var bad = await api.PostAsJsonAsync($"/api/v1/council/{Id(council)}/members", new { name = "期間 逆転", termStart = "2028-04-01", termEnd = "2026-03-31" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(3, await factory.AsSystemAsync((_, db) => db.CouncilMembers.CountAsync(m => m.CouncilId == Id(council))));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task BadInput_TwoUpdatesOfOneVersion_AndAnotherMunicipalitysIds_AreRefused(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await CouncilPages.CouncilAsync(office, "個人情報保護審議会");
        using var api = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));

        var bad = await api.PostAsJsonAsync("/api/v1/council/meetings", new { councilId, title = "", kind = "書面", heldOn = "令和8年13月1日" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadAsStringAsync();
        Assert.Contains("\"heldOn\"", problem);
        Assert.False(await factory.AsSystemAsync((_, db) => db.Meetings.AnyAsync(m => m.MunicipalityId == tenant.MunicipalityId)));
        var missing = await api.PostAsJsonAsync("/api/v1/council/meetings", new { councilId, title = "", kind = "Written", heldOn = "2026-12-10" });
        var fields = await missing.Content.ReadAsStringAsync();
        Assert.Contains("\"title\"", fields);
        Assert.Contains("質問・意見の提出期限を入力してください", fields);

        var meeting = await ReadAsync<Meeting>(await api.PostAsJsonAsync("/api/v1/council/meetings",
            new { councilId, title = "第1回", kind = "InPerson", heldOn = "2026-12-10" }), HttpStatusCode.Created);
        var first = api.PutAsJsonAsync($"/api/v1/council/meetings/{meeting.Id}", new { councilId, title = "第1回（変更A）", kind = "InPerson", heldOn = "2026-12-10", version = meeting.Version });
        var second = api.PutAsJsonAsync($"/api/v1/council/meetings/{meeting.Id}", new { councilId, title = "第1回（変更B）", kind = "InPerson", heldOn = "2026-12-10", version = meeting.Version });
        var answers = (await Task.WhenAll(first, second)).Select(r => r.StatusCode).OrderBy(s => s).ToList();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers);

        var other = await TestTenant.CreateAsync(factory);
        using var foreign = Client(factory, await TokenAsync(factory, other, UserRole.Office));
        Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync($"/api/v1/council/meetings/{meeting.Id}")).StatusCode);
        var stolen = await foreign.PutAsJsonAsync($"/api/v1/council/meetings/{meeting.Id}", new { councilId, title = "乗っ取り", kind = "InPerson", heldOn = "2026-12-10" });
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Client(factory, await TokenAsync(factory, tenant, UserRole.Department)).PostAsync($"/api/v1/council/meetings/{meeting.Id}/held", null)).StatusCode);
    }
}
