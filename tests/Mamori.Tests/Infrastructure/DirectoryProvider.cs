using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The real OpenID provider the directory tests sign in at (tools/oidc-idp: the certified oidc-provider package in a Node
/// process). scripts/test.sh starts it and names it in MAMORI_TEST_OIDC; run outside the script, the tests start one of
/// their own. Tests register their own clients and users under random names, so they never see each other's.
/// </summary>
public sealed partial class DirectoryProvider
{
    private static readonly Lazy<DirectoryProvider> Shared = new(Start);

    public static DirectoryProvider Instance => Shared.Value;

    public required string Issuer { get; init; }

    private static readonly HttpClient Admin = new() { Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>Registers a client whose redirect URIs are the municipality's callbacks on <paramref name="site"/>.</summary>
    public async Task<(string ClientId, string Secret)> ClientAsync(string code, string site = "http://localhost")
    {
        var id = $"mamori-{code}-{Guid.NewGuid():N}"[..40];
        var secret = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");
        var response = await Admin.PutAsJsonAsync($"{Issuer}/_test/clients/{id}", new
        {
            secret,
            redirectUris = new[] { $"{site}/signin-oidc/{code}" },
            postLogoutRedirectUris = new[] { $"{site}/signout-callback-oidc/{code}" },
        });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        return (id, secret);
    }

    /// <summary>Adds or replaces a directory user (a later call with other groups is the directory changing them).</summary>
    public async Task UserAsync(string id, string name, string email, IEnumerable<string> groups, string password = "directory-pass", bool disabled = false)
    {
        var response = await Admin.PutAsJsonAsync($"{Issuer}/_test/users/{id}", new { password, name, email, groups = groups.ToArray(), disabled });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>A browser's session at the directory (its own cookies), for signing in there.</summary>
    public sealed class Session : IDisposable
    {
        private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            Timeout = TimeSpan.FromSeconds(120),
        };

        /// <summary>
        /// Follows Mamori's redirect to the directory, signs in there with <paramref name="login"/>, and returns the URL the
        /// directory sends the browser back to (Mamori's callback with the code and state).
        /// </summary>
        public async Task<Uri> SignInAsync(Uri authorize, string login, string password = "directory-pass")
        {
            var url = authorize;
            for (var hop = 0; hop < 12; hop++)
            {
                var response = await _client.GetAsync(url);
                if (response.Headers.Location is { } location)
                {
                    var next = new Uri(url, location);
                    if (next.Authority != authorize.Authority)
                    {
                        return next;
                    }
                    url = next;
                    continue;
                }
                var html = await response.Content.ReadAsStringAsync();
                var form = FormAction().Match(html);
                Assert.True(form.Success, $"ディレクトリの画面にログインフォームがありません: {(int)response.StatusCode} {html}");
                var posted = await _client.PostAsync(new Uri(url, form.Groups[1].Value),
                    new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = login, ["password"] = password }));
                Assert.True(posted.Headers.Location is not null,
                    $"ディレクトリでのログインが通りません: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
                url = new Uri(url, posted.Headers.Location!);
                if (url.Authority != authorize.Authority)
                {
                    return url;
                }
            }
            throw new InvalidOperationException("ディレクトリのリダイレクトが終わりません。");
        }

        /// <summary>Follows a redirect to the directory's end-session endpoint until it sends the browser back.</summary>
        public async Task<Uri> SignOutAsync(Uri endSession)
        {
            var response = await _client.GetAsync(endSession);
            var html = await response.Content.ReadAsStringAsync();
            var form = LogoutForm().Match(html);
            Assert.True(form.Success, $"ディレクトリのログアウト画面が想定と違います: {(int)response.StatusCode} {html}");
            var xsrf = Xsrf().Match(html);
            var posted = await _client.PostAsync(new Uri(endSession, WebUtility.HtmlDecode(form.Groups[1].Value)), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["xsrf"] = WebUtility.HtmlDecode(xsrf.Groups[1].Value),
                ["logout"] = "yes",
            }));
            Assert.True(posted.Headers.Location is not null, $"ディレクトリのログアウトが戻りません: {(int)posted.StatusCode} {await posted.Content.ReadAsStringAsync()}");
            return new Uri(endSession, posted.Headers.Location!);
        }

        /// <summary>Whether the directory still knows this browser (a new authorization would skip its login form).</summary>
        public async Task<bool> SignedInAtAsync(Uri authorize)
        {
            var response = await _client.GetAsync(authorize);
            var next = response.Headers.Location is { } l ? new Uri(authorize, l) : null;
            if (next is null || next.Authority != authorize.Authority)
            {
                return next is not null;
            }
            var page = await _client.GetAsync(next);
            var html = await page.Content.ReadAsStringAsync();
            return !FormAction().IsMatch(html);
        }

        public void Dispose() => _client.Dispose();
    }

    [GeneratedRegex("<form method=\"post\" action=\"(/interaction/[^\"]+/login)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<form[^>]*id=\"op.logoutForm\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"op.logoutForm\"")]
    private static partial Regex LogoutForm();

    [GeneratedRegex("name=\"xsrf\" value=\"([^\"]+)\"")]
    private static partial Regex Xsrf();

    private static DirectoryProvider Start()
    {
        if (Environment.GetEnvironmentVariable("MAMORI_TEST_OIDC") is { Length: > 0 } issuer)
        {
            return new DirectoryProvider { Issuer = issuer.TrimEnd('/') };
        }
        Assert.True(Environment.GetEnvironmentVariable("MAMORI_REQUIRE_OIDC") != "1", "MAMORI_REQUIRE_OIDC=1 ですが MAMORI_TEST_OIDC が設定されていません。scripts/test.sh から実行してください。");
        var port = NodeTool.Start("oidc-idp", "server.mjs", "oidc-provider");
        return new DirectoryProvider { Issuer = $"http://127.0.0.1:{port}" };
    }
}
