using System.Text;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class StatisticsDefinitionFlowTests
{
    [Fact]
    public async Task Office_DefinesATable_ImportsAFileWithAWrongTotal_AcceptsIt_AndSeesTheMarkAndTheSeries()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "統計", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "統計を定義する" }).ClickAsync();
        await page.GetByLabel("名称").FillAsync("窓口の証明書交付");
        await page.GetByLabel("1年度（令和5年度(10/31時点) のような途中までの年度も可）").CheckAsync();
        string[][] columns = [["住民票", "Input", ""], ["印鑑登録証明", "Input", ""], ["合計", "Sum", "住民票、印鑑登録証明"], ["住民票の割合", "Rate", "住民票、合計"]];
        for (var i = 0; i < columns.Length; i++)
        {
            await page.GetByLabel($"列{i + 1}の見出し").FillAsync(columns[i][0]);
            await page.GetByLabel($"列{i + 1}の種類").SelectOptionAsync(columns[i][1]);
            await page.GetByLabel($"列{i + 1}の計算に使う列").FillAsync(columns[i][2]);
        }
        await page.GetByLabel("列4の小数の桁数").FillAsync("1");
        await s.AccessibleAsync("statistics-definition");
        await s.ScreenshotAsync("93-statistics-definition");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("統計「窓口の証明書交付」を定義しました");

        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "窓口.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("年度,住民票,印鑑登録証明,合計\n令和4年度,\"1,000\",500,\"1,500\"\n令和5年度(10/31時点),400,200,999\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator("#mismatch-table tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#mismatch-table tbody tr")).ToContainTextAsync("令和5年度（10月31日時点）");
        await Assertions.Expect(page.Locator("#mismatch-table tbody tr")).ToContainTextAsync("999");
        await s.AccessibleAsync("statistics-import-check");
        await s.ScreenshotAsync("94-statistics-import-check");
        await page.GetByRole(AriaRole.Button, new() { Name = "ファイルの数値を残して取り込む" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("計算と異なる 1 か所はファイルの数値を残しました");
        await Assertions.Expect(page.Locator("#stat-table tbody tr").Nth(1)).ToContainTextAsync("999※");
        await Assertions.Expect(page.Locator("#stat-table tbody tr").Nth(1)).ToContainTextAsync("66.7");
        await s.ScreenshotAsync("95-statistics-custom-table");

        await page.GetByRole(AriaRole.Link, new() { Name = "列ごとの推移（年度ごとのグラフ）" }).ClickAsync();
        await Assertions.Expect(page.Locator("#series-table tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        await s.AccessibleAsync("statistics-series");
    }
}
