using System.Security.Claims;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Audit;
using Microsoft.AspNetCore.Identity;

namespace Mamori.Hosting;

/// <summary>Records <see cref="SecurityEvent"/>s of a request: failed logins, refused requests and exports.</summary>
public sealed class SecurityEvents(AppDbContext db, TimeProvider clock)
{
    /// <summary>
    /// A failed login: the known account's name, or the first letters of an unknown name; recorded for the municipality the
    /// sign-in named (its auditors see the attempts on their names), or for none when the code named no municipality.
    /// </summary>
    public async Task LoginFailedAsync(HttpContext context, string userName, string stage, AppUser? user, Guid? municipalityId)
    {
        await AddAsync(context, SecurityEventKind.LoginFailed, municipalityId,
            user?.UserName ?? $"{userName[..Math.Min(2, userName.Length)]}…（登録のないユーザー名、{userName.Length}文字）", $"{stage}の誤り");
    }

    /// <summary>A directory sign-in that did not complete: the directory's user id when it was known, and why.</summary>
    public Task DirectoryFailedAsync(HttpContext context, Guid municipalityId, string? subject, string detail) =>
        AddAsync(context, SecurityEventKind.LoginFailed, municipalityId, subject ?? "（ディレクトリ）", detail);

    /// <summary>A signed-in user refused (403): who, and what they asked for.</summary>
    public Task DeniedAsync(HttpContext context) =>
        AddAsync(context, SecurityEventKind.AccessDenied, context.User.MunicipalityId(), context.User.Identity?.Name, "権限がないため拒否");

    /// <summary>An export of personal data: what was exported, and how many rows.</summary>
    public Task ExportedAsync(HttpContext context, string what, int rows) =>
        AddAsync(context, SecurityEventKind.Export, context.User.MunicipalityId(), context.User.Identity?.Name, $"{what}（{rows}件）");

    private async Task AddAsync(HttpContext context, SecurityEventKind kind, Guid? municipalityId, string? userName, string detail)
    {
        db.SecurityEvents.Add(new SecurityEvent
        {
            MunicipalityId = municipalityId,
            At = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserName = userName,
            ClientAddress = context.Connection.RemoteIpAddress?.ToString(),
            Request = Truncate($"{context.Request.Method} {context.Request.Path}", 300),
            Detail = detail,
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>Records every 403 answered to a signed-in user (ASVS 7.2.2: access-control failures are logged).</summary>
public sealed class DeniedRequestRecorder(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, SecurityEvents events)
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status403Forbidden && context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not null)
        {
            await events.DeniedAsync(context);
        }
    }
}

/// <summary>Recording an export of personal data from a page handler.</summary>
public static class ExportRecording
{
    /// <summary>Adds the export to the audit trail as a <see cref="SecurityEvent"/> (what, how many rows; never the data).</summary>
    public static Task RecordExportAsync(this HttpContext context, string what, int rows) =>
        context.RequestServices.GetRequiredService<SecurityEvents>().ExportedAsync(context, what, rows);
}
