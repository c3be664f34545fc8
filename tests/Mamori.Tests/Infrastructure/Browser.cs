using System.Net;
using System.Text.RegularExpressions;
using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mamori.Tests.Infrastructure;

/// <summary>An HTTP client that behaves like a browser session: cookies, antiforgery tokens, form posts.</summary>
public sealed partial class Browser : IDisposable
{
    private Browser(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static Browser Anonymous(MamoriFactory factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static Task<Browser> SignInAsync(MamoriFactory factory, TestTenant tenant, string userName, string password = TestTenant.Password) =>
        SignInAsync(factory, tenant.Code, userName, password);

    /// <summary>Signs in through the login page with a 団体コード, a user name and a password.</summary>
    public static async Task<Browser> SignInAsync(MamoriFactory factory, string code, string userName, string password)
    {
        var browser = Anonymous(factory);
        var response = await browser.PostFormAsync("/account/login",
            new() { ["Input.MunicipalityCode"] = code, ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"ログインに失敗しました: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return browser;
    }

    public static Task<Browser> SignInAsync(MamoriFactory factory, TestTenant tenant, UserRole role) =>
        SignInAsync(factory, tenant, tenant.UserName(role));

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {url} → {(int)response.StatusCode}");
        return html;
    }

    /// <summary>GETs the form page (for its antiforgery token) and posts the fields to <paramref name="action"/>.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string pageUrl, Dictionary<string, string> fields, string? action = null) =>
        PostFormAsync(pageUrl, (IEnumerable<KeyValuePair<string, string>>)fields, action);

    /// <summary>Posts a form whose fields may repeat (checkboxes of one name), with the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IEnumerable<KeyValuePair<string, string>> fields, string? action = null)
    {
        var page = await Client.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{pageUrl} にフォームの antiforgery トークンがありません（{(int)page.StatusCode}）");
        var body = fields.Append(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Client.PostAsync(action ?? pageUrl, new FormUrlEncodedContent(body));
    }

    /// <summary>Uploads a file through a form page, with that page's antiforgery token.</summary>
    public Task<HttpResponseMessage> PostFileAsync(string pageUrl, string field, string fileName, byte[] content, string? action = null,
        IReadOnlyDictionary<string, string>? fields = null) => PostFilesAsync(pageUrl, [(field, fileName, content)], action, fields);

    /// <summary>Posts a multipart form with several files (the same field may repeat) and the page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFilesAsync(string pageUrl, IEnumerable<(string Field, string FileName, byte[] Content)> files, string? action = null,
        IReadOnlyDictionary<string, string>? fields = null)
    {
        var html = await (await Client.GetAsync(pageUrl)).Content.ReadAsStringAsync();
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{pageUrl} にフォームの antiforgery トークンがありません");
        using var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (field, fileName, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, fileName);
        }
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }
        return await Client.PostAsync(action ?? pageUrl, form);
    }

    /// <summary>The antiforgery token of this session, read from a page's form.</summary>
    public async Task<string> TokenAsync(string pageUrl)
    {
        var html = await GetPageAsync(pageUrl);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"{pageUrl} に antiforgery トークンがありません");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    internal static partial Regex TokenPattern();

    public void Dispose() => Client.Dispose();
}
