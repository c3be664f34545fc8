using System.Net;
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

/// <summary>
/// The register in the statutory form: every item of 法第75条 and 施行令第21条 on the API, the 単票, the 一覧 and both
/// exports; an office's own 一覧 in any shape reads as the same register; export → import is a round trip.
/// </summary>
public sealed class RegisterFormTests(AppFixture app)
{
    /// <summary>The register of a municipality as its contents (the department by its label), in 整理番号 order.</summary>
    private static Task<List<string>> Register(MamoriFactory factory, TestTenant tenant) => factory.AsSystemAsync(async (_, db) =>
    {
        var departments = await db.Departments.IgnoreQueryFilters().Where(d => d.MunicipalityId == tenant.MunicipalityId).ToListAsync();
        string Label(Guid id)
        {
            var d = departments.First(x => x.Id == id);
            return d.ParentId is { } parent ? $"{departments.First(x => x.Id == parent).Name} / {d.Name}" : d.Name;
        }
        var files = await db.PersonalInfoFiles.IgnoreQueryFilters().AsNoTracking().Where(f => f.MunicipalityId == tenant.MunicipalityId)
            .OrderBy(f => f.FileNumber).ToListAsync();
        return files.Select(f => RegisterContent.Of(f, Label(f.DepartmentId)).ToJson()).ToList();
    });

    private static object Statutory(TestTenant tenant, int i) => new
    {
        fileNumber = $"S-{i:D2}",
        name = $"法定様式ファイル{i}",
        agencyName = i == 2 ? $"{tenant.Name}教育委員会" : null,
        departmentId = i % 2 == 0 ? tenant.OwnDepartmentId : tenant.OtherDepartmentId,
        purpose = "住民の居住関係の公証",
        recordItems = new[] { "氏名", "住所（都道府県、市区町村）", "生年月日" },
        recordScope = "区内に住所を有する者",
        collectionMethods = new[] { "本人から", "他の行政機関等から" },
        hasSensitive = i == 1,
        sensitiveKinds = i == 1 ? "病歴" : null,
        regularRecipients = i == 3 ? "国民健康保険団体連合会" : null,
        requestOffice = "総務部 情報公開担当",
        requestOfficeAddress = "東京都守り区本町一丁目1番1号",
        specialProvisions = i == 2 ? "住民基本台帳法第12条" : null,
        subjectCount = 1000 + i,
        isSpecificPersonalInfo = i == 1,
        form = i == 3 ? "マニュアル処理ファイル" : "電算処理ファイル",
        hasRelatedManualFile = i == 1,
        invitesProposals = i == 2,
        proposalOffice = i == 2 ? "総務部 情報政策課" : null,
        proposalOfficeAddress = i == 2 ? "東京都守り区本町一丁目1番1号" : null,
        anonymizedSummary = i == 2 ? "年齢階級別の世帯構成（令和7年度作成）" : null,
        noProposalReason = i == 2 ? null : "法第60条第3項第2号に該当するため",
        remarks = i == 3 ? "令和6年に記録項目を追加" : null,
    };

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryStatutoryItem_IsOnTheApiSheetListAndExports_AndTheExportsImportBackUnchanged(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var anonymous = Browser.Anonymous(factory);
        for (var i = 1; i <= 3; i++)
        {
            var created = await RegisterWorkflowTests.Json(await office.Client.PostAsJsonAsync("/api/v1/register", Statutory(tenant, i)), HttpStatusCode.Created);
            var id = created.GetProperty("id").GetString();
            var content = created.GetProperty("content");
            Assert.Equal("東京都守り区本町一丁目1番1号", content.GetProperty("requestOfficeAddress").GetString());
            Assert.Equal(i == 2, content.GetProperty("invitesProposals").GetBoolean());
            Assert.Equal(i == 2 ? $"{tenant.Name}教育委員会" : $"{tenant.Name}長", content.GetProperty("agencyName").GetString());
            await RegisterWorkflowTests.Json(await office.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
            await RegisterWorkflowTests.Json(await office.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.OK);
            await RegisterWorkflowTests.Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { }), HttpStatusCode.OK);
        }

