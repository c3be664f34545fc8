using Microsoft.AspNetCore.Identity;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// 利用停止 and its reversal. Suspension locks the account indefinitely and renews its security
/// stamp, which ends every session and refuses its API tokens at once.
/// </summary>
public static class SuspendAccount
{
    public static async Task<Outcome<AppUser>> SuspendAsync(UserManager<AppUser> users, AppUser user, string? reason, string actingUserId, TimeProvider clock)
    {
        if (user.Id == actingUserId)
        {
            return Outcome<AppUser>.Fail("", "自分自身のアカウントは停止できません。");
        }
        if (user.SuspendedAt is not null)
        {
            return Outcome<AppUser>.Conflict("このアカウントは既に停止されています。");
        }
        user.SuspendedAt = clock.GetUtcNow().UtcDateTime;
        user.SuspensionReason = string.IsNullOrWhiteSpace(reason) ? "長期不在" : reason.Trim()[..Math.Min(reason.Trim().Length, 200)];
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        var result = await users.UpdateSecurityStampAsync(user);
        return result.Succeeded ? Outcome<AppUser>.Success(user) : Outcome<AppUser>.Fail("", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    public static async Task<Outcome<AppUser>> ResumeAsync(UserManager<AppUser> users, AppUser user)
    {
        if (user.SuspendedAt is null)
        {
            return Outcome<AppUser>.Conflict("このアカウントは停止されていません。");
        }
        user.SuspendedAt = null;
        user.SuspensionReason = null;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? Outcome<AppUser>.Success(user) : Outcome<AppUser>.Fail("", string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
