using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Mamori.Tests.Features.Api;

/// <summary>A program's view of the API: a token issued on the tokens page (with its scope and modules), and a client that sends it.</summary>
internal static partial class ApiClients
{
    /// <summary>Issues a token as the account of <paramref name="role"/> through the page, as its owner would.</summary>
    public static async Task<string> TokenAsync(MamoriFactory factory, TestTenant tenant, UserRole role, string scope = "Write", string name = "夜間連携",
        params string[] modules)
    {
        using var owner = await Browser.SignInAsync(factory, tenant, role);
        var fields = new List<KeyValuePair<string, string>> { new("Name", name), new("Days", "30"), new("Scope", scope) };
        fields.AddRange(modules.Select(m => new KeyValuePair<string, string>("Modules", m)));
        var response = await owner.PostFormAsync("/account/tokens", fields, "/account/tokens?handler=Issue");
        var html = await response.Content.ReadAsStringAsync();
        var token = NewToken().Match(html);
        Assert.True(token.Success, $"トークンが発行されません: {(int)response.StatusCode} {html}");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static HttpClient Client(MamoriFactory factory, string token)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>The answer's JSON, after checking its status (the body is in the message when it is another).</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        return System.Text.Json.JsonSerializer.Deserialize<T>(text, Json)!;
    }

    public static Task<System.Text.Json.JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        ReadAsync<System.Text.Json.JsonElement>(response, expected);

    public static Guid Id(System.Text.Json.JsonElement e) => e.GetProperty("id").GetGuid();

    public static Guid Version(System.Text.Json.JsonElement e) => e.GetProperty("version").GetGuid();

    [GeneratedRegex("id=\"new-token\">([^<]+)<")]
    private static partial Regex NewToken();
}
