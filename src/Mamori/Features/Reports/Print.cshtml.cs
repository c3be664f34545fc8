using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reports;

/// <summary>A report laid out for A4 (表紙, 目次, a page per chapter, page numbers), and the same as Word and Excel.</summary>
[Authorize(Policy = Policies.ReportsRead)]
public sealed class PrintModel(AppDbContext db) : MamoriPageModel
{
    public AnnualReport Report { get; private set; } = null!;
    public BuiltReport Built { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? File(Built.Document.ToDocx(), ReportsPages.DocxType, $"{Built.Document.Title}.docx") : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? File(AnnualReports.ToXlsx(Built), ReportsPages.XlsxType, $"{Built.Document.Title}.xlsx") : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return false;
        }
        Report = report;
        Built = await AnnualReports.BuildAsync(db, report, ct);
        SetTitle(Built.Document.Title, ReportsPages.Root, new Crumb(report.Year.ToWareki(), $"/reports/{id}"));
        return true;
    }
}
