using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Toshin;

/// <summary>答申書: the A4 print page and the .docx.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public Core.Features.Council.Toshin Toshin { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<ToshinConfirmationLine> Confirmations { get; private set; } = [];

    /// <summary>The signed-in member's line when they were asked to confirm the draft.</summary>
    public ToshinConfirmationLine? Mine { get; private set; }

    [BindProperty] public string? DueOn { get; set; }
    [BindProperty] public bool Agrees { get; set; } = true;
    [BindProperty] public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct)
            ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{CouncilNames.ToshinLabel(Toshin.Number)}.docx")
            : NotFound();

    /// <summary>Sends the draft to the members in office for confirmation by a due date.</summary>
    public async Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var due = ParseDate(DueOn, nameof(DueOn));
        var outcome = ModelState.IsValid ? await ToshinConfirmations.RequestAsync(db, id, due, clock, ct) : Core.Outcome<Core.Features.Council.Toshin>.Fail("DueOn", "確認の期限を確かめてください。");
        Flash(outcome, "答申案を委員に送り、確認を依頼しました。委員のお知らせに表示されます。");
        return Redirect($"/council/toshin/{id}");
    }

    /// <summary>A member's answer to the draft: 異議なし, or a comment.</summary>
    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilRespond))
        {
            return Forbid();
        }
        var outcome = await ToshinConfirmations.RespondAsync(db, id, Agrees, Comment, clock, ct);
        Flash(outcome, Agrees ? "「異議なし」で回答しました。" : "意見を送りました。");
        return Redirect($"/council/toshin/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var toshin = await db.Toshins.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (toshin is null)
        {
            return false;
        }
        Toshin = toshin;
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        Document = await ToshinDocument.BuildAsync(db, toshin, clock, ct);
        Confirmations = await ToshinConfirmations.LinesAsync(db, toshin, ct);
        Mine = db.Tenant.UserId is { } user ? Confirmations.FirstOrDefault(c => c.Member.UserId == user) : null;
        SetTitle(CouncilNames.ToshinLabel(toshin.Number), CouncilCrumbs.Top, CouncilCrumbs.Items);
        return true;
    }
}

/// <summary>Gathers what the 答申書 prints: the consultation, the council, the chair on the date, the municipality.</summary>
public static class ToshinDocument
{
    public static async Task<PrintDocument> BuildAsync(AppDbContext db, Core.Features.Council.Toshin toshin, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == toshin.ItemId, ct);
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == toshin.CouncilId, ct);
        var municipality = await db.Municipalities.AsNoTracking().Select(m => m.Name).FirstAsync(ct);
        var date = toshin.AnsweredOn ?? Core.Japanese.JapanTime.Today(clock);
        var chair = (await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == council.Id && m.Role == MemberRole.Chair).ToListAsync(ct))
            .FirstOrDefault(m => m.InOfficeOn(date));
        return CouncilDocuments.Answer(toshin, item, council, chair, municipality);
    }
}
