using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Security;

/// <summary>Removing a server-room entry, and the office's list of entry reasons (for the page and the API alike).</summary>
public static class RoomRecords
{
    public const string EntryNotFound = "入室の記録が見つかりません。";
    public const string ReasonNotFound = "入室理由が見つかりません。";

    /// <summary>Deletes one entry (the audit trail keeps what it was).</summary>
    public static async Task<Outcome<RoomEntry>> DeleteAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var entry = await db.RoomEntries.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return Outcome<RoomEntry>.NotFound(EntryNotFound);
        }
        db.RoomEntries.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<RoomEntry>.Success(entry);
    }

    /// <summary>The reasons offered when recording an entry, in the office's order.</summary>
    public static Task<List<RoomReason>> ReasonsAsync(AppDbContext db, CancellationToken ct) =>
        db.RoomReasons.AsNoTracking().OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(ct);

    /// <summary>Adds a reason at the end of the list; a name already listed is refused.</summary>
    public static async Task<Outcome<RoomReason>> AddReasonAsync(AppDbContext db, Guid municipalityId, string? name, CancellationToken ct)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 400)
        {
            return Outcome<RoomReason>.Fail("Name", "入室理由を400文字以内で入力してください。");
        }
        if (await db.RoomReasons.AnyAsync(r => r.Name == trimmed, ct))
        {
            return Outcome<RoomReason>.Fail("Name", $"「{trimmed}」はすでに一覧にあります。");
        }
        var order = await db.RoomReasons.Select(r => (int?)r.SortOrder).MaxAsync(ct) ?? 0;
        var reason = new RoomReason { MunicipalityId = municipalityId, Name = trimmed, SortOrder = order + 1 };
        db.RoomReasons.Add(reason);
        await db.SaveChangesAsync(ct);
        return Outcome<RoomReason>.Success(reason);
    }

    /// <summary>Takes a reason off the list; entries recorded with it keep it.</summary>
    public static async Task<Outcome<RoomReason>> RemoveReasonAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var reason = await db.RoomReasons.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reason is null)
        {
            return Outcome<RoomReason>.NotFound(ReasonNotFound);
        }
        db.RoomReasons.Remove(reason);
        await db.SaveChangesAsync(ct);
        return Outcome<RoomReason>.Success(reason);
    }

}
