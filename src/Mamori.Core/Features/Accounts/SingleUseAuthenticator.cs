using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// The authenticator app's codes (TOTP, RFC 6238, 30 s, 6 digits) as ASVS 2.8 asks: the current step and one on
/// either side only (Identity's own provider takes two), and each code once: a code of a step at or before the last
/// one accepted is refused, so a code seen over someone's shoulder cannot be used again.
/// </summary>
public sealed class SingleUseAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "MamoriAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The codes come from the user's app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        if (user.LastAuthenticatorStep is { } last && step <= last)
        {
            return false;
        }
        user.LastAuthenticatorStep = step;
        // The concurrency stamp makes two uses of one code at the same moment succeed only once.
        return (await manager.UpdateAsync(user)).Succeeded;
    }
}
