using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Systems;

/// <summary>
/// アカウント点検の状況 for the PPC or the council: per system, then each system's listings with what was done, on A4
/// landscape sheets, as Word and as .xlsx. <c>?system=</c> limits it to one system.
/// </summary>
[Authorize(Policy = Policies.SystemsRead)]
public sealed class StatusModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)] public Guid? System { get; set; }
    public PrintDocument Document { get; private set; } = null!;
    public AccountCheckReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => await LoadAsync(ct)
        ? File(Report.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"アカウント点検の状況_{Report.Today:yyyyMMdd}.xlsx")
        : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct) => await LoadAsync(ct)
        ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"アカウント点検の状況_{Report.Today:yyyyMMdd}.docx")
        : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (System is { } id && !await db.BusinessSystems.AnyAsync(s => s.Id == id, ct))
        {
            return false;
        }
        Report = await AccountCheckReport.BuildAsync(db, JapanTime.Today(clock), System, ct);
        Document = Report.ToDocument();
        SetTitle("アカウント点検の状況", SystemsPages.Root);
        return true;
    }
}
