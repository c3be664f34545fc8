using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// 所属長確認: the 所属長 of the staff member's department reads what the investigation found and confirms it, or sends
/// it back. Open to that 所属長 only (any other account gets 404); the residents in the log are not shown here.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ConfirmModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : MamoriPageModel
{
    public sealed class ConfirmInput
    {
        public AlertOutcome? Outcome { get; set; }
        public string? Comment { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public ConfirmInput Input { get; set; } = new();

    public AccessAlert Alert { get; private set; } = null!;

    /// <summary>The outcomes a 所属長 chooses from (再分析で非検出 is the system's, not a judgement).</summary>
    public static readonly AlertOutcome[] Outcomes = [AlertOutcome.Legitimate, AlertOutcome.FalsePositive, AlertOutcome.Violation];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        Input = new ConfirmInput { Version = Alert.Version };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct) => DecideAsync(id, sendBack: false, ct);

    public Task<IActionResult> OnPostSendBackAsync(Guid id, CancellationToken ct) => DecideAsync(id, sendBack: true, ct);

    private async Task<IActionResult> DecideAsync(Guid id, bool sendBack, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null)
        {
            return Challenge();
        }
        var outcome = await SupervisorReview.ConfirmAsync(db, id, Input.Version, me, sendBack ? null : Input.Outcome, sendBack, Input.Comment, clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Ok)
        {
            Flash(sendBack ? "セキュリティ担当に差し戻しました。" : $"「{outcome.Value!.Outcome?.JapaneseName()}」として確認し、完了にしました。");
            return Redirect($"/access/alerts/{id}/confirm");
        }
        if (await LoadAsync(id, ct) is null)
        {
            return NotFound();
        }
        AddErrors(outcome);
        return Page();
    }

    private async Task<AccessAlert?> LoadAsync(Guid id, CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        var alert = await db.AccessAlerts.AsNoTracking().Include(a => a.Comments).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (me is null || alert is null || !await SupervisorReview.IsSupervisorOfAsync(db, me, alert, ct))
        {
            return null;
        }
        Alert = alert;
        SetTitle($"所属長確認：{WarekiDate.Format(alert.Day)} {AccessAlerts.RuleLabel(alert.Rule)}");
        return alert;
    }
}
