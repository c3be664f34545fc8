using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Council.Meetings;

/// <summary>
/// 会議で約束した事項: the promises made at a meeting (found in its minutes or typed), who keeps them by when, and
/// the open ones of the council's earlier meetings.
/// </summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class ActionsModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<ActionItem> Made { get; private set; } = [];
    public IReadOnlyList<(ActionItem Item, Meeting Meeting)> Open { get; private set; } = [];
    public IReadOnlyList<ActionCandidate> Candidates { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAddAsync(Guid id, int? turnSeq, string? text, string? owner, string? dueOn, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var due = ParseDate(dueOn, "dueOn");
        var outcome = ModelState.IsValid
            ? await ActionItems.AddAsync(db, id, turnSeq, text, owner, due, ct)
            : Core.Outcome<ActionItem>.Fail("DueOn", ModelState["dueOn"]?.Errors.FirstOrDefault()?.ErrorMessage ?? "期限を確かめてください。");
        Flash(outcome, "約束した事項を記録しました。次の会議のページに、対応するまで表示されます。");
        return Redirect($"/council/meetings/{id}/actions");
    }

    public async Task<IActionResult> OnPostDoneAsync(Guid id, Guid actionId, string? doneOn, string? doneNote, Guid? version, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var done = ParseDate(doneOn, "doneOn");
        var outcome = ModelState.IsValid
            ? await ActionItems.DoneAsync(db, actionId, done, doneNote, version, ct)
            : Core.Outcome<ActionItem>.Fail("DoneOn", ModelState["doneOn"]?.Errors.FirstOrDefault()?.ErrorMessage ?? "対応日を確かめてください。");
        Flash(outcome, done is null ? "未対応に戻しました。" : "対応を記録しました。");
        return Redirect($"/council/meetings/{id}/actions");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        (Made, Open) = await ActionItems.ForMeetingAsync(db, view.Meeting, ct);
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        var recorded = Made.Where(a => a.TurnSeq is not null).Select(a => a.TurnSeq!.Value).ToHashSet();
        Candidates = CanManage ? ActionItems.Candidates(view.Minutes).Where(c => !recorded.Contains(c.Seq)).ToList() : [];
        SetTitle("会議で約束した事項", CouncilCrumbs.Meeting(view));
        return true;
    }
}
