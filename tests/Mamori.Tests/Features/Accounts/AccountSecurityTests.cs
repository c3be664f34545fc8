using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Mamori.Tests.Features.Accounts;

public sealed partial class AccountSecurityTests(AppFixture app)
{
    [Fact]
    public async Task WrongPassword_SaysSoInJapanese_WithoutSayingWhichPart()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var browser = Browser.Anonymous(factory);
        var response = await browser.PostFormAsync("/account/login", tenant.LoginFields("nobody-" + Guid.NewGuid(), "whatever-password"));
        Assert.Contains("ユーザー名またはパスワードが正しくありません", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ShortPassword_IsRefusedWithJapaneseMessage()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var name = "short-" + Guid.NewGuid().ToString("N")[..6];
        var response = await admin.PostFormAsync("/organization/accounts/edit", new()
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "短い",
            ["Input.Role"] = "Office",
            ["Input.Password"] = "abc123",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("パスワードは12文字以上にしてください", html);
        Assert.Contains(name, html);
        Assert.False(await factory.AsSystemAsync((_, db) => db.Users.AnyAsync(u => u.UserName == name)));
    }

    [Theory]
    [InlineData("Password1234!", "よく使われるパスワード")]
    [InlineData("p@ssw0rd2026", "よく使われるパスワード")]
    [InlineData("qwertyuiop12", "よく使われるパスワード")]
    [InlineData("sakurasakura", "よく使われるパスワード")]
    [InlineData("999999999999", "よく使われるパスワード")]
    [InlineData("{name}-garden-gate", "ユーザー名を含めない")]
    [InlineData("gate-garden-{code}", "団体コードを含めない")]
    public async Task Asvs2_1_7_CommonPasswords_AndOnesWithTheNameOrCode_AreRefused(string template, string expected)
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var name = "pw" + Guid.NewGuid().ToString("N")[..8];
        async Task<string> CreateAsync(string password) => WebUtility.HtmlDecode(await (await admin.PostFormAsync("/organization/accounts/edit", new()
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "新規",
            ["Input.Role"] = "Office",
            ["Input.Password"] = password,
        })).Content.ReadAsStringAsync());

