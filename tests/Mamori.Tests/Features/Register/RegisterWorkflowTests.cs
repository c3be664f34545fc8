using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Register;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Register;

/// <summary>個人情報ファイル簿: draft → submitted → returned/confirmed → published → revised → removed, and who may do what.</summary>
public sealed class RegisterWorkflowTests(AppFixture app)
{
    internal static object File(TestTenant tenant, string? number, string name, Guid? department = null, Guid? version = null) => new
    {
        fileNumber = number,
        name,
        departmentId = department ?? tenant.OwnDepartmentId,
        purpose = "住民基本台帳法に基づく住民の居住関係の公証",
        recordItems = new[] { "氏名", "生年月日", "性別", "住所" },
        recordScope = "区内に住所を有する者",
        collectionMethods = new[] { "本人から", "他機関から" },
        hasSensitive = false,
        subjectCount = 350000,
        isSpecificPersonalInfo = true,
        form = "電算処理ファイル",
        version,
    };

    internal static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Workflow_DraftSubmitReturnConfirmPublishReviseRemove(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);

        // A 所管課 does not choose the 整理番号: Mamori gives the department's next number.
        var chosen = await Json(await dept.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "R-001", "住民基本台帳ファイル")), HttpStatusCode.BadRequest);
        Assert.Contains("整理番号は事務局が付けます", chosen.GetProperty("errors").GetProperty("fileNumber")[0].GetString());
        var created = await Json(await dept.Client.PostAsJsonAsync("/api/v1/register", File(tenant, null, "住民基本台帳ファイル")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString();
        var number = created.GetProperty("content").GetProperty("fileNumber").GetString();
        Assert.EndsWith("-001", number, StringComparison.Ordinal);
        Assert.Equal(tenant.Name + "長", created.GetProperty("content").GetProperty("agencyName").GetString());
        Assert.Equal("Draft", created.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/register/{id}")).StatusCode);

        await Json(await dept.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
        Assert.Contains("確認待ち 1 件", await office.GetPageAsync("/"));
        var noComment = await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/return", new { comment = "" }), HttpStatusCode.BadRequest);
        Assert.Contains("差し戻す理由", noComment.GetProperty("errors").GetProperty("comment")[0].GetString());
        var returned = await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/return", new { comment = "記録範囲に転出者を含めてください。" }), HttpStatusCode.OK);
        Assert.Equal("差戻し", returned.GetProperty("statusName").GetString());
        Assert.Equal("記録範囲に転出者を含めてください。", returned.GetProperty("returnComment").GetString());

        var edited = await Json(await dept.Client.PutAsJsonAsync($"/api/v1/register/{id}", File(tenant, number, "住民基本台帳ファイル", version: Guid.Parse(returned.GetProperty("version").GetString()!))), HttpStatusCode.OK);
        Assert.Equal("Draft", edited.GetProperty("status").GetString());
        await Json(await dept.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
        var notYet = await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { }), HttpStatusCode.Conflict);
        Assert.Contains("確認済みのファイルだけを公表できます", notYet.ToString());
        await Json(await office.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.OK);
        var published = await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { }), HttpStatusCode.OK);
        Assert.Equal("Published", published.GetProperty("status").GetString());
        Assert.Equal("新規登録", published.GetProperty("versions")[0].GetProperty("reason").GetString());

        var seen = await Json(await member.GetAsync($"/api/v1/register/{id}"), HttpStatusCode.OK);
        Assert.Equal("住民基本台帳ファイル", seen.GetProperty("content").GetProperty("name").GetString());

        // A revision: the public and 委員 keep seeing version 1 until version 2 is published.
        var revised = await Json(await dept.Client.PutAsJsonAsync($"/api/v1/register/{id}",
            File(tenant, number, "住民基本台帳ファイル（除票を含む）", version: Guid.Parse(published.GetProperty("version").GetString()!))), HttpStatusCode.OK);
        Assert.Equal("Draft", revised.GetProperty("status").GetString());
        Assert.True(revised.GetProperty("hasUnpublishedChanges").GetBoolean());
        Assert.Equal("住民基本台帳ファイル", (await Json(await member.GetAsync($"/api/v1/register/{id}"), HttpStatusCode.OK)).GetProperty("content").GetProperty("name").GetString());
        await Json(await dept.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
        await Json(await office.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.OK);
        var noReason = await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { }), HttpStatusCode.BadRequest);
        Assert.Contains("改訂の理由", noReason.GetProperty("errors").GetProperty("reason")[0].GetString());
        var second = await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { reason = "除票の保存期間延長に伴う記録範囲の変更" }), HttpStatusCode.OK);
        Assert.Equal(2, second.GetProperty("versions").GetArrayLength());
        Assert.Equal("住民基本台帳ファイル（除票を含む）", (await Json(await member.GetAsync($"/api/v1/register/{id}"), HttpStatusCode.OK)).GetProperty("content").GetProperty("name").GetString());

        var csv = Encoding.UTF8.GetString(await member.Client.GetByteArrayAsync("/api/v1/register/export"));
        Assert.Contains("住民基本台帳ファイル（除票を含む）", csv);
        var sjis = await member.Client.GetByteArrayAsync("/api/v1/register/export?encoding=sjis");
        Assert.Contains("住民基本台帳ファイル（除票を含む）", CsvEncodings.Cp932.GetString(sjis));

        // 消除: hidden from 委員 and the download, kept with its history.
        await Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/remove", new { reason = "事務の廃止" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/api/v1/register/{id}")).StatusCode);
        Assert.DoesNotContain("住民基本台帳ファイル", Encoding.UTF8.GetString(await member.Client.GetByteArrayAsync("/api/v1/register/export")));
        var kept = await Json(await office.GetAsync($"/api/v1/register/{id}"), HttpStatusCode.OK);
        Assert.Equal("消除", kept.GetProperty("statusName").GetString());
        Assert.Equal(2, kept.GetProperty("versions").GetArrayLength());

        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.CountAsync(e => e.EntityType == "PersonalInfoFile" && e.EntityKey == id));
        Assert.True(audited >= 10, $"監査ログ {audited} 件");
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Roles_DepartmentOwnOnly_MemberPublishedOnly_ReviewByOffice(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        using var anonymous = Browser.Anonymous(factory);

        var others = await Json(await office.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "X-1", "他課のファイル", tenant.OtherDepartmentId)), HttpStatusCode.Created);
        var otherId = others.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/api/v1/register/{otherId}")).StatusCode);
        Assert.DoesNotContain("他課のファイル", await dept.Client.GetStringAsync("/api/v1/register"));
        Assert.Equal(HttpStatusCode.NotFound, (await dept.Client.PutAsJsonAsync($"/api/v1/register/{otherId}", File(tenant, "X-1", "乗っ取り"))).StatusCode);

        var wrongDept = await Json(await dept.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "X-2", "越境", tenant.OtherDepartmentId)), HttpStatusCode.BadRequest);
        Assert.Contains("自分の課のファイルだけ", wrongDept.ToString());

        var own = await Json(await dept.Client.PostAsJsonAsync("/api/v1/register", File(tenant, null, "自課のファイル")), HttpStatusCode.Created);
        var ownId = own.GetProperty("id").GetString();
        var ownNumber = own.GetProperty("content").GetProperty("fileNumber").GetString();
        await Json(await dept.Client.PostAsync($"/api/v1/register/{ownId}/submit", null), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.Client.PostAsync($"/api/v1/register/{ownId}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.Client.PostAsJsonAsync($"/api/v1/register/{ownId}/publish", new { })).StatusCode);
        var whileSubmitted = await Json(await dept.Client.PutAsJsonAsync($"/api/v1/register/{ownId}", File(tenant, ownNumber, "提出中に変更")), HttpStatusCode.Conflict);
        Assert.Contains("確認待ちの間は変更できません", whileSubmitted.ToString());

        Assert.Equal(HttpStatusCode.Forbidden, (await member.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "X-4", "委員"))).StatusCode);
        Assert.Empty((await Json(await member.GetAsync("/api/v1/register"), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await security.GetAsync("/api/v1/register")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/register")).StatusCode);

        var duplicate = await Json(await office.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "Ｘ－１", "重複", tenant.OtherDepartmentId)), HttpStatusCode.BadRequest);
        Assert.Contains("整理番号", duplicate.GetProperty("errors").GetProperty("fileNumber")[0].GetString());
        var missing = await Json(await office.Client.PostAsJsonAsync("/api/v1/register", new { fileNumber = "X-9", hasSensitive = true }), HttpStatusCode.BadRequest);
        var errors = missing.GetProperty("errors");
        Assert.Equal("名称を入力してください。", errors.GetProperty("name")[0].GetString());
        Assert.Contains("1行に1項目", errors.GetProperty("recordItems")[0].GetString());
        Assert.Contains("その種類", errors.GetProperty("sensitiveKinds")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task PublicPage_ShowsOnlyPublishedFilesOfThatMunicipality_WithDownloads(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, "公開区");
        var other = await TestTenant.CreateAsync(factory, "別の町");
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var otherOffice = await Browser.SignInAsync(factory, other, UserRole.Office);
        using var anonymous = Browser.Anonymous(factory);

        async Task<string> Publish(Browser b, TestTenant t, string number, string name)
        {
            var created = await Json(await b.Client.PostAsJsonAsync("/api/v1/register", File(t, number, name)), HttpStatusCode.Created);
            var id = created.GetProperty("id").GetString()!;
            await Json(await b.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
            await Json(await b.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.OK);
            await Json(await b.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { }), HttpStatusCode.OK);
            return id;
        }
        var published = await Publish(office, tenant, "P-1", "国民健康保険被保険者ファイル");
        var draft = await Json(await office.Client.PostAsJsonAsync("/api/v1/register", File(tenant, "P-2", "作業中のファイル")), HttpStatusCode.Created);
        var foreign = await Publish(otherOffice, other, "P-1", "別の町のファイル");

        var page = await anonymous.GetPageAsync($"/public/{tenant.Code}/register");
        Assert.Contains("国民健康保険被保険者ファイル", page);
        Assert.DoesNotContain("作業中のファイル", page);
        Assert.DoesNotContain("別の町のファイル", page);
        Assert.Contains("公開区 個人情報ファイル簿", page);

        var detail = await anonymous.GetPageAsync($"/public/{tenant.Code}/register/{published}");
        Assert.Contains("第1版", detail);
        Assert.Contains("氏名、生年月日、性別、住所", detail);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/{tenant.Code}/register/{draft.GetProperty("id").GetString()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/{tenant.Code}/register/{foreign}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/public/999999/register")).StatusCode);

        var csv = await anonymous.GetAsync($"/public/{tenant.Code}/register/export");
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var csvText = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFF整理番号,個人情報ファイルの名称", csvText, StringComparison.Ordinal);
        Assert.Contains("国民健康保険被保険者ファイル", csvText);
        var table = CsvReader.Read(new MemoryStream(await (await anonymous.GetAsync($"/public/{tenant.Code}/register/export?encoding=sjis")).Content.ReadAsByteArrayAsync()));
        Assert.Equal("Shift_JIS", table.EncodingName);
        Assert.Equal("国民健康保険被保険者ファイル", Assert.Single(table.Rows)[1]);
        Assert.Equal("氏名\n生年月日\n性別\n住所", table.Rows[0][table.IndexOf("記録項目")]);

        var xlsx = await anonymous.GetAsync($"/public/{tenant.Code}/register/export?format=xlsx");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]);
        Assert.Equal((byte)'K', bytes[1]);
        Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition?.DispositionType);

        var print = await anonymous.GetPageAsync($"/public/{tenant.Code}/register/print");
        Assert.Contains("国民健康保険被保険者ファイル", print);
    }

    /// <summary>
    /// The public register is rendered once per state of the register and then answered from the cache with an ETag
    /// (304 to a browser that has it), until something is published — through this instance or another one on the
    /// same database.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task PublicPage_IsAnsweredFromTheCache_UntilAnyInstancePublishes(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        await using var other = factory.AnotherInstance();
        var tenant = await TestTenant.CreateAsync(factory, "公開キャッシュ区");
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var officeElsewhere = await Browser.SignInAsync(other, tenant, UserRole.Office);
        using var anonymous = Browser.Anonymous(factory);
        async Task Publish(Browser b, string number, string name)
        {
            var created = await Json(await b.Client.PostAsJsonAsync("/api/v1/register", File(tenant, number, name)), HttpStatusCode.Created);
            var id = created.GetProperty("id").GetString()!;
            await Json(await b.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
            await Json(await b.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.OK);
            await Json(await b.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { }), HttpStatusCode.OK);
        }
        async Task<HttpResponseMessage> GetAsync(string url, string? etag = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (etag is not null)
            {
                request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag));
            }
            return await anonymous.Client.SendAsync(request);
        }
        var url = $"/public/{tenant.Code}/register";
        await Publish(office, "C-1", "最初に公表したファイル");

        var first = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag?.Tag;
        Assert.NotNull(etag);
        var again = await GetAsync(url);
        Assert.Equal(etag, again.Headers.ETag?.Tag);
        Assert.True(again.Headers.Age is not null, "2 回目がキャッシュから答えられていません（Age がありません）");
        // The page answered from the cache still carries the style nonce its policy allows.
        Assert.Equal(first.Headers.GetValues("Content-Security-Policy").Single(), again.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotModified, (await GetAsync(url, etag)).StatusCode);
        // Another page (a keyword) is another representation with a tag of its own.
        Assert.NotEqual(etag, (await GetAsync(url + "?q=" + Uri.EscapeDataString("最初"))).Headers.ETag?.Tag);

        // Published through the other instance: this one answers the new register at once, and the old tag no longer matches.
        await Publish(officeElsewhere, "C-2", "別のインスタンスで公表したファイル");
        var changed = await GetAsync(url, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.Tag);
        Assert.Contains("別のインスタンスで公表したファイル", await changed.Content.ReadAsStringAsync());

        // A signed-in request is never answered from the cache.
        var signedIn = await office.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Null(signedIn.Headers.Age);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task OrdinanceSensitiveCategories_AreConfiguredPerMunicipality_AndEnforced(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, "条例市");
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        var before = await Json(await office.Client.PostAsJsonAsync("/api/v1/register",
            new
            {
                fileNumber = "O-0",
                name = "設定前",
                departmentId = tenant.OwnDepartmentId,
                purpose = "p",
                recordItems = new[] { "氏名" },
                recordScope = "s",
                collectionMethods = new[] { "本人から" },
                ordinanceSensitive = new[] { "国籍" }
            }), HttpStatusCode.BadRequest);
        Assert.Contains("まだ設定されていません", before.ToString());

        var saved = await admin.PostFormAsync("/organization/municipality", new() { ["Name"] = "条例市", ["OrdinanceSensitiveCategories"] = "国籍\n性的マイノリティ\nDV等の被害\n国籍", ["IncidentPreliminaryDays"] = "3", ["IncidentPeopleThreshold"] = "100" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        object Body(string number, string category) => new
        {
            fileNumber = number,
            name = "条例要配慮を含むファイル",
            departmentId = tenant.OwnDepartmentId,
            purpose = "相談記録",
            recordItems = new[] { "氏名", "相談内容" },
            recordScope = "相談者",
            collectionMethods = new[] { "本人から" },
            ordinanceSensitive = new[] { category },
        };
        var ok = await Json(await office.Client.PostAsJsonAsync("/api/v1/register", Body("O-1", "DV等の被害")), HttpStatusCode.Created);
        Assert.Equal("DV等の被害", ok.GetProperty("content").GetProperty("ordinanceSensitive")[0].GetString());
        var refused = await Json(await office.Client.PostAsJsonAsync("/api/v1/register", Body("O-2", "宗教")), HttpStatusCode.BadRequest);
        Assert.Equal("条例要配慮個人情報「宗教」はこの団体の一覧（国籍、性的マイノリティ、DV等の被害）にありません。",
            refused.GetProperty("errors").GetProperty("ordinanceSensitive")[0].GetString());

        var form = await office.GetPageAsync($"/register/edit/{ok.GetProperty("id").GetString()}");
        Assert.Contains("value=\"DV等の被害\" id=\"ordinance-2\" checked=\"checked\"", form);
        Assert.Contains("value=\"国籍\" id=\"ordinance-0\"", form);

        var header = string.Join(",", RegisterCsv.Headers);
        var csv = header + "\r\nO-3,相談ファイル,,区民部 / 戸籍住民課,相談,氏名,相談者,本人から,含まない,,宗教,,,,,電算処理ファイル,無,非該当,,,,,10,非該当,,\r\n";
        var import = await office.PostFileAsync("/register/import", "Upload", "ordinance.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Contains("<tr><td class=\"num\">2</td><td>条例要配慮個人情報</td><td>条例要配慮個人情報「宗教」はこの団体の一覧", await import.Content.ReadAsStringAsync());
    }
}
