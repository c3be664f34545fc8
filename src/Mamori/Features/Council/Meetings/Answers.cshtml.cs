using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Meetings;

/// <summary>The compiled written Q&amp;A of a meeting (記載箇所 | 委員からのご意見・ご質問 | 区の回答): print and .docx.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class AnswersModel(AppDbContext db) : MamoriPageModel
{
    public MeetingView View { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct)
            ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"ご意見・ご質問と回答_{View.Meeting.Title}.docx")
            : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        var municipality = await db.Municipalities.AsNoTracking().Select(m => m.Name).FirstAsync(ct);
        Document = CouncilDocuments.Answers(view, municipality);
        SetTitle("ご意見・ご質問と回答", CouncilCrumbs.Meeting(view));
        return true;
    }
}
