using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Audit;
using Mamori.Features.Accounts;
using Mamori.Hosting;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.Accounts;

/// <summary>Sessions on the server and API tokens (ASVS V3 and 3.5).</summary>
public sealed partial class SessionTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs3_3_1_Logout_EndsTheSessionOnTheServer_SoACopiedCookieStopsWorking(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var original = await CookieJar.SignInAsync(factory, tenant, tenant.UserName(UserRole.Office));
        using var copy = original.Copy();
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await original.PostFormAsync("/account/logout", [])).StatusCode);

        var after = await copy.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var ended = await factory.AsSystemAsync((_, db) => db.SignInSessions.Where(s => s.MunicipalityId == tenant.MunicipalityId).Select(s => s.EndReason).ToListAsync());
        Assert.Equal([SessionEnd.LoggedOut], ended);
    }

    /// <summary>
    /// A request compares the sign-in with the account in the query that checks the session: while they agree nothing
    /// is signed in again (no new cookie on every response); a role given by 管理者 or a suspension takes effect at
    /// the next request.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ASignIn_IsRenewedOnlyWhenTheAccountChanged_AndARoleOrSuspensionTakesEffectAtTheNextRequest(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var name = tenant.UserName(UserRole.Office);
        using var jar = await CookieJar.SignInAsync(factory, tenant, name);
        static bool Renewed(HttpResponseMessage r) =>
            r.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("mamori.auth=", StringComparison.Ordinal));

        var home = await jar.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.False(Renewed(home));
        Assert.NotEqual(HttpStatusCode.OK, (await jar.GetAsync("/audit")).StatusCode);

        await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.IgnoreQueryFilters().SingleAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.UserName == name);
            user.Role = UserRole.Auditor;
            return await db.SaveChangesAsync();
        });
        var audit = await jar.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.True(Renewed(audit));
        var next = await jar.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(Renewed(next));

        await factory.AsSystemAsync(async (sp, _) =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = users.Users.IgnoreQueryFilters().Single(u => u.MunicipalityId == tenant.MunicipalityId && u.UserName == name);
            return await users.UpdateSecurityStampAsync(user);
        });
        var after = await jar.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs3_3_2_ASession_EndsAfterThirtyIdleMinutes_AndAfterTwelveHoursHoweverBusy(DatabaseProvider provider)
    {
        await using var factory = new MamoriFactory(provider, new TestClock(TestClock.DefaultToday, new TimeOnly(8, 0)));
        var tenant = await TestTenant.CreateAsync(factory);
        var user = tenant.UserName(UserRole.Office);
        var clock = factory.Clock;

        using (var idle = await CookieJar.SignInAsync(factory, tenant, user))
        {
            clock.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(5));
            Assert.Equal(HttpStatusCode.OK, (await idle.GetAsync("/")).StatusCode);
            clock.Advance(TimeSpan.FromMinutes(30));
            Assert.Equal(HttpStatusCode.Redirect, (await idle.GetAsync("/")).StatusCode);
        }

        using var busy = await CookieJar.SignInAsync(factory, tenant, user);
        for (var i = 0; i < 12 * 3 - 1; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        }
        // 11 h 40 min in: one more step of 19 minutes is still within the day's 12 hours, the next is not.
        clock.Advance(TimeSpan.FromMinutes(19));
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Redirect, (await busy.GetAsync("/")).StatusCode);
        // Signing in again records why the earlier session ended, even when its cookie expired before the server saw it.
        using var again = await CookieJar.SignInAsync(factory, tenant, user);

        var reasons = await factory.AsSystemAsync((_, db) => db.SignInSessions.OrderBy(s => s.StartedAt).Select(s => s.EndReason).ToListAsync());
        Assert.Equal([SessionEnd.Idle, SessionEnd.Expired, null], reasons);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs3_5_ATokenOpensTheApiOnly_AReadTokenCannotWrite_AndAPasswordChangeRevokesTokens(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var read = await TokenAsync(factory, tenant, "read");
        var write = await TokenAsync(factory, tenant, "write");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", write);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
        // A page ignores the token: the browser would be sent to the login page.
        var page = await client.GetAsync("/account/tokens");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var created = await client.PostAsJsonAsync("/api/v1/organization/departments", new { name = "書き込みの課" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", read);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/organization/departments")).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/organization/departments", new { name = "読み取りの課" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("読み取りのみのトークン", await refused.Content.ReadAsStringAsync());
        Assert.False(await factory.AsSystemAsync((_, db) => db.Departments.AnyAsync(d => d.Name == "読み取りの課")));

        using var browser = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var changed = await browser.PostFormAsync("/account/password", new()
        {
            ["Input.Current"] = TestTenant.Password,
            ["Input.New"] = "a-new-and-longer-phrase",
            ["Input.Confirm"] = "a-new-and-longer-phrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("API トークン2件を失効", WebUtility.HtmlDecode(await browser.GetPageAsync("/account/security")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me")).StatusCode);
        // The browser that changed the password stays signed in.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs7_2_FailedLogins_RefusedRequests_AndExports_AreInTheAuditTrail_WithoutThePassword(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await TestTenant.CreateAsync(factory, "乙町"); // a deployment of several municipalities: the login asks for the code
        using var anonymous = Browser.Anonymous(factory);
        var unknown = "zz" + Guid.NewGuid().ToString("N");
        await anonymous.PostFormAsync("/account/login", tenant.LoginFields(tenant.UserName(UserRole.Office), "guessed-wrong-phrase"));
        await anonymous.PostFormAsync("/account/login", tenant.LoginFields(unknown, "guessed-wrong-phrase"));
        var nowhere = "yy" + Guid.NewGuid().ToString("N");
        await anonymous.PostFormAsync("/account/login", new(tenant.LoginFields(nowhere, "guessed-wrong-phrase")) { ["Input.MunicipalityCode"] = "999990" });
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/v1/audit")).StatusCode);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/organization/staff/export")).StatusCode);

        var entries = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.EntityType == nameof(SecurityEvent)).OrderBy(e => e.Sequence)
            .Select(e => new { e.MunicipalityId, e.Changes }).ToListAsync());
        var known = entries.Where(e => e.MunicipalityId == tenant.MunicipalityId).Select(e => e.Changes).ToList();
        Assert.Contains(known, c => c.Contains("LoginFailed") && c.Contains(tenant.UserName(UserRole.Office)));
        Assert.Contains(known, c => c.Contains("AccessDenied") && c.Contains("GET /api/v1/audit") && c.Contains(tenant.UserName(UserRole.Department)));
        Assert.Contains(known, c => c.Contains("Export") && c.Contains("職員一覧（CSV）") && c.Contains(tenant.UserName(UserRole.Admin)));
        // An unknown name is recorded for the municipality the sign-in named (its auditors see attempts on it), by its first
        // letters only; a code of no municipality leaves the event to the deployment.
        var stranger = Assert.Single(entries, e => e.Changes.Contains(unknown[..2] + "…"));
        Assert.Equal(tenant.MunicipalityId, stranger.MunicipalityId);
        Assert.DoesNotContain(unknown, stranger.Changes);
        var lost = Assert.Single(entries, e => e.Changes.Contains(nowhere[..2] + "…"));
        Assert.Null(lost.MunicipalityId);
        Assert.DoesNotContain(entries, e => e.Changes.Contains("guessed-wrong-phrase"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs2_2_1_UnknownNames_WrongPasswords_AndSuspendedAccounts_GetOneMessage_AndGuessingIsSlowedNotLocked(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var suspended = tenant.UserName(UserRole.Member);
        await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.FirstAsync(u => u.UserName == suspended);
            user.SuspendedAt = factory.Clock.GetUtcNow().UtcDateTime;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
            return 0;
        });
        using var anonymous = Browser.Anonymous(factory);
        async Task<string> LoginAsync(string name, string password) =>
            Errors(await (await anonymous.PostFormAsync("/account/login", tenant.LoginFields(name, password))).Content.ReadAsStringAsync());

        var messages = new[]
        {
            await LoginAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], "whatever-phrase-1"),
            await LoginAsync(tenant.UserName(UserRole.Office), "whatever-phrase-1"),
            await LoginAsync(suspended, TestTenant.Password),
        };
        Assert.All(messages, m => Assert.Equal(LoginModel.FailedMessage, m));

        // The third failure of one name from one place makes the next attempt wait, even with the right password; nothing is locked.
        var name = tenant.UserName(UserRole.Security);
        for (var i = 1; i < LoginThrottle.FreePerUser; i++)
        {
            Assert.Equal(LoginModel.FailedMessage, await LoginAsync(name, "wrong-phrase-" + i));
        }
        Assert.Equal(LoginModel.FailedMessage, await LoginAsync(name, "wrong-phrase-last"));
        Assert.Matches("ログインの失敗が続いたため、\\d+秒待って", await LoginAsync(name, TestTenant.Password));
        var account = await factory.AsSystemAsync((_, db) => db.Users.AsNoTracking().FirstAsync(u => u.UserName == name));
        Assert.Null(account.LockoutEnd);
        Assert.Equal(0, account.AccessFailedCount);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs2_2_1_TheThrottle_CountsANameFromOneAddress_AndWaitsDoubleAfterTheFreeAttempts(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var clock = new TestClock(TestClock.DefaultToday);
        var throttle = new LoginThrottle(clock);
        // Addresses of this test's own: the counts are shared by every instance on the database.
        var run = Guid.NewGuid().ToString("N")[..8];
        string Address(string a) => $"{a}#{run}";
        for (var i = 1; i < LoginThrottle.FreePerUser; i++)
        {
            await throttle.FailedAsync(db, Address("192.0.2.1"), "tanaka");
            Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("192.0.2.1"), "tanaka"));
        }
        await throttle.FailedAsync(db, Address("192.0.2.1"), "tanaka");
        Assert.Equal((3, 100), (LoginThrottle.FreePerUser, LoginThrottle.FreePerAddress));
        // The waits themselves are exact (the clock runs at the real pace, so only their presence is checked below).
        Assert.Equal(TimeSpan.Zero, LoginThrottle.DelayAfter(LoginThrottle.FreePerUser - 1, LoginThrottle.FreePerUser));
        Assert.Equal(TimeSpan.FromSeconds(1), LoginThrottle.DelayAfter(LoginThrottle.FreePerUser, LoginThrottle.FreePerUser));
        Assert.Equal(TimeSpan.FromSeconds(2), LoginThrottle.DelayAfter(LoginThrottle.FreePerUser + 1, LoginThrottle.FreePerUser));
        Assert.InRange(await throttle.WaitAsync(db, Address("192.0.2.1"), "TANAKA"), TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1));
        // Another instance of the app (another throttle, the same database) makes the same caller wait.
        Assert.InRange(await new LoginThrottle(clock).WaitAsync(db, Address("192.0.2.1"), "tanaka"), TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1));
        // The same name from the user's own machine is not slowed; another name from the same address is not either.
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("192.0.2.99"), "tanaka"));
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("192.0.2.1"), "suzuki"));
        await throttle.FailedAsync(db, Address("192.0.2.1"), "tanaka");
        Assert.InRange(await throttle.WaitAsync(db, Address("192.0.2.1"), "tanaka"), TimeSpan.FromTicks(1), TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromMinutes(15), LoginThrottle.DelayAfter(100, LoginThrottle.FreePerUser));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("192.0.2.1"), "tanaka"));
        await throttle.SucceededAsync(db, Address("192.0.2.1"), "tanaka");
        await throttle.FailedAsync(db, Address("192.0.2.1"), "tanaka");
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("192.0.2.1"), "tanaka"));
        // Nothing of the name or the address is stored, only hashes of them.
        Assert.DoesNotContain(await db.LoginFailures.AsNoTracking().Select(f => f.Key).ToListAsync(), k => k.Contains("tanaka", StringComparison.OrdinalIgnoreCase) || k.Contains("192.0.2", StringComparison.Ordinal));

        // An office behind one proxy: 99 mistakes by different people slow nobody, the 100th starts the waits,
        // and 15 quiet minutes after the last wait the count starts again.
        for (var i = 1; i < LoginThrottle.FreePerAddress; i++)
        {
            await throttle.FailedAsync(db, Address("198.51.100.7"), $"staff{i}");
        }
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("198.51.100.7"), "someone"));
        await throttle.FailedAsync(db, Address("198.51.100.7"), "staff100");
        Assert.True(await throttle.WaitAsync(db, Address("198.51.100.7"), "someone") > TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(1) + LoginThrottle.MaxDelay + TimeSpan.FromSeconds(1));
        await throttle.FailedAsync(db, Address("198.51.100.7"), "staff101");
        Assert.Equal(TimeSpan.Zero, await throttle.WaitAsync(db, Address("198.51.100.7"), "someone"));
    }

    [Fact]
    public void Asvs3_3_2_TheLimits_EndASessionAtExactlyThirtyIdleMinutes_AndTwelveHours()
    {
        var limits = SessionSettings.Default;
        var start = new DateTime(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.FromMinutes(30), limits.Idle);
        Assert.Equal(TimeSpan.FromHours(12), limits.Absolute);
        Assert.Null(limits.EndedBy(start, start, start.AddMinutes(30).AddTicks(-1)));
        Assert.Equal(SessionEnd.Idle, limits.EndedBy(start, start, start.AddMinutes(30)));
        var busy = start.AddHours(12).AddMinutes(-1);
        Assert.Null(limits.EndedBy(start, busy, start.AddHours(12).AddTicks(-1)));
        Assert.Equal(SessionEnd.Expired, limits.EndedBy(start, busy, start.AddHours(12)));
    }

    private static async Task<string> TokenAsync(MamoriFactory factory, TestTenant tenant, string scope)
    {
        var issued = await CliProcess.RunAsync(["admin", "token", "--municipality", tenant.Code, "--user", tenant.UserName(UserRole.Admin), "--scope", scope,
            "--json", .. factory.CliDatabaseArguments]);
        Assert.True(issued.ExitCode == 0, issued.Stderr);
        return issued.Json.GetProperty("token").GetString()!;
    }

    private static string Errors(string html) =>
        WebUtility.HtmlDecode(ErrorPattern().Match(html).Groups[1].Value).Trim();

    [GeneratedRegex("<li>([^<]*(?:正しくありません|待って)[^<]*)</li>")]
    private static partial Regex ErrorPattern();
}
