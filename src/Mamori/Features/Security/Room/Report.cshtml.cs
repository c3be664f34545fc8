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
    public FiscalYearTable Table { get; private set; } = null!;
    public List<FiscalYearTable> YearTables { get; private set; } = [];
    public List<ReasonCount> Reasons { get; private set; } = [];
    public PrintBarChart Chart { get; private set; } = null!;

    public async Task OnGetAsync(int? fy, CancellationToken ct) => await LoadAsync(fy, ct);

    public async Task<IActionResult> OnGetCsvAsync(int? fy, string? encoding, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        var enc = CsvEncodings.FromName(encoding);
        var rows = SecurityYearReport.MonthRows(Table).Select(r => r.Select(c => c.Replace(",", "", StringComparison.Ordinal)).ToArray());
        return File(CsvWriter.ToBytes(enc, ["区分", .. SecurityYearReport.MonthHeaders(Table), "合計"], rows),
            enc == CsvEncoding.Cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8", $"CSルーム入退室_{Year.ToWareki()}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(int? fy, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        static Dictionary<string, object?> Row(string label, IEnumerable<(string Header, int Value)> cells)
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal) { ["区分"] = label };
            foreach (var (h, v) in cells)
            {
                row[h] = v;
            }
            return row;
        }
        var months = new[] { ("職員", (Func<MonthCount, int>)(m => m.Staff)), ("ベンダー等", m => m.Vendor), ("月計", m => m.Total) }
            .Select(r => Row(r.Item1, Table.Months.Select(m => ($"{m.Month.Month}月", r.Item2(m))).Append(("合計", Table.Months.Sum(r.Item2))))).ToList();
        var years = new[] { ("職員", (Func<FiscalYearTable, int>)(y => y.Staff)), ("ベンダー等", y => y.Vendor), ("計", y => y.Total) }
            .Select(r => Row(r.Item1, YearTables.Select(y => (y.Year.ToWareki(), r.Item2(y))))).ToList();
        var reasons = Reasons.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal) { ["区分"] = r.Kind.JapaneseName(), ["入室理由"] = r.Reason, ["件数"] = r.Count }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object>
        {
            ["月別"] = months,
            ["年度別"] = years,
            ["入室理由"] = reasons.Count > 0 ? reasons : [new Dictionary<string, object?> { ["区分"] = null }],
        });
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"CSルーム入退室_{Year.ToWareki()}.xlsx");
    }

    private async Task LoadAsync(int? fy, CancellationToken ct)
    {
        Year = SecurityPages.Chosen(fy, clock);
        var municipality = db.Tenant.MunicipalityId!.Value;
        Years = (await RoomAccess.YearsWithEntriesAsync(db, ct)).Union(SecurityPages.FiscalYears(clock)).Distinct().OrderByDescending(y => y.StartYear).ToList();
        YearTables = await RoomAccess.YearsAsync(db, municipality, new FiscalYear(Year.StartYear - SecurityYearReport.YearsShown + 1), Year, ct);
        Table = YearTables[^1];
        Reasons = await RoomAccess.ReasonsAsync(db, municipality, Year, ct);
        Chart = new PrintBarChart($"{Year.ToWareki()} 月別入室件数", SecurityYearReport.MonthHeaders(Table),
            [new ChartSeries("職員", Table.Months.Select(m => m.Staff).ToList()), new ChartSeries("ベンダー等", Table.Months.Select(m => m.Vendor).ToList())]);
        SetTitle($"{Year.ToWareki()} CSルーム入退室の集計", new Crumb("CSルーム入退室", "/security/room"));
    }
}
