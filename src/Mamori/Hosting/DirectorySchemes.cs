using System.Collections.Concurrent;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts.DirectorySignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Mamori.Hosting;

/// <summary>
/// One OpenID Connect scheme per municipality with a directory connection, named <c>directory-{団体コード}</c> and added
/// when first needed. The options are built from the stored connection and rebuilt when its version changes, so a saved
/// setting takes effect at the next sign-in on every instance. Callbacks are per municipality
/// (<c>/signin-oidc/{code}</c>), so a response meant for one municipality's client never reaches another's.
/// </summary>
public sealed class DirectorySchemes(IAuthenticationSchemeProvider schemes, IOptionsMonitorCache<OpenIdConnectOptions> cache, IDataProtectionProvider protection)
{
    public const string Prefix = "directory-";
    public const string CallbackPrefix = "/signin-oidc/";
    public const string SignedOutPrefix = "/signout-callback-oidc/";

    /// <summary>The claim that marks a sign-in made through the directory, with the 団体コード.</summary>
    public const string Claim = "mamori:directory";

    /// <summary>The purpose the client secret is protected under.</summary>
    public const string SecretPurpose = "Mamori.Directory.ClientSecret";

    private readonly ConcurrentDictionary<string, Snapshot> _known = new(StringComparer.Ordinal);

    /// <summary>A municipality's connection as its scheme uses it.</summary>
    public sealed record Snapshot(string Code, Guid MunicipalityId, DirectoryConnection Connection, string? Secret)
    {
        public string Scheme => SchemeFor(Code);
    }

    public static string SchemeFor(string code) => Prefix + code;

    public IDataProtector Protector => protection.CreateProtector(SecretPurpose);

    /// <summary>The connection of the municipality with this code, its scheme registered and current; null when it has none in use.</summary>
    public async Task<Snapshot?> EnsureAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var row = await (from m in db.Municipalities.IgnoreQueryFilters()
                         where m.Code == code
                         join c in db.DirectoryConnections.IgnoreQueryFilters() on m.Id equals c.MunicipalityId
                         select new { m.Id, m.Code, Connection = c }).AsNoTracking().FirstOrDefaultAsync(ct);
        var name = SchemeFor(code);
        if (row is null || !row.Connection.Enabled || string.IsNullOrEmpty(row.Connection.Issuer))
        {
            if (_known.TryRemove(name, out _))
            {
                cache.TryRemove(name);
                schemes.RemoveScheme(name);
            }
            return null;
        }
        if (!_known.TryGetValue(name, out var known) || known.Connection.Version != row.Connection.Version)
        {
            var secret = row.Connection.ClientSecret is { Length: > 0 } s ? Protector.Unprotect(s) : null;
            _known[name] = known = new Snapshot(row.Code, row.Id, row.Connection, secret);
            cache.TryRemove(name);
        }
        if (await schemes.GetSchemeAsync(name) is null)
        {
            schemes.TryAddScheme(new AuthenticationScheme(name, "ディレクトリ", typeof(OpenIdConnectHandler)));
        }
        return known;
    }

    /// <summary>The connection a scheme was built from, when it is one of these.</summary>
    public Snapshot? Find(string scheme) => _known.TryGetValue(scheme, out var s) ? s : null;

    /// <summary>The 団体コード a callback path names, for <c>/signin-oidc/{code}</c> and <c>/signout-callback-oidc/{code}</c>.</summary>
    public static string? CodeOf(PathString path)
    {
        foreach (var prefix in new[] { CallbackPrefix, SignedOutPrefix })
        {
            if (path.StartsWithSegments(prefix.TrimEnd('/'), out var rest) && rest.Value?.Trim('/') is { Length: > 0 } code && !code.Contains('/'))
            {
                return code;
            }
        }
        return null;
    }
}

/// <summary>Registers the scheme of the municipality a directory callback names before authentication looks for it.</summary>
public sealed class DirectoryCallbacks(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, DirectorySchemes directory, AppDbContext db)
    {
        if (DirectorySchemes.CodeOf(context.Request.Path) is { } code)
        {
            await directory.EnsureAsync(db, code, context.RequestAborted);
        }
        await next(context);
    }
}

