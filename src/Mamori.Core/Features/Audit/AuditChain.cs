using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Audit;

/// <summary>The result of checking the audit hash chain.</summary>
/// <param name="Ok">True when every row's hash and link are intact.</param>
/// <param name="Entries">How many rows were read.</param>
/// <param name="FirstBad">The sequence number of the first row that does not verify.</param>
public sealed record AuditVerification(bool Ok, long Entries, long? FirstBad);

/// <summary>Computes and verifies the SHA-256 chain over <see cref="AuditEntry"/> rows.</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The hash of a row: SHA-256 over its fields and the previous hash. Times are taken to the
    /// millisecond so that every database returns the same text.
    /// </summary>
    public static string ComputeHash(long sequence, DateTime occurredAtUtc, Guid? municipalityId, string? userId,
        string actorName, AuditAction action, string entityType, string entityKey, string changes, string previousHash)
    {
        var content = string.Join('\n',
            sequence.ToString(CultureInfo.InvariantCulture),
            TruncateToMilliseconds(occurredAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            municipalityId?.ToString() ?? string.Empty,
            userId ?? string.Empty,
            actorName,
            action.ToString(),
            entityType,
            entityKey,
            changes,
            previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The hash a stored row should have.</summary>
    public static string ComputeHash(AuditEntry e) => ComputeHash(e.Sequence, e.OccurredAt, e.MunicipalityId, e.UserId,
        e.ActorName, e.Action, e.EntityType, e.EntityKey, e.Changes, e.PreviousHash);

    /// <summary>Times are stored to the millisecond (PostgreSQL keeps microseconds, .NET ticks).</summary>
    public static DateTime TruncateToMilliseconds(DateTime t) =>
        new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>
    /// Reads the whole chain in order and reports the first row whose hash, link or sequence
    /// number is wrong (an edited, inserted or removed row).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var previousHash = Genesis;
        long expectedSequence = 1;
        long count = 0;
        await foreach (var e in db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expectedSequence || e.PreviousHash != previousHash || ComputeHash(e) != e.Hash)
            {
                return new AuditVerification(false, count, e.Sequence);
            }
            previousHash = e.Hash;
            expectedSequence++;
        }
        return new AuditVerification(true, count, null);
    }
}
