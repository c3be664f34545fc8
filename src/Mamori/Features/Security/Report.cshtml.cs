using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Security;

/// <summary>
/// 住基ネットのセキュリティ対策の実施状況 (the yearly report to the council): checklist score 今回 / 前回, the
/// server-room tables and the drills — A4 print, Word and Excel from the same content.
/// </summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class ReportModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public FiscalYear Year { get; private set; }
    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];
    public SecurityYearReport Report { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public Task OnGetAsync(int? fy, CancellationToken ct) => LoadAsync(fy, ct);

    public async Task<IActionResult> OnGetDocxAsync(int? fy, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        return File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"セキュリティ対策の実施状況_{Year.ToWareki()}.docx");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int? fy, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        return File(Report.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"セキュリティ対策の実施状況_{Year.ToWareki()}.xlsx");
    }

    private async Task LoadAsync(int? fy, CancellationToken ct)
    {
        Year = SecurityPages.Chosen(fy, clock);
        Years = SecurityPages.FiscalYears(clock);
        Report = await SecurityYearReport.BuildAsync(db, db.Tenant.MunicipalityId!.Value, Year, ct);
        Document = Report.ToDocument();
        SetTitle("年次報告（セキュリティ対策の実施状況）", SecurityPages.Root);
    }
}
