using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Accounts.DirectorySignIn;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Accounts.DirectorySignIn.DirectoryFlow;

namespace Mamori.Tests.Features.Accounts.DirectorySignIn;

/// <summary>
/// Sign-in with the municipality's directory against a real OpenID provider: the account made at first sign-in from the
/// group table, kept in step with the directory at every later one, suspended when the directory drops the user, and
/// local passwords turned off for staff while 管理者 keep theirs.
/// </summary>
public sealed class DirectorySignInTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task FirstSignIn_MakesTheAccountFromTheGroup_AndLaterOnesFollowTheDirectory(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ConnectAsync(factory, tenant);
        var login = await UserAsync("個人 情報子", OfficeGroup, "cn=all-staff");

        using (var first = await SignInAsync(factory, tenant, login))
        {
            Assert.False(first.Refused, await first.Callback.Content.ReadAsStringAsync());
            Assert.Contains("ログインしました", first.CompletePage);
            Assert.True(await SignedInAsync(first.Mamori));
            Assert.Contains("個人 情報子", await first.Mamori.GetPageAsync("/"));
        }
        var account = await AccountAsync(factory, tenant, login);
        Assert.Equal(UserRole.Office, account.Role);
        Assert.Null(account.DepartmentId);
        Assert.Equal($"{login}@city.example.lg.jp", account.Email);
        Assert.Null(account.PasswordHash);
        // The creation is in the audit trail, as the directory's doing.
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId
            && e.EntityKey == account.Id && e.ActorName == "ディレクトリ連携")));

        // The directory moves the user to 戸籍住民課: the next sign-in is a 所管課 account of that department.
        await DirectoryProvider.Instance.UserAsync(login, "個人 情報子", $"{login}@city.example.lg.jp", [RegistryGroup]);
        using (var second = await SignInAsync(factory, tenant, login))
        {
            Assert.True(await SignedInAsync(second.Mamori));
        }
        account = await AccountAsync(factory, tenant, login);
        Assert.Equal(UserRole.Department, account.Role);
        Assert.Equal(tenant.OwnDepartmentId, account.DepartmentId);
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.Users.CountAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.DirectorySubject == login)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AUserTheDirectoryDrops_IsRefusedAndSuspended_AndTakenBackWhenListedAgain(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ConnectAsync(factory, tenant);
        var login = await UserAsync("異動 予定", OfficeGroup);
        using var signedIn = await SignInAsync(factory, tenant, login);
        Assert.True(await SignedInAsync(signedIn.Mamori));

        // Removed from the group: the next sign-in is refused with the reason, and the account is suspended, which also
        // ends the sign-in still open elsewhere.
        await DirectoryProvider.Instance.UserAsync(login, "異動 予定", $"{login}@city.example.lg.jp", ["cn=all-staff"]);
        using (var refused = await SignInAsync(factory, tenant, login))
        {
            Assert.Contains(DirectoryLogin.NoGroupMessage, refused.CompletePage);
            Assert.False(await SignedInAsync(refused.Mamori));
        }
        var account = await AccountAsync(factory, tenant, login);
        Assert.NotNull(account.SuspendedAt);
        Assert.Equal(DirectoryLogin.SuspendedReason, account.SuspensionReason);
        Assert.False(await SignedInAsync(signedIn.Mamori));

        // Listed again: the account is back in use.
        await DirectoryProvider.Instance.UserAsync(login, "異動 予定", $"{login}@city.example.lg.jp", [OfficeGroup]);
        using (var back = await SignInAsync(factory, tenant, login))
        {
            Assert.True(await SignedInAsync(back.Mamori));
        }
        Assert.Null((await AccountAsync(factory, tenant, login)).SuspendedAt);

        // A suspension 管理者 made is not the directory's to lift.
        await factory.AsSystemAsync(async (_, db) =>
        {
            var user = await db.Users.FirstAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.DirectorySubject == login);
            user.SuspendedAt = DateTime.UtcNow;
            user.SuspensionReason = "管理者が停止";
            return await db.SaveChangesAsync();
        });
        using var stopped = await SignInAsync(factory, tenant, login);
        Assert.Contains(DirectoryLogin.SuspendedMessage, stopped.CompletePage);
        Assert.False(await SignedInAsync(stopped.Mamori));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task WithPasswordsOff_StaffAreSentToTheDirectory_While管理者KeepTheirPassword(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ConnectAsync(factory, tenant, passwordsOff: true);

        using var staff = Browser.Anonymous(factory);
        var refused = await staff.PostFormAsync("/account/login", tenant.LoginFields(tenant.UserName(UserRole.Office)));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ディレクトリのアカウントでログインします", await refused.Content.ReadAsStringAsync());
        Assert.False(await SignedInAsync(staff));
        // A wrong password still gets the one message for every failure: nothing tells whether the name exists.
        var wrong = await staff.PostFormAsync("/account/login", tenant.LoginFields(tenant.UserName(UserRole.Office), "not-the-password-123"));
        Assert.Contains(Mamori.Features.Accounts.LoginModel.FailedMessage, await wrong.Content.ReadAsStringAsync());

        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        Assert.True(await SignedInAsync(admin));
        var page = await admin.GetPageAsync("/account/login");
        Assert.Contains("ディレクトリでログイン", await (await Browser.Anonymous(factory).Client.GetAsync("/account/login")).Content.ReadAsStringAsync() + page);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Logout_EndsTheMamoriSession_AndTheDirectorys(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ConnectAsync(factory, tenant);
        var login = await UserAsync("退庁 時刻", OfficeGroup);
        using var attempt = await SignInAsync(factory, tenant, login);
        Assert.True(await SignedInAsync(attempt.Mamori));
        Assert.True(await attempt.Directory.SignedInAtAsync(attempt.Authorize));

        var logout = await attempt.Mamori.PostFormAsync("/account/logout", []);
        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        var endSession = await NextAsync(logout);
        Assert.StartsWith($"{DirectoryProvider.Instance.Issuer}/session/end", endSession.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("id_token_hint=", endSession.Query, StringComparison.Ordinal);
        Assert.False(await SignedInAsync(attempt.Mamori));

        // The directory ends its session and sends the browser back to Mamori, which lands on the login page.
        var back = await attempt.Directory.SignOutAsync(endSession);
        Assert.StartsWith($"/signout-callback-oidc/{tenant.Code}", back.PathAndQuery, StringComparison.Ordinal);
        var landed = await attempt.Mamori.Client.GetAsync(back.PathAndQuery);
        Assert.Equal("/account/login", landed.Headers.Location?.OriginalString);
        Assert.False(await attempt.Directory.SignedInAtAsync(await StartAsync(attempt.Mamori, tenant.Code)));
    }

    private static Task<AppUser> AccountAsync(MamoriFactory factory, TestTenant tenant, string subject) =>
        factory.AsSystemAsync((_, db) => db.Users.AsNoTracking().FirstAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.DirectorySubject == subject));
}
