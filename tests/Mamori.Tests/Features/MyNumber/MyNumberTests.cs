using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Api.ApiClients;

namespace Mamori.Tests.Features.MyNumber;

/// <summary>
/// 独自利用事務 under the ordinance: existing procedures in force, an amendment whose steps go in order (the council step
/// making the council's 報告), the procedure it adds in force and the one it repeals gone from the day of 施行, and the
/// public page listing what is in force.
/// </summary>
public sealed class MyNumberTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAmendment_InOrder_AddsAndRepealsProcedures_OnItsDayOfEffect(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department));
        object Procedure(string name, string row, Guid? amendmentId, string? effectiveOn, bool linkage = true, string? basis = "主務省令第2条第5号") => new
        {
            name,
            departmentId = tenant.OwnDepartmentId,
            ordinance = "守り区行政手続における特定の個人を識別するための番号の利用等に関する条例",
            row,
            purpose = $"{name}の申請の審査",
            sources = "地方税関係情報（区長）\n住民票関係情報（区長）",
            usesLinkage = linkage,
            linkageBasis = basis,
            amendmentId,
            effectiveOn,
        };

        var noBasis = await department.PostAsJsonAsync("/api/v1/mynumber/procedures", Procedure("子ども医療費助成", "別表第一 1の項", null, "平成28年1月1日", basis: null));
        Assert.Equal(HttpStatusCode.BadRequest, noBasis.StatusCode);
        Assert.Contains("linkageBasis", await noBasis.Content.ReadAsStringAsync());
        var old = await ReadAsync(await department.PostAsJsonAsync("/api/v1/mynumber/procedures", Procedure("子ども医療費助成", "別表第一 1の項", null, "平成28年1月1日")),
            HttpStatusCode.Created);
        Assert.Equal("InForce", old.GetProperty("state").GetString());

        var amendment = await ReadAsync(await office.PostAsJsonAsync("/api/v1/mynumber/amendments", new { title = "番号利用条例の一部改正（令和8年）" }), HttpStatusCode.Created);
        var id = Id(amendment);
        var added = await ReadAsync(await department.PostAsJsonAsync("/api/v1/mynumber/procedures",
            Procedure("高齢者紙おむつ支給", "別表第一 2の項", id, null, linkage: false, basis: null)), HttpStatusCode.Created);
        Assert.Equal("Planned", added.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/repeals", new { procedureId = Id(old) })).StatusCode);
        Assert.Equal("Remove", (await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/repeals", new { procedureId = Id(old) }), HttpStatusCode.OK))
            .GetProperty("pending").GetString());

        // The steps go in order; a day before the step before is refused.
        var early = await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/Passed", new { on = "2026-06-01" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("次に記録するのは「起案」です", await early.Content.ReadAsStringAsync());
        async Task<System.Text.Json.JsonElement> StepAsync(string step, string on, Guid? councilId = null) =>
            await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/{step}", new { on, councilId }), HttpStatusCode.OK);
        await StepAsync("起案", "2026-04-10");
        var backwards = await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/PublicComment", new { on = "2026-04-09" });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        await StepAsync("PublicComment", "2026-04-10");
        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await Council.CouncilPages.CouncilAsync(browser, "個人情報保護審議会");
        var reported = await StepAsync("Council", "2026-05-20", councilId);
        var itemId = reported.GetProperty("councilItemId").GetGuid();
        var item = await factory.AsSystemAsync((_, db) => db.AgendaItems.FirstAsync(i => i.Id == itemId));
        Assert.Contains("番号利用条例の一部改正（令和8年）", item.Title);
        Assert.Contains("追加：高齢者紙おむつ支給、廃止：子ども医療費助成", item.About);
        Assert.Equal((Core.Features.Council.ItemKind.Report, (int?)null), (item.Kind, item.Number));
        await StepAsync("Submitted", "2026-06-01");
        await StepAsync("Passed", "2026-06-20");
        await StepAsync("Promulgated", "2026-06-25");

        // Before 施行 the public page lists the old procedure only; from 施行, the new one and not the repealed one.
        using var visitor = Browser.Anonymous(factory);
        var before = WebUtility.HtmlDecode(await visitor.GetPageAsync($"/public/{tenant.Code}/mynumber"));
        Assert.Contains("子ども医療費助成", before);
        Assert.DoesNotContain("高齢者紙おむつ支給", before);
        var enforced = await StepAsync("Enforced", "2026-10-01");
        Assert.Equal(JsonNull, enforced.GetProperty("next").ValueKind);
        var procedures = await ReadAsync(await office.GetAsync("/api/v1/mynumber/procedures"), HttpStatusCode.OK);
        var byName = procedures.EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(("InForce", "2026-10-01"), (byName["高齢者紙おむつ支給"].GetProperty("state").GetString(), byName["高齢者紙おむつ支給"].GetProperty("effectiveOn").GetString()));
        Assert.Equal(("Repealed", "2026-10-01"), (byName["子ども医療費助成"].GetProperty("state").GetString(), byName["子ども医療費助成"].GetProperty("repealedOn").GetString()));
        var after = WebUtility.HtmlDecode(await visitor.GetPageAsync($"/public/{tenant.Code}/mynumber"));
        Assert.Contains("高齢者紙おむつ支給", after);
        Assert.Contains("別表第一 2の項", after);
        Assert.DoesNotContain("子ども医療費助成", after);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/Enforced", new { on = "2026-10-02" })).StatusCode);

        var other = await TestTenant.CreateAsync(factory);
        Assert.DoesNotContain("高齢者紙おむつ支給", WebUtility.HtmlDecode(await visitor.GetPageAsync($"/public/{other.Code}/mynumber")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/public/999999/mynumber")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheListOfProcedures_ImportsAllOrNothing_AndTwiceChangesNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));
        const string header = "条例の項,事務の名称,所管課,条例,個人番号を利用する事務の内容,利用する特定個人情報,情報連携,情報連携の根拠,施行日\n";
        const string ordinance = "守り区番号利用条例";
        var good = header
            + $"別表第一 1の項,子ども医療費助成,区民部 / 戸籍住民課,{ordinance},子ども医療費の助成の申請の審査,\"地方税関係情報（区長）\n住民票関係情報（区長）\",あり,主務省令第2条第5号,平成28年1月1日\n"
            + $"別表第一 2の項,高齢者紙おむつ支給,戸籍住民課,{ordinance},紙おむつ支給の申請の審査,,なし,,2020-04-01\n";
        int Count() => factory.AsSystemAsync((_, db) => db.MyNumberProcedures.CountAsync(p => p.MunicipalityId == tenant.MunicipalityId)).GetAwaiter().GetResult();
        StringContent Csv(string text) => new(text, System.Text.Encoding.UTF8, "text/csv");

        // A second row naming a department that does not exist and 情報連携 without its basis: nothing is stored, each problem named.
        var bad = good.Replace("戸籍住民課,守り区番号利用条例,紙おむつ", "福祉課,守り区番号利用条例,紙おむつ", StringComparison.Ordinal)
            .Replace("あり,主務省令第2条第5号", "あり,", StringComparison.Ordinal);
        var refused = await office.PostAsync("/api/v1/mynumber/procedures/import?fileName=dokuji.csv", Csv(bad));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("dokuji.csv の 2 行目「情報連携の根拠」", why);
        Assert.Contains("dokuji.csv の 3 行目「所管課」", why);
        Assert.Equal(0, Count());

        var imported = await ReadAsync(await office.PostAsync("/api/v1/mynumber/procedures/import?fileName=dokuji.csv", Csv(good)), HttpStatusCode.OK);
        Assert.Equal(2, imported.GetProperty("created").GetInt32());
        var again = await ReadAsync(await office.PostAsync("/api/v1/mynumber/procedures/import?fileName=dokuji.csv", Csv(good)), HttpStatusCode.OK);
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(2, Count());
        var listed = await ReadAsync(await office.GetAsync("/api/v1/mynumber/procedures"), HttpStatusCode.OK);
        Assert.Equal("地方税関係情報（区長）\n住民票関係情報（区長）", listed[0].GetProperty("sources").GetString());
        Assert.Equal("2020-04-01", listed[1].GetProperty("effectiveOn").GetString());

        // The export is the import's own list: brought back unchanged it changes nothing, and a corrected cell changes that procedure only.
        var exported = await office.GetAsync("/api/v1/mynumber/procedures.xlsx");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        var xlsx = await exported.Content.ReadAsByteArrayAsync();
        var back = await ReadAsync(await office.PostAsync("/api/v1/mynumber/procedures/import?fileName=dokuji.xlsx", new ByteArrayContent(xlsx)), HttpStatusCode.OK);
        Assert.Equal((0, 0, 2), (back.GetProperty("created").GetInt32(), back.GetProperty("updated").GetInt32(), back.GetProperty("unchanged").GetInt32()));
        var sheet = Core.Csv.TableFile.Read(new MemoryStream(xlsx), "dokuji.xlsx");
        Assert.Equal(Core.Features.MyNumber.MyNumberImport.Headers, sheet.Headers);
        Assert.Equal(["別表第一 1の項", "子ども医療費助成", "区民部 / 戸籍住民課"], sheet.Rows[0].Cells.Take(3));
        Assert.Equal("平成28年1月1日", sheet.Rows[0][8]);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAmendment_ChangesAProcedureInForce_IsPutToTheCouncil_AndTheNewWordingReplacesTheOld(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = Client(factory, await TokenAsync(factory, tenant, UserRole.Office));
        using var department = Client(factory, await TokenAsync(factory, tenant, UserRole.Department));
        var (own, others) = await factory.AsSystemAsync(async (_, db) =>
        {
            var a = new Core.Features.Register.PersonalInfoFile { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, FileNumber = "K-1", Name = "医療費助成台帳" };
            var b = new Core.Features.Register.PersonalInfoFile { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OtherDepartmentId, FileNumber = "J-9", Name = "課税台帳" };
            db.PersonalInfoFiles.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });
        object Procedure(string name, string purpose, Guid[] files, Guid? version = null) => new
        {
            name,
            departmentId = tenant.OwnDepartmentId,
            ordinance = "守り区番号利用条例",
            row = "別表第一 1の項",
            purpose,
            usesLinkage = false,
            registerFileIds = files,
            effectiveOn = "2016-01-01",
            version,
        };

        // The 所管課 links its own register file; another department's file is not its to link.
        var foreign = await department.PostAsJsonAsync("/api/v1/mynumber/procedures", Procedure("子ども医療費助成", "助成の申請の審査", [own, others]));
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("registerFileIds", await foreign.Content.ReadAsStringAsync());
        var old = await ReadAsync(await department.PostAsJsonAsync("/api/v1/mynumber/procedures", Procedure("子ども医療費助成", "助成の申請の審査", [own])), HttpStatusCode.Created);
        Assert.Equal([own], old.GetProperty("registerFileIds").EnumerateArray().Select(e => e.GetGuid()));
        var other = await ReadAsync(await department.PostAsJsonAsync("/api/v1/mynumber/procedures", Procedure("ひとり親家庭等医療費助成", "医療証の交付", [])),
            HttpStatusCode.Created);

        var id = Id(await ReadAsync(await office.PostAsJsonAsync("/api/v1/mynumber/amendments", new { title = "番号利用条例の一部改正（対象の拡大）" }), HttpStatusCode.Created));
        var revision = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/revisions", new { procedureId = Id(old) }), HttpStatusCode.Created);
        Assert.Equal(("Planned", "Change", Id(old)), (revision.GetProperty("state").GetString(), revision.GetProperty("pending").GetString(), revision.GetProperty("replacesId").GetGuid()));
        Assert.Equal([own], revision.GetProperty("registerFileIds").EnumerateArray().Select(e => e.GetGuid()));
        // A procedure already changed by the amendment is neither changed twice nor repealed beside it.
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/revisions", new { procedureId = Id(old) })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/repeals", new { procedureId = Id(old) })).StatusCode);
        await ReadAsync(await department.PutAsJsonAsync($"/api/v1/mynumber/procedures/{Id(revision)}",
            Procedure("子ども医療費助成", "助成の申請の審査及び所得の確認（高校生まで）", [own], Version(revision))), HttpStatusCode.OK);
        // A repeal put in by mistake is taken out again, and the procedure stays as it was.
        await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/repeals", new { procedureId = Id(other) }), HttpStatusCode.OK);
        var withdrawn = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/withdrawals", new { procedureId = Id(other) }), HttpStatusCode.OK);
        Assert.Equal((JsonNull, JsonNull), (withdrawn.GetProperty("pending").ValueKind, withdrawn.GetProperty("amendmentId").ValueKind));

        // Put to the council as a 諮問: the next number, naming what changes.
        foreach (var (step, on) in new[] { ("Drafted", "2026-04-01"), ("PublicComment", "2026-04-15") })
        {
            await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/{step}", new { on }), HttpStatusCode.OK);
        }
        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await Council.CouncilPages.CouncilAsync(browser, "個人情報保護審議会");
        var consulted = await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/Council", new { on = "2026-05-20", councilId, consult = true }),
            HttpStatusCode.OK);
        var itemId = consulted.GetProperty("councilItemId").GetGuid();
        var item = await factory.AsSystemAsync((_, db) => db.AgendaItems.FirstAsync(i => i.Id == itemId));
        Assert.Equal(Core.Features.Council.ItemKind.Consultation, item.Kind);
        Assert.NotNull(item.Number);
        Assert.Equal("個人番号の独自利用事務の変更：子ども医療費助成", item.About);
        foreach (var (step, on) in new[] { ("Submitted", "2026-06-01"), ("Passed", "2026-06-20"), ("Promulgated", "2026-06-25"), ("Enforced", "2026-10-01") })
        {
            await ReadAsync(await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/steps/{step}", new { on }), HttpStatusCode.OK);
        }

        // From 施行 the new wording is in force and the old one kept as 改正前の内容; the public page shows the new wording only.
        var byId = (await ReadAsync(await office.GetAsync("/api/v1/mynumber/procedures"), HttpStatusCode.OK)).EnumerateArray().ToDictionary(p => Id(p));
        Assert.Equal(("InForce", "2026-10-01"), (byId[Id(revision)].GetProperty("state").GetString(), byId[Id(revision)].GetProperty("effectiveOn").GetString()));
        Assert.Equal(("Replaced", "2026-10-01"), (byId[Id(old)].GetProperty("state").GetString(), byId[Id(old)].GetProperty("repealedOn").GetString()));
        Assert.Equal("InForce", byId[Id(other)].GetProperty("state").GetString());
        using var visitor = Browser.Anonymous(factory);
        var page = WebUtility.HtmlDecode(await visitor.GetPageAsync($"/public/{tenant.Code}/mynumber"));
        Assert.Contains("所得の確認（高校生まで）", page);
        Assert.Equal(1, page.Split("子ども医療費助成").Length - 1);
        Assert.Equal(HttpStatusCode.Conflict, (await office.PostAsJsonAsync($"/api/v1/mynumber/amendments/{id}/withdrawals", new { procedureId = Id(revision) })).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonNull = System.Text.Json.JsonValueKind.Null;
}
