using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Reviews;

/// <summary>取扱類型ごとの件数 for a period (default: the current fiscal year), as a council report states them.</summary>
[Authorize(Policy = Policies.ReviewsManage)]
public sealed class CountsModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public TypeCounts? Counts { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        return File(ReviewSpreadsheet.CountsToXlsx(Counts!), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"取扱類型別件数_{Counts!.From:yyyyMMdd}-{Counts.To:yyyyMMdd}.xlsx");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        SetTitle("取扱類型ごとの件数", new Crumb("自己点検・部会審査", "/reviews"));
        var year = FiscalYear.Of(JapanTime.Today(clock));
        var from = ParseDate(From, nameof(From)) ?? (string.IsNullOrWhiteSpace(From) ? year.Start : null);
        var to = ParseDate(To, nameof(To)) ?? (string.IsNullOrWhiteSpace(To) ? year.End : null);
        if (!ModelState.IsValid || from is null || to is null)
        {
            return false;
        }
        if (to < from)
        {
            ModelState.AddModelError(nameof(To), "期間の終わりは始まりより後にしてください。");
            return false;
        }
        From = WarekiDate.Format(from.Value);
        To = WarekiDate.Format(to.Value);
        Counts = await ReviewReports.CountsAsync(db, from.Value, to.Value, ct);
        return true;
    }
}
