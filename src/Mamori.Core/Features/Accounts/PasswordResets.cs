using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Notices;
using Mamori.Core.Japanese;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// パスワードを忘れた場合: a one-time link by mail to the account's own address. The request is answered the same way
/// and at the same speed whether or not the account exists (the mail is sent in the background), so the form tells
/// nobody which names exist (ASVS 2.5.x). The link works once (resetting changes the security stamp) for
/// <see cref="AccountsSetup.PasswordResetLifetime"/>.
/// </summary>
public sealed partial class PasswordResets(IServiceScopeFactory scopes, NoticeSender sender, TimeProvider clock, ILogger<PasswordResets> logger)
{
    /// <summary>Starts the request in the background and returns at once.</summary>
    public Task Request(string? municipalityCode, string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? Task.CompletedTask : Task.Run(() => SendAsync(municipalityCode, userName.Trim()));

    private async Task SendAsync(string? municipalityCode, string userName)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("パスワードの再設定");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var municipality = await SignInAccounts.MunicipalityAsync(db, municipalityCode, await SignInAccounts.AskCodeAsync(db, default), default);
            var user = municipality is null ? null
                : await SignInAccounts.FindAsync(db, scope.ServiceProvider.GetRequiredService<ILookupNormalizer>(), municipality.Id, userName, default);
            if (municipality is null || user is null || user.SuspendedAt is not null || string.IsNullOrEmpty(user.Email))
            {
                return;
            }
            var relay = await db.NoticeSettings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(s => s.MunicipalityId == municipality.Id);
            if (relay is not { CanMail: true })
            {
                NoRelay(logger, municipality.Id);
                return;
            }
            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = $"{relay.SiteUrl!.TrimEnd('/')}/account/reset?user={Uri.EscapeDataString(user.Id)}&token={token}";
            var envelope = new NoticeMail.Envelope(relay.SenderName, relay.SenderAddress!, user.DisplayName, user.Email, municipality.Name, relay.SiteUrl);
            var error = await sender.TrySendAsync(relay, NoticeMail.PasswordReset(envelope, link, (int)AccountsSetup.PasswordResetLifetime.TotalMinutes, JapanTime.Today(clock)), default);
            if (error is not null)
            {
                NotSent(logger, municipality.Id);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or IOException)
        {
            Failed(logger, ex.GetType().Name);
        }
    }

    /// <summary>Sets the new password with the mailed token; false when the link has expired or was used.</summary>
    public static async Task<IdentityResult> ResetAsync(AppDbContext db, UserManager<AppUser> users, AppUser user, string encodedToken, string password, TimeProvider clock, CancellationToken ct)
    {
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(encodedToken));
        }
        catch (FormatException)
        {
            return IdentityResult.Failed(users.ErrorDescriber.InvalidToken());
        }
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return result;
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await users.ResetAccessFailedCountAsync(user);
        // Whoever signed in with the old password is signed out, API tokens included.
        await EndSignIns.RunAsync(db, user.Id, SessionEnd.PasswordChanged, tokens: true, clock, ct);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password reset requested in municipality {MunicipalityId}, which has no mail relay.")]
    private static partial void NoRelay(ILogger logger, Guid municipalityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Password reset mail not sent (municipality {MunicipalityId}).")]
    private static partial void NotSent(ILogger logger, Guid municipalityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Password reset failed ({Error}).")]
    private static partial void Failed(ILogger logger, string error);
}
