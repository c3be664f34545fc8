using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Accounts.DirectorySignIn;

/// <summary>The sign-in settings page: what it refuses (with the field named), and the municipality's own session limits.</summary>
public sealed class SignInSettingsTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task BadSettings_AreRefusedWithTheFieldNamed_AndChangeNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var fields = DirectoryFlow.Settings("client", "secret", passwordsOff: false, tenant);
        fields["Input.Issuer"] = "http://login.city.example.lg.jp/realms/staff";
        fields["Input.Scopes"] = "profile email";
        fields["Input.Rules[1].DepartmentId"] = string.Empty;
        fields["Input.Rules[2].GroupName"] = DirectoryFlow.OfficeGroup.ToUpperInvariant();
        fields["Input.Rules[2].Role"] = nameof(UserRole.Security);
        fields["Input.SessionIdleMinutes"] = "4";
        var response = await admin.PostFormAsync("/organization/sign-in", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("発行者は https:// のアドレスにしてください", html);
        Assert.Contains("スコープには openid を含めてください", html);
        Assert.Contains("2行目：所管課の役割には部署を選んでください。", html);
        Assert.Contains("3行目：グループ「CN=MAMORI-OFFICE,OU=GROUPS」は1行目にもあります", html);
        Assert.Contains("アイドルタイムアウトは5分から480分の間で入力してください。", html);
        Assert.False(await factory.AsSystemAsync((_, db) => db.DirectoryConnections.AnyAsync(c => c.MunicipalityId == tenant.MunicipalityId)));

        // Passwords cannot be turned off while no 管理者 could still sign in with one.
        await factory.AsSystemAsync(async (_, db) =>
            await db.Users.Where(u => u.MunicipalityId == tenant.MunicipalityId && u.Role == UserRole.Admin).ExecuteUpdateAsync(u => u.SetProperty(x => x.DirectorySubject, "admin-in-directory")));
        var off = DirectoryFlow.Settings("client", "secret", passwordsOff: true, tenant);
        off["Input.Issuer"] = "https://login.city.example.lg.jp/realms/staff";
        var refused = await admin.PostFormAsync("/organization/sign-in", off);
        Assert.Contains("パスワードでログインできる管理者のアカウントがありません", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await factory.AsSystemAsync((_, db) => db.DirectoryConnections.AnyAsync(c => c.MunicipalityId == tenant.MunicipalityId)));

        // The secret is kept protected and never shown again; the change is audited without it.
        off["Input.PasswordsOff"] = "false";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/organization/sign-in", off)).StatusCode);
        var stored = await factory.AsSystemAsync((_, db) => db.DirectoryConnections.AsNoTracking().FirstAsync(c => c.MunicipalityId == tenant.MunicipalityId));
        Assert.NotEqual("secret", stored.ClientSecret);
        Assert.DoesNotContain("\"secret\"", await admin.GetPageAsync("/organization/sign-in"));
        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.EntityKey == stored.Id.ToString()).Select(e => e.Changes).ToListAsync());
        Assert.NotEmpty(audited);
        Assert.DoesNotContain(audited, c => c.Contains(stored.ClientSecret!, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheMunicipalitysIdleTimeout_EndsASessionAtItsMinute(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider, new TestClock(TestClock.DefaultToday, new TimeOnly(8, 0)));
        var tenant = await TestTenant.CreateAsync(factory);
        using (var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin))
        {
            var fields = new Dictionary<string, string> { ["Input.Enabled"] = "false", ["Input.SessionIdleMinutes"] = "10", ["Input.SessionAbsoluteHours"] = "2" };
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/organization/sign-in", fields)).StatusCode);
        }
        var clock = factory.Clock;
        using (var idle = await CookieJar.SignInAsync(factory, tenant, tenant.UserName(UserRole.Office)))
        {
            clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(5));
            Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/")).StatusCode);
        }
        using var busy = await CookieJar.SignInAsync(factory, tenant, tenant.UserName(UserRole.Office));
        for (var i = 0; i < 11; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(9));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        }
        // 99 minutes in; 2 hours end it however busy.
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.Redirect, (await busy.GetAsync("/")).StatusCode);
    }
}
