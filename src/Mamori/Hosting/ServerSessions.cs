using System.Security.Claims;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mamori.Hosting;

/// <summary>
/// Sign-ins kept on the server (ASVS 3.3): the cookie carries the id of a <see cref="SignInSession"/>, and every
/// request checks that the session is still open, not idle for <see cref="SessionSettings.Idle"/> and younger
/// than <see cref="SessionSettings.Absolute"/>. Ending the session ends the cookie, wherever it was copied to.
/// </summary>
public static class ServerSessions
{
    public const string Claim = "mamori:sid";

    /// <summary>The settings from <c>Mamori:Session</c>, defaulting to 12 hours and 30 minutes.</summary>
    public static SessionSettings From(IConfiguration config) => new(
        TimeSpan.FromHours(config.GetValue("Mamori:Session:AbsoluteHours", SessionSettings.Default.Absolute.TotalHours)),
        TimeSpan.FromMinutes(config.GetValue("Mamori:Session:IdleMinutes", SessionSettings.Default.Idle.TotalMinutes)));

    /// <summary>A sign-in starts a session; its id goes into the cookie.</summary>
    public static async Task StartAsync(CookieSigningInContext context)
    {
        var principal = context.Principal;
        if (principal?.Identity is not ClaimsIdentity identity || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId
            || principal.MunicipalityId() is not { } municipalityId)
        {
            return;
        }
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        services.GetRequiredService<CurrentTenant>().SetUser(userId, $"{principal.ShownName()}（{principal.Identity?.Name}）", municipalityId, null, false);
        var db = services.GetRequiredService<AppDbContext>();
        // Sessions of this account that ran out while nobody used them are recorded as ended, with the reason.
        var limits = await LimitsAsync(services, db, municipalityId, context.HttpContext.RequestAborted);
        foreach (var stale in await db.SignInSessions.IgnoreQueryFilters().Where(s => s.UserId == userId && s.EndedAt == null).ToListAsync(context.HttpContext.RequestAborted))
        {
            if (limits.EndedBy(stale.StartedAt, stale.LastSeenAt, now) is { } reason)
            {
                stale.EndedAt = now;
                stale.EndReason = reason;
            }
        }
        var session = new SignInSession
        {
            MunicipalityId = municipalityId,
            UserId = userId,
            StartedAt = now,
            LastSeenAt = now,
            ClientAddress = context.HttpContext.Connection.RemoteIpAddress?.ToString(),
        };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(context.HttpContext.RequestAborted);
        foreach (var old in identity.FindAll(Claim).ToList())
        {
            identity.RemoveClaim(old);
        }
        identity.AddClaim(new Claim(Claim, session.Id.ToString()));
        // The server decides when the sign-in ends (and records why); the cookie itself lasts a minute longer than the absolute lifetime.
        context.Properties.ExpiresUtc = now + limits.Absolute + TimeSpan.FromMinutes(1);
    }

    /// <summary>
    /// Every request: the session must be open and within both limits; then it is marked as used now, and the
    /// security stamp is checked (suspension and role changes take effect at once).
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AppDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var ct = context.HttpContext.RequestAborted;
        // The session and the account as it is now, in one query.
        var found = Guid.TryParse(context.Principal?.FindFirstValue(Claim), out var id)
            ? await (from s in db.SignInSessions.IgnoreQueryFilters().AsNoTracking()
                     where s.Id == id
                     join u in db.Users on s.UserId equals u.Id into users
                     from u in users.DefaultIfEmpty()
                     join m in db.Municipalities.IgnoreQueryFilters() on s.MunicipalityId equals m.Id
                     select new
                     {
                         Session = s,
                         m.SessionIdleMinutes,
                         m.SessionAbsoluteHours,
                         Account = u == null ? null
                             : new Account(u.SecurityStamp, u.UserName, u.Email, u.Role, u.MunicipalityId, u.DepartmentId, u.DisplayName, u.MustChangePassword),
                     })
                .FirstOrDefaultAsync(ct)
            : null;
        var session = found?.Session;
        var ended = session is null ? SessionEnd.LoggedOut
            : session.EndedAt is not null ? session.EndReason ?? SessionEnd.LoggedOut
            : services.GetRequiredService<SessionSettings>().For(found!.SessionIdleMinutes, found.SessionAbsoluteHours).EndedBy(session.StartedAt, session.LastSeenAt, now);
        if (ended is not null)
        {
            if (session is { EndedAt: null })
            {
                await EndAsync(db, session.Id, ended, now, ct);
            }
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Written at most once a minute per session: the idle rule is exact to the minute, and a page with many
        // requests (assets, fetches) costs one write rather than one each.
        if (now - session!.LastSeenAt >= LastSeenGranularity)
        {
            await db.SignInSessions.IgnoreQueryFilters().Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now), ct);
        }
        // The sign-in still says what the account says: nothing to refresh. Otherwise (a suspension or password change
        // renewed the stamp, 管理者 changed the role or department) Identity checks the stamp and signs in again with
        // the account as it is now, or signs out.
        if (found!.Account is { } account && account.Describes(context.Principal!, services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity))
        {
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>What a sign-in's claims are made of (<see cref="MamoriClaimsPrincipalFactory"/>), as the account holds it now.</summary>
    private sealed record Account(string? Stamp, string? UserName, string? Email, UserRole Role, Guid MunicipalityId, Guid? DepartmentId, string DisplayName, bool MustChangePassword)
    {
        public bool Describes(ClaimsPrincipal p, ClaimsIdentityOptions claims) =>
            Stamp is not null && p.FindFirstValue(claims.SecurityStampClaimType) == Stamp
            && p.FindFirstValue(claims.UserNameClaimType) == UserName && p.FindFirstValue(claims.EmailClaimType) == Email
            && p.Role() == Role && p.MunicipalityId() == MunicipalityId && p.DepartmentId() == DepartmentId
            && p.FindFirstValue(MamoriClaims.DisplayName) == DisplayName && p.HasClaim(c => c.Type == MamoriClaims.MustChangePassword) == MustChangePassword;
    }

    /// <summary>The deployment's limits with the municipality's own, where it set them.</summary>
    private static async Task<SessionSettings> LimitsAsync(IServiceProvider services, AppDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var own = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == municipalityId)
            .Select(m => new { m.SessionIdleMinutes, m.SessionAbsoluteHours }).FirstOrDefaultAsync(ct);
        return services.GetRequiredService<SessionSettings>().For(own?.SessionIdleMinutes, own?.SessionAbsoluteHours);
    }

    /// <summary>How stale the recorded last use may get before a request writes it again.</summary>
    internal static readonly TimeSpan LastSeenGranularity = TimeSpan.FromMinutes(1);

    /// <summary>Ends the session of this request's sign-in (logout).</summary>
    public static async Task EndCurrentAsync(HttpContext context, string reason)
    {
        if (Guid.TryParse(context.User.FindFirstValue(Claim), out var id))
        {
            var services = context.RequestServices;
            await EndAsync(services.GetRequiredService<AppDbContext>(), id, reason, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                context.RequestAborted);
        }
    }

    private static async Task EndAsync(AppDbContext db, Guid id, string reason, DateTime now, CancellationToken ct)
    {
        var session = await db.SignInSessions.IgnoreQueryFilters().FirstOrDefaultAsync(s => s.Id == id && s.EndedAt == null, ct);
        if (session is not null)
        {
            session.EndedAt = now;
            session.EndReason = reason;
            await db.SaveChangesAsync(ct);
        }
    }
}
