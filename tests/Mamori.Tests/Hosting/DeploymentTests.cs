using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Hosting;

/// <summary>The app as it is installed and reached through a proxy (ASVS 14.3, 14.4, 4.2.2, 13.1).</summary>
public sealed class DeploymentTests(AppFixture app)
{
    [Fact]
    public async Task Asvs14_3_APublishedApp_StartedFromAnotherFolder_ServesItsFiles_KeepsItsData_AndLogsNoSqlOrUrls()
    {
        await using var published = await PublishedApp.PublishAsync();
        await published.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = published.Address };

        var css = await client.GetAsync("/css/site.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(published.Folder, "wwwroot", "css", "site.css")), await css.Content.ReadAsByteArrayAsync());
        Assert.True((await client.GetByteArrayAsync("/js/site.js")).Length > 100);
        Assert.False(css.Headers.Contains("Server"), "Server ヘッダーを返しています");

        var setup = new HttpRequestMessage(HttpMethod.Get, "/");
        setup.Headers.Host = "evil.example";
        var redirect = await client.SendAsync(setup);
        Assert.DoesNotContain("evil.example", redirect.Headers.Location?.OriginalString ?? string.Empty, StringComparison.Ordinal);

        Assert.True(File.Exists(Path.Combine(published.Folder, "data", "mamori.db")), "データが公開フォルダーの data にありません");
        var output = published.Output;
        Assert.Contains($"Content root path: {published.Folder}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Executed DbCommand", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Request starting", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asvs14_4_AHostHeaderIsNotReflected_InTheLoginRedirect()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        await TestTenant.CreateAsync(factory);
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/register");
        request.Headers.Host = "evil.example";
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs4_2_2_ACookieApiWriteFromAnotherSite_IsRefused_AndJsonInShiftJis_Answers415(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);

        async Task<HttpResponseMessage> PostAsync(string name, Action<HttpRequestMessage> headers)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/organization/departments") { Content = JsonContent.Create(new { name }) };
            headers(request);
            return await admin.Client.SendAsync(request);
        }

        var foreign = await PostAsync("他サイトから作られた課", r => r.Headers.Add("Origin", "https://evil.example"));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync("他サイトから作られた課", r => r.Headers.Add("Sec-Fetch-Site", "cross-site"))).StatusCode);
        Assert.Contains("別のサイトからの変更", await foreign.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("同じサイトの課", r => r.Headers.Add("Origin", "http://localhost"))).StatusCode);
        var names = await factory.AsSystemAsync((_, db) => db.Departments.Where(d => d.MunicipalityId == tenant.MunicipalityId).Select(d => d.Name).ToListAsync());
        Assert.Contains("同じサイトの課", names);
        Assert.DoesNotContain("他サイトから作られた課", names);

        var sjis = new ByteArrayContent(Encoding.Latin1.GetBytes("{\"name\":\"x\"}"));
        sjis.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "shift_jis" };
        var unsupported = await admin.Client.PostAsync("/api/v1/organization/departments", sjis);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
        Assert.Contains("UTF-8", await unsupported.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Asvs14_4_ForwardedHeaders_AreIgnoredUnlessTheProxyIsConfigured()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var anonymous = Browser.Anonymous(factory);
        anonymous.Client.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        await anonymous.PostFormAsync("/account/login", tenant.LoginFields(tenant.UserName(UserRole.Office), "not-the-password"));
        var addresses = await factory.AsSystemAsync((_, db) => db.SecurityEvents.Where(e => e.MunicipalityId == tenant.MunicipalityId).Select(e => e.ClientAddress).ToListAsync());
        Assert.NotEmpty(addresses);
        Assert.DoesNotContain("203.0.113.9", addresses);
    }

    [Fact]
    public async Task Asvs14_4_BehindTheConfiguredProxy_ForwardedAddressAndHttps_AreBelieved_WithHstsAndSecureCookies()
    {
        await using var published = await PublishedApp.PublishAsync();
        await published.StartAsync("--Mamori:Proxy:KnownProxies=127.0.0.1");
        // Cookies are carried by hand: the client talks http to the app, and would not send back a Secure cookie.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = published.Address };
        var jar = new Dictionary<string, string>();
        void Keep(HttpResponseMessage response)
        {
            foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = cookie.Split(';')[0].Split('=', 2);
                jar[pair[0]] = pair[1];
            }
        }

        HttpRequestMessage ViaProxy(HttpMethod method, string url, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, url) { Content = content };
            if (jar.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
            }
            request.Headers.Host = "mamori.example";
            request.Headers.Add("X-Forwarded-For", "203.0.113.9");
            request.Headers.Add("X-Forwarded-Proto", "https");
            return request;
        }

        // The proxy ended TLS: the app sees https, so it sends HSTS and marks its cookies Secure, and does not redirect.
        var page = await client.SendAsync(ViaProxy(HttpMethod.Get, "/setup"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.Contains("Strict-Transport-Security"), "HSTS ヘッダーがありません");
        var setCookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(setCookies);
        Assert.All(setCookies, c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Keep(page);

        // The same request straight to the app (no proxy headers) is plain http: no HSTS.
        var direct = await client.GetAsync("/setup");
        Assert.False(direct.Headers.Contains("Strict-Transport-Security"), "http の直接の要求に HSTS を返しています");

        // The client address of a failed login is the one the proxy forwarded.
        var token = Browser.TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var setup = await client.SendAsync(ViaProxy(HttpMethod.Post, "/setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Code"] = "131041",
            ["Input.Name"] = "新宿区",
            ["Input.UserName"] = "kanri",
            ["Input.DisplayName"] = "管理者",
            ["Input.Password"] = "long-enough-password",
            ["Input.ConfirmPassword"] = "long-enough-password",
        })));
        Assert.Equal(HttpStatusCode.Redirect, setup.StatusCode);
        jar.Clear();
        var login = await client.SendAsync(ViaProxy(HttpMethod.Get, "/account/login"));
        Keep(login);
        var loginToken = Browser.TokenPattern().Match(await login.Content.ReadAsStringAsync()).Groups[1].Value;
        var failed = await client.SendAsync(ViaProxy(HttpMethod.Post, "/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(loginToken),
            ["Input.UserName"] = "kanri",
            ["Input.Password"] = "not-the-password",
        })));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(published.Folder, "data", "mamori.db")};Mode=ReadOnly");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ClientAddress FROM SecurityEvents";
        var addresses = new List<string?>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                addresses.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
            }
        }
        Assert.Equal(["203.0.113.9"], addresses);
    }
}
