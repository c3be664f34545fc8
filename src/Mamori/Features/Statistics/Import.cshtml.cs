using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Statistics;

/// <summary>
/// Imports a dataset's table from CSV (UTF-8 or Shift_JIS) or .xlsx, all or nothing. Totals and rates in the file
/// that differ from the computed ones are shown row by row and cell by cell; the office corrects them (the
/// computed figures stand) or accepts them (the file's figures are kept, marked ※), without uploading again.
/// </summary>
[Authorize(Policy = Policies.StatisticsWrite)]
public sealed class ImportModel(AppDbContext db, IDataProtectionProvider protection) : MamoriPageModel
{
    /// <summary>The largest file kept in the page between the check and the choice.</summary>
    private const int HeldLimit = 2 * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>基準日 (dated datasets): typed as 和暦 or Gregorian; blank takes the date in the file's name.</summary>
    [BindProperty] public string? AsOf { get; set; }

    [BindProperty] public SuppliedChoice Choice { get; set; }

    /// <summary>The checked file, protected, carried from the check to the choice.</summary>
    [BindProperty] public string? Held { get; set; }

    [BindProperty] public string? HeldName { get; set; }

    public DatasetDefinition Definition { get; private set; } = null!;
    public string FileName { get; private set; } = "";
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public StatImportResult? Checked { get; private set; }

    private IDataProtector Protector => protection.CreateProtector("Mamori.Statistics.ImportCheck");

    public async Task<IActionResult> OnGetAsync(string dataset, CancellationToken ct) => await EnterAsync(dataset, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetTemplateAsync(string dataset, CancellationToken ct)
    {
        if (!await EnterAsync(dataset, ct))
        {
            return NotFound();
        }
        return File(CsvWriter.ToBytes(CsvEncoding.Utf8Bom, Definition.ExpectedHeadings.Split(','), []), "text/csv; charset=utf-8", $"{Definition.Name}_見本.csv");
    }

    public async Task<IActionResult> OnPostAsync(string dataset, CancellationToken ct)
    {
        if (!await EnterAsync(dataset, ct))
        {
            return NotFound();
        }
        byte[] bytes;
        if (Upload is null && Held is { Length: > 0 } held)
        {
            try
            {
                bytes = Protector.Unprotect(Convert.FromBase64String(held));
            }
            catch (Exception ex) when (ex is FormatException or System.Security.Cryptography.CryptographicException)
            {
                ModelState.AddModelError(nameof(Upload), "確認したファイルを読めませんでした。もう一度ファイルを選んで取り込んでください。");
                return Page();
            }
            FileName = Path.GetFileName(HeldName ?? "table.csv");
        }
        else
        {
            var (read, tooLarge) = await Uploads.ReadAsync(Upload, 20 * 1024 * 1024, ct);
            if (tooLarge is not null || read.Length == 0)
            {
                ModelState.AddModelError(nameof(Upload), tooLarge ?? "取り込むファイルを選んでください。");
                return Page();
            }
            bytes = read;
            FileName = Path.GetFileName(Upload!.FileName);
        }
        DateOnly? asOf = null;
        if (Definition.PeriodKind == PeriodKind.AsOfDate)
        {
            asOf = string.IsNullOrWhiteSpace(AsOf) ? StatisticsTables.DateInFileName(FileName) : ParseDate(AsOf, nameof(AsOf));
            if (!ModelState.IsValid)
            {
                return Page();
            }
            if (asOf is null)
            {
                ModelState.AddModelError(nameof(AsOf), "基準日（いつ現在の数か）を入力してください。例：令和5年10月31日、2023-10-31");
                return Page();
            }
        }
        StatImportResult result;
        try
        {
            result = await StatisticsTables.ImportAsync(db, db.Tenant.MunicipalityId!.Value, Definition, TableFile.Read(new MemoryStream(bytes), FileName), asOf, Choice, ct);
        }
        catch (CsvFormatException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            return Page();
        }
        if (result.NeedsChoice)
        {
            Checked = result;
            if (bytes.Length <= HeldLimit)
            {
                (Held, HeldName) = (Convert.ToBase64String(Protector.Protect(bytes)), FileName);
            }
            return Page();
        }
        if (!result.Ok)
        {
            Problems = result.Problems;
            return Page();
        }
        var periods = string.Join("、", result.Periods.Select(p => StatisticsTables.FormatPeriod(Definition, p)));
        var differences = result.Mismatches.Count == 0 ? ""
            : Choice == SuppliedChoice.Accept ? $"計算と異なる {result.Mismatches.Count} か所はファイルの数値を残しました（※印）。"
            : $"計算と異なる {result.Mismatches.Count} か所は計算した値にしました。";
        Flash($"{FileName} から{Definition.Name}（{periods}）の {result.Imported} 行を取り込みました。{differences}");
        return Redirect($"/statistics/{Definition.Key}" + (Definition.PeriodKind == PeriodKind.AsOfDate ? $"?period={result.Periods[0]}" : ""));
    }

    private async Task<bool> EnterAsync(string dataset, CancellationToken ct)
    {
        if (await StatDatasets.FindAsync(db, db.Tenant.MunicipalityId!.Value, dataset, ct) is not { } definition)
        {
            return false;
        }
        Definition = definition;
        SetTitle($"{definition.Name}の取込み", StatisticsPages.Root, new Crumb(definition.Name, $"/statistics/{definition.Key}"));
        return true;
    }
}
