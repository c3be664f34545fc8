using System.Net;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Features.Accounts.DirectorySignIn;

/// <summary>
/// A municipality connected to the real OpenID provider, and a browser walking the sign-in: Mamori's login page, the
/// directory's login form, the callback, the completion page. Tampering hooks change the request to the directory or
/// the answer that comes back, as an attacker in the middle would.
/// </summary>
internal static class DirectoryFlow
{
    public const string OfficeGroup = "cn=mamori-office,ou=groups";
    public const string RegistryGroup = "cn=koseki,ou=groups";

    /// <summary>Connects the tenant to the provider with two group rows (事務局, and 所管課 of 戸籍住民課); returns the client id.</summary>
    public static async Task<string> ConnectAsync(MamoriFactory factory, TestTenant tenant, bool passwordsOff = false)
    {
        var (clientId, secret) = await DirectoryProvider.Instance.ClientAsync(tenant.Code);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var saved = await admin.PostFormAsync("/organization/sign-in", Settings(clientId, secret, passwordsOff, tenant));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        return clientId;
    }

    public static Dictionary<string, string> Settings(string clientId, string secret, bool passwordsOff, TestTenant tenant) => new()
    {
        ["Input.Enabled"] = "true",
        ["Input.Issuer"] = DirectoryProvider.Instance.Issuer,
        ["Input.ClientId"] = clientId,
        ["Input.ClientSecret"] = secret,
        ["Input.Scopes"] = "openid profile email groups",
        ["Input.PasswordsOff"] = passwordsOff ? "true" : "false",
        ["Input.SignOutAtDirectory"] = "true",
        ["Input.Rules[0].GroupName"] = OfficeGroup,
        ["Input.Rules[0].Role"] = nameof(UserRole.Office),
        ["Input.Rules[1].GroupName"] = RegistryGroup,
        ["Input.Rules[1].Role"] = nameof(UserRole.Department),
        ["Input.Rules[1].DepartmentId"] = tenant.OwnDepartmentId.ToString(),
    };

    /// <summary>A directory user of one test.</summary>
    public static async Task<string> UserAsync(string name, params string[] groups)
    {
        var id = $"u{Guid.NewGuid():N}"[..16];
        await DirectoryProvider.Instance.UserAsync(id, name, $"{id}@city.example.lg.jp", groups);
        return id;
    }

    /// <summary>The result of one sign-in attempt.</summary>
    public sealed record Attempt(Browser Mamori, DirectoryProvider.Session Directory, HttpResponseMessage Callback, string? CompletePage, Uri Authorize) : IDisposable
    {
        public bool Refused => Callback.Headers.Location?.OriginalString == "/account/login?directory=failed";

        public void Dispose()
        {
            Mamori.Dispose();
            Directory.Dispose();
        }
    }

    /// <summary>Mamori's redirect to the directory for the tenant (from the login page's button).</summary>
    public static async Task<Uri> StartAsync(Browser mamori, string code) => (await StartWithCookiesAsync(mamori, code)).Authorize;

    /// <summary>The redirect to the directory with the cookies Mamori set for the sign-in (correlation and nonce), by name.</summary>
    public static async Task<(Uri Authorize, Dictionary<string, string> Cookies)> StartWithCookiesAsync(Browser mamori, string code)
    {
        var start = await mamori.PostFormAsync("/account/login", new() { ["MunicipalityCode"] = code }, "/account/directory");
        // A page that moves on by itself (a form's redirect to another site would be stopped by form-action 'self').
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var authorize = await NextAsync(start);
        Assert.StartsWith(DirectoryProvider.Instance.Issuer, authorize.AbsoluteUri, StringComparison.Ordinal);
        var cookies = start.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';')[0].Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal)
            : [];
        return (authorize, cookies);
    }

    public static async Task<Attempt> SignInAsync(MamoriFactory factory, TestTenant tenant, string login,
        Func<Uri, Uri>? tamperAuthorize = null, Func<Uri, Uri>? tamperAnswer = null, Browser? mamori = null)
    {
        mamori ??= Browser.Anonymous(factory);
        var authorize = await StartAsync(mamori, tenant.Code);
        var directory = new DirectoryProvider.Session();
        var answer = await directory.SignInAsync(tamperAuthorize?.Invoke(authorize) ?? authorize, login);
        answer = tamperAnswer?.Invoke(answer) ?? answer;
        var callback = await mamori.Client.GetAsync(answer.PathAndQuery);
        string? complete = null;
        if (callback.Headers.Location is { } next && next.OriginalString.StartsWith("/account/directory/complete", StringComparison.Ordinal))
        {
            var page = await mamori.Client.GetAsync(next);
            complete = await page.Content.ReadAsStringAsync();
        }
        return new Attempt(mamori, directory, callback, complete, authorize);
    }

    /// <summary>Where a hand-off page sends the browser (its link, the same address as its refresh).</summary>
    public static async Task<Uri> NextAsync(HttpResponseMessage page)
    {
        var html = await page.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(html, "id=\"directory-next\" href=\"([^\"]+)\"");
        Assert.True(link.Success, $"次に進むリンクがありません: {(int)page.StatusCode} {html}");
        var next = WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.Contains($"content=\"0;url={link.Groups[1].Value}\"", html, StringComparison.Ordinal);
        return new Uri(next);
    }

    /// <summary>Replaces one query parameter of a URL.</summary>
    public static Uri With(Uri url, string name, string value)
    {
        var query = System.Web.HttpUtility.ParseQueryString(url.Query);
        query[name] = value;
        return new UriBuilder(url) { Query = query.ToString() }.Uri;
    }

    /// <summary>Whether the browser is signed in to Mamori (the home page answers instead of sending it to the login).</summary>
    public static async Task<bool> SignedInAsync(Browser mamori) => (await mamori.Client.GetAsync("/")).StatusCode == HttpStatusCode.OK;
}
