using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Statistics;

public sealed partial class StatisticsTests(AppFixture app)
{
    private const string CorpusFile = "mynumber_cards_23ku_2023-10-31.csv";

    private sealed record Ward(string Name, long Population, long Applications, long Issued, decimal ApplicationRate, decimal IssuanceRate);

    /// <summary>
    /// Reads the corpus file without Mamori's reader: fields split on commas outside double quotes, digits kept, and
    /// the rates worked out in integers — 1000 × part / whole, then half up on the last digit.
    /// </summary>
    private static List<Ward> Independently(string text)
    {
        static long Number(string field) => long.Parse(new string(field.Where(char.IsAsciiDigit).ToArray()), CultureInfo.InvariantCulture);
        static decimal Rate(long part, long whole)
        {
            var thousandths = part * 10000 / whole; // 0.01 % units
            return (thousandths / 10 + (thousandths % 10 >= 5 ? 1 : 0)) / 10m;
        }
        return text.Split('\n').Skip(1).Where(l => l.Trim().Length > 0).Select(line =>
        {
            var fields = FieldPattern().Matches(line.TrimEnd('\r')).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).ToList();
            var (population, applications, issued) = (Number(fields[1]), Number(fields[2]), Number(fields[3]));
            return new Ward(fields[0], population, applications, issued, Rate(applications, population), Rate(issued, population));
        }).ToList();
    }

    [GeneratedRegex(@"(?:^|,)(?:""([^""]*)""|([^,]*))")]
    private static partial Regex FieldPattern();

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Import_CorpusCards_Gives23RowsWithTheRatesOfAnIndependentCalculation_InPageApiCsvAndExcel(DatabaseProvider provider)
    {
        var text = Corpus.Read(CorpusFile);
        Assert.SkipWhen(text is null, "../shared/corpus がありません");
        var expected = Independently(text!.TrimStart('\uFEFF'));
        Assert.Equal(23, expected.Count);
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, expected[12].Name);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        // 基準日 left blank: the date in the file's name is used.
        var imported = await office.PostFileAsync($"/statistics/mynumber-cards/import", "Upload", CorpusFile,
            await File.ReadAllBytesAsync(Path.Combine(Corpus.Directory!, CorpusFile)), null, new Dictionary<string, string> { ["AsOf"] = "" });
        Assert.True(imported.StatusCode == HttpStatusCode.Redirect, Errors(await imported.Content.ReadAsStringAsync()));
        Assert.Equal("/statistics/mynumber-cards?period=2023-10-31", imported.Headers.Location?.OriginalString);

        var api = JsonDocument.Parse(await office.GetPageAsync("/api/v1/statistics/mynumber-cards")).RootElement;
        Assert.Equal("2023-10-31", api.GetProperty("period").GetString());
        var rows = api.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(expected.Select(w => w.Name), rows.Select(r => r.GetProperty("name").GetString()));
        for (var i = 0; i < expected.Count; i++)
        {
            var (w, r) = (expected[i], rows[i]);
            Assert.Equal((w.Population, w.Applications, w.Issued), (r.GetProperty("population").GetInt64(), r.GetProperty("applications").GetInt64(), r.GetProperty("issued").GetInt64()));
            Assert.Equal(JsonValueKind.Number, r.GetProperty("applicationRate").ValueKind);
            Assert.Equal((w.ApplicationRate, w.IssuanceRate), (r.GetProperty("applicationRate").GetDecimal(), r.GetProperty("issuanceRate").GetDecimal()));
            Assert.Equal(i == 12, r.GetProperty("own").GetBoolean());
        }
        Assert.Contains(rows, r => r.GetProperty("name").GetString() == "千代田区" && r.GetProperty("applicationRate").GetDecimal() == 91.9m);

        // The page: every rate, the own municipality highlighted, sorted by 交付率 largest first on request, a chart.
        var page = WebUtility.HtmlDecode(await office.GetPageAsync("/statistics/mynumber-cards"));
        Assert.Contains("令和5年10月31日現在", page);
        Assert.Contains($"<tr class=\"own\">", page);
        Assert.Matches($@"<tr class=""own"">\s*<th scope=""row"">{expected[12].Name}\s*<span class=""own-mark"">（本団体）</span>", page);
        foreach (var w in expected)
        {
            Assert.Contains($"<td class=\"num\">{w.ApplicationRate.ToString("0.0", CultureInfo.InvariantCulture)}</td>", page);
        }
        Assert.Contains("<svg", page);
        var sorted = WebUtility.HtmlDecode(await office.GetPageAsync("/statistics/mynumber-cards?period=2023-10-31&sort=issuanceRate&desc=true"));
        var order = Regex.Matches(sorted, @"<tr(?: class=""own"")?>\s*<th scope=""row"">([^<]+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(expected.OrderByDescending(w => w.IssuanceRate).Select(w => w.Name), order);

        // CSV (plain numbers, rates with one decimal) and Excel read back as numbers.
        var csv = Encoding.UTF8.GetString(await (await office.GetAsync("/statistics/mynumber-cards?handler=Csv")).Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var chiyoda = expected.Single(w => w.Name == "千代田区");
        Assert.StartsWith("団体,人口,申請数,交付数,申請率（%）,交付率（%）\r\n", csv);
        Assert.Contains($"千代田区,{chiyoda.Population},{chiyoda.Applications},{chiyoda.Issued},91.9,{chiyoda.IssuanceRate.ToString("0.0", CultureInfo.InvariantCulture)}\r\n", csv);
        var sjis = await office.GetAsync("/statistics/mynumber-cards?handler=Csv&encoding=sjis");
        Assert.Contains("千代田区", CsvEncodings.Cp932.GetString(await sjis.Content.ReadAsByteArrayAsync()));
        var xlsx = await office.GetAsync("/statistics/mynumber-cards?handler=Xlsx");
        var sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(23, sheet.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Name, sheet[i]["団体"]);
            Assert.Equal(expected[i].Population, Convert.ToInt64(sheet[i]["人口"], CultureInfo.InvariantCulture));
            Assert.Equal((double)expected[i].ApplicationRate, Convert.ToDouble(sheet[i]["申請率（%）"], CultureInfo.InvariantCulture));
            Assert.Equal((double)expected[i].IssuanceRate, Convert.ToDouble(sheet[i]["交付率（%）"], CultureInfo.InvariantCulture));
        }

        // The same file in Shift_JIS for the same day replaces the table rather than adding to it.
        var again = await office.PostFileAsync($"/statistics/mynumber-cards/import", "Upload", "cards.csv",
            CsvEncodings.Cp932.GetBytes(text.TrimStart('\uFEFF')), null, new Dictionary<string, string> { ["AsOf"] = "令和5年10月31日" });
        Assert.True(again.StatusCode == HttpStatusCode.Redirect, Errors(await again.Content.ReadAsStringAsync()));
        Assert.Equal(23, await factory.AsSystemAsync((_, db) => db.StatRows.CountAsync(r => r.MunicipalityId == tenant.MunicipalityId)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Import_TheSamePeriodAgain_ReplacesItsTable_AndLeavesOtherPeriodsAlone(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        async Task Import(string asOf, string rows)
        {
            var response = await office.PostFileAsync("/statistics/mynumber-cards/import", "Upload", "cards.csv",
                Encoding.UTF8.GetBytes("区名,人口,申請数,交付数\n" + rows), null, new Dictionary<string, string> { ["AsOf"] = asOf });
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
        }
        async Task<List<(string?, long)>> Table(string asOf) =>
            [.. JsonDocument.Parse(await office.GetPageAsync($"/api/v1/statistics/mynumber-cards?asOf={asOf}")).RootElement.GetProperty("rows").EnumerateArray()
                .Select(r => (r.GetProperty("name").GetString(), r.GetProperty("issued").GetInt64())).OrderBy(r => r.Item1, StringComparer.Ordinal)];

        await Import("2024-03-31", "甲区,1000,100,50\n乙区,2000,200,100\n丙区,3000,300,150\n");
        await Import("2024-09-30", "甲区,1000,110,60\n乙区,2000,220,110\n");
        await Import("2024-03-31", "甲区,1000,100,55\n丁区,4000,400,200\n");

        Assert.Equal([("丁区", 200L), ("甲区", 55L)], await Table("2024-03-31"));
        Assert.Equal([("乙区", 110L), ("甲区", 60L)], await Table("2024-09-30"));
        Assert.Equal(4, await factory.AsSystemAsync((_, db) => db.StatRows.CountAsync(r => r.MunicipalityId == tenant.MunicipalityId)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Import_ABadRow_IsReportedWithRowAndColumn_AndTheStoredTableStaysAsItWas(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var good = await office.PostFileAsync("/statistics/mynumber-cards/import", "Upload", "cards.csv",
            Encoding.UTF8.GetBytes("区名,人口,申請数,交付数\nテスト市,\"1,600\",100,800\n"), null, new Dictionary<string, string> { ["AsOf"] = "2024-03-31" });
        Assert.True(good.StatusCode == HttpStatusCode.Redirect, Errors(await good.Content.ReadAsStringAsync()));

        var bad = await office.PostFileAsync("/statistics/mynumber-cards/import", "Upload", "cards.csv",
            Encoding.UTF8.GetBytes("区名,人口,申請数,交付数\nテスト市,\"1,600\",200,900\n無人区,0,0,0\n"), null, new Dictionary<string, string> { ["AsOf"] = "2024-03-31" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("cards.csv に 1 件の問題があるため、何も取り込んでいません", html);
        Assert.Matches(@"<td class=""num"">3</td><td>人口</td><td>人口が0のため申請率・交付率を計算できません", html);

        var rows = JsonDocument.Parse(await office.GetPageAsync("/api/v1/statistics/mynumber-cards")).RootElement.GetProperty("rows");
        var row = Assert.Single(rows.EnumerateArray());
        Assert.Equal((6.3m, 50.0m), (row.GetProperty("applicationRate").GetDecimal(), row.GetProperty("issuanceRate").GetDecimal())); // 100/1600 = 6.25 → 6.3

        // A date that cannot be read is refused on the form, with nothing stored.
        var noDate = await office.PostFileAsync("/statistics/mynumber-cards/import", "Upload", "cards.csv",
            Encoding.UTF8.GetBytes("区名,人口,申請数,交付数\n甲区,10,1,1\n"), null, new Dictionary<string, string> { ["AsOf"] = "" });
        Assert.Contains("基準日（いつ現在の数か）を入力してください", Errors(await noDate.Content.ReadAsStringAsync()));
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.StatRows.CountAsync(r => r.MunicipalityId == tenant.MunicipalityId)));

        // An API request for another day that is not a date is a ProblemDetails.
        var problem = await office.GetAsync("/api/v1/statistics/mynumber-cards?asOf=きのう");
        Assert.Equal(HttpStatusCode.BadRequest, problem.StatusCode);
        Assert.Equal("application/problem+json", problem.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task YearlyCounts_ArePublishedOnlyWhenMarked_AndOnlyTheOfficeMarksThem(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        await PostFileAndFollowAsync(office, "/statistics/convenience/import", "conv.xlsx", Xlsx(
            [new() { ["年度"] = "令和3年度", ["住民票"] = 12345, ["印鑑登録証明"] = 6789, ["税証明"] = 1000 },
             new() { ["年度"] = "2022年度", ["住民票"] = "13,000", ["印鑑登録証明"] = 7000, ["税証明"] = 1500 }]));
        var page = WebUtility.HtmlDecode(await office.GetPageAsync("/statistics/convenience"));
        Assert.Matches(@"<th scope=""row"">令和3年度</th>\s*<td class=""num"">12,345</td>\s*<td class=""num"">6,789</td>\s*<td class=""num"">1,000</td>\s*<td class=""num"">20,134</td>", page);
        Assert.Contains("<td class=\"num\">21,500</td>", page);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/public/{tenant.Code}/statistics/convenience")).StatusCode);
        Assert.Contains("公開している統計はありません", await factory.CreateClient().GetStringAsync($"/public/{tenant.Code}/statistics"));

        // A department reads the table but neither imports nor publishes.
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        Assert.DoesNotContain("公開する", await department.GetPageAsync("/statistics/convenience"));
        var refused = await department.PostFormAsync("/statistics/convenience", new() { ["isPublic"] = "true" }, "/statistics/convenience?handler=Public");
        Assert.Contains("/account/denied", refused.Headers.Location?.OriginalString ?? "");

        await PostAndFollowAsync(office, "/statistics/convenience", new() { ["isPublic"] = "true" }, "/statistics/convenience?handler=Public");
        var anonymous = factory.CreateClient();
        var published = WebUtility.HtmlDecode(await anonymous.GetStringAsync($"/public/{tenant.Code}/statistics/convenience"));
        Assert.Contains("20,134", published);
        Assert.Contains("令和4年度", published);
        var csv = await anonymous.GetAsync($"/public/{tenant.Code}/statistics/convenience?handler=Csv");
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.DispositionType ?? "");
        Assert.Contains("令和3年度,12345,6789,1000,20134", Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()));
        // 住基ネット実績 is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/{tenant.Code}/statistics/juki-net")).StatusCode);

        // Removing a year takes only that year; the change and the setting are in the audit trail.
        await PostAndFollowAsync(office, "/statistics/convenience", new() { ["period"] = "2021" }, "/statistics/convenience?handler=Delete");
        var left = JsonDocument.Parse(await office.GetPageAsync("/api/v1/statistics/convenience")).RootElement.GetProperty("rows");
        Assert.Equal([2022], left.EnumerateArray().Select(r => r.GetProperty("fiscalYear").GetInt32()));
        Assert.Equal(21500, left[0].GetProperty("total").GetInt64());
        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(a => a.MunicipalityId == tenant.MunicipalityId)
            .Select(a => a.EntityType).Distinct().ToListAsync());
        Assert.Contains("StatRow", audited);
        Assert.Contains("StatDatasetSetting", audited);

        // Another municipality sees none of it.
        var other = await TestTenant.CreateAsync(factory);
        using var otherOffice = await Browser.SignInAsync(factory, other, UserRole.Office);
        Assert.Equal(0, JsonDocument.Parse(await otherOffice.GetPageAsync("/api/v1/statistics/convenience")).RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Cli_ImportAndReport_GiveRowsAndRatesAsNumbers()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        var path = Path.Combine(Path.GetTempPath(), $"cards_2023-10-31_{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, CsvEncodings.Cp932.GetBytes("区名,人口,申請数,交付数\r\nテスト市,\"1,600\",100,800\r\n甲区,8,1,1\r\n"));
        try
        {
            var imported = await CliProcess.RunAsync(["stats", "import", path, "--dataset", "mynumber-cards", "--municipality", tenant.Code, "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, imported.ExitCode);
            Assert.Equal(2, imported.Json.GetProperty("rows").GetInt32());

            var report = await CliProcess.RunAsync(["stats", "report", "--dataset", "mynumber-cards", "--municipality", tenant.Code, "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, report.ExitCode);
            var rows = report.Json.GetProperty("rows");
            Assert.Equal("テスト市", rows[0].GetProperty("name").GetString());
            Assert.Equal("2023-10-31", rows[0].GetProperty("period").GetString());
            Assert.Equal(6.3m, rows[0].GetProperty("applicationRate").GetDecimal());
            Assert.Equal(12.5m, rows[1].GetProperty("applicationRate").GetDecimal());
            Assert.Equal(JsonValueKind.Number, rows[1].GetProperty("issuanceRate").ValueKind);

            await File.WriteAllTextAsync(path, "区名,人口,申請数,交付数\n乙区,0,0,0\n");
            var bad = await CliProcess.RunAsync(["stats", "import", path, "--dataset", "mynumber-cards", "--municipality", tenant.Code, .. factory.CliDatabaseArguments]);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("2 行目「人口」", bad.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Xlsx(List<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, rows);
        return stream.ToArray();
    }

    private static async Task PostFileAndFollowAsync(Browser browser, string url, string name, byte[] content)
    {
        var response = await browser.PostFileAsync(url, "Upload", name, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
    }
}