/// <summary>The OpenID Connect options of a municipality's scheme, from its stored connection.</summary>
public sealed class DirectoryOptions(DirectorySchemes directory) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(OpenIdConnectOptions options) { }

    public void Configure(string? name, OpenIdConnectOptions o)
    {
        if (name is null || directory.Find(name) is not { } snapshot)
        {
            return;
        }
        var c = snapshot.Connection;
        o.Authority = c.Issuer;
        o.ClientId = c.ClientId;
        o.ClientSecret = snapshot.Secret;
        o.ResponseType = OpenIdConnectResponseType.Code;
        // A query answer is a top-level navigation, which carries the Lax correlation and nonce cookies; a form post from the directory's site would not.
        o.ResponseMode = OpenIdConnectResponseMode.Query;
        o.UsePkce = true;
        o.Scope.Clear();
        foreach (var scope in c.ScopeList())
        {
            o.Scope.Add(scope);
        }
        o.CallbackPath = DirectorySchemes.CallbackPrefix + snapshot.Code;
        o.SignedOutCallbackPath = DirectorySchemes.SignedOutPrefix + snapshot.Code;
        o.SignedOutRedirectUri = "/account/login";
        o.SignInScheme = IdentityConstants.ExternalScheme;
        o.SignOutScheme = IdentityConstants.ApplicationScheme;
        o.SaveTokens = true;
        o.GetClaimsFromUserInfoEndpoint = true;
        o.MapInboundClaims = false;
        o.DisableTelemetry = true;
        o.RequireHttpsMetadata = !(Uri.TryCreate(c.Issuer, UriKind.Absolute, out var issuer) && issuer.IsLoopback);
        o.TokenValidationParameters.NameClaimType = c.NameClaim;
        o.ClaimActions.Clear();
        o.ClaimActions.MapUniqueJsonKey(c.UserIdClaim, c.UserIdClaim);
        o.ClaimActions.MapUniqueJsonKey(c.NameClaim, c.NameClaim);
        o.ClaimActions.MapUniqueJsonKey(c.MailClaim, c.MailClaim);
        o.ClaimActions.MapJsonKey(c.GroupsClaim, c.GroupsClaim);
        foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
        {
            cookie.SameSite = SameSiteMode.Lax;
            cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        }
        o.Events.OnRemoteFailure = ctx =>
        {
            ctx.HandleResponse();
            ctx.Response.Redirect("/account/login?directory=failed");
            return ctx.HttpContext.RequestServices.GetRequiredService<SecurityEvents>()
                .DirectoryFailedAsync(ctx.HttpContext, snapshot.MunicipalityId, null, "ディレクトリからの応答を確かめられなかった");
        };
        o.Events.OnRedirectToIdentityProviderForSignOut = ctx =>
        {
            // A directory without an end-session endpoint: Mamori's own logout is all there is.
            if (string.IsNullOrEmpty(ctx.ProtocolMessage.IssuerAddress))
            {
                ctx.HandleResponse();
                ctx.Response.Redirect("/account/login");
                return Task.CompletedTask;
            }
            if (ctx.Properties.Items.TryGetValue(LogoutHint, out var hint) && !string.IsNullOrEmpty(hint))
            {
                ctx.ProtocolMessage.IdTokenHint = hint;
                ctx.Properties.Items.Remove(LogoutHint);
            }
            return Task.CompletedTask;
        };
    }

    /// <summary>Where the logout page puts the ID token it read before the Mamori session ended.</summary>
    public const string LogoutHint = "mamori.id_token_hint";
}

public static class DirectorySetup
{
    public static IServiceCollection AddDirectorySignIn(this IServiceCollection services)
    {
        services.AddSingleton<DirectorySchemes>();
        services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, DirectoryOptions>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<OpenIdConnectOptions>, OpenIdConnectPostConfigureOptions>());
        return services;
    }
}
