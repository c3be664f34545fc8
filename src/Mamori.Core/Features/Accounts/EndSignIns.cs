using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// Ends an account's access at once: its open sign-ins and, with <c>tokens</c>, its API tokens. Used by "log out
/// everywhere", a password change and suspension (ASVS 3.3.3, 3.5).
/// </summary>
public static class EndSignIns
{
    /// <summary>Ends every open sign-in of <paramref name="userId"/> and, when <paramref name="tokens"/>, revokes its API tokens; returns how many tokens.</summary>
    public static async Task<int> RunAsync(AppDbContext db, string userId, string reason, bool tokens, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var session in await db.SignInSessions.IgnoreQueryFilters().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(ct))
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }
        var revoked = 0;
        if (tokens)
        {
            foreach (var token in await db.PersonalAccessTokens.IgnoreQueryFilters().Where(t => t.UserId == userId && t.RevokedAt == null && t.ExpiresAt > now).ToListAsync(ct))
            {
                token.RevokedAt = now;
                revoked++;
            }
        }
        await db.SaveChangesAsync(ct);
        return revoked;
    }
}
