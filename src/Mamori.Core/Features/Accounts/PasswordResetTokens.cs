using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// The secret in a mailed password-reset link: the account, the purpose, the security stamp and the time it was made,
/// encrypted with the application's keys. It is refused after <see cref="AccountsSetup.PasswordResetLifetime"/> (by the
/// app's clock) and once the password changed (the stamp changes), so it works once.
/// </summary>
public sealed class PasswordResetTokens(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "MamoriPasswordReset";

    private IDataProtector Protector => protection.CreateProtector("Mamori.Accounts.PasswordReset");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var issued = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Protector.Protect(string.Join('\n', user.Id, purpose, stamp, issued));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        string[] parts;
        try
        {
            parts = Protector.Unprotect(token).Split('\n');
        }
        catch (CryptographicException)
        {
            return false;
        }
        if (parts.Length != 4 || parts[0] != user.Id || parts[1] != purpose || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var issued))
        {
            return false;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        return age >= TimeSpan.Zero && age <= AccountsSetup.PasswordResetLifetime && parts[2] == await manager.GetSecurityStampAsync(user);
    }
}
