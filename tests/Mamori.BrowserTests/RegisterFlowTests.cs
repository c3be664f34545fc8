using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed class RegisterFlowTests
{
    [Fact]
    public async Task DepartmentCreates_OfficeConfirmsAndPublishes_PublicSeesIt_AndCsvKeepsJapanese()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        // 所管課 enters a file; a mistake first, then the corrected form.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Department));
        await page.GotoAsync(s.BaseUrl + "/register/edit");
        await Assertions.Expect(page.GetByLabel("整理番号")).ToHaveAttributeAsync("readonly", "");
        await Assertions.Expect(page.GetByLabel("行政機関等の名称")).ToHaveValueAsync("守り区長");
        await page.GetByLabel("個人情報ファイルの名称").FillAsync("住民基本台帳ファイル");
        await page.GetByLabel("利用目的").FillAsync("住民基本台帳法に基づく住民の居住関係の公証");
        await page.GetByLabel("記録項目").FillAsync("氏名\n生年月日\n住所");
        await page.GetByLabel("記録範囲（本人の範囲）").FillAsync("区内に住所を有する者");
        await page.GetByLabel("本人の数").FillAsync("約35万人");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("「約35万人」は数として読めません");
        await page.GetByLabel("本人の数").FillAsync("３４９，８７６");
        await page.GetByLabel("本人から", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("他の行政機関等から").CheckAsync();
        await page.GetByLabel("その他の収集方法").FillAsync("医療機関から（診療報酬明細書）");
        await page.GetByLabel("開示請求等を受理する組織の所在地").FillAsync("東京都守り区本町一丁目1番1号");
        await page.GetByLabel("特定個人情報ファイル（マイナンバーを含む）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("住民基本台帳ファイル");
        await Assertions.Expect(page.Locator("table.register-sheet")).ToContainTextAsync("349,876人");
        await Assertions.Expect(page.Locator("table.register-sheet")).ToContainTextAsync("本人から、他の行政機関等から、医療機関から（診療報酬明細書）");
        var number = (await page.Locator("table.register-sheet tr", new() { HasText = "整理番号" }).Locator("td").TextContentAsync())!.Trim();
        Assert.EndsWith("-001", number, StringComparison.Ordinal);
        // The long statutory labels wrap inside their cells: none runs into the content beside it.
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('table.register-sheet th')].filter(th => th.scrollWidth > th.clientWidth + 1).length"));
        await page.GetByRole(AriaRole.Button, new() { Name = "事務局へ提出" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("事務局へ提出しました");
        await Assertions.Expect(page.Locator("p .status")).ToHaveTextAsync("確認待ち");
        await s.ScreenshotAsync("10-register-submitted");
        await s.SignOutAsync();

        // 事務局 confirms and publishes.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(s.BaseUrl + "/register?status=Submitted");
        await page.GetByRole(AriaRole.Link, new() { Name = "住民基本台帳ファイル" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "確認済みにする" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("確認済みにしました");
        await page.GetByRole(AriaRole.Button, new() { Name = "公表する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("公表しました");
        await Assertions.Expect(page.Locator("table.data").Last).ToContainTextAsync("新規登録");
        await s.ScreenshotAsync("11-register-published");
        await s.SignOutAsync();

        // Anyone: the public register shows it, and the CSV download is CSV with Japanese intact.
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/register");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("守り区 個人情報ファイル簿");
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("住民基本台帳ファイル");
        await s.ScreenshotAsync("12-public-register");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "CSV（UTF-8）" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var path = Path.Combine(BrowserSession.ArtifactsDirectory, "public-register.csv");
        await download.SaveAsAsync(path);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var table = CsvReader.Read(new MemoryStream(bytes));
        Assert.Equal("整理番号", table.Headers[0]);
        var row = Assert.Single(table.Rows);
        Assert.Equal(number, row[0]);
        Assert.Equal("住民基本台帳ファイル", row[table.IndexOf("個人情報ファイルの名称")]);
        Assert.Equal("守り区長", row[table.IndexOf("行政機関等の名称")]);
        Assert.Equal("区民部 / 戸籍住民課", row[table.IndexOf("個人情報ファイルが利用に供される事務をつかさどる組織の名称")]);
        Assert.Equal("東京都守り区本町一丁目1番1号", row[table.IndexOf("開示請求等を受理する組織の所在地")]);
        Assert.Equal("349876", row[table.IndexOf("本人の数")]);

        await page.GetByRole(AriaRole.Link, new() { Name = "住民基本台帳ファイル" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.register-sheet")).ToContainTextAsync("氏名、生年月日、住所");
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/register/print");
        await s.PrintAsync("public-register", "個人情報ファイル簿（単票）", "住民基本台帳ファイル", "開示請求等を受理する組織の所在地", "東京都守り区本町一丁目1番1号");
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/register/print?layout=list");
        var list = await s.PrintAsync("public-register-list", "個人情報ファイル簿（一覧）", "守り区長");
        // Every column fits on the landscape sheet, the last (改訂日) included.
        Assert.Contains("改訂日", list[0]);
        Assert.Contains("349,876", list[0]);
    }
}
