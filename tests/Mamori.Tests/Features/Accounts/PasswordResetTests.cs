using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Notices;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Accounts;

/// <summary>An issued password is changed at the first sign-in; a forgotten one is reset by a mailed link that works once, for 30 minutes.</summary>
public sealed class PasswordResetTests(AppFixture app)
{
    private const string Issued = "walnut-harbor-lantern";

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnIssuedPassword_MustBeChangedBeforeAnythingElse(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var name = "shinki-" + Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostFormAsync("/organization/accounts/edit", new()
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "新規 職員",
            ["Input.Role"] = "Office",
            ["Input.Password"] = Issued,
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        using var user = await Browser.SignInAsync(factory, tenant, name, Issued);
        foreach (var url in new[] { "/", "/inbox", "/register" })
        {
            var response = await user.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/password?required=1", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/me")).StatusCode);
        Assert.Contains("管理者が発行したパスワードでログインしています", WebUtility.HtmlDecode(await user.GetPageAsync("/account/password")));

        var changed = await user.PostFormAsync("/account/password", new() { ["Input.Current"] = Issued, ["Input.New"] = "orchard-violin-meadow", ["Input.Confirm"] = "orchard-violin-meadow" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/")).StatusCode);
        Assert.False(await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.UserName == name).Select(u => u.MustChangePassword).FirstAsync()));

        // A password 管理者 resets is an issued one again.
        var id = await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.UserName == name).Select(u => u.Id).FirstAsync());
        var reset = await admin.PostFormAsync($"/organization/accounts/edit/{id}", new() { ["NewPassword"] = "copper-lantern-river" }, $"/organization/accounts/edit/{id}?handler=ResetPassword");
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        using var again = await Browser.SignInAsync(factory, tenant, name, "copper-lantern-river");
        Assert.Equal("/account/password?required=1", (await again.GetAsync("/")).Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AForgottenPassword_IsResetByAMailedLink_ThatWorksOnce_AndTheFormSaysTheSameForAnyName(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await NoticeSetup.RelayAsync(factory, tenant);
        var address = await NoticeSetup.MailboxAsync(factory, tenant, UserRole.Department);
        using var anonymous = Browser.Anonymous(factory);

        async Task<string> AskAsync(string userName)
        {
            var response = await anonymous.PostFormAsync("/account/forgot", new() { ["MunicipalityCode"] = tenant.Code, ["UserName"] = userName });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return WebUtility.HtmlDecode(await anonymous.GetPageAsync(response.Headers.Location!.OriginalString));
        }
        var unknown = await AskAsync("nobody-" + Guid.NewGuid().ToString("N")[..6]);
        var known = await AskAsync(tenant.UserName(UserRole.Department));
        Assert.Contains(Mamori.Features.Accounts.ForgotModel.Answer, known);
        Assert.Equal(Strip(unknown), Strip(known));

        var mail = Assert.Single(await SmtpSink.Instance.WaitForAsync(address));
        Assert.Equal("【Mamori】パスワードの再設定", mail.Subject);
        Assert.Contains("30分間、1回だけ使えます", mail.TextBody);
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(NoticeSetup.SiteUrl + "/account/reset?", StringComparison.Ordinal));
        var path = link[NoticeSetup.SiteUrl.Length..];
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);

        // Signed in elsewhere with the old password: ended by the reset.
        using var before = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var fields = new Dictionary<string, string> { ["user"] = query["user"]!, ["Token"] = query["token"]!, ["NewPassword"] = "maple-harbor-quartz", ["Confirm"] = "maple-harbor-quartz" };
        var set = await anonymous.PostFormAsync(path, fields, "/account/reset");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await before.GetAsync("/")).StatusCode);
        using var after = await Browser.SignInAsync(factory, tenant, tenant.UserName(UserRole.Department), "maple-harbor-quartz");
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/")).StatusCode);

        // The same link a second time, or a forged one, sets nothing.
        fields["NewPassword"] = fields["Confirm"] = "second-try-password";
        var reused = await anonymous.PostFormAsync(path, fields, "/account/reset");
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.Contains(Mamori.Features.Accounts.ResetModel.Unusable, WebUtility.HtmlDecode(await reused.Content.ReadAsStringAsync()));
        fields["Token"] = "Zm9yZ2Vk";
        Assert.Contains(Mamori.Features.Accounts.ResetModel.Unusable, WebUtility.HtmlDecode(await (await anonymous.PostFormAsync(path, fields, "/account/reset")).Content.ReadAsStringAsync()));
        using var still = await Browser.SignInAsync(factory, tenant, tenant.UserName(UserRole.Department), "maple-harbor-quartz");
    }

    [Fact]
    public async Task AResetLink_WorksFor30Minutes_AndNotAMinuteMore()
    {
        await using var factory = new MamoriFactory(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var anonymous = Browser.Anonymous(factory);
        async Task<string> ResetAsync(TimeSpan after, string password)
        {
            var (user, token) = await factory.AsSystemAsync(async (services, db) =>
            {
                var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
                var u = await db.Users.FirstAsync(x => x.UserName == tenant.UserName(UserRole.Office));
                var t = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(u)));
                return (u.Id, t);
            });
            factory.Clock.Advance(after);
            var response = await anonymous.PostFormAsync($"/account/reset?user={user}&token={token}",
                new() { ["user"] = user, ["Token"] = token, ["NewPassword"] = password, ["Confirm"] = password }, "/account/reset");
            return response.StatusCode == HttpStatusCode.Redirect ? "設定" : WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        }
        Assert.Equal("設定", await ResetAsync(AccountsSetup.PasswordResetLifetime - TimeSpan.FromSeconds(30), "maple-harbor-quartz"));
        Assert.Contains(Mamori.Features.Accounts.ResetModel.Unusable, await ResetAsync(AccountsSetup.PasswordResetLifetime + TimeSpan.FromSeconds(30), "copper-lantern-river"));
        Assert.Equal(TimeSpan.FromMinutes(30), AccountsSetup.PasswordResetLifetime);
    }

    /// <summary>The page without what differs between any two requests (the form's token).</summary>
    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "(nonce|value)=\"[^\"]{20,}\"", "");
}
