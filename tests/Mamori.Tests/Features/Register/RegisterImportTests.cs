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

/// <summary>Import from CSV (UTF-8 / Shift_JIS) and Excel: all rows or none, problems by row and column.</summary>
public sealed class RegisterImportTests(AppFixture app)
{
    private const string Department = "区民部 / 戸籍住民課";

    /// <summary>A row of the 一覧 in the export's column order (<see cref="RegisterCsv.Headers"/>).</summary>
    internal static string[] Row(int i, string? name = null, string department = Department, string subjects = "1,200", string? number = null) =>
    [
        number ?? $"F-{i:D4}", name ?? $"住民記録ファイル{i}", "", department, "住民の居住関係の公証", "氏名\n住所\n生年月日", "区内に住所を有する者", "本人から",
        "含まない", "", "", "", "区民部 戸籍住民課", "東京都豊島区南池袋二丁目45番1号", "", "電算処理ファイル", "無", "非該当", "", "", "",
        "法第60条第3項に該当しないため", subjects, i % 2 == 0 ? "該当" : "非該当", "", "",
    ];

    /// <summary>Every cell quoted, nothing escaped: a file as another system would write it.</summary>
    internal static string Csv(IEnumerable<string[]> rows) =>
        string.Join("\r\n", new[] { RegisterCsv.Headers.ToArray() }.Concat(rows)
            .Select(r => string.Join(",", r.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")))) + "\r\n";

    internal static byte[] Utf8Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static Task<List<PersonalInfoFile>> Files(MamoriFactory factory, TestTenant tenant) =>
        factory.AsSystemAsync((_, db) => db.PersonalInfoFiles.AsNoTracking().Where(f => f.MunicipalityId == tenant.MunicipalityId).OrderBy(f => f.FileNumber).ToListAsync());

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TwoHundredRows_Import_AndImportingAgainChangesNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var bytes = Utf8Bom(Csv(Enumerable.Range(1, 200).Select(i => Row(i))));

        var first = await office.PostFileAsync("/register/import", "Upload", "register.csv", bytes);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var files = await Files(factory, tenant);
        Assert.Equal(200, files.Count);
        Assert.All(files, f => Assert.Equal(RegisterStatus.Draft, f.Status));
        Assert.Equal(1200, files[0].SubjectCount);
        Assert.Equal("氏名\n住所\n生年月日", files[0].RecordItems);
        Assert.Equal(tenant.OwnDepartmentId, files[0].DepartmentId);

        var again = await office.PostFileAsync("/register/import", "Upload", "register.csv", bytes);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("変更なし 200 件", await office.GetPageAsync("/register"));
        Assert.Equal(200, (await Files(factory, tenant)).Count);

        // The list shows a hundred files a page, in file-number order, and the next page keeps the filters.
        var page1 = await office.GetPageAsync("/register?status=Draft");
        Assert.Contains("200 件（1〜100 件目）", page1, StringComparison.Ordinal);
        Assert.Contains("F-0100", page1, StringComparison.Ordinal);
        Assert.DoesNotContain("F-0101", page1, StringComparison.Ordinal);
        Assert.Contains("href=\"/register?status=Draft&amp;p=2\"", page1, StringComparison.Ordinal);
        var page2 = await office.GetPageAsync("/register?status=Draft&p=2");
        Assert.Contains("200 件（101〜200 件目）", page2, StringComparison.Ordinal);
        Assert.Contains("F-0101", page2, StringComparison.Ordinal);
        Assert.Contains("F-0200", page2, StringComparison.Ordinal);
        Assert.DoesNotContain("F-0100<", page2, StringComparison.Ordinal);
        Assert.Contains("2 / 2 ページ", page2, StringComparison.Ordinal);
        // Printing the whole list: every file on one page, without the pager.
        Assert.Contains("href=\"/register?status=Draft&amp;all=true\"", page1, StringComparison.Ordinal);
        var whole = await office.GetPageAsync("/register?status=Draft&all=true");
        Assert.Contains("（200 件）", whole, StringComparison.Ordinal);
        Assert.Contains("F-0001", whole, StringComparison.Ordinal);
        Assert.Contains("F-0200", whole, StringComparison.Ordinal);
        Assert.DoesNotContain("ページ</span>", whole, StringComparison.Ordinal);
        // A keyword reads the long texts (住民の居住関係の公証 is every file's purpose), or narrows the list (F-019: F-0190…F-0199).
        Assert.Contains("200 件（1〜100 件目）", await office.GetPageAsync("/register?q=%E5%85%AC%E8%A8%BC"), StringComparison.Ordinal);
        Assert.Contains("（10 件）", await office.GetPageAsync("/register?q=F-019"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ThreeBadRows_ImportNothing_AndReportExactlyThoseRows(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var rows = Enumerable.Range(1, 150).Select(i => i switch
        {
            4 => Row(i, name: ""),
            50 => Row(i, department: "存在しない課"),
            120 => Row(i, subjects: "約千人"),
            _ => Row(i),
        });
        var response = await office.PostFileAsync("/register/import", "Upload", "bad.csv", Utf8Bom(Csv(rows)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("bad.csv に 3 件の問題があるため、何も取り込んでいません", html);
        // Data row i is spreadsheet row i + 1 (the header is row 1).
        Assert.Contains("<tr><td class=\"num\">5</td><td>個人情報ファイルの名称</td><td>名称を入力してください。</td></tr>", html);
        Assert.Contains("<tr><td class=\"num\">51</td><td>個人情報ファイルが利用に供される事務をつかさどる組織の名称</td><td>「存在しない課」という部署が見つかりません。", html);
        Assert.Contains("<tr><td class=\"num\">121</td><td>本人の数</td><td>「約千人」は数として読めません。", html);
        Assert.Empty(await Files(factory, tenant));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ShiftJisAndUtf8Files_GiveTheSameRegister(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory);
        var b = await TestTenant.CreateAsync(factory);
        var text = Csv(Enumerable.Range(1, 20).Select(i => Row(i, name: $"髙橋①－国民健康保険ファイル{i}")));
        using (var officeA = await Browser.SignInAsync(factory, a, UserRole.Office))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await officeA.PostFileAsync("/register/import", "Upload", "utf8.csv", Encoding.UTF8.GetBytes(text))).StatusCode);
        }
        using (var officeB = await Browser.SignInAsync(factory, b, UserRole.Office))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await officeB.PostFileAsync("/register/import", "Upload", "sjis.csv", CsvEncodings.Cp932.GetBytes(text))).StatusCode);
        }
        static string Shape(List<PersonalInfoFile> files) => string.Join("|", files.Select(f => $"{f.FileNumber}:{f.Name}:{f.RecordItems}:{f.SubjectCount}:{f.IsSpecificPersonalInfo}"));
        var fromUtf8 = await Files(factory, a);
        Assert.Equal(20, fromUtf8.Count);
        Assert.Equal("髙橋①－国民健康保険ファイル1", fromUtf8[0].Name);
        Assert.Equal(Shape(fromUtf8), Shape(await Files(factory, b)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task FormulaCell_IsStoredAsText_AndExportedEscaped(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        const string formula = "=HYPERLINK(\"http://attacker.invalid\",\"詳細\")";
        var response = await office.PostFileAsync("/register/import", "Upload", "formula.csv", Utf8Bom(Csv([Row(1, name: formula)])));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var file = Assert.Single(await Files(factory, tenant));
        Assert.Equal(formula, file.Name);

        await office.Client.PostAsync($"/api/v1/register/{file.Id}/submit", null);
        await office.Client.PostAsync($"/api/v1/register/{file.Id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsJsonAsync($"/api/v1/register/{file.Id}/publish", new { })).StatusCode);
        var exported = CsvReader.Read(new MemoryStream(await office.Client.GetByteArrayAsync($"/public/{tenant.Code}/register/export")));
        Assert.Equal("'" + formula, exported.Rows[0][1]);

        // What the export wrote imports back as the same text, not as a changed name.
        var reimport = await office.PostFileAsync("/register/import", "Upload", "export.csv",
            await office.Client.GetByteArrayAsync($"/public/{tenant.Code}/register/export"));
        Assert.Equal(HttpStatusCode.Redirect, reimport.StatusCode);
        Assert.Contains("変更なし 1 件", await office.GetPageAsync("/register"));
    }

    [Fact]
    public async Task ExcelFile_ImportsLikeCsv_AndDepartmentUserOnlyItsOwnDepartment()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var dept = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var xlsx = RegisterSpreadsheet.ToXlsx([Row(1, number: ""), Row(2, department: "総務部 / 情報管理課", number: "")]);
        var refused = await dept.PostFileAsync("/register/import", "Upload", "register.xlsx", xlsx);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("<tr><td class=\"num\">3</td><td>個人情報ファイルが利用に供される事務をつかさどる組織の名称</td><td>「総務部 / 情報管理課」は自分の課ではありません。", html);
        Assert.Empty(await Files(factory, tenant));

        // A 所管課 does not choose the 整理番号 of a new file: Mamori gives the department's next numbers.
        var chosen = await dept.PostFileAsync("/register/import", "Upload", "register.xlsx", RegisterSpreadsheet.ToXlsx([Row(1)]));
        Assert.Contains("整理番号 F-0001 のファイルはありません。整理番号は事務局が付けます。", await chosen.Content.ReadAsStringAsync());
        var ok = await dept.PostFileAsync("/register/import", "Upload", "register.xlsx", RegisterSpreadsheet.ToXlsx([Row(1, number: ""), Row(2, number: "")]));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var files = await Files(factory, tenant);
        Assert.Equal(2, files.Count);
        Assert.Equal(1200, files[1].SubjectCount);
        var prefix = await factory.AsSystemAsync((_, db) => db.Departments.Where(d => d.Id == tenant.OwnDepartmentId)
            .Select(d => FileNumbers.Prefix(d.Code, d.Name)).FirstAsync());
        Assert.Equal([$"{prefix}-001", $"{prefix}-002"], files.Select(f => f.FileNumber));

        var notCsv = await dept.PostFileAsync("/register/import", "Upload", "broken.csv", Encoding.UTF8.GetBytes("整理番号,名称\n\"1,x\n"));
        Assert.Contains("引用符", await notCsv.Content.ReadAsStringAsync());
    }
}
