using System.Text.Encodings.Web;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mamori.Hosting;

/// <summary>
/// API authentication with a personal access token (<c>Authorization: Bearer mmr_…</c>). The token is
/// looked up by its SHA-256; expired, revoked, suspended or locked-out accounts are refused.
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
        if (user is null || user.SuspendedAt is not null || await users.IsLockedOutAsync(user) || user.MunicipalityId != token.MunicipalityId)
        {
            return AuthenticateResult.Fail("このアカウントは利用できません。");
        }
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
