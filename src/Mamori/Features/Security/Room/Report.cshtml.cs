using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace Mamori.Features.Security.Room;

/// <summary>入退室の集計: the fiscal year by month, the years side by side, the reasons per category and a bar chart; print, CSV, Excel.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class ReportModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public FiscalYear Year { get; private set; }
    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];
    public RoomSummary Summary { get; private set; } = null!;
    public FiscalYearTable Table => Summary.Year;
    public PrintBarChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(int? fy, CancellationToken ct) => await LoadAsync(fy, ct);

    public async Task<IActionResult> OnGetCsvAsync(int? fy, string? encoding, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        var enc = CsvEncodings.FromName(encoding);
        return File(CsvWriter.ToBytes(enc, ["区分", .. SecurityYearReport.MonthHeaders(Table), "合計"], SecurityYearReport.MonthRows(Table, separators: false)),
            CsvEncodings.ContentType(enc), $"CSルーム入退室_{Year.ToWareki()}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int? fy, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        using var stream = new MemoryStream();
        stream.SaveAs(SecurityYearReport.RoomSheets(Summary));
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"CSルーム入退室_{Year.ToWareki()}.xlsx");
    }

    private async Task LoadAsync(int? fy, CancellationToken ct)
    {
        Year = SecurityPages.Chosen(fy, clock);
        Years = await SecurityPages.RoomYearsAsync(db, clock, ct);
        Summary = await RoomAccess.SummaryAsync(db, db.Tenant.MunicipalityId!.Value, Year, SecurityYearReport.YearsShown, ct);
        Chart = new PrintBarChart($"{Year.ToWareki()} 月別入室件数", SecurityYearReport.MonthHeaders(Table),
            [new ChartSeries("職員", Table.Months.Select(m => m.Staff).ToList()), new ChartSeries("ベンダー等", Table.Months.Select(m => m.Vendor).ToList())]);
        SetTitle($"{Year.ToWareki()} CSルーム入退室の集計", new Crumb("CSルーム入退室", "/security/room"));
    }
}
