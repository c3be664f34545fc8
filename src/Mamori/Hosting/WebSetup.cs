using System.Text.Encodings.Web;
using System.Text.Unicode;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.WebEncoders;

namespace Mamori.Hosting;

/// <summary>The web host's services and middleware, in the order they must run.</summary>
public static class WebSetup
{
    /// <summary>Upper limit of a request body (uploads included).</summary>
    public const long MaxRequestBytes = 20 * 1024 * 1024;

    /// <summary>The cookie that carries a flash message across a redirect.</summary>
    public const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    public static WebApplicationBuilder AddMamoriWeb(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMamoriData(builder.Configuration);
        services.AddHostedService<DatabaseMigrator>();
        services.AddSingleton<Core.Features.Minutes.MinutesIndexReconciler>();
        services.AddHostedService(sp => sp.GetRequiredService<Core.Features.Minutes.MinutesIndexReconciler>());
        services.AddHostedService<Core.Features.Audit.AuditAnchorWriter>();
        services.AddSingleton<Core.Features.AccessMonitoring.AccessLogFolders>();
        services.AddSingleton<Core.Features.AccessMonitoring.AccessJobChannel>();
        services.AddHostedService<Core.Features.AccessMonitoring.AccessJobWorker>();
        services.AddSingleton<Core.Features.Notices.NoticeSender>();
        services.AddSingleton<Core.Features.Notices.NoticeScheduler>();
        services.AddSingleton<Core.Features.Accounts.PasswordResets>();
        services.AddHostedService(sp => sp.GetRequiredService<Core.Features.Notices.NoticeScheduler>());
        services.AddSingleton<SetupState>();
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<SecurityEvents>();

        services.AddMamoriIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<MamoriClaimsPrincipalFactory>();
        // Every request compares the sign-in with the account (ServerSessions.ValidateAsync, one query with the
        // session); when they differ, the security stamp is checked at once: suspension, role changes and "sign out
        // everywhere" take effect at the next request. The refreshed sign-in keeps the server-side session it belongs to.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            o.OnRefreshingPrincipal = ctx =>
            {
                if (ctx.CurrentPrincipal?.FindFirst(ServerSessions.Claim) is { } sid && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(ServerSessions.Claim, sid.Value));
                }
                if (ctx.CurrentPrincipal?.FindFirst(DirectorySchemes.Claim) is { } directory && ctx.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity renewed)
                {
                    renewed.AddClaim(new System.Security.Claims.Claim(DirectorySchemes.Claim, directory.Value));
                }
                return Task.CompletedTask;
            };
        });
        var sessions = ServerSessions.From(builder.Configuration);
        services.AddSingleton(sessions);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Mamori";
                o.DefaultChallengeScheme = "Mamori";
            })
            // A token signs in to the API only; on a page the header is ignored and the cookie decides.
            .AddPolicyScheme("Mamori", "Cookie or token", o => o.ForwardDefaultSelector = ctx =>
                TokenAuthenticationHandler.Applies(ctx.Request) ? TokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "mamori.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            // The server ends a sign-in (logout, idle, absolute lifetime); the cookie never outlives the absolute lifetime.
            o.ExpireTimeSpan = sessions.Absolute;
            o.SlidingExpiration = false;
            o.Events.OnSigningIn = ServerSessions.StartAsync;
            o.Events.OnValidatePrincipal = ServerSessions.ValidateAsync;
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        services.ConfigureExternalCookie(o =>
        {
            // The directory's answer arrives as a navigation from its site: Lax, so the cookie travels with it.
            o.Cookie.Name = "mamori.ext";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.AddDirectorySignIn();
        services.AddAuthorization(Policies.Configure);

        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o => JapaneseBindingMessages.Apply(o.ModelBindingMessageProvider));
        // Japanese text is written as text, not as &#x...; entities (the default allows only Basic Latin).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "mamori.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure over https, also when a proxy ended TLS (ASVS 3.4.1); the framework's default here is never.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = TempDataCookie;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Mamori API";
            doc.Info.Description = "個人情報保護事務の管理システム Mamori の API。Cookie（ログイン中のブラウザ）または個人用アクセストークン（Authorization: Bearer mmr_…）で認証します。";
            return Task.CompletedTask;
        }));
        services.AddMamoriHealth();
        services.AddOutputCache(o => o.AddPolicy(Features.Register.Public.PublishedPageCache.Policy,
            b => b.AddPolicy<Features.Register.Public.PublishedPageCache>()));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = MaxRequestBytes;
            o.AddServerHeader = false;
        });
        // Behind a TLS proxy: X-Forwarded-For/-Proto are believed only from the proxies named in Mamori:Proxy:KnownProxies
        // (comma-separated addresses); without any, the headers are ignored. Allowed host names: AllowedHosts.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in (builder.Configuration["Mamori:Proxy:KnownProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    public static WebApplication UseMamoriWeb(this WebApplication app)
    {
        // With no proxy named, the middleware would believe every sender: it runs only when proxies are configured.
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeaders>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => ProblemExceptionHandler.Describe(ex).Status,
            // The middleware would log the whole exception, whose message may quote personal data (a DuckDB error
            // quotes the log line, a framework error the value): ProblemExceptionHandler logs the type and path only.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseWhen(IsApi, api => api.UseStatusCodePages(ProblemExceptionHandler.WriteStatusProblemAsync));
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/error/{0}"));
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseRouting();
        app.UseMiddleware<ApiRequestGuard>();
        app.UseMiddleware<DirectoryCallbacks>();
        app.UseAuthentication();
        app.UseMiddleware<DeniedRequestRecorder>();
        app.UseMiddleware<TokenScopeMiddleware>();
        app.UseMiddleware<TenantMiddleware>();
        app.UseMiddleware<SetupGate>();
        app.UseMiddleware<PasswordChangeGate>();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authentication: a signed-in request is neither cached nor answered from the cache.
        app.UseOutputCache();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // Relative: the login page is on this site whatever Host header the request carried.
        ctx.Response.Redirect(Uri.TryCreate(ctx.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : ctx.RedirectUri);
        return status == StatusCodes.Status403Forbidden
            ? ctx.HttpContext.RequestServices.GetRequiredService<SecurityEvents>().DeniedAsync(ctx.HttpContext)
            : Task.CompletedTask;
    }
}
