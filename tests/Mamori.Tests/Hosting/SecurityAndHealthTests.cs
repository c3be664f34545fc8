using System.Net;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Hosting;

public sealed partial class SecurityAndHealthTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Health_ChecksTheDatabase_WithoutLogin(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        using var client = factory.CreateClient();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_CarrySecurityHeaders_AndNoInlineScript()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        foreach (var url in new[] { "/", "/organization/staff", "/account/login", "/audit" })
        {
            var response = await admin.GetAsync(url);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("script-src 'self'", csp);
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("<html lang=\"ja\">", html);
            foreach (Match script in ScriptTag().Matches(html))
            {
                Assert.Contains("src=", script.Value);
            }
            Assert.DoesNotContain(" style=\"", html);
        }
    }

    [Fact]
    public async Task Forms_WithoutAntiforgeryToken_AreRejected()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var admin = await Browser.SignInAsync(factory, tenant, UserRole.Admin);
        var response = await admin.Client.PostAsync("/organization/departments/edit", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "偽装部" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AuthCookie_IsHttpOnlyAndStrict()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var browser = Browser.Anonymous(factory);
        var response = await browser.PostFormAsync("/account/login", tenant.LoginFields(tenant.UserName(UserRole.Office), TestTenant.Password));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("mamori.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
