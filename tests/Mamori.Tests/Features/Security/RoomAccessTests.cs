using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Security;

public sealed class RoomAccessTests(AppFixture app)
{
    private const string CorpusFile = "server_room_entries_fy2021.csv";

    private sealed record Month(string Key, int Staff, int Vendor);

    /// <summary>
    /// Counts the corpus file by hand: the first ten characters of 入室日時 (yyyy/MM/dd), the fiscal year from the
    /// month, 区分 from the third column. Nothing of Mamori's parser is used.
    /// </summary>
    private static List<Month> CountIndependently(string text, int fiscalYear)
    {
        var counts = new Dictionary<string, (int Staff, int Vendor)>();
        for (var m = 0; m < 12; m++)
        {
            counts[new DateTime(fiscalYear, 4, 1).AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture)] = (0, 0);
        }
        foreach (var line in text.Split('\n').Skip(1).Where(l => l.Trim().Length > 0))
        {
            var cells = line.TrimEnd('\r').Split(',');
            var day = DateTime.ParseExact(cells[0][..10], "yyyy/MM/dd", CultureInfo.InvariantCulture);
            var fy = day.Month >= 4 ? day.Year : day.Year - 1;
            if (fy != fiscalYear)
            {
                continue;
            }
            var key = day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var (staff, vendor) = counts[key];
            counts[key] = cells[2] == "職員" ? (staff + 1, vendor) : (staff, vendor + 1);
        }
        return counts.Select(c => new Month(c.Key, c.Value.Staff, c.Value.Vendor)).ToList();
    }

    private static async Task<SecurityReport> ReportAsync(Browser browser, int fiscalYear)
    {
        var response = await browser.GetAsync($"/api/v1/security/room-access/report?fiscalYear={fiscalYear}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SecurityReport>())!;
    }

    private sealed record SecurityReport(int FiscalYear, List<MonthRow> Months, int Staff, int Vendor, int Total);

    private sealed record MonthRow(string Month, int Staff, int Vendor, int Total);

    private static async Task ImportAsync(Browser browser, string fileName, byte[] content)
    {
        var response = await browser.PostFileAsync("/security/room/import", "Upload", fileName, content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Import_CorpusFile_GivesTheFiscalYearTableOfAnIndependentCount_AndCp932TheSame(DatabaseProvider provider)
    {
        var text = Corpus.Read(CorpusFile);
        Assert.SkipWhen(text is null, "../shared/corpus がありません");
        var factory = await app.GetAsync(provider);
        var expected = CountIndependently(text!.TrimStart('\uFEFF'), 2021);

        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        await ImportAsync(security, CorpusFile, await File.ReadAllBytesAsync(Path.Combine(Corpus.Directory!, CorpusFile)));
        var report = await ReportAsync(security, 2021);
        Assert.Equal(expected.Select(m => m.Key), report.Months.Select(m => m.Month));
        Assert.Equal(expected.Select(m => (m.Staff, m.Vendor)), report.Months.Select(m => (m.Staff, m.Vendor)));
        Assert.Equal(expected.Sum(m => m.Staff + m.Vendor), report.Total);
        Assert.Equal(report.Months.Sum(m => m.Total), report.Total);
        // The rows just outside the year are kept and counted in their own years.
        Assert.Equal(text.Split('\n').Count(l => l.StartsWith("2021/03/", StringComparison.Ordinal)), (await ReportAsync(security, 2020)).Total);
        Assert.Equal(text.Split('\n').Count(l => l.StartsWith("2022/04/", StringComparison.Ordinal)), (await ReportAsync(security, 2022)).Total);

        // The same file again adds nothing.
        await ImportAsync(security, CorpusFile, await File.ReadAllBytesAsync(Path.Combine(Corpus.Directory!, CorpusFile)));
        Assert.Equal(report.Total, (await ReportAsync(security, 2021)).Total);

        // Another municipality imports the Shift_JIS version of the file and gets the same table.
        var other = await TestTenant.CreateAsync(factory);
        using var otherSecurity = await Browser.SignInAsync(factory, other, UserRole.Security);
        await ImportAsync(otherSecurity, "sjis.csv", CsvEncodings.Cp932.GetBytes(text.TrimStart('\uFEFF')));
        var sjis = await ReportAsync(otherSecurity, 2021);
        Assert.Equal(report.Months.Select(m => (m.Month, m.Staff, m.Vendor)), sjis.Months.Select(m => (m.Month, m.Staff, m.Vendor)));

        // The page shows the same figures, with the multi-year table and the reasons.
        var page = WebUtility.HtmlDecode(await security.GetPageAsync("/security/room/report?fy=2021"));
        Assert.Contains("令和3年度", page);
        Assert.Contains($">{report.Total:N0}<", page);
        Assert.Contains("CSカレンダー確認", page);
        Assert.Contains("<svg", page);
        var xlsx = await security.GetAsync("/security/room/report?handler=Xlsx&fy=2021");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Import_RowWithAnUnreadableDate_IsReportedWithItsRow_AndNothingIsImported(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var csv = "入室日時,退室日時,区分,所属・会社名,氏名,入室理由\r\n"
            + "2022/04/05 10:12,2022/04/05 11:00,職員,情報管理課,佐藤 花子,ログチェック\r\n"
            + "2022/04/06 9:30,,ベンダー等,保守株式会社,,サーバー保守\r\n"
            + "2022/04/31 10:00,,職員,情報管理課,山田 太郎,消防点検\r\n";
        var response = await security.PostFileAsync("/security/room/import", "Upload", "log.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("log.csv に 1 件の問題があるため、何も取り込んでいません", page);
        Assert.Matches(@"<td class=""num"">4</td><td>入室日時</td><td>「2022/04/31」は存在しない日付です", page);
        var count = await factory.AsSystemAsync((_, db) => db.RoomEntries.CountAsync(e => e.MunicipalityId == tenant.MunicipalityId));
        Assert.Equal(0, count);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Form_EntriesOnTheLastAndFirstDayOfTheYear_LandInTheirFiscalYears(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        foreach (var (at, kind) in new[] { ("令和4年3月31日 23:50", "Staff"), ("2022/4/1 0:05", "Vendor") })
        {
            await PostAndFollowAsync(security, "/security/room/edit", new()
            {
                ["Input.EnteredAt"] = at,
                ["Input.Kind"] = kind,
                ["Input.Organization"] = kind == "Staff" ? "情報管理課" : "保守株式会社",
                ["Input.Name"] = kind == "Staff" ? "佐藤 花子" : "",
                ["Input.Reason"] = "点検",
            });
        }
        var fy2021 = await ReportAsync(security, 2021);
        var fy2022 = await ReportAsync(security, 2022);
        Assert.Equal((1, 0), (fy2021.Months.Single(m => m.Month == "2022-03").Staff, fy2021.Vendor));
        Assert.Equal((0, 1), (fy2022.Staff, fy2022.Months.Single(m => m.Month == "2022-04").Vendor));

        // A staff entry without a name is refused with the field named; nothing is added.
        var refused = await security.PostFormAsync("/security/room/edit", new()
        {
            ["Input.EnteredAt"] = "2022/4/2 10:00",
            ["Input.Kind"] = "Staff",
            ["Input.Organization"] = "情報管理課",
            ["Input.Reason"] = "点検",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("職員の氏名を入力してください", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(1, (await ReportAsync(security, 2022)).Total);

        // The entry log downloads in the import layout, so it can be imported again.
        var log = await security.GetAsync("/security/room?handler=Csv&fy=2021");
        Assert.Equal("text/csv; charset=utf-8", log.Content.Headers.ContentType?.ToString());
        var logText = Encoding.UTF8.GetString(await log.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("入室日時,退室日時,区分,所属・会社名,氏名,入室理由\r\n2022/03/31 23:50,,職員,情報管理課,佐藤 花子,点検", logText);

        // Another municipality sees none of it.
        var other = await TestTenant.CreateAsync(factory);
        using var otherSecurity = await Browser.SignInAsync(factory, other, UserRole.Security);
        Assert.Equal(0, (await ReportAsync(otherSecurity, 2021)).Total);
    }

    [Fact]
    public async Task Cli_ImportAndReport_PrintTheJsonOfTheContract()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        var path = Path.Combine(Path.GetTempPath(), $"room-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, CsvEncodings.Cp932.GetBytes(
            "入室日時,退室日時,区分,所属・会社名,氏名,入室理由\r\n2022/04/05 10:12,,職員,情報管理課,佐藤 花子,ログチェック\r\n令和5年3月31日 17:00,,ベンダー等,保守株式会社,,保守\r\n"));
        try
        {
            var imported = await CliProcess.RunAsync(["room-access", "import", path, "--municipality", tenant.Code, "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, imported.ExitCode);
            Assert.Equal(2, imported.Json.GetProperty("rows").GetInt32());

            var report = await CliProcess.RunAsync(["room-access", "report", "--fiscal-year", "2022", "--municipality", tenant.Code, "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, report.ExitCode);
            var json = report.Json;
            Assert.Equal(12, json.GetProperty("months").GetArrayLength());
            Assert.Equal("2022-04", json.GetProperty("months")[0].GetProperty("month").GetString());
            Assert.Equal(1, json.GetProperty("months")[0].GetProperty("staff").GetInt32());
            Assert.Equal(1, json.GetProperty("months")[11].GetProperty("vendor").GetInt32());
            Assert.Equal((1, 1, 2), (json.GetProperty("staff").GetInt32(), json.GetProperty("vendor").GetInt32(), json.GetProperty("total").GetInt32()));

            await File.WriteAllTextAsync(path, "入室日時,区分,所属・会社名,入室理由\n昨日,職員,情報管理課,点検\n");
            var bad = await CliProcess.RunAsync(["room-access", "import", path, "--municipality", tenant.Code, .. factory.CliDatabaseArguments]);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("2 行目「入室日時」", bad.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
