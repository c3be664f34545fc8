using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Register;

/// <summary>事務局's steps (POST from the detail page): 確認, 差戻し, 公表, 消除.</summary>
[Authorize(Policy = Policies.RegisterReview)]
public sealed class ReviewModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    [BindProperty] public string? Comment { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IActionResult OnGet(Guid id) => Redirect($"/register/{id}");

    public Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct) =>
        Step(id, () => RegisterWorkflow.ConfirmAsync(db, id, ct), "確認済みにしました。次に「公表する」で公表できます。", ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) =>
        Step(id, () => RegisterWorkflow.ReturnAsync(db, id, Comment, ct), "所管課へ差し戻しました。", ct);

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken ct) =>
        Step(id, () => RegisterWorkflow.PublishAsync(db, id, Reason, clock, ct), "公表しました。公表ページに反映されています。", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        Step(id, () => RegisterWorkflow.RemoveAsync(db, id, Reason, clock, ct), "消除しました。公表ページには表示されません（記録と履歴は残ります）。", ct);

    private async Task<IActionResult> Step(Guid id, Func<Task<Outcome<PersonalInfoFile>>> step, string done, CancellationToken ct)
    {
        var outcome = await step();
        Flash(outcome, done);
        return Redirect($"/register/{id}");
    }
}
