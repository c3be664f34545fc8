using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Council.Meetings;

/// <summary>開催通知: its number, date, addressees and notes; printable (A4) and as .docx.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class NoticeModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? NoticeNumber { get; set; }
        public string? NoticeOn { get; set; }
        public string? NoticeTo { get; set; }
        public string? NoticeNote { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public MeetingView View { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var m = View.Meeting;
        Input = new InputModel
        {
            NoticeNumber = m.NoticeNumber,
            NoticeOn = m.NoticeOn is { } d ? Core.Japanese.WarekiDate.Format(d) : null,
            NoticeTo = m.NoticeTo,
            NoticeNote = m.NoticeNote,
        };
        return Page();
    }

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"開催通知_{View.Council.Name}_{View.Meeting.Title}.docx");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var on = ParseDate(Input.NoticeOn, "Input.NoticeOn");
        if (ModelState.IsValid)
        {
            var outcome = await CouncilWorkflow.SaveNoticeAsync(db, id, new NoticeInput(Input.NoticeNumber, on, Input.NoticeTo, Input.NoticeNote), ct);
            if (outcome.Ok)
            {
                Flash("開催通知を保存しました。");
                return Redirect($"/council/meetings/{id}/notice");
            }
            AddErrors(outcome);
        }
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
        Document = CouncilDocuments.Notice(view);
        SetTitle("開催通知", CouncilCrumbs.Meeting(view));
        return true;
    }
}
