using System.Text.Encodings.Web;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mamori.Hosting;

/// <summary>
/// API authentication with a personal access token (<c>Authorization: Bearer mmr_…</c>), for <c>/api/v1</c> only
/// (pages ignore the header). The token is looked up by its SHA-256; expired or revoked tokens and suspended
/// accounts are refused. A password lockout does not stop a token: the lockout guards the password, not the token.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    UserManager<AppUser> users,
    IUserClaimsPrincipalFactory<AppUser> principals,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    /// <summary>The claim that carries the token's <see cref="TokenScope"/>.</summary>
    public const string ScopeClaim = "mamori:token-scope";

    /// <summary>The claim that carries the modules the token is limited to (empty: every module).</summary>
    public const string ModulesClaim = "mamori:token-modules";

    /// <summary>The claim that carries the token's name, which the audit trail shows beside the account.</summary>
    public const string NameClaim = "mamori:token-name";

    /// <summary>Whether a request is authenticated by a token: a Bearer header on the API.</summary>
    public static bool Applies(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1") && request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = PersonalAccessToken.Hash(header["Bearer ".Length..].Trim());
        var now = clock.GetUtcNow().UtcDateTime;

        // Authentication runs before the tenant is known, so this one lookup is deliberately unfiltered.
        var token = await db.PersonalAccessTokens.IgnoreQueryFilters().AsNoTracking()
            .FirstOrDefaultAsync(t => t.TokenHash == hash, Context.RequestAborted);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("トークンが無効か、期限切れです。");
        }
        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || user.SuspendedAt is not null || user.MunicipalityId != token.MunicipalityId)
        {
            return AuthenticateResult.Fail("このアカウントは利用できません。");
        }
        var principal = await principals.CreateAsync(user);
        var identity = (System.Security.Claims.ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new System.Security.Claims.Claim(ScopeClaim, token.Scope.ToString()));
        identity.AddClaim(new System.Security.Claims.Claim(ModulesClaim, token.Modules));
        identity.AddClaim(new System.Security.Claims.Claim(NameClaim, token.Name));
        // When the token was last used, for its owner and 管理者 (at most one write a minute per token).
        if (token.LastUsedAt is not { } last || now - last >= TimeSpan.FromMinutes(1))
        {
            await db.PersonalAccessTokens.IgnoreQueryFilters().Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(t => t.SetProperty(x => x.LastUsedAt, now), Context.RequestAborted);
        }
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

/// <summary>
/// A read-only token may read: any other method is refused with 403 before the endpoint runs. A token limited to some
/// modules reaches those only (<see cref="ApiModules"/>, by the path's first segment).
/// </summary>
public sealed class TokenScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.FindFirst(TokenAuthenticationHandler.ModulesClaim)?.Value is { Length: > 0 } modules
            && context.Request.Path.StartsWithSegments("/api/v1", out var rest)
            && ApiModules.Of(rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty) is { } module
            && !modules.Split(',').Contains(module.Key))
        {
            await ProblemExceptionHandler.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "このトークンの対象外の機能です。",
                $"このトークンが使えるのは「{ApiModules.Describe(modules)}」です。「{module.Name}」を使うには、その機能を含めたトークンを発行してください。");
            return;
        }
        if (context.User.FindFirst(TokenAuthenticationHandler.ScopeClaim)?.Value == nameof(TokenScope.Read)
            && !ApiRequestGuard.IsRead(context.Request.Method))
        {
            await ProblemExceptionHandler.WriteProblemAsync(context, StatusCodes.Status403Forbidden, "読み取りのみのトークンです。",
                "このトークンでは参照だけができます。変更するには「読み書き」のトークンを発行してください。");
            return;
        }
        await next(context);
    }
}
