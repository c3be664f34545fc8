using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// 許可リスト: approved exceptions (a user's work that a rule flags, e.g. the HR officer for R04 outside the exempt
/// business codes), each with reason, approver and an expiry of at most a year. The resident id typed is stored only
/// as its pseudonym. Expired entries stay listed (and suppress nothing after their expiry).
/// </summary>
[Authorize(Policy = Policies.AccessRead)]
public sealed class AllowlistModel(AppDbContext db, CurrentTenant tenant, AccessLogFolders folders, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class EntryInput
    {
        public string? Rule { get; set; }
        public string? UserId { get; set; }
        public string? ResidentId { get; set; }
        public string? Reason { get; set; }
        public string? ApprovedBy { get; set; }
        public string? ExpiresOn { get; set; }
    }

    [BindProperty] public EntryInput Input { get; set; } = new();

    public IReadOnlyList<AccessAllowlistEntry> Entries { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AccessWrite))
        {
            return Forbid();
        }
        var expires = ParseDate(Input.ExpiresOn, "Input.ExpiresOn");
        if (ModelState.IsValid)
        {
            var pseudonym = string.IsNullOrWhiteSpace(Input.ResidentId) ? null : folders.Store(tenant.MunicipalityId!.Value).Pseudonym(Input.ResidentId.Trim());
            var outcome = await AccessAlerts.AddAllowlistAsync(db, tenant.MunicipalityId!.Value,
                new AllowlistInput(Input.Rule, Input.UserId, pseudonym, Input.Reason, Input.ApprovedBy, expires), tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
            if (outcome.Ok)
            {
                Flash($"許可リストに登録しました（{AccessAlerts.RuleLabel(outcome.Value!.Rule)}、{outcome.Value.UserId}、{WarekiDate.Format(outcome.Value.ExpiresOn)}まで）。次の分析から反映されます。");
                return Redirect("/access/allowlist");
            }
            AddErrors(outcome);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AccessWrite))
        {
            return Forbid();
        }
        if (!(await AccessAlerts.RemoveAllowlistAsync(db, id, ct)).Ok)
        {
            return NotFound();
        }
        Flash("許可リストから削除しました。次の分析から、この例外に当たる操作もアラートになります。");
        return Redirect("/access/allowlist");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("許可リスト", AccessPages.Root);
        Today = JapanTime.Today(clock);
        CanWrite = await AllowedAsync(authz, Policies.AccessWrite);
        Entries = (await db.AccessAllowlist.AsNoTracking().ToListAsync(ct))
            .OrderBy(e => e.ExpiresOn < Today).ThenBy(e => e.Rule, StringComparer.Ordinal).ThenBy(e => e.UserId, StringComparer.Ordinal).ToList();
    }
}
