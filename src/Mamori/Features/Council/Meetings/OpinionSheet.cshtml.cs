using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Council.Meetings;

/// <summary>
/// A written meeting's published table of questions and answers (「記載箇所 | ご意見・ご質問 | 回答」, as PDF,
/// Word, HTML or text) read into the meeting: each row shown with the member and the item it will be stored
/// under (suggested from the table, chosen where it does not say), then stored in one save, or nothing is.
/// </summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class OpinionSheetModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The text read from the file, carried from the preview to the import (or from the minutes import).</summary>
    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? FileName { get; set; }

    public MeetingView View { get; private set; } = null!;
    public IReadOnlyList<SheetPlacement>? Rows { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Upload is { Length: > 0 })
        {
            FileName = Path.GetFileName(Upload.FileName);
            var (bytes, tooLarge) = await Uploads.ReadAsync(Upload, MinutesDocument.MaxBytes, ct);
            var source = tooLarge is null ? MinutesDocument.Read(bytes, FileName) : null;
            if (source is not { Ok: true })
            {
                ModelState.AddModelError(nameof(Upload), tooLarge ?? source!.Describe());
                return Page();
            }
            Text = source.Value!.Text;
        }
        if (string.IsNullOrWhiteSpace(Text))
        {
            ModelState.AddModelError(nameof(Upload), "取り込む表のファイルを選んでください。");
            return Page();
        }
        Read(suggest: true);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!Read(suggest: false))
        {
            return Page();
        }
        var outcome = await CouncilWorkflow.ImportOpinionSheetAsync(db, id, Rows!, FileName!, clock, ct);
        if (!outcome.Ok)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                foreach (var message in messages)
                {
                    ModelState.AddModelError(field.Length == 0 ? nameof(Upload) : field, message);
                }
            }
            return Page();
        }
        var done = outcome.Value!;
        Flash($"{FileName} から質問・意見 {done.Opinions} 件（回答 {done.Answered} 件）を取り込みました。"
            + (done.AlreadyThere > 0 ? $"登録済みの {done.AlreadyThere} 件は重ねて登録していません。" : string.Empty));
        return Redirect($"/council/meetings/{id}");
    }

    /// <summary>The rows of <see cref="Text"/> with the members and items suggested, or as chosen on the form.</summary>
    private bool Read(bool suggest)
    {
        FileName = string.IsNullOrWhiteSpace(FileName) ? "ご意見・ご質問と回答" : Path.GetFileName(FileName);
        var sheet = WrittenAnswerSheet.Read(Text, FileName);
        if (!sheet.Ok)
        {
            ModelState.AddModelError(nameof(Upload), sheet.Describe());
            Text = null;
            return false;
        }
        var suggested = CouncilWorkflow.Suggest(View, sheet.Value!);
        Rows = suggest ? suggested : suggested.Select((r, i) => r with { MemberId = Chosen($"Members[{i}]"), ItemId = Chosen($"Items[{i}]") }).ToList();
        return true;
    }

    private Guid? Chosen(string field) => Guid.TryParse(Request.Form[field].ToString(), out var id) ? id : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        SetTitle("ご意見・ご質問と回答の表の取込み", CouncilCrumbs.Meeting(view));
        return true;
    }
}
