using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.Room;

/// <summary>CSルーム入退室: the entries of a fiscal year, newest first.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public FiscalYear Year { get; private set; }
    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];
    public List<RoomEntry> Entries { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(int? fy, CancellationToken ct) => await LoadAsync(fy, ct);

    /// <summary>The year's entries as CSV in the import layout (入退室記録簿), oldest first.</summary>
    public async Task<IActionResult> OnGetCsvAsync(int? fy, string? encoding, CancellationToken ct)
    {
        await LoadAsync(fy, ct);
        var enc = CsvEncodings.FromName(encoding);
        await HttpContext.RecordExportAsync("CSルーム入退室記録（CSV）", Entries.Count);
        return File(CsvWriter.ToBytes(enc, RoomAccess.Headers, RoomAccess.CsvRows(Entries.AsEnumerable().Reverse())),
            CsvEncodings.ContentType(enc), $"CSルーム入退室記録_{Year.ToWareki()}.csv");
    }

    private async Task LoadAsync(int? fy, CancellationToken ct)
    {
        SetTitle("CSルーム入退室");
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        Year = SecurityPages.Chosen(fy, clock);
        Years = await SecurityPages.RoomYearsAsync(db, clock, ct);
        var start = JapanTime.StartOfDayUtc(Year.Start);
        var end = JapanTime.StartOfDayUtc(Year.End.AddDays(1));
        Entries = await db.RoomEntries.AsNoTracking().Where(e => e.EnteredAt >= start && e.EnteredAt < end).OrderByDescending(e => e.EnteredAt).ToListAsync(ct);
    }
}
