using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Mamori.Features.Organization.Staff;

/// <summary>The staff list as CSV, with the same filters as the page; UTF-8 with BOM or Shift_JIS.</summary>
[Authorize(Policy = Policies.OrganizationRead)]
public sealed class ExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, Guid? department, StaffStatus? status, string? encoding, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var rows = await StaffList.LoadAsync(db, q, department, status, today, ct);
        var csvEncoding = CsvEncodings.FromName(encoding);
        var bytes = CsvWriter.ToBytes(csvEncoding,
            ["職員番号", "氏名", "ふりがな", "部署", "在職状況", "着任日", "退職日"],
            rows.Select(r => new[]
            {
                r.EmployeeNumber, r.Name, r.NameKana, r.Department, r.Status.JapaneseName(),
                r.StartDate?.ToString("yyyy/MM/dd"), r.EndDate?.ToString("yyyy/MM/dd"),
            }));
        await HttpContext.RecordExportAsync("職員一覧（CSV）", rows.Count);
        return File(bytes, CsvEncodings.ContentType(csvEncoding), $"職員一覧_{today:yyyyMMdd}.csv");
    }
}
