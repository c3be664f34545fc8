using System.Net;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Statistics;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Statistics;

public sealed class StatDefinitionTests(AppFixture app)
{
    private static Dictionary<string, string> Definition(params (string Name, string Kind, string Operands, int Digits, string Rounding)[] columns)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "カード未交付の状況",
            ["Input.PeriodKind"] = "AsOfDate",
            ["Input.LabelName"] = "区名",
        };
        for (var i = 0; i < columns.Length; i++)
        {
            form[$"Input.Columns[{i}].Name"] = columns[i].Name;
            form[$"Input.Columns[{i}].Kind"] = columns[i].Kind;
            form[$"Input.Columns[{i}].Operands"] = columns[i].Operands;
            form[$"Input.Columns[{i}].Digits"] = columns[i].Digits.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Input.Columns[{i}].Rounding"] = columns[i].Rounding;
        }
        return form;
    }

    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><");

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Office_DefinesATable_ImportsIt_ChoosesAboutAWrongTotal_AndSeesTheSeries(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        // An operand that comes after its column is refused with the row and column named, and nothing is stored.
        var refused = await office.PostFormAsync("/statistics/definition", Definition(
            ("未交付率", "Rate", "未交付数、申請数", 1, "HalfUp"), ("申請数", "Input", "", 0, "HalfUp")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("列1「未交付率」: 計算に使う列「未交付数」が、この列より前にありません", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.StatDatasets.IgnoreQueryFilters().CountAsync(d => d.MunicipalityId == tenant.MunicipalityId)));

        var created = await office.PostFormAsync("/statistics/definition", Definition(
            ("人口", "Input", "", 0, "HalfUp"), ("申請数", "Input", "", 0, "HalfUp"), ("交付数", "Input", "", 0, "HalfUp"),
            ("未交付数", "Difference", "申請数、交付数", 0, "HalfUp"), ("未交付率", "Rate", "未交付数、申請数", 1, "Down")));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var import = created.Headers.Location!.OriginalString;
        var key = import.Split('/')[2];
        Assert.StartsWith("u-", key, StringComparison.Ordinal);

        // 甲区's 未交付数 in the file (999) is not 申請数 − 交付数 (6): shown for the office to choose, nothing stored.
        var csv = Encoding.UTF8.GetBytes($"区名,人口,申請数,交付数,未交付数\n{tenant.Name},100,16,15,1\n甲区,50,9,3,999\n");
        var check = await office.PostFilesAsync(import, [("Upload", "未交付_2023-10-31.csv", csv)]);
        var page = Text(await check.Content.ReadAsStringAsync());
        Assert.Contains("計算した値と 1 か所で異なります", page);
        Assert.Contains("<td class=\"num\">3 行目</td><td>甲区</td><td>未交付数</td><td class=\"num\">999</td><td class=\"num\">6</td>", page);
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.StatRows.IgnoreQueryFilters().CountAsync(r => r.Dataset == key)));

        // Accepted: the file's figure is kept and marked; the rate after it is still computed from the inputs (6 of 9 = 66.66…, 切り捨て).
        var held = System.Text.RegularExpressions.Regex.Match(page, "name=\"Held\" value=\"([^\"]+)\"").Groups[1].Value;
        var accepted = await office.PostFormAsync(import, new() { ["Held"] = held, ["HeldName"] = "未交付_2023-10-31.csv", ["Choice"] = "Accept" });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var table = Text(await office.GetPageAsync($"/statistics/{key}"));
        Assert.Contains("<td class=\"num\">999<span title=\"提出された数値（計算した値 6 と異なる）\">※</span></td><td class=\"num\">66.6</td>", table);
        Assert.Contains("（本団体）", table);
        // 1 of 16 is 6.25 %: 切り捨て gives 6.2.
        Assert.Contains("<td class=\"num\">1</td><td class=\"num\">6.2</td>", table);

        // The same table on a later 基準日, corrected this time: no mark, and the series runs over both days.
        var later = Encoding.UTF8.GetBytes($"区名,人口,申請数,交付数,未交付数\n{tenant.Name},100,20,15,5\n甲区,50,9,3,999\n");
        var corrected = await office.PostFilesAsync(import, [("Upload", "未交付_2024-03-31.csv", later)], fields: new Dictionary<string, string> { ["Choice"] = "Correct" });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        table = Text(await office.GetPageAsync($"/statistics/{key}?period=2024-03-31"));
        Assert.DoesNotContain("※</span>", table);
        Assert.Contains("<td class=\"num\">6</td><td class=\"num\">66.6</td>", table);
        var definition = await factory.AsSystemAsync((_, db) => db.StatDatasets.IgnoreQueryFilters().SingleAsync(d => d.Key == key));
        var rateKey = definition.Columns.Single(c => c.Name == "未交付率").Key;
        var series = Text(await office.GetPageAsync($"/statistics/{key}/series?column={rateKey}"));
        Assert.Contains("<tr><th scope=\"row\">令和5年10月31日</th><td class=\"num\">6.2</td></tr><tr><th scope=\"row\">令和6年3月31日</th><td class=\"num\">25.0</td></tr>", series);
        Assert.Contains("<svg", series);

        // Renaming a column keeps its figures; another municipality does not see the dataset.
        var rename = Definition(("総人口", "Input", "", 0, "HalfUp"), ("申請数", "Input", "", 0, "HalfUp"), ("交付数", "Input", "", 0, "HalfUp"),
            ("未交付数", "Difference", "申請数、交付数", 0, "HalfUp"), ("未交付率", "Rate", "未交付数、申請数", 1, "Down"));
        for (var i = 0; i < 5; i++)
        {
            rename[$"Input.Columns[{i}].Key"] = definition.Columns[i].Key;
        }
        rename["Version"] = definition.Version.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync($"/statistics/definition/{key}", rename)).StatusCode);
        Assert.Contains("総人口", Text(await office.GetPageAsync($"/statistics/{key}?period=2024-03-31")));
        var other = await TestTenant.CreateAsync(factory);
        using var stranger = await Browser.SignInAsync(factory, other, UserRole.Office);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/statistics/{key}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/statistics/definition/{key}")).StatusCode);
    }
}

