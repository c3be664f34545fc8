using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Accounts;

/// <summary>
/// User names belong to a municipality (ASVS 2.2.1, 3.1): in a deployment shared by several municipalities, one does not
/// learn another's account names from an "already used" message, and a sign-in names its municipality by 団体コード.
/// </summary>
public sealed class UserNameTests(AppFixture app)
{
    private static async Task<string> CreateAsync(Browser admin, string name) =>
        WebUtility.HtmlDecode(await (await admin.PostFormAsync("/organization/accounts/edit", new()
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "田中 一郎",
            ["Input.Role"] = "Office",
            ["Input.Password"] = "walnut-harbor-lantern",
        })).Content.ReadAsStringAsync());

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs2_2_1_TheSameUserName_InTwoMunicipalities_IsTwoAccounts_AndASignInNamesItsMunicipality(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory, "甲市");
        var b = await TestTenant.CreateAsync(factory, "乙町");
        var name = "tanaka-" + Guid.NewGuid().ToString("N")[..6];
        using (var adminA = await Browser.SignInAsync(factory, a, UserRole.Admin))
        {
            Assert.DoesNotContain("既に使われています", await CreateAsync(adminA, name));
            // Within one municipality the name is taken, whatever its case.
            Assert.Contains("既に使われています", await CreateAsync(adminA, name.ToUpperInvariant()));
        }
        using (var adminB = await Browser.SignInAsync(factory, b, UserRole.Admin))
        {
            // Another municipality's account of that name is not revealed: the name is free here.
            Assert.DoesNotContain("既に使われています", await CreateAsync(adminB, name));
        }
        var accounts = await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.UserName == name).Select(u => u.MunicipalityId).ToListAsync());
        Assert.Equal(new[] { a.MunicipalityId, b.MunicipalityId }.Order(), accounts.Order());

        // Each code signs into its own municipality's account.
        foreach (var tenant in new[] { a, b })
        {
            using var session = await Browser.SignInAsync(factory, tenant, name, "walnut-harbor-lantern");
            // The password 管理者 issued is changed first: the page it leads to is in the municipality's frame.
            Assert.Contains(tenant.Name, await session.GetPageAsync("/account/password"));
            Assert.Equal(tenant.Code, System.Text.RegularExpressions.Regex.Match(await session.GetPageAsync("/account/login"),
                "name=\"Input.MunicipalityCode\"[^>]*value=\"([0-9]+)\"|value=\"([0-9]+)\"[^>]*name=\"Input.MunicipalityCode\"").Groups.Values.Skip(1).First(g => g.Success).Value);
        }
        var stamped = await factory.AsSystemAsync((_, db) => db.Users.Where(u => u.UserName == name && u.LastLoginAt != null).CountAsync());
        Assert.Equal(2, stamped);

        using var anonymous = Browser.Anonymous(factory);
        // A first visit starts in the code; once the browser knows the code, in the name.
        Assert.Matches("<input(?=[^>]*name=\"Input.MunicipalityCode\")[^>]*autofocus", await anonymous.GetPageAsync("/account/login"));
        using (var returning = await Browser.SignInAsync(factory, a, a.UserName(UserRole.Office)))
        {
            await returning.Client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = await returning.TokenAsync("/") }));
            Assert.Matches("<input(?=[^>]*name=\"Input.UserName\")[^>]*autofocus", await returning.GetPageAsync("/account/login"));
        }
        async Task<string> LoginAsync(Dictionary<string, string> fields) =>
            WebUtility.HtmlDecode(await (await anonymous.PostFormAsync("/account/login", fields)).Content.ReadAsStringAsync());
        // An account of one municipality does not open with another's code, and a code of no municipality gets the same answer.
        Assert.Contains(LoginModel.FailedMessage, await LoginAsync(b.LoginFields(a.UserName(UserRole.Admin))));
        Assert.Contains(LoginModel.FailedMessage, await LoginAsync(new(a.LoginFields(a.UserName(UserRole.Admin))) { ["Input.MunicipalityCode"] = "999990" }));
        // With several municipalities in the deployment, the code is asked for.
        var noCode = await LoginAsync(new(a.LoginFields(a.UserName(UserRole.Admin))) { ["Input.MunicipalityCode"] = "" });
        Assert.Contains("団体コードを入力してください", noCode);
        // Full-width digits are the same code.
        var wide = new string([.. a.Code.Select(c => (char)(c - '0' + '０'))]);
        Assert.DoesNotContain(LoginModel.FailedMessage, await LoginAsync(new(a.LoginFields(a.UserName(UserRole.Admin))) { ["Input.MunicipalityCode"] = wide }));
    }

    [Fact]
    public async Task WithOneMunicipality_TheLoginPage_DoesNotAskForTheCode()
    {
        await using var factory = new MamoriFactory(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var anonymous = Browser.Anonymous(factory);
        Assert.DoesNotContain("Input.MunicipalityCode", await anonymous.GetPageAsync("/account/login"));
        var login = await anonymous.PostFormAsync("/account/login", new() { ["Input.UserName"] = tenant.UserName(UserRole.Office), ["Input.Password"] = TestTenant.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheSameNameCreatedTenTimesAtOnce_IsOneAccount_AndNineMessages_NeverA500(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var name = "race-" + Guid.NewGuid().ToString("N")[..6];
        var token = await admin.TokenAsync("/organization/accounts/edit");
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => admin.Client.PostAsync("/organization/accounts/edit",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.UserName"] = name,
                ["Input.DisplayName"] = "同時 登録",
                ["Input.Role"] = "Office",
                ["Input.Password"] = "walnut-harbor-lantern",
            }))));
        Assert.All(responses, r => Assert.True((int)r.StatusCode < 500, $"{(int)r.StatusCode}"));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Redirect))
        {
            Assert.Contains("既に使われています", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        }
        Assert.Equal(1, await factory.AsSystemAsync((_, db) => db.Users.CountAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.UserName == name)));
    }
}
