using System.Text.Json;

namespace Mamori.Features.Audit;

/// <summary>One changed field of an audit entry, before and after.</summary>
public sealed record AuditChange(string Field, string? Before, string? After);

public static class AuditChanges
{
    /// <summary>Reads the stored JSON { "field": [before, after] }.</summary>
    public static IReadOnlyList<AuditChange> Parse(string json)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(json) ?? [];
        return map.Select(kv => new AuditChange(kv.Key, kv.Value.ElementAtOrDefault(0), kv.Value.ElementAtOrDefault(1))).ToList();
    }
}
