using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Core.Japanese;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Features.Register.Public;

/// <summary>The published register as CSV (UTF-8 with BOM or Shift_JIS) or Excel; always a download, never inline.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublishedPageCache.Policy)]
public sealed class ExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string code, string? format, string? encoding, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        var rows = (await RegisterQueries.PublishedAsync(db, null, ct)).Select(e => RegisterCsv.Row(e.Content, e.RevisedOn)).ToList();
        var name = $"{m.Name}_個人情報ファイル簿_{JapanTime.Today(clock):yyyyMMdd}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return File(RegisterSpreadsheet.ToXlsx(rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }
        var csvEncoding = CsvEncodings.FromName(encoding);
        return File(CsvWriter.ToBytes(csvEncoding, RegisterCsv.Headers, rows),
            CsvEncodings.ContentType(csvEncoding), name + ".csv");
    }
}
