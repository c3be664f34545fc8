using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Reviews.Rounds;

/// <summary>別表：質問・意見等の類型一覧, print-ready.</summary>
[Authorize(Policy = Policies.ReviewsRead)]
public sealed class MatrixModel(AppDbContext db) : MamoriPageModel
{
    public RoundReport Report { get; private set; } = null!;
    public ReviewMatrix Matrix { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await ReviewReports.RoundAsync(db, id, ct);
        if (report is null)
        {
            return NotFound();
        }
        Report = report;
        Matrix = ReviewReports.Matrix(report.Cases);
        SetTitle("別表：質問・意見等の類型一覧", new Crumb("自己点検・部会審査", "/reviews"), new Crumb(report.Round.Title, $"/reviews/rounds/{id}"));
        return Page();
    }
}