        // Every item of the 単票 on the public page and in the print view, with the file's own text.
        var labels = RegisterContent.Empty.Fields().Select(f => f.Label).ToList();
        Assert.Equal(24, labels.Count);
        var publicList = await anonymous.GetPageAsync($"/public/{tenant.Code}/register");
        var firstId = System.Text.RegularExpressions.Regex.Match(publicList, $"/public/{tenant.Code}/register/([0-9a-f-]{{36}})").Groups[1].Value;
        var sheet = await anonymous.GetPageAsync($"/public/{tenant.Code}/register/{firstId}");
        var print = await anonymous.GetPageAsync($"/public/{tenant.Code}/register/print");
        var list = await anonymous.GetPageAsync($"/public/{tenant.Code}/register/print?layout=list");
        foreach (var label in labels)
        {
            Assert.Contains($"<th scope=\"row\">{label}</th>", sheet);
            Assert.Contains($"<th scope=\"row\">{label}</th>", print);
            Assert.Contains($"<th scope=\"col\">{label}</th>", list);
        }
        Assert.Contains("<th scope=\"row\">開示請求等を受理する組織の所在地</th><td class=\"pre\">東京都守り区本町一丁目1番1号</td>", print);
        Assert.Contains("<th scope=\"row\">行政機関等匿名加工情報の提案の募集をする個人情報ファイルである旨</th><td class=\"pre\">該当</td>", print);
        Assert.Contains("<th scope=\"row\">行政機関等匿名加工情報の概要</th><td class=\"pre\">年齢階級別の世帯構成（令和7年度作成）</td>", print);
        Assert.Contains("<th scope=\"row\">政令第21条第7項に該当するファイルの有無</th><td class=\"pre\">―</td>", print);
        Assert.Contains("<th scope=\"row\">個人情報ファイルの種別</th><td class=\"pre\">マニュアル処理ファイル</td>", print);