        Assert.Contains(expected, await CreateAsync(template.Replace("{name}", name, StringComparison.Ordinal).Replace("{code}", tenant.Code, StringComparison.Ordinal)));
        Assert.False(await factory.AsSystemAsync((_, db) => db.Users.AnyAsync(u => u.UserName == name)));
        Assert.DoesNotContain("入力内容を確認してください", await CreateAsync("walnut-harbor-lantern"));
        Assert.True(await factory.AsSystemAsync((_, db) => db.Users.AnyAsync(u => u.UserName == name)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SignOutEverywhere_EndsOtherSessions(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var laptop = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var desktop = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        Assert.Equal(HttpStatusCode.OK, (await desktop.GetAsync("/")).StatusCode);

        var response = await laptop.PostFormAsync("/account/security", [], action: "/account/security?handler=SignOutEverywhere");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await desktop.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TwoFactor_OnceEnabled_IsRequiredAtLogin(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var user = tenant.UserName(UserRole.Security);
        using (var browser = await Browser.SignInAsync(factory, tenant, user))
        {
            // Looking at the page changes nothing; the key is made on request.
            var audited = await AuditCountAsync(factory, tenant.MunicipalityId);
            Assert.DoesNotMatch(KeyPattern(), await browser.GetPageAsync("/account/two-factor"));
            Assert.Equal(audited, await AuditCountAsync(factory, tenant.MunicipalityId));
            await browser.PostFormAsync("/account/two-factor", [], action: "/account/two-factor?handler=CreateKey");
            var page = await browser.GetPageAsync("/account/two-factor");
            var key = KeyPattern().Match(page).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
            Assert.NotEmpty(key);
            var wrong = await browser.PostFormAsync("/account/two-factor", new() { ["Code"] = "000000" }, action: "/account/two-factor?handler=Enable");
            Assert.Contains("確認コードが正しくありません", await wrong.Content.ReadAsStringAsync());
            var totp = new Totp(Base32Encoding.ToBytes(key));
            string CodeAt(int steps) => totp.ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime.AddSeconds(30 * steps));
            var code = CodeAt(0);
            var enabled = await browser.PostFormAsync("/account/two-factor", new() { ["Code"] = code }, action: "/account/two-factor?handler=Enable");
            Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
            Assert.True(await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.UserName == user).Select(u => u.TwoFactorEnabled).FirstAsync()));

            using var fresh = Browser.Anonymous(factory);
            var login = await fresh.PostFormAsync("/account/login", tenant.LoginFields(user, TestTenant.Password));
            Assert.Contains("/account/login-2fa", login.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/")).StatusCode);
            // ASVS 2.8.4/2.8.1: the code that enabled it cannot be used again, nor one two steps ahead; the next step's is taken.
            foreach (var refused in new[] { code, CodeAt(2) })
            {
                var again = await fresh.PostFormAsync("/account/login-2fa", new() { ["Code"] = refused });
                Assert.Contains("確認コードが正しくないか、既に使われています", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
            }
            var second = await fresh.PostFormAsync("/account/login-2fa", new() { ["Code"] = CodeAt(1) });
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/")).StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task LongAbsentStaff_IsListed_AndOneClickSuspendLocksTheAccountOutAndIsAudited(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var memberName = tenant.UserName(UserRole.Member);
        var today = factory.Today;
        await factory.AsSystemAsync(async (_, db) =>
        {
            var staff = new Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, EmployeeNumber = "L1", Name = "長期 休子", Status = StaffStatus.OnLeave };
            staff.Absences.Add(new AbsencePeriod { MunicipalityId = tenant.MunicipalityId, Start = today.AddDays(-120), Reason = "病気休職" });
            db.Staff.Add(staff);
            var member = await db.Users.FirstAsync(u => u.UserName == memberName);
            member.StaffId = staff.Id;
            member.LastLoginAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return 0;
        });
        using var memberSession = await Browser.SignInAsync(factory, tenant, memberName);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);

        var list = await security.Client.GetFromJsonAsync<JsonElement>("/api/v1/organization/long-absence");
        var row = list.EnumerateArray().Single(r => r.GetProperty("userName").GetString() == memberName);
        Assert.Equal(120, row.GetProperty("days").GetInt32());
        Assert.Contains("休職・休業が120日継続", row.GetProperty("reasons")[0].GetString());
        Assert.DoesNotContain(list.EnumerateArray(), r => r.GetProperty("userName").GetString() == tenant.UserName(UserRole.Office));

        var page = await security.GetPageAsync("/organization/long-absence");
        Assert.Contains(memberName, page);
        var userId = row.GetProperty("userId").GetString();
        var suspend = await security.PostFormAsync("/organization/long-absence", new() { ["Reason"] = "長期不在チェック" },
            action: $"/organization/accounts/{userId}/suspend?returnUrl=%2Forganization%2Flong-absence");
        Assert.Equal(HttpStatusCode.Redirect, suspend.StatusCode);
        Assert.Equal("/organization/long-absence", suspend.Headers.Location!.OriginalString);
        var afterSuspend = await security.GetPageAsync("/organization/long-absence");
        Assert.Contains($"アカウント「{memberName}」を利用停止にしました", afterSuspend);
        Assert.DoesNotContain($"<td class=\"mono\">{memberName}</td>", afterSuspend);

        // The suspended member is out at once and cannot log back in.
        Assert.Equal(HttpStatusCode.Redirect, (await memberSession.GetAsync("/")).StatusCode);
        using var retry = Browser.Anonymous(factory);
        var login = await retry.PostFormAsync("/account/login", tenant.LoginFields(memberName, TestTenant.Password));
        // The same answer as a wrong password: the login page does not tell a guesser which accounts exist or are suspended.
        Assert.Contains(Mamori.Features.Accounts.LoginModel.FailedMessage, WebUtility.HtmlDecode(await login.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);

        var audit = await factory.AsSystemAsync((_, db) => db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "AppUser" && e.EntityKey == userId && e.Changes.Contains("SuspendedAt")).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Contains(tenant.UserName(UserRole.Security), entry.ActorName);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task PersonalAccessToken_FromTheCli_AuthenticatesTheApi_UntilSuspended(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, "トークン市");
        var issued = await CliProcess.RunAsync(["admin", "token", "--municipality", tenant.Code, "--user", tenant.UserName(UserRole.Office), "--days", "30", "--json", .. factory.CliDatabaseArguments]);
        Assert.True(issued.ExitCode == 0, issued.Stderr);
        var token = issued.Json.GetProperty("token").GetString()!;
        Assert.StartsWith("mmr_", token, StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", issued.Json.GetProperty("expires").GetString()!);

        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal(tenant.Code, me.GetProperty("municipality").GetProperty("code").GetString());
        Assert.Equal("事務局", me.GetProperty("roleName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/audit")).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token + "x");
        var bad = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        Assert.Contains("ログインするか", await bad.Content.ReadAsStringAsync());

        await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.FirstAsync(u => u.UserName == tenant.UserName(UserRole.Office));
            user.SuspendedAt = factory.Clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
            return 0;
        });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    private static Task<int> AuditCountAsync(MamoriFactory factory, Guid municipalityId) =>
        factory.AsSystemAsync((_, db) => db.AuditEntries.CountAsync(e => e.MunicipalityId == municipalityId));

    [GeneratedRegex("id=\"authenticator-key\">([^<]+)<")]
    private static partial Regex KeyPattern();
}
