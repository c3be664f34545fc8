using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Statistics;

/// <summary>Imports a dataset's table from CSV (UTF-8 or Shift_JIS) or .xlsx, all or nothing.</summary>
[Authorize(Policy = Policies.StatisticsWrite)]
public sealed class ImportModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>基準日 (dated datasets): typed as 和暦 or Gregorian; blank takes the date in the file's name.</summary>
    [BindProperty] public string? AsOf { get; set; }

    public DatasetDefinition Definition { get; private set; } = null!;
    public string FileName { get; private set; } = "";
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public IActionResult OnGet(string dataset) => Enter(dataset) ? Page() : NotFound();

    public IActionResult OnGetTemplate(string dataset)
    {
        if (!Enter(dataset))
        {
            return NotFound();
        }
        return File(CsvWriter.ToBytes(CsvEncoding.Utf8Bom, Definition.ExpectedHeadings.Split(','), []), "text/csv; charset=utf-8", $"{Definition.Name}_見本.csv");
    }

    public async Task<IActionResult> OnPostAsync(string dataset, CancellationToken ct)
    {
        if (!Enter(dataset))
        {
            return NotFound();
        }
        var (bytes, tooLarge) = await Uploads.ReadAsync(Upload, 20 * 1024 * 1024, ct);
        if (tooLarge is not null || bytes.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), tooLarge ?? "取り込むファイルを選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload!.FileName);
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
            result = await StatisticsTables.ImportAsync(db, db.Tenant.MunicipalityId!.Value, Definition, TableFile.Read(new MemoryStream(bytes), FileName), asOf, ct);
        }
        catch (CsvFormatException ex)
        {
            ModelState.AddModelError(nameof(Upload), ex.Message);
            return Page();
        }
        if (!result.Ok)
        {
            Problems = result.Problems;
            return Page();
        }
        var periods = string.Join("、", result.Periods.Select(p => StatisticsTables.FormatPeriod(Definition, p)));
        Flash($"{FileName} から{Definition.Name}（{periods}）の {result.Imported} 行を取り込みました。");
        return Redirect($"/statistics/{Definition.Key}" + (Definition.PeriodKind == PeriodKind.AsOfDate ? $"?period={result.Periods[0]}" : ""));
    }

    private bool Enter(string dataset)
    {
        if (Datasets.Find(dataset) is not { } definition)
        {
            return false;
        }
        Definition = definition;
        SetTitle($"{definition.Name}の取込み", StatisticsPages.Root, new Crumb(definition.Name, $"/statistics/{definition.Key}"));
        return true;
    }
}
