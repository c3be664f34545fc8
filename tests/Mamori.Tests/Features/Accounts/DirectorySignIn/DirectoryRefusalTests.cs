using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Accounts.DirectorySignIn.DirectoryFlow;

namespace Mamori.Tests.Features.Accounts.DirectorySignIn;

/// <summary>
/// Every check of the directory sign-in fails closed: a changed state, nonce or PKCE challenge, an answer delivered to a
/// browser that did not start the sign-in, and an answer or code meant for another municipality's client. Each time the
/// browser is sent back to the login page with a message, nobody is signed in, no account is made, and the attempt is
/// in the security log.
/// </summary>
public sealed class DirectoryRefusalTests(AppFixture app)
{
    public static TheoryData<DatabaseProvider, string> Tampering()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in TestDatabases.Providers)
        {
            foreach (var how in new[] { "state", "nonce", "pkce", "other-browser" })
            {
                data.Add(provider, how);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task AChangedOrStolenAnswer_SignsNobodyIn(DatabaseProvider provider, string how)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ConnectAsync(factory, tenant);
        var login = await UserAsync("攻撃 対象", OfficeGroup);

        // The untouched flow signs in: what fails below fails because of the change alone.
        using (var honest = await SignInAsync(factory, tenant, login))
        {
            Assert.True(await SignedInAsync(honest.Mamori));
        }
        await factory.AsSystemAsync(async (_, db) =>
            await db.Users.Where(u => u.MunicipalityId == tenant.MunicipalityId && u.DirectorySubject == login).ExecuteDeleteAsync());

        using var victim = Browser.Anonymous(factory);
        using var attempt = how switch
        {
            "state" => await SignInAsync(factory, tenant, login, tamperAnswer: a => With(a, "state", "x" + Query(a, "state")[1..])),
            "nonce" => await WithoutNonceCookieAsync(factory, tenant, login, victim),
            "pkce" => await CodeInjectionAsync(factory, tenant, login, victim),
            // The answer is delivered to a browser that never started a sign-in (no correlation or nonce cookie).
            _ => await OtherBrowserAsync(factory, tenant, login, victim),
        };
        var refused = how is "state" ? attempt.Mamori : victim;
        Assert.True(attempt.Refused, $"{(int)attempt.Callback.StatusCode} {attempt.Callback.Headers.Location}");
        Assert.False(await SignedInAsync(refused));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Users.CountAsync(u => u.MunicipalityId == tenant.MunicipalityId && u.DirectorySubject == login)));
        Assert.True(await factory.AsSystemAsync((_, db) => db.SecurityEvents.AnyAsync(e => e.MunicipalityId == tenant.MunicipalityId
            && e.Kind == SecurityEventKind.LoginFailed && e.Detail!.Contains("ディレクトリ"))));
        var page = await refused.GetPageAsync("/account/login?directory=failed");
        Assert.Contains("ディレクトリでのログインを完了できませんでした", page);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AnAnswerForAnotherMunicipalitysClient_IsRefused(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory, "甲市");
        var b = await TestTenant.CreateAsync(factory, "乙市");
        await ConnectAsync(factory, a);
        await ConnectAsync(factory, b);
        var login = await UserAsync("両方 在籍", OfficeGroup);

        // B's answer (its code and state) taken to A's callback: A's scheme cannot read B's state.
        using (var atB = await SignInAsync(factory, b, login, tamperAnswer: answer => new Uri(answer.AbsoluteUri.Replace($"/signin-oidc/{b.Code}", $"/signin-oidc/{a.Code}", StringComparison.Ordinal))))
        {
            Assert.True(atB.Refused, $"{(int)atB.Callback.StatusCode} {atB.Callback.Headers.Location}");
            Assert.False(await SignedInAsync(atB.Mamori));
        }

        // A's sign-in carrying a code the directory issued to B's client: A redeems it with its own client and the
        // directory refuses, so the sign-in stops there.
        using var mamori = Browser.Anonymous(factory);
        using var directory = new DirectoryProvider.Session();
        var startedAtA = await StartAsync(mamori, a.Code);
        var answerForA = await directory.SignInAsync(startedAtA, login);
        using var other = Browser.Anonymous(factory);
        var answerForB = await directory.SignInAsync(await StartAsync(other, b.Code), login);
        var swapped = With(answerForA, "code", Query(answerForB, "code"));
        var callback = await mamori.Client.GetAsync(swapped.PathAndQuery);
        Assert.Equal("/account/login?directory=failed", callback.Headers.Location?.OriginalString);
        Assert.False(await SignedInAsync(mamori));
        foreach (var t in new[] { a, b })
        {
            Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Users.CountAsync(u => u.MunicipalityId == t.MunicipalityId && u.DirectorySubject == login)));
        }
    }

    private static async Task<Attempt> OtherBrowserAsync(MamoriFactory factory, TestTenant tenant, string login, Browser victim)
    {
        var attacker = Browser.Anonymous(factory);
        var directory = new DirectoryProvider.Session();
        var authorize = await StartAsync(attacker, tenant.Code);
        var answer = await directory.SignInAsync(authorize, login);
        var callback = await victim.Client.GetAsync(answer.PathAndQuery);
        Assert.Equal("/account/login?directory=failed", callback.Headers.Location?.OriginalString);
        return new Attempt(attacker, directory, callback, null, authorize);
    }

    /// <summary>
    /// Code injection: the victim's own sign-in (its state, its PKCE verifier) carrying a code the directory issued to the
    /// attacker's sign-in of the same client. Only PKCE tells them apart: the directory refuses the victim's verifier.
    /// </summary>
    private static async Task<Attempt> CodeInjectionAsync(MamoriFactory factory, TestTenant tenant, string login, Browser victim)
    {
        var directory = new DirectoryProvider.Session();
        var authorize = await StartAsync(victim, tenant.Code);
        var victimsAnswer = await directory.SignInAsync(authorize, login);
        var attacker = Browser.Anonymous(factory);
        using var attackersDirectory = new DirectoryProvider.Session();
        var attackersAnswer = await attackersDirectory.SignInAsync(await StartAsync(attacker, tenant.Code), login);
        var callback = await victim.Client.GetAsync(With(victimsAnswer, "code", Query(attackersAnswer, "code")).PathAndQuery);
        return new Attempt(attacker, directory, callback, null, authorize);
    }

    /// <summary>
    /// The attacker's answer delivered with the attacker's correlation cookie planted in the victim's browser, but not the
    /// nonce cookie: state and PKCE pass, and the nonce alone refuses.
    /// </summary>
    private static async Task<Attempt> WithoutNonceCookieAsync(MamoriFactory factory, TestTenant tenant, string login, Browser victim)
    {
        var attacker = Browser.Anonymous(factory);
        var directory = new DirectoryProvider.Session();
        var (authorize, cookies) = await StartWithCookiesAsync(attacker, tenant.Code);
        var correlation = Assert.Single(cookies, c => c.Key.StartsWith(".AspNetCore.Correlation.", StringComparison.Ordinal));
        Assert.Single(cookies, c => c.Key.StartsWith(".AspNetCore.OpenIdConnect.Nonce.", StringComparison.Ordinal));
        var answer = await directory.SignInAsync(authorize, login);
        var request = new HttpRequestMessage(HttpMethod.Get, answer.PathAndQuery);
        request.Headers.Add("Cookie", $"{correlation.Key}={correlation.Value}");
        using var raw = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var callback = await raw.SendAsync(request);
        return new Attempt(attacker, directory, callback, null, authorize);
    }

    private static string Query(Uri url, string name) => System.Web.HttpUtility.ParseQueryString(url.Query)[name]!;
}
