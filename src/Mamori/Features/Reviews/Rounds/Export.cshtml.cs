using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Features.Reviews.Rounds;

/// <summary>The round report and 別表 as .xlsx (always a download).</summary>
[Authorize(Policy = Policies.ReviewsManage)]
public sealed class ExportModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await ReviewReports.RoundAsync(db, id, ct);
        if (report is null)
        {
            return NotFound();
        }
        return File(ReviewSpreadsheet.RoundToXlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"部会審査_{report.Round.Title}.xlsx");
    }
}
