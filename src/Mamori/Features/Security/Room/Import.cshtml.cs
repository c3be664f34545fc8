using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Security.Room;

/// <summary>Imports the entry log from CSV (UTF-8 or Shift_JIS) or .xlsx, all or nothing.</summary>
[Authorize(Policy = Policies.SecurityWrite)]
public sealed class ImportModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public string FileName { get; private set; } = "";
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];

    public void OnGet() => SetTitle("入退室記録の取込み", new Crumb("CSルーム入退室", "/security/room"));

    public FileContentResult OnGetTemplate() =>
        File(CsvWriter.ToBytes(CsvEncoding.Utf8Bom, RoomAccess.Headers, []), "text/csv; charset=utf-8", "CSルーム入退室_見本.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        OnGet();
        var (bytes, tooLarge) = await Uploads.ReadAsync(Upload, 20 * 1024 * 1024, ct);
        if (tooLarge is not null || bytes.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), tooLarge ?? "取り込むファイルを選んでください。");
            return Page();
        }
        FileName = Path.GetFileName(Upload!.FileName);
        RoomImportResult result;
        try
        {
            result = await RoomAccess.ImportAsync(db, db.Tenant.MunicipalityId!.Value, TableFile.Read(new MemoryStream(bytes), FileName), clock, ct);
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
        Flash($"{FileName} を取り込みました（{result.Imported} 件" + (result.AlreadyRegistered > 0 ? $"。登録済みの {result.AlreadyRegistered} 件は重ねて登録していません" : "") + "）。");
        return Redirect($"/security/room/report?fy={result.LatestYear?.StartYear}");
    }
}
