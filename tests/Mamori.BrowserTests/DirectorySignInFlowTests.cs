using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

/// <summary>
/// 管理者 connects the municipality to its directory (a real OpenID provider), and a member of staff signs in with the
/// directory account in Chromium, is made a 事務局 account by their group, and logs out of both.
/// </summary>
public sealed class DirectorySignInFlowTests
{
    [Fact]
    public async Task 管理者ConnectsTheDirectory_AndStaffSignInWithTheirDirectoryAccount()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        var (clientId, secret) = await DirectoryProvider.Instance.ClientAsync(tenant.Code, s.BaseUrl);
        var login = $"k{Guid.NewGuid():N}"[..12];
        await DirectoryProvider.Instance.UserAsync(login, "守田 花子", $"{login}@city.example.lg.jp", ["cn=mamori-office,ou=groups", "cn=all-staff,ou=groups"]);

        await s.SignInAsync(tenant, tenant.UserName(UserRole.Admin));
        await page.GotoAsync(s.BaseUrl + "/organization/sign-in");
        await Assertions.Expect(page.Locator("#callback-url")).ToHaveTextAsync($"{s.BaseUrl}/signin-oidc/{tenant.Code}");
        await page.GetByLabel("ディレクトリ連携を使う").CheckAsync();
        await page.GetByLabel("発行者（Issuer）").FillAsync(DirectoryProvider.Instance.Issuer);
        await page.GetByLabel("クライアントID").FillAsync(clientId);
        await page.GetByLabel("クライアントシークレット").FillAsync(secret);
        await page.GetByLabel("1行目のグループ").FillAsync("cn=mamori-office,ou=groups");
        await page.GetByLabel("1行目の役割").SelectOptionAsync(nameof(UserRole.Office));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("ログインの設定を保存しました。");
        await s.ScreenshotAsync("96-sign-in-settings");
        await s.AccessibleAsync("ログインの設定");
        await s.SignOutAsync();

        // The login page offers the directory; the directory's own form takes the password, and Mamori opens on the home page.
        await page.GetByRole(AriaRole.Button, new() { Name = "ディレクトリでログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ディレクトリにログイン");
        await page.GetByLabel("ユーザーID").FillAsync(login);
        await page.GetByLabel("パスワード").FillAsync("directory-pass");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ホーム");
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("守田 花子");
        await s.ScreenshotAsync("97-directory-signed-in");
        // A 事務局 account: the council is in reach, the organization's settings are not.
        await page.GotoAsync(s.BaseUrl + "/council");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("審議会");

        // Logging out ends the directory's session too: the next directory sign-in asks for the password again.
        await page.GotoAsync(s.BaseUrl + "/");
        await page.GetByRole(AriaRole.Button, new() { Name = "ログアウト" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ログイン");
        await page.GetByRole(AriaRole.Button, new() { Name = "ディレクトリでログイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ディレクトリにログイン");
    }
}
