using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// 所属長確認 done by the 所属長: the alert waiting for it is sent to the 所属長 of the department the staff master names,
/// who opens it from the mail and confirms it with their own account — the officer no longer types a name on their
/// behalf. The 所属長 sees what the investigation found, never the residents in the log.
/// </summary>
public static class SupervisorReview
{
    /// <summary>The department an alert's staff member belongs to, by the staff master's 所属 (a department name or code).</summary>
    public static Guid? DepartmentOf(IEnumerable<Department> departments, string? userDept) =>
        string.IsNullOrWhiteSpace(userDept) ? null
            : departments.FirstOrDefault(d => d.IsActive && (d.Name == userDept.Trim() || d.Code == userDept.Trim()))?.Id;

    /// <summary>The active 所属長 accounts of the alert's staff member's department, by display name (none when the master names no department of Mamori's).</summary>
    public static async Task<List<string>> SupervisorsAsync(AppDbContext db, AccessAlert alert, CancellationToken ct)
    {
        var department = DepartmentOf(await db.Departments.IgnoreQueryFilters().AsNoTracking().Where(d => d.MunicipalityId == alert.MunicipalityId).ToListAsync(ct), alert.UserDept);
        return department is null ? [] : await db.Users.AsNoTracking()
            .Where(u => u.MunicipalityId == alert.MunicipalityId && u.IsSupervisor && u.DepartmentId == department && u.SuspendedAt == null)
            .OrderBy(u => u.DisplayName).Select(u => u.DisplayName).ToListAsync(ct);
    }

    /// <summary>Whether <paramref name="user"/> is a 所属長 of the alert's department.</summary>
    public static async Task<bool> IsSupervisorOfAsync(AppDbContext db, AppUser user, AccessAlert alert, CancellationToken ct) =>
        user.IsSupervisor && user.SuspendedAt is null && user.DepartmentId is { } own && user.MunicipalityId == alert.MunicipalityId
        && DepartmentOf(await db.Departments.IgnoreQueryFilters().AsNoTracking().Where(d => d.MunicipalityId == alert.MunicipalityId).ToListAsync(ct), alert.UserDept) == own;

    /// <summary>
    /// The 所属長 confirms: 正当 or 誤検知 closes the alert, 違反 closes it as a violation (the officer then registers the
    /// finding), 差戻し sends it back to the officer with the reason. Always with the 所属長's comment.
    /// </summary>
    public static async Task<Outcome<AccessAlert>> ConfirmAsync(AppDbContext db, Guid id, Guid? version, AppUser supervisor, AlertOutcome? outcome, bool sendBack, string? comment,
        DateTime now, CancellationToken ct)
    {
        var (alert, failure) = await OptimisticSave.LoadAsync(db.AccessAlerts, id, version, "アラートが見つかりません。", ct);
        if (alert is null)
        {
            return failure!;
        }
        if (!await IsSupervisorOfAsync(db, supervisor, alert, ct))
        {
            return Outcome<AccessAlert>.NotFound("アラートが見つかりません。");
        }
        if (alert.Status != AlertStatus.SupervisorReview)
        {
            return Outcome<AccessAlert>.Conflict($"このアラートは「{alert.Status.JapaneseName()}」です。所属長確認を待っているアラートだけを確認できます。");
        }
        var errors = new FieldErrors();
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        errors.MaxLength("Comment", text, 4000, "コメント");
        if (text is null)
        {
            errors.Add("Comment", sendBack ? "差し戻す理由（さらに確かめてほしいこと）を入力してください。" : "確認した内容（本人への聞き取り、業務上の理由など）を入力してください。");
        }
        if (!sendBack && outcome is null)
        {
            errors.Add("Outcome", "判定（違反・正当・誤検知）を選んでください。");
        }
        if (errors.Any)
        {
            return errors.Fail<AccessAlert>();
        }
        var actor = $"{supervisor.DisplayName}（{supervisor.UserName}、所属長）";
        return await AccessAlerts.ApplyAsync(db, alert, new AlertMove(sendBack ? AlertStatus.Investigating : AlertStatus.Closed, sendBack ? null : outcome, actor, text),
            sendBack ? null : supervisor.Id, actor, now, ct);
    }
}