public sealed class StatPublishTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Operator_PublishesOneMunicipalitysTable_ToAnother_AndAWrongTotalIsRefusedOnTheCommandLine(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var source = await TestTenant.CreateAsync(factory);
        var target = await TestTenant.CreateAsync(factory);
        var key = await factory.AsSystemAsync(async (_, db) =>
        {
            var saved = await StatDatasets.SaveAsync(db, source.MunicipalityId, null, new StatDatasetInput
            {
                Name = "23区のカード交付",
                PeriodKind = PeriodKind.AsOfDate,
                LabelName = "区名",
                Columns = [new() { Name = "人口" }, new() { Name = "交付数" }, new() { Name = "交付率", Kind = StatColumnKind.Rate, Operands = "交付数、人口", Digits = 1 }],
            }, null, factory.Clock, default);
            return saved.Value!.Key;
        });
        var path = Path.Combine(Path.GetTempPath(), $"cards_2023-10-31_{Guid.NewGuid():N}.csv");
        try
        {
            // The file's rate of 甲区 (50.0) is not 1 of 16 (6.3): refused with the row, nothing stored.
            await File.WriteAllTextAsync(path, "区名,人口,交付数,交付率\n甲区,16,1,50.0\n乙区,3,2,66.7\n");
            var refused = await CliProcess.RunAsync(["stats", "import", path, "--dataset", key, "--municipality", source.Code, .. factory.CliDatabaseArguments]);
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("2行目 甲区 列「交付率（%）」: ファイル 50.0、計算 6.3", refused.Stderr);
            var corrected = await CliProcess.RunAsync(["stats", "import", path, "--dataset", key, "--municipality", source.Code, "--supplied", "Correct", "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, corrected.ExitCode);

            var published = await CliProcess.RunAsync(["stats", "publish", "--dataset", key, "--from", source.Code, "--to", target.Code, "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, published.ExitCode);
            Assert.Equal(1, published.Json.GetProperty("municipalities").GetInt32());
            Assert.Equal(2, published.Json.GetProperty("rows").GetInt32());
            var report = await CliProcess.RunAsync(["stats", "report", "--dataset", key, "--municipality", target.Code, "--json", .. factory.CliDatabaseArguments]);
            Assert.Equal(0, report.ExitCode);
            var rows = report.Json.GetProperty("rows");
            Assert.Equal(6.3m, rows[0].GetProperty(await RateKeyAsync(factory, target, key)).GetDecimal());
            var copy = await factory.AsSystemAsync((_, db) => db.StatDatasets.IgnoreQueryFilters().SingleAsync(d => d.MunicipalityId == target.MunicipalityId && d.Key == key));
            Assert.Equal(source.Name, copy.PublishedFrom);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<string> RateKeyAsync(MamoriFactory factory, TestTenant tenant, string key) =>
        (await factory.AsSystemAsync((_, db) => db.StatDatasets.IgnoreQueryFilters().SingleAsync(d => d.MunicipalityId == tenant.MunicipalityId && d.Key == key)))
        .Columns.Single(c => c.IsPercent).Key;
}
