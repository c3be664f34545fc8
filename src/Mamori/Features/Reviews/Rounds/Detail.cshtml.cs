using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Rounds;

[Authorize(Policy = Policies.ReviewsRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public RoundReport Report { get; private set; } = null!;
    public List<ScheduleStep> Schedule { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanWrite { get; private set; }
    public int Drafts { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await ReviewReports.RoundAsync(db, id, ct);
        if (report is null)
        {
            return NotFound();
        }
        Report = report;
        Schedule = ReviewSpreadsheet.Schedule(report.Round);
        CanManage = (await authz.AuthorizeAsync(User, Policies.ReviewsManage)).Succeeded;
        CanWrite = (await authz.AuthorizeAsync(User, Policies.ReviewsWrite)).Succeeded;
        Drafts = await db.ReviewCases.CountAsync(c => c.RoundId == id && c.Status == CaseStatus.Draft, ct);
        SetTitle(report.Round.Title, new Crumb("自己点検・部会審査", "/reviews"));
        return Page();
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => Step(id, RoundStatus.Closed, "締め切りました。質問・回答と結果を記録できます。", ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) => Step(id, RoundStatus.Open, "募集を再開しました。", ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        Step(id, RoundStatus.Reported, "報告済みにしました。報告書と別表は全ての所管課が閲覧できます。", ct);

    private async Task<IActionResult> Step(Guid id, RoundStatus status, string done, CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, Policies.ReviewsManage)).Succeeded)
        {
            return Forbid();
        }
        var outcome = await ReviewWorkflow.SetRoundStatusAsync(db, id, status, clock, ct);
        Flash(outcome, done);
        return Redirect($"/reviews/rounds/{id}");
    }
}
