using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// A browser session whose cookies the test holds itself, so that they can be copied to another client, as an
/// attacker who stole the cookie would.
/// </summary>
public sealed partial class CookieJar : IDisposable
{
    private readonly MamoriFactory _factory;
    private readonly HttpClient _client;
    private readonly Dictionary<string, string> _cookies;

    private CookieJar(MamoriFactory factory, Dictionary<string, string> cookies)
    {
        _factory = factory;
        _cookies = cookies;
        _client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
    }

    public static async Task<CookieJar> SignInAsync(MamoriFactory factory, TestTenant tenant, string userName, string password = TestTenant.Password)
    {
        var jar = new CookieJar(factory, new Dictionary<string, string>(StringComparer.Ordinal));
        var response = await jar.PostFormAsync("/account/login", tenant.LoginFields(userName, password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"ログインに失敗しました: {(int)response.StatusCode}");
        return jar;
    }

    /// <summary>Another client with the same cookies.</summary>
    public CookieJar Copy() => new(_factory, new Dictionary<string, string>(_cookies, StringComparer.Ordinal));

    public async Task<HttpResponseMessage> GetAsync(string url) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>GETs the page for its antiforgery token and posts the fields to it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var html = await (await GetAsync(url)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{url} にフォームの antiforgery トークンがありません");
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(body) });
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }
        var response = await _client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var cookie in set)
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                if (pair[1].Length == 0 || cookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    _cookies.Remove(pair[0]);
                }
                else
                {
                    _cookies[pair[0]] = pair[1];
                }
            }
        }
        return response;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _client.Dispose();
}
