using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Reviews.Rounds;

/// <summary>The round report as the office prints it: the numbers, the schedule, each case, and the 別表.</summary>
[Authorize(Policy = Policies.ReviewsRead)]
public sealed class ReportModel(AppDbContext db) : MamoriPageModel
{
    public RoundReport Report { get; private set; } = null!;
    public ReviewMatrix Matrix { get; private set; } = null!;
    public List<ScheduleStep> Schedule { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await ReviewReports.RoundAsync(db, id, ct);
        if (report is null)
        {
            return NotFound();
        }
        Report = report;
        Matrix = ReviewReports.Matrix(report.Cases);
        Schedule = ReviewSpreadsheet.Schedule(report.Round);
        SetTitle($"{report.Round.Title} 部会開催の報告", new Crumb("自己点検・部会審査", "/reviews"), new Crumb(report.Round.Title, $"/reviews/rounds/{id}"));
        return Page();
    }
}
