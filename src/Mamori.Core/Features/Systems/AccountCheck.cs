using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Systems;

/// <summary>An account as the check sees it: the row, and the staff member it was matched to (if any).</summary>
public sealed record CheckedAccount(string Login, string? Name, bool IsDisabled, DateOnly? LastUsedOn, StaffSituationOnSystem? Staff);

/// <summary>The matched staff member: status, end date, department and absence periods.</summary>
public sealed record StaffSituationOnSystem(Guid Id, string Name, StaffStatus Status, DateOnly? EndDate, Guid DepartmentId,
    IReadOnlyList<(DateOnly Start, DateOnly? End)> Absences);

/// <summary>What the check finds for one account: why, since when, and the reason as printed.</summary>
public sealed record AccountIssue(string Login, string? Name, Guid? StaffId, ListingKind Kind, DateOnly Since, string Reason);

/// <summary>
/// アカウント点検: per system, the accounts that should not be open — staff on a leave of 90 days or more (from the
/// leave's first day, <see cref="LeaveRule"/>), retired staff, staff moved to a department that does not use the system,
/// accounts matched to nobody, and accounts unused for the system's number of days. One finding per account, the
/// weightiest reason first (退職, 休職, 異動, 不明, 未使用). Accounts the export shows stopped are not listed.
/// </summary>
public static class AccountCheck
{
    /// <summary>Days after being listed within which a listing is to be closed; after that it is overdue.</summary>
    public const int CloseWithinDays = 7;

    /// <summary>The default number of days without use after which an account is listed.</summary>
    public const int DefaultUnusedDays = 90;

    public static List<AccountIssue> Run(IEnumerable<CheckedAccount> accounts, IReadOnlySet<Guid> departments, int unusedDays, DateOnly today,
        IReadOnlyDictionary<Guid, string> departmentLabels)
    {
        var result = new List<AccountIssue>();
        foreach (var a in accounts.Where(a => !a.IsDisabled))
        {
            if (Of(a, departments, unusedDays, today, departmentLabels) is { } finding)
            {
                result.Add(finding);
            }
        }
        return result;
    }

    private static AccountIssue? Of(CheckedAccount a, IReadOnlySet<Guid> departments, int unusedDays, DateOnly today, IReadOnlyDictionary<Guid, string> labels)
    {
        var name = a.Staff?.Name ?? a.Name;
        if (a.Staff is { } s)
        {
            if (s.Status == StaffStatus.Retired || s.EndDate is { } end && end <= today)
            {
                var since = s.EndDate is { } e && e <= today ? e : today;
                return new AccountIssue(a.Login, name, s.Id, ListingKind.Retired, since,
                    s.EndDate is { } d ? $"退職・転出済み（{WarekiDate.Format(d)}）" : "退職済み");
            }
            if (LeaveRule.Find(s.Absences, today) is { } leave)
            {
                return new AccountIssue(a.Login, name, s.Id, ListingKind.LongLeave, leave.Since, leave.Reason);
            }
            if (!departments.Contains(s.DepartmentId))
            {
                return new AccountIssue(a.Login, name, s.Id, ListingKind.Moved, today,
                    $"このシステムを使わない部署に所属（{labels.GetValueOrDefault(s.DepartmentId, "不明な部署")}）");
            }
        }
        else
        {
            return new AccountIssue(a.Login, name, null, ListingKind.Unknown, today, "職員と照合できないアカウント（共用・委託事業者・不明）");
        }
        if (a.LastUsedOn is { } used && today.DayNumber - used.DayNumber >= unusedDays)
        {
            return new AccountIssue(a.Login, name, a.Staff?.Id, ListingKind.Unused, used.AddDays(unusedDays),
                $"{today.DayNumber - used.DayNumber}日間利用なし（最終利用 {WarekiDate.Format(used)}）");
        }
        return null;
    }
}
