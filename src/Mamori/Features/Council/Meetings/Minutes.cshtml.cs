using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Council.Meetings;

/// <summary>A meeting's minutes: speaker turns, read by everyone who may see the meeting, written by 事務局 until confirmed.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class MinutesModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public MeetingView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<ActionItem> Promises { get; private set; } = [];

    [BindProperty] public string? Text { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Text = MinutesParser.Format(View.Minutes.Select(t => new ParsedTurn(t.Speaker, null, SpeakerGroup.Unknown, t.Text, t.IsNote)));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await CouncilWorkflow.SaveMinutesAsync(db, id, Text, ct);
        if (outcome.Ok)
        {
            Flash("会議録を保存しました。");
            return Redirect($"/council/meetings/{id}/minutes");
        }
        AddErrors(outcome, "");
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Marks a run of turns said in closed session (非公開), or opens them again; confirmed minutes too, since publishing follows.</summary>
    public async Task<IActionResult> OnPostClosedTurnsAsync(Guid id, int? fromSeq, int? toSeq, bool closed, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await ClosedSession.SetTurnsAsync(db, id, fromSeq, toSeq, closed, ct);
        Flash(outcome, closed ? $"{outcome.Value}件の発言を非公開にしました。公開ページと公開の検索には載りません。" : $"{outcome.Value}件の発言を公開の対象に戻しました。");
        return Redirect($"/council/meetings/{id}/minutes");
    }

    /// <summary>Marks an item of the meeting deliberated in closed session (its title and materials leave the public page).</summary>
    public async Task<IActionResult> OnPostClosedItemAsync(Guid id, Guid itemId, bool closed, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await ClosedSession.SetItemAsync(db, id, itemId, closed, ct);
        Flash(outcome, closed ? "議題を非公開の審議にしました。公開ページには「非公開の議題」とだけ載ります。" : "議題を公開の審議に戻しました。");
        return Redirect($"/council/meetings/{id}/minutes");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        Promises = (await ActionItems.ForMeetingAsync(db, view.Meeting, ct)).Made;
        CanEdit = view.Meeting.Status != MeetingStatus.MinutesConfirmed && CanManage;
        SetTitle("会議録", CouncilCrumbs.Meeting(view));
        return true;
    }
}
