using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Council.Meetings;

/// <summary>
/// 開催通知 as a member receives it: read-only, printable and as .docx, once the office has issued it (通知日 set).
/// A 委員 sees the notices of the councils they sit on (the query filters), for the meetings they are invited to.
/// </summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class NoticeCopyModel(AppDbContext db) : MamoriPageModel
{
    public MeetingView View { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct)
            ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"開催通知_{View.Council.Name}_{View.Meeting.Title}.docx")
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null || view.Meeting.NoticeOn is null)
        {
            return false;
        }
        // A member opens the notice of a meeting they are invited to: in office on its day.
        if (User.IsInRole(nameof(UserRole.Member)) && !view.InOffice.Any(m => m.UserId is not null && m.UserId == db.Tenant.UserId))
        {
            return false;
        }
        View = view;
        Document = CouncilDocuments.Notice(view);
        SetTitle("開催通知", CouncilCrumbs.Meeting(view));
        return true;
    }
}
