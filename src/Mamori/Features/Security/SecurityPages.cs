using Mamori.Core.Japanese;
using Mamori.Features.Shared;

namespace Mamori.Features.Security;

/// <summary>What the security pages share: the breadcrumb root and the fiscal years offered in pickers.</summary>
public static class SecurityPages
{
    public static Crumb Root { get; } = new("点検・訓練・端末", "/security");

    /// <summary>The current fiscal year and the five before it, newest first, plus next year for planning.</summary>
    public static IReadOnlyList<FiscalYear> FiscalYears(TimeProvider clock)
    {
        var current = FiscalYear.Of(JapanTime.Today(clock));
        return Enumerable.Range(current.StartYear - 6, 8).Reverse().Select(y => new FiscalYear(y)).ToList();
    }

    /// <summary>The years offered on the server-room pages: those with entries and the recent ones, newest first.</summary>
    public static async Task<IReadOnlyList<FiscalYear>> RoomYearsAsync(Core.Data.AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        (await Core.Features.Security.RoomAccess.YearsWithEntriesAsync(db, ct)).Union(FiscalYears(clock)).OrderByDescending(y => y.StartYear).ToList();

    /// <summary>The fiscal year asked for, or the current one.</summary>
    public static FiscalYear Chosen(int? fy, TimeProvider clock) =>
        fy is >= 1989 and <= 2200 ? new FiscalYear(fy.Value) : FiscalYear.Of(JapanTime.Today(clock));
}
