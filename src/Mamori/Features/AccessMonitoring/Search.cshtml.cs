using Mamori.AccessMonitoring;
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
/// 調査検索: every stored access to one resident (the id is pseudonymised the same way as the store) or by one user
/// in a period, answered from the Parquet files. The form is posted, so a resident id never appears in an address or
/// a server log; every search is recorded with its purpose (and lands in the audit trail).
/// </summary>
[Authorize(Policy = Policies.AccessRead)]
public sealed class SearchModel(AppDbContext db, CurrentTenant tenant, AccessLogFolders folders, TimeProvider clock) : MamoriPageModel
{
    public const int Limit = 5000;

    public sealed class SearchInput
    {
        public string? ResidentId { get; set; }
        public string? UserId { get; set; }
        public string? From { get; set; }
        public string? To { get; set; }
        public string? Purpose { get; set; }
    }

    [BindProperty] public SearchInput Input { get; set; } = new();

    public IReadOnlyList<AccessRow>? Rows { get; private set; }
    public string? Pseudonym { get; private set; }
    public IReadOnlyList<AccessSearch> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        Input = new SearchInput { From = WarekiDate.Format(today.AddMonths(-3)), To = WarekiDate.Format(today) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var from = ParseDate(Input.From, "Input.From");
        var to = ParseDate(Input.To, "Input.To");
        var resident = string.IsNullOrWhiteSpace(Input.ResidentId) ? null : Input.ResidentId.Trim();
        var user = string.IsNullOrWhiteSpace(Input.UserId) ? null : Input.UserId.Trim();
        if (resident is null && user is null)
        {
            ModelState.AddModelError("Input.ResidentId", "住民の番号か利用者IDのどちらかを入力してください。");
        }
        if (ModelState.IsValid && from is null)
        {
            ModelState.AddModelError("Input.From", "期間の初日を入力してください。");
        }
        if (ModelState.IsValid && to is null)
        {
            ModelState.AddModelError("Input.To", "期間の最終日を入力してください。");
        }
        if (ModelState.IsValid && to < from)
        {
            ModelState.AddModelError("Input.To", "最終日が初日より前になっています。");
        }
        if (string.IsNullOrWhiteSpace(Input.Purpose))
        {
            ModelState.AddModelError("Input.Purpose", "検索の目的（苦情・開示請求・アラートの調査など）を入力してください。検索は目的とともに記録されます。");
        }
        else if (Input.Purpose.Length > 500)
        {
            ModelState.AddModelError("Input.Purpose", $"検索の目的は500文字以内で入力してください（今は{Input.Purpose.Length}文字）。");
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var store = folders.Store(tenant.MunicipalityId!.Value);
        Rows = store.Search(resident, user, from!.Value, to!.Value, Limit);
        Pseudonym = resident is null ? null : store.Pseudonym(resident);
        db.AccessSearches.Add(new AccessSearch
        {
            MunicipalityId = tenant.MunicipalityId!.Value,
            At = clock.GetUtcNow().UtcDateTime,
            By = tenant.ActorName,
            Purpose = Input.Purpose!.Trim(),
            ResidentId = Pseudonym,
            UserId = user,
            From = from.Value,
            To = to.Value,
            Rows = Rows.Count,
        });
        await db.SaveChangesAsync(ct);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("調査検索", AccessPages.Root);
        Recent = await db.AccessSearches.AsNoTracking().OrderByDescending(s => s.At).Take(20).ToListAsync(ct);
    }
}
