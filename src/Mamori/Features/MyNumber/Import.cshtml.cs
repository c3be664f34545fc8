using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.MyNumber;

/// <summary>Imports the list of 独自利用事務 in force from CSV (UTF-8 or Shift_JIS) or .xlsx, all or nothing.</summary>
[Authorize(Policy = Policies.AssessmentsWrite)]
public sealed class ImportModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public string FileName { get; private set; } = "";
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet() => SetTitle("独自利用事務の一覧の取込み", new Crumb("独自利用事務", "/mynumber"));

    public FileContentResult OnGetTemplate() =>
        File(CsvWriter.ToBytes(CsvEncoding.Utf8Bom, MyNumberImport.Headers, []), "text/csv; charset=utf-8", "独自利用事務_見本.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OnGet();
        var (bytes, tooLarge) = await Uploads.ReadAsync(Upload, 5 * 1024 * 1024, ct);
        if (tooLarge is not null || bytes.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), tooLarge ?? "取り込むファイルを選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload!.FileName);
        ProcedureImportResult result;
        try
        {
            result = await MyNumberImport.RunAsync(db, db.Tenant.MunicipalityId!.Value, TableFile.Read(new MemoryStream(bytes), FileName), ct);
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
        Flash($"{FileName} を取り込みました（新規 {result.Created} 件、更新 {result.Updated} 件、変更なし {result.Unchanged} 件）。");
        return Redirect("/mynumber");
    }
}
