using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Audit;

/// <summary>The result of checking the audit hash chain.</summary>
/// <param name="Ok">True when every row's hash and link are intact, and the chain reaches the latest anchor.</param>
/// <param name="Entries">How many rows were read.</param>
/// <param name="FirstBad">The sequence number of the first row that does not verify (or the first missing one).</param>
/// <param name="Problem">What is wrong, in Japanese, when something is.</param>
/// <param name="Anchor">The latest anchor the chain was checked against, if any.</param>
public sealed record AuditVerification(bool Ok, long Entries, long? FirstBad, string? Problem = null, AuditAnchor? Anchor = null);

/// <summary>
/// Computes and verifies the chain over <see cref="AuditEntry"/> rows. Each row's hash is an HMAC-SHA256 with a key
/// kept outside the database (<see cref="AuditKeys"/>, named by the row's <see cref="AuditEntry.KeyId"/>), so that
/// someone who can write the database cannot recompute the chain after editing a row. Rows written before keys
/// existed carry a plain SHA-256 and no key id; they are accepted only before the first keyed row, whose link
/// covers them. The latest anchor (<see cref="AuditAnchors"/>) must still be in the chain, so that removing the
/// newest rows is noticed.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The hash of a row without a key (rows from before keys existed): SHA-256 over its fields and the previous hash.
    /// Times are taken to the millisecond so that every database returns the same text.
    /// </summary>
    public static string ComputeHash(long sequence, DateTime occurredAtUtc, Guid? municipalityId, string? userId,
        string actorName, AuditAction action, string entityType, string entityKey, string changes, string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Content(sequence, occurredAtUtc, municipalityId, userId, actorName, action, entityType, entityKey, changes, previousHash, null)));

    /// <summary>The hash of a row signed with <paramref name="key"/> (its id is part of what is signed).</summary>
    public static string ComputeHash(long sequence, DateTime occurredAtUtc, Guid? municipalityId, string? userId,
        string actorName, AuditAction action, string entityType, string entityKey, string changes, string previousHash, string keyId, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key,
            Content(sequence, occurredAtUtc, municipalityId, userId, actorName, action, entityType, entityKey, changes, previousHash, keyId)));

    /// <summary>The hash a stored row should have, with the key its row names (null for a row from before keys).</summary>
    public static string ComputeHash(AuditEntry e, byte[]? key) => e.KeyId is null || key is null
        ? ComputeHash(e.Sequence, e.OccurredAt, e.MunicipalityId, e.UserId, e.ActorName, e.Action, e.EntityType, e.EntityKey, e.Changes, e.PreviousHash)
        : ComputeHash(e.Sequence, e.OccurredAt, e.MunicipalityId, e.UserId, e.ActorName, e.Action, e.EntityType, e.EntityKey, e.Changes, e.PreviousHash, e.KeyId, key);

    private static byte[] Content(long sequence, DateTime occurredAtUtc, Guid? municipalityId, string? userId,
        string actorName, AuditAction action, string entityType, string entityKey, string changes, string previousHash, string? keyId)
    {
        string[] fields =
        [
            sequence.ToString(CultureInfo.InvariantCulture),
            TruncateToMilliseconds(occurredAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            municipalityId?.ToString() ?? string.Empty,
            userId ?? string.Empty,
            actorName,
            action.ToString(),
            entityType,
            entityKey,
            changes,
            previousHash,
        ];
        return Encoding.UTF8.GetBytes(string.Join('\n', keyId is null ? fields : [.. fields, keyId]));
    }

    /// <summary>Times are stored to the millisecond (PostgreSQL keeps microseconds, .NET ticks).</summary>
    public static DateTime TruncateToMilliseconds(DateTime t) =>
        new(t.Ticks - (t.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    /// <summary>
    /// Reads the whole chain in order and reports the first row whose hash, key, link or sequence number is wrong (an
    /// edited, inserted or removed row), or the first row missing before the latest anchor (removed newest rows).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(AppDbContext db, AuditKeys keys, AuditAnchors anchors, CancellationToken ct)
    {
        var anchor = anchors.Latest();
        var previousHash = Genesis;
        long expectedSequence = 1;
        long count = 0;
        var keyed = false;
        await foreach (var e in db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var key = e.KeyId is null ? null : keys.Find(e.KeyId);
            var problem =
                e.Sequence != expectedSequence ? $"連番 {e.Sequence} の記録の前にあるべき連番 {expectedSequence} の記録がありません（削除されています）。"
                : e.KeyId is null && keyed ? $"連番 {e.Sequence} の記録に鍵の記載がありません（鍵で署名された記録の後に、鍵のない記録は書かれません）。"
                : e.KeyId is not null && key is null ? $"連番 {e.Sequence} の記録を署名した鍵「{e.KeyId}」が見つかりません。鍵のフォルダーを確かめてください。"
                : e.PreviousHash != previousHash || ComputeHash(e, key) != e.Hash ? $"連番 {e.Sequence} の記録が改ざんされているか、前の記録とつながっていません。"
                : anchor is not null && e.Sequence == anchor.Sequence && e.Hash != anchor.Hash ? $"連番 {e.Sequence} の記録が、保管したアンカーと一致しません。"
                : null;
            if (problem is not null)
            {
                return new AuditVerification(false, count, e.Sequence, problem, anchor);
            }
            keyed |= e.KeyId is not null;
            previousHash = e.Hash;
            expectedSequence++;
        }
        if (anchor is not null && expectedSequence <= anchor.Sequence)
        {
            return new AuditVerification(false, count, expectedSequence,
                $"保管したアンカー（連番 {anchor.Sequence}）までの記録のうち、連番 {expectedSequence} 以降が削除されています。", anchor);
        }
        return new AuditVerification(true, count, null, null, anchor);
    }
}
