using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Register;

[Authorize(Policy = Policies.RegisterWrite)]
public sealed class ImportModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public string FileName { get; private set; } = string.Empty;
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet() => SetTitle("CSV・Excel から取り込む", new Crumb("個人情報ファイル簿", "/register"));

    public FileContentResult OnGetTemplate() =>
        File(CsvWriter.ToBytes(CsvEncoding.Utf8Bom, RegisterCsv.Headers, []), "text/csv; charset=utf-8", "個人情報ファイル簿_見本.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OnGet();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "取り込むファイルを選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        ImportResult result;
        try
        {
            await using var stream = Upload.OpenReadStream();
            var table = TableFile.Read(stream, FileName);
            result = await ImportRegister.RunAsync(db, table, ct);
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
        Flash($"{FileName} を取り込みました（新規 {result.Created} 件、更新 {result.Updated} 件、変更なし {result.Unchanged} 件）。新規と更新のファイルは下書きです。");
        return Redirect("/register");
    }
}
