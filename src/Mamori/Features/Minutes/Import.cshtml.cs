using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Minutes;

/// <summary>
/// 会議録の取込み: a text file (as extracted from the PDF) is read and shown as structure first;
/// 事務局 then stores it into the council's meeting in one save, or nothing is stored.
/// </summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class ImportModel(AppDbContext db, CurrentTenant tenant) : MamoriPageModel
{
    /// <summary>Minutes files are text: a year of a council's minutes is well under this.</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The decoded text, carried from the preview to the import.</summary>
    [BindProperty] public string? Text { get; set; }

    [BindProperty] public string? FileName { get; set; }

    [BindProperty] public Guid? CouncilId { get; set; }

    public ParsedMinutes? Parsed { get; private set; }
    public string? EncodingName { get; private set; }
    public AdvisoryCouncil? ExistingCouncil { get; private set; }
    public Meeting? ExistingMeeting { get; private set; }
    public bool MinutesExist { get; private set; }
    public List<AdvisoryCouncil> Councils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "取り込む会議録のテキストファイルを選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        var (bytes, tooLarge) = await Uploads.ReadAsync(Upload, MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError(nameof(Upload), $"{tooLarge}会議1回分の会議録ごとに取り込んでください。");
            return Page();
        }
        try
        {
            (Text, EncodingName) = TextFiles.Decode(bytes, FileName);
        }
        catch (Core.Csv.CsvFormatException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            return Page();
        }
        if (Text.Contains('\0'))
        {
            ModelState.AddModelError(nameof(Upload), $"{FileName}：テキストファイルではありません。PDF からテキストを取り出した .txt ファイルを選んでください。");
            return Page();
        }
        await PreviewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        FileName = string.IsNullOrWhiteSpace(FileName) ? "会議録" : Path.GetFileName(FileName);
        if (!await PreviewAsync(ct))
        {
            return Page();
        }
        var outcome = await MinutesImport.RunAsync(db, tenant.MunicipalityId!.Value, Parsed!, FileName, ct, CouncilId);
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

    /// <summary>Parses <see cref="Text"/>; false (with the reason shown) when it is not minutes.</summary>
    private async Task<bool> PreviewAsync(CancellationToken ct)
    {
        var outcome = MinutesParser.Parse(Text, FileName ?? "会議録");
        if (!outcome.Ok)
        {
            FileErrors(outcome);
            Text = null;
            return false;
        }
        Parsed = outcome.Value!;
        var name = Parsed.CouncilName;
        ExistingCouncil = CouncilId is { } id ? Councils.FirstOrDefault(c => c.Id == id) : Councils.FirstOrDefault(c => c.Name == name);
        if (ExistingCouncil is not null)
        {
            ExistingMeeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.CouncilId == ExistingCouncil.Id && m.HeldOn == Parsed.HeldOn, ct);
            MinutesExist = ExistingMeeting is not null && await db.MinutesTurns.AnyAsync(t => t.MeetingId == ExistingMeeting.Id, ct);
        }
        return true;
    }

    /// <summary>Problems with the file are shown at the file field; a council that vanished at the council field.</summary>
    private void FileErrors<T>(Core.Outcome<T> outcome)
    {
        foreach (var (field, messages) in outcome.Errors)
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field == nameof(CouncilId) ? field : nameof(Upload), message);
            }
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("会議録の取込み", CouncilCrumbs.Top, new Crumb("会議録の検索", "/council/minutes/search"));
        Councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
    }
}
