using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>月次報告: the month's figures as an A4 page, Word and Excel (the same blocks and figures).</summary>
[Authorize(Policy = Policies.AccessRead)]
public sealed class ReportModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    /// <summary>yyyy-MM; by default the last month analysed.</summary>
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public DateOnly Chosen { get; private set; }
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];
    public AccessMonthReport Report { get; private set; } = null!;
    public PrintDocument Document { get; private set; } = null!;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // The report names the users with repeated alerts: an export of personal data, recorded.
        await HttpContext.RecordExportAsync($"アクセスログ監視 月次報告 {Chosen:yyyy-MM}（Excel）", Report.RepeatUsers.Count);
        return File(Report.ToXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"アクセスログ監視_月次報告_{Chosen:yyyy-MM}.xlsx");
    }

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await HttpContext.RecordExportAsync($"アクセスログ監視 月次報告 {Chosen:yyyy-MM}（Word）", Report.RepeatUsers.Count);
        return File(Document.ToDocx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"アクセスログ監視_月次報告_{Chosen:yyyy-MM}.docx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        // The last month analysed (what the officer has just worked), else the last month with logs, else last month.
        var analysed = await db.AccessAnalyses.AsNoTracking().OrderByDescending(a => a.RanAt).Select(a => (DateOnly?)a.To).FirstOrDefaultAsync(ct)
            ?? await db.AccessDays.AsNoTracking().MaxAsync(d => (DateOnly?)d.Day, ct);
        var fallback = analysed is { } last ? new DateOnly(last.Year, last.Month, 1) : new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        Chosen = DateOnly.TryParseExact((Month ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m : fallback;
        var days = await db.AccessDays.AsNoTracking().Select(d => d.Day).ToListAsync(ct);
        var alertDays = await db.AccessAlerts.AsNoTracking().Select(a => a.Day).Distinct().ToListAsync(ct);
        Months = days.Concat(alertDays).Append(Chosen).Append(fallback).Select(d => new DateOnly(d.Year, d.Month, 1)).Distinct().OrderDescending().ToList();
        Report = await AccessMonthReport.BuildAsync(db, Chosen, ct);
        var municipality = await db.Municipalities.Where(x => x.Id == db.Tenant.MunicipalityId).Select(x => x.Name).FirstAsync(ct);
        Document = Report.ToDocument(municipality, today);
        SetTitle("月次報告", AccessPages.Root);
    }
}
