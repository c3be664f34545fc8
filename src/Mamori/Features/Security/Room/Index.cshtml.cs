using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
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

    public async Task OnGetAsync(int? fy, CancellationToken ct)
    {
        SetTitle("CSルーム入退室");
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        Year = SecurityPages.Chosen(fy, clock);
        Years = (await RoomAccess.YearsWithEntriesAsync(db, ct)).Union(SecurityPages.FiscalYears(clock)).Distinct().OrderByDescending(y => y.StartYear).ToList();
        var start = JapanTime.StartOfDayUtc(Year.Start);
        var end = JapanTime.StartOfDayUtc(Year.End.AddDays(1));
        Entries = await db.RoomEntries.AsNoTracking().Where(e => e.EnteredAt >= start && e.EnteredAt < end).OrderByDescending(e => e.EnteredAt).ToListAsync(ct);
    }
}
