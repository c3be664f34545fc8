using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Audit;

/// <summary>The head of the audit chain at one moment, kept outside the database.</summary>
/// <param name="Sequence">The newest row's sequence number.</param>
/// <param name="Hash">That row's hash.</param>
/// <param name="At">When the anchor was taken (UTC).</param>
/// <param name="KeyId">The audit key that signed the anchor.</param>
/// <param name="Mac">HMAC-SHA256 of sequence, hash and time with that key: an anchor cannot be made up without it.</param>
public sealed record AuditAnchor(long Sequence, string Hash, DateTime At, string KeyId, string Mac);

/// <summary>
/// Anchors of the audit chain (ASVS 7.3.3): the head (sequence, hash) appended on a schedule to
/// <c>anchors.jsonl</c> in <see cref="AuditSettings.AnchorDirectory"/>, a place the database operator does not
/// control. <c>audit verify</c> then notices rows removed from the end, which a chain alone cannot show.
/// </summary>
public sealed class AuditAnchors(AuditSettings settings, AuditKeys keys, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string FilePath => Path.Combine(settings.AnchorDirectory, "anchors.jsonl");

    /// <summary>The newest anchor whose MAC verifies, or null when there is none yet.</summary>
    public AuditAnchor? Latest()
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }
        foreach (var line in File.ReadLines(FilePath).Reverse())
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            AuditAnchor? anchor;
            try
            {
                anchor = JsonSerializer.Deserialize<AuditAnchor>(line, Json);
            }
            catch (JsonException)
            {
                continue;
            }
            if (anchor is not null && keys.Find(anchor.KeyId) is { } key && CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(anchor.Mac), Encoding.ASCII.GetBytes(Mac(anchor.Sequence, anchor.Hash, anchor.At, anchor.KeyId, key))))
            {
                return anchor;
            }
        }
        return null;
    }

    /// <summary>Appends the current head when it moved since the last anchor; returns the latest anchor.</summary>
    public async Task<AuditAnchor?> WriteAsync(AppDbContext db, CancellationToken ct)
    {
        var head = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        var latest = Latest();
        if (head is null || latest?.Sequence == head.Sequence)
        {
            return latest;
        }
        var (keyId, key) = keys.Current;
        var at = AuditChain.TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);
        var anchor = new AuditAnchor(head.Sequence, head.Hash, at, keyId, Mac(head.Sequence, head.Hash, at, keyId, key));
        PrivateFiles.CreateDirectory(settings.AnchorDirectory);
        PrivateFiles.AppendLine(FilePath, JsonSerializer.Serialize(anchor, Json));
        return anchor;
    }

    private static string Mac(long sequence, string hash, DateTime at, string keyId, byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\n',
            sequence.ToString(CultureInfo.InvariantCulture), hash, at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), keyId))));
}
