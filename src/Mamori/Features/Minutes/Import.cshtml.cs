using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Minutes;

/// <summary>
/// 会議録の取込み: a PDF, Word file, saved web page or text is read and shown as structure first, with where
/// it will go — the council (found, chosen, or a new one to confirm), the meeting, and each numbered agenda
/// item beside the registered item of the same number. A doubtful match is shown side by side and waits for
/// a choice (link, new item, leave out). 事務局 then stores it in one save, or nothing is stored.
/// </summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class ImportModel(AppDbContext db, CurrentTenant tenant, TimeProvider clock) : MamoriPageModel
{
    /// <summary>The value of the council choice that confirms a new council.</summary>
    public const string NewCouncilValue = "new";

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The text read from the file, carried from the preview to the import.</summary>
    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? FileName { get; set; }

    /// <summary>The SHA-256 of the uploaded file, carried to the import to recognise the same file later.</summary>
    [BindProperty] public string? Sha256 { get; set; }

    [BindProperty] public string? Format { get; set; }

    /// <summary>A council's id, <see cref="NewCouncilValue"/>, or empty (the council of the minutes' name).</summary>
    [BindProperty] public string? Council { get; set; }

    /// <summary>
    /// The choice for each numbered agenda entry, by its index in the agenda (form fields <c>Choices[n]</c>, read
    /// from the form: a bound dictionary would take every other field of the form when none is chosen).
    /// </summary>
    public Dictionary<int, AgendaChoice> Choices { get; private set; } = [];

    public ParsedMinutes? Parsed { get; private set; }
    public MinutesPlan? Plan { get; private set; }
    public List<AdvisoryCouncil> Councils { get; private set; } = [];

    /// <summary>The text of a written meeting's opinion table, offered to a written meeting instead of being refused.</summary>
    public string? SheetText { get; private set; }

    /// <summary>The written meetings the table can go to, the latest first.</summary>
    public List<(Meeting Meeting, string Council)> WrittenMeetings { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "取り込む会議録のファイルを選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        var (bytes, tooLarge) = await Uploads.ReadAsync(Upload, MinutesDocument.MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError(nameof(Upload), $"{tooLarge}会議1回分の会議録ごとに取り込んでください。");
            return Page();
        }
        var source = MinutesDocument.Read(bytes, FileName);
        if (!source.Ok)
        {
            FileErrors(source);
            return Page();
        }
        (Text, Format, Sha256) = (source.Value!.Text, source.Value.Format, MinutesImportRequest.Hash(bytes));
        Choices = [];
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Choices = ReadChoices(Request.Form);
        FileName = string.IsNullOrWhiteSpace(FileName) ? "会議録" : Path.GetFileName(FileName);
        if (!await PreviewAsync(ct))
        {
            return Page();
        }
        var councilId = Guid.TryParse(Council, out var id) ? id : (Guid?)null;
        var request = new MinutesImportRequest(FileName, Sha256 is { Length: 64 } ? Sha256 : MinutesImportRequest.Hash(System.Text.Encoding.UTF8.GetBytes(Text!)),
            Format ?? "テキスト", councilId, Council == NewCouncilValue, Choices, clock.GetUtcNow().UtcDateTime);
        var outcome = await MinutesImport.RunAsync(db, tenant.MunicipalityId!.Value, Parsed!, request, ct);
        if (!outcome.Ok)
        {
            FileErrors(outcome);
            return Page();
        }
        var imported = outcome.Value!;
        Flash($"{FileName} を取り込みました（発言 {imported.Utterances} 件、注記 {imported.Notes} 件）。"
            + (imported.NewCouncil ? $"審議会「{Parsed!.CouncilName}」を新しく登録しました。委員と定足数を登録してください。" : string.Empty));
        return Redirect($"/council/meetings/{imported.MeetingId}/minutes");
    }

    private static Dictionary<int, AgendaChoice> ReadChoices(IFormCollection form)
    {
        var choices = new Dictionary<int, AgendaChoice>();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("Choices[", StringComparison.Ordinal) && key.EndsWith(']')
                && int.TryParse(key.AsSpan(8, key.Length - 9), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && Enum.TryParse<AgendaChoice>(value.ToString(), out var choice) && Enum.IsDefined(choice))
            {
                choices[index] = choice;
            }
        }
        return choices;
    }

    /// <summary>Parses <see cref="Text"/> and plans the import; false (with the reason shown) when it is not minutes.</summary>
    private async Task<bool> PreviewAsync(CancellationToken ct)
    {
        var outcome = MinutesParser.Parse(Text, FileName ?? "会議録");
        if (!outcome.Ok)
        {
            FileErrors(outcome);
            if (WrittenAnswerSheet.Looks(Text))
            {
                SheetText = Text;
                WrittenMeetings = (await db.Meetings.AsNoTracking().Where(m => m.Kind == MeetingKind.Written)
                    .Join(db.Councils, m => m.CouncilId, c => c.Id, (m, c) => new { Meeting = m, Council = c.Name })
                    .OrderByDescending(x => x.Meeting.HeldOn).Take(20).ToListAsync(ct)).Select(x => (x.Meeting, x.Council)).ToList();
            }
            Text = null;
            return false;
        }
        Parsed = outcome.Value!;
        var councilId = Guid.TryParse(Council, out var id) && Councils.Any(c => c.Id == id) ? id : (Guid?)null;
        Plan = await MinutesLinking.PlanAsync(db, tenant.MunicipalityId!.Value, Parsed, councilId, Sha256, ct);
        Council ??= Plan.Council?.Id.ToString();
        return true;
    }

    /// <summary>Problems with the file are shown at the file field; a council or an agenda choice at its own field.</summary>
    private void FileErrors<T>(Core.Outcome<T> outcome)
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field == "CouncilId" ? nameof(Council) : field.StartsWith("Choices", StringComparison.Ordinal) ? field : nameof(Upload), message);
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("会議録の取込み", CouncilCrumbs.Top, new Crumb("会議録の検索", "/council/minutes/search"));
        Councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
    }
}
