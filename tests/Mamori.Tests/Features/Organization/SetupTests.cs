using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Organization;

/// <summary>The first-run setup page on an empty database of its own.</summary>
public sealed class SetupTests
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task FirstVisit_LeadsToSetup_WhichCreatesMunicipalityAndAdminOnce(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider);
        using var browser = Browser.Anonymous(factory);

        var home = await browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/setup", home.Headers.Location!.OriginalString);

        // Bad input: the page comes back with Japanese messages and nothing is created.
        var bad = await browser.PostFormAsync("/setup", new()
        {
            ["Input.Code"] = "131040",
            ["Input.Name"] = "新宿区",
            ["Input.UserName"] = "admin",
            ["Input.DisplayName"] = "管理者",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("検査数字（6桁目）が正しくありません。131041 ではありませんか", html);
        Assert.True(await factory.AsSystemAsync(async (_, db) => !await db.Municipalities.AnyAsync() && !await db.Users.AnyAsync()));

        var mismatch = await browser.PostFormAsync("/setup", new()
        {
            ["Input.Code"] = "131041",
            ["Input.Name"] = "新宿区",
            ["Input.UserName"] = "admin",
            ["Input.DisplayName"] = "管理者",
            ["Input.Password"] = "long-enough-password",
            ["Input.ConfirmPassword"] = "different-password",
        });
        Assert.Contains("確認用のパスワードが一致しません", await mismatch.Content.ReadAsStringAsync());

        var weak = await browser.PostFormAsync("/setup", new()
        {
            ["Input.Code"] = "１３１０４１",
            ["Input.Name"] = "新宿区",
            ["Input.UserName"] = "admin",
            ["Input.DisplayName"] = "管理者",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "short",
        });
        Assert.Contains("パスワードは12文字以上にしてください", await weak.Content.ReadAsStringAsync());
        Assert.True(await factory.AsSystemAsync(async (_, db) => !await db.Municipalities.AnyAsync()), "失敗した初期設定は団体を残さない");

        var ok = await browser.PostFormAsync("/setup", new()
        {
            ["Input.Code"] = "１３１０４１",
            ["Input.Name"] = "新宿区",
            ["Input.UserName"] = "admin",
            ["Input.DisplayName"] = "情報管理課 管理者",
            ["Input.Password"] = "long-enough-password",
            ["Input.ConfirmPassword"] = "long-enough-password",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Contains("新宿区", await browser.GetPageAsync("/"));

        var (code, role) = await factory.AsSystemAsync(async (_, db) =>
            ((await db.Municipalities.SingleAsync()).Code, (await db.Users.SingleAsync()).Role));
        Assert.Equal("131041", code);
        Assert.Equal(UserRole.Admin, role);

        using var other = Browser.Anonymous(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/setup")).StatusCode);
        var home2 = await other.GetAsync("/");
        Assert.Contains("/account/login", home2.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