        // Both exports carry every column; each imports into a fresh municipality as the identical register.
        var original = await Register(factory, tenant);
        Assert.Equal(3, original.Count);
        foreach (var (format, name) in new[] { ("?format=xlsx", "register.xlsx"), ("", "register.csv"), ("?encoding=sjis", "register-sjis.csv") })
        {
            var bytes = await anonymous.Client.GetByteArrayAsync($"/public/{tenant.Code}/register/export{format}");
            var table = TableFile.Read(new MemoryStream(bytes), name);
            Assert.Equal(RegisterCsv.Headers, table.Headers);
            var fresh = await TestTenant.CreateAsync(factory, tenant.Name);
            using var freshOffice = await Browser.SignInAsync(factory, fresh, UserRole.Office);
            var imported = await freshOffice.PostFileAsync("/register/import", "Upload", name, bytes);
            Assert.True(imported.StatusCode == HttpStatusCode.Redirect, await imported.Content.ReadAsStringAsync());
            Assert.Equal(original, await Register(factory, fresh));
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task NewFilesSavedAtOnce_EachGetTheDepartmentsNextNumber_NoneFails(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var saves = Enumerable.Range(1, 6).Select(async i =>
        {
            var body = System.Text.Json.JsonSerializer.SerializeToNode(Statutory(tenant, 2))!.AsObject();
            body["fileNumber"] = null;
            body["name"] = $"同時に登録したファイル{i}";
            body["departmentId"] = tenant.OwnDepartmentId.ToString();
            return await office.Client.PostAsJsonAsync("/api/v1/register", body);
        }).ToList();
        var responses = await Task.WhenAll(saves);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var prefix = await factory.AsSystemAsync((_, db) => db.Departments.Where(d => d.Id == tenant.OwnDepartmentId)
            .Select(d => FileNumbers.Prefix(d.Code, d.Name)).FirstAsync());
        var numbers = (await Register(factory, tenant)).Select(j => RegisterContent.FromJson(j).FileNumber).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{prefix}-{n:000}"), numbers);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TwoImportsOfNewFilesAtOnce_BothStore_WithTheNextNumbers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var first = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var second = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        byte[] File(string name) => RegisterImportTests.Utf8Bom(RegisterImportTests.Csv(Enumerable.Range(1, 5).Select(i => RegisterImportTests.Row(i, name: $"{name}{i}", number: ""))));
        var responses = await Task.WhenAll(
            first.PostFileAsync("/register/import", "Upload", "a.csv", File("事務局の取込")),
            second.PostFileAsync("/register/import", "Upload", "b.csv", File("所管課の取込")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var prefix = await factory.AsSystemAsync((_, db) => db.Departments.Where(d => d.Id == tenant.OwnDepartmentId)
            .Select(d => FileNumbers.Prefix(d.Code, d.Name)).FirstAsync());
        var numbers = (await Register(factory, tenant)).Select(j => RegisterContent.FromJson(j).FileNumber).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"{prefix}-{n:000}"), numbers);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Revision_DiffMarksTheChangedItems_AndTheEntriesAddedOrRemoved(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        async Task<JsonElement> Publish(string id, string? reason)
        {
            await RegisterWorkflowTests.Json(await office.Client.PostAsync($"/api/v1/register/{id}/submit", null), HttpStatusCode.OK);
            await RegisterWorkflowTests.Json(await office.Client.PostAsync($"/api/v1/register/{id}/confirm", null), HttpStatusCode.OK);
            return await RegisterWorkflowTests.Json(await office.Client.PostAsJsonAsync($"/api/v1/register/{id}/publish", new { reason }), HttpStatusCode.OK);
        }
        var created = await RegisterWorkflowTests.Json(await office.Client.PostAsJsonAsync("/api/v1/register", Statutory(tenant, 1)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        var first = await Publish(id, null);
        var body = JsonSerializer.SerializeToNode(Statutory(tenant, 1))!.AsObject();
        body["recordItems"] = new System.Text.Json.Nodes.JsonArray("氏名", "生年月日", "電話番号");
        body["requestOfficeAddress"] = "東京都守り区本町二丁目2番2号";
        body["version"] = first.GetProperty("version").GetString();
        await RegisterWorkflowTests.Json(await office.Client.PutAsJsonAsync($"/api/v1/register/{id}", body), HttpStatusCode.OK);
        await Publish(id, "記録項目の見直し");

        var diff = await office.GetPageAsync($"/register/{id}/diff?from=1&to=2");
        Assert.Contains("変更のあった項目 2 件", diff);
        Assert.Contains("<th scope=\"row\">記録項目</th>", diff);
        Assert.Contains("<ins>追加：電話番号</ins>", diff);
        Assert.Contains("<del>削除：住所（都道府県、市区町村）</del>", diff);
        Assert.Contains("<th scope=\"row\">開示請求等を受理する組織の所在地</th><td class=\"pre\">東京都守り区本町一丁目1番1号</td><td class=\"pre\">東京都守り区本町二丁目2番2号</td>", diff);
        Assert.DoesNotContain("<th scope=\"row\">個人情報ファイルの利用目的</th>", diff);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task OfficeShapedShiftJisList_WithOneBadRow_IsRefusedByRowAndColumn_AndStoresNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var canonical = RegisterSheets.Canonical(12);
        // Two title lines and two heading rows: data starts on spreadsheet row 5, so file 7 is row 11.
        var shape = new RegisterSheets.Shape(7, Aliases: true, TitleRows: 2, TwoHeadingRows: true, InlineLists: true, Shuffle: true, Words: 0,
            Container: "csv-sjis", NoteBelow: true);
        var bad = canonical.Select(r => r.ToArray()).ToList();
        bad[6][RegisterItems.Columns.ToList().IndexOf(RegisterItems.Form)] = "光ディスク";
        var (bytes, _) = RegisterSheets.Render(bad, shape);
        var refused = await office.PostFileAsync("/register/import", "Upload", "一覧.csv", bytes);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("一覧.csv に 1 件の問題があるため、何も取り込んでいません", html);
        Assert.Contains("<tr><td class=\"num\">11</td><td>個人情報ファイルの種別</td><td>「光ディスク」は使えません。", html);
        Assert.Empty(await Register(factory, tenant));

        var (good, _) = RegisterSheets.Render(canonical, shape);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync("/register/import", "Upload", "一覧.csv", good)).StatusCode);
        var stored = await Register(factory, tenant);
        Assert.Equal(12, stored.Count);
        var second = RegisterContent.FromJson(stored[1]);
        Assert.Equal(["氏名", "住所（都道府県、市区町村）", "生年月日"], second.RecordItems);
        Assert.Equal("総務部 情報公開担当", second.RequestOffice);
        Assert.Equal("東京都守り区本町一丁目1番1号", second.RequestOfficeAddress);
        Assert.True(second.HasSensitive);
        Assert.True(second.HasRelatedManualFile);
        Assert.Equal(1274, second.SubjectCount);
    }

    [Fact]
    public async Task TheSameRegisterInEveryShape_ReadsBackUnchanged()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory, "守り区");
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var canonical = RegisterSheets.Canonical(9);
        var export = CsvWriter.ToBytes(CsvEncoding.Utf8Bom, RegisterCsv.Headers, canonical);
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync("/register/import", "Upload", "export.csv", export)).StatusCode);
        var expected = await Register(factory, tenant);
        Assert.Equal(9, expected.Count);

        var failures = new List<string>();
        foreach (var shape in RegisterSheets.Shapes(24))
        {
            var (bytes, name) = RegisterSheets.Render(canonical, shape);
            var response = await office.PostFileAsync("/register/import", "Upload", name, bytes);
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                var problems = System.Text.RegularExpressions.Regex.Matches(await response.Content.ReadAsStringAsync(), "<tr><td class=\"num\">(.*?)</tr>")
                    .Select(m => m.Value).Take(3);
                failures.Add($"{shape}: {string.Join(" ", problems)}");
                continue;
            }
            var page = await office.GetPageAsync("/register");
            if (!page.Contains("新規 0 件、更新 0 件、変更なし 9 件", StringComparison.Ordinal))
            {
                var now = await Register(factory, tenant);
                failures.Add($"{shape}: {string.Join(" / ", now.Where(n => !expected.Contains(n)).Take(1))}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
