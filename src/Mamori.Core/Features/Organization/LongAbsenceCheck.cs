using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Organization;

/// <summary>An account as the long-absence check sees it.</summary>
public sealed record AccountActivity(
    string UserId,
    string UserName,
    string DisplayName,
    DateTime CreatedAtUtc,
    DateTime? LastLoginAtUtc,
    StaffSituation? Staff);

/// <summary>The staff member linked to an account: status, end date and absence periods.</summary>
public sealed record StaffSituation(string Name, StaffStatus Status, DateOnly? EndDate, IReadOnlyList<(DateOnly Start, DateOnly? End)> Absences);

/// <summary>An account to consider for suspension, with every reason that applies.</summary>
public sealed record LongAbsenceCandidate(AccountActivity Account, IReadOnlyList<string> Reasons, int Days);

/// <summary>
/// 長期不在アカウントの確認: lists accounts whose staff member has left, is on a leave recorded to last 90 days or
/// more (from its first day), has been absent 90 days or more, or whose account has not been used for 90 days or
/// more — the accounts the PPC expects to be suspended. Suspended accounts are not passed in.
/// </summary>
public static class LongAbsenceCheck
{
    /// <summary>The number of days of absence or inactivity after which an account is listed.</summary>
    public const int ThresholdDays = LeaveRule.ThresholdDays;

    /// <summary>The accounts to list as of <paramref name="today"/> (a JST date), longest first.</summary>
    public static IReadOnlyList<LongAbsenceCandidate> Find(IEnumerable<AccountActivity> accounts, DateOnly today)
    {
        var result = new List<LongAbsenceCandidate>();
        foreach (var account in accounts)
        {
            var reasons = new List<string>();
            var days = 0;

            if (account.Staff is { } staff)
            {
                if (staff.Status == StaffStatus.Retired || (staff.EndDate is { } end && end <= today))
                {
                    var since = staff.EndDate ?? today;
                    reasons.Add(staff.EndDate is null ? "職員が退職済み" : $"職員が退職済み（{WarekiDate.Format(since)}）");
                    days = Math.Max(days, today.DayNumber - since.DayNumber);
                }

                if (LeaveRule.Find(staff.Absences, today) is { } leave)
                {
                    reasons.Add(leave.Reason);
                    days = Math.Max(days, today.DayNumber - leave.Since.DayNumber);
                }
            }

            var lastActivity = DateOnly.FromDateTime(JapanTime.FromUtc(account.LastLoginAtUtc ?? account.CreatedAtUtc));
            var idle = today.DayNumber - lastActivity.DayNumber;
            if (idle >= ThresholdDays)
            {
                reasons.Add(account.LastLoginAtUtc is null
                    ? $"作成から{idle}日間ログインなし"
                    : $"{idle}日間ログインなし（最終ログイン {WarekiDate.Format(lastActivity)}）");
                days = Math.Max(days, idle);
            }

            if (reasons.Count > 0)
            {
                result.Add(new LongAbsenceCandidate(account, reasons, days));
            }
        }
        return result.OrderByDescending(c => c.Days).ThenBy(c => c.Account.UserName, StringComparer.Ordinal).ToList();
    }
}
