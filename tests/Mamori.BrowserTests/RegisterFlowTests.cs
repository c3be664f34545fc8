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
        await page.GetByLabel("整理番号").FillAsync("戸-001");
        await page.GetByLabel("個人情報ファイルの名称").FillAsync("住民基本台帳ファイル");
        await page.GetByLabel("利用目的").FillAsync("住民基本台帳法に基づく住民の居住関係の公証");
        await page.GetByLabel("記録項目").FillAsync("氏名\n生年月日\n住所");
        await page.GetByLabel("記録範囲（本人の範囲）").FillAsync("区内に住所を有する者");
        await page.GetByLabel("本人の数").FillAsync("約35万人");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".validation-summary")).ToContainTextAsync("「約35万人」は数として読めません");
        await page.GetByLabel("本人の数").FillAsync("３４９，８７６");
        await page.GetByLabel("収集方法").FillAsync("本人から\n他機関から");
        await page.GetByLabel("特定個人情報ファイル（マイナンバーを含む）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("住民基本台帳ファイル");
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync("349,876人");
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
        await Assertions.Expect(page.Locator("table.data")).ToContainTextAsync("新規登録");
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
        Assert.Equal("戸-001", row[0]);
        Assert.Equal("住民基本台帳ファイル", row[1]);
        Assert.Equal("区民部 / 戸籍住民課", row[2]);
        Assert.Equal("349876", row[13]);

        await page.GetByRole(AriaRole.Link, new() { Name = "住民基本台帳ファイル" }).ClickAsync();
        await Assertions.Expect(page.Locator("dl.details")).ToContainTextAsync("氏名、生年月日、住所");
        await page.GotoAsync($"{s.BaseUrl}/public/{tenant.Code}/register/print");
        await s.PrintAsync("public-register", "住民基本台帳ファイル");
    }
}
