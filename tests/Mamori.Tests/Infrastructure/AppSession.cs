using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Mamori.Tests.Infrastructure;

/// <summary>A browser-like session on the published app: cookies, and the session's antiforgery token read once.</summary>
public sealed class AppSession
{
    public const string Password = "fault-test-password";
    private readonly HttpClient _client;
    private readonly CookieContainer _cookies = new();
    private string _token = string.Empty;

    /// <summary>The session's client: its cookies sign it in.</summary>
    public HttpClient Client => _client;

    /// <summary>The session's cookies as a Cookie header (for a load generator that signs in as this session).</summary>
    public string CookieHeader => _cookies.GetCookieHeader(_client.BaseAddress!);

    private AppSession(Uri address) =>
        _client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = _cookies })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(5),
        };

    public static async Task<AppSession> SetUpAsync(Uri address)
    {
        var session = new AppSession(address);
        await session.ReadTokenAsync("/setup");
        var setup = await session.PostFormAsync("/setup", new()
        {
            ["Input.Code"] = "131041",
            ["Input.Name"] = "みはらし市",
            ["Input.UserName"] = "kanri",
            ["Input.DisplayName"] = "管理者",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        await session.ReadTokenAsync("/");
        // The department the register rows name.
        var parent = await (await session._client.PostAsJsonAsync("/api/v1/organization/departments", new { name = "区民部", sortOrder = 1 }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var child = await session._client.PostAsJsonAsync("/api/v1/organization/departments",
            new { name = "戸籍住民課", parentId = parent.GetProperty("id").GetGuid(), sortOrder = 1 });
        Assert.Equal(HttpStatusCode.Created, child.StatusCode);
        return session;
    }

    public static Task<AppSession> SignInAsync(Uri address) =>
        SignInAsync(address, new() { ["Input.UserName"] = "kanri", ["Input.Password"] = Password });

    /// <summary>Signs in with the login form's fields (団体コード, user name, password).</summary>
    public static async Task<AppSession> SignInAsync(Uri address, Dictionary<string, string> loginFields)
    {
        var session = new AppSession(address);
        await session.ReadTokenAsync("/account/login");
        var login = await session.PostFormAsync("/account/login", loginFields);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        await session.ReadTokenAsync("/");
        return session;
    }

    private async Task ReadTokenAsync(string page)
    {
        var token = Browser.TokenPattern().Match(await _client.GetStringAsync(page));
        Assert.True(token.Success, $"{page} にフォームの antiforgery トークンがありません");
        _token = WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public Task<HttpResponseMessage> PostFormAsync(string action, Dictionary<string, string> fields) =>
        _client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = _token }));

    public Task<HttpResponseMessage> PostFileAsync(string action, string field, string fileName, byte[] content) =>
        PostFilesAsync(action, (field, fileName, content));

    public async Task<HttpResponseMessage> PostFilesAsync(string action, params (string Field, string FileName, byte[] Content)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(_token), "__RequestVerificationToken" } };
        foreach (var (field, fileName, content) in files)
        {
            form.Add(new ByteArrayContent(content), field, fileName);
        }
        return await _client.PostAsync(action, form);
    }

    public async Task<int> SearchTotalAsync(string q)
    {
        var json = await _client.GetFromJsonAsync<JsonElement>($"/api/v1/minutes/search?take=1&q={Uri.EscapeDataString(q)}");
        return json.GetProperty("total").GetInt32();
    }
}
