using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Findings;

/// <summary>
/// "改善指導の内容 | 区の対応（改善策）" for one inspection, as the office reports it to the council: A4 print,
/// Word to edit further, Excel with the tracking columns. The office's and the auditors' view of the whole table.
/// </summary>
[Authorize(Policy = Policies.FindingsReport)]
public sealed class InspectionTableModel(AppDbContext db) : MamoriPageModel
{
    public FindingTable Table { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetDocxAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct)
        ? File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{Table.Inspection.Title}_改善指導と対応.docx")
        : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct)
        ? File(Table.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Table.Inspection.Title}_指摘事項.xlsx")
        : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await FindingTable.BuildAsync(db, id, ct) is not { } table)
        {
            return false;
        }
        Table = table;
        Document = table.ToDocument();
        SetTitle("改善指導の内容と対応", FindingsPages.Root, FindingsPages.Inspections, new Crumb(table.Inspection.Title, $"/findings/inspections/{id}"));
        return true;
    }
}
