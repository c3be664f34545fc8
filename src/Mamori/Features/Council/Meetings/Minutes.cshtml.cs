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

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        CanEdit = view.Meeting.Status != MeetingStatus.MinutesConfirmed && await AllowedAsync(authz, Policies.CouncilManage);
        SetTitle("会議録", CouncilCrumbs.Meeting(view));
        return true;
    }
}
