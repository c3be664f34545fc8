using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Mamori.Core.Features.Audit;

/// <summary>
/// Where the audit trail's secrets and anchors live: <c>Mamori:Audit:KeyDirectory</c> (default data/audit-keys) and
/// <c>Mamori:Audit:AnchorDirectory</c> (default data/audit-anchors). In production both belong on storage the
/// database operator cannot write (another server's share, another account's folder): whoever holds the key can
/// recompute the chain, and whoever can edit the anchors can hide a truncation.
/// </summary>
public sealed record AuditSettings(string KeyDirectory, string AnchorDirectory, TimeSpan AnchorInterval)
{
    public static AuditSettings From(IConfiguration config, string dataDirectory) => new(
        Path.GetFullPath(config["Mamori:Audit:KeyDirectory"] is { Length: > 0 } k ? k : Path.Combine(dataDirectory, "audit-keys")),
        Path.GetFullPath(config["Mamori:Audit:AnchorDirectory"] is { Length: > 0 } a ? a : Path.Combine(dataDirectory, "audit-anchors")),
        TimeSpan.FromMinutes(config.GetValue("Mamori:Audit:AnchorMinutes", 60)));
}

/// <summary>
/// The keys of the audit chain's HMAC, one file each (<c>{id}.key</c>, 32 random bytes in Base64, readable by the
/// application's account only). The newest signs new rows; older ones stay to verify the rows they signed, whose
/// <see cref="AuditEntry.KeyId"/> names them. The first key is made on first use; <see cref="Rotate"/> adds one.
/// </summary>
public sealed class AuditKeys(AuditSettings settings, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Dictionary<string, byte[]>? _keys;

    /// <summary>The key that signs new rows.</summary>
    public (string Id, byte[] Key) Current
    {
        get
        {
            lock (_gate)
            {
                var keys = Load();
                if (keys.Count == 0)
                {
                    return CreateLocked();
                }
                var id = keys.Keys.Max(StringComparer.Ordinal)!;
                return (id, keys[id]);
            }
        }
    }

    /// <summary>The key with <paramref name="id"/>, or null when its file is missing. The folder is read again only for an id not seen yet (a key another process added).</summary>
    public byte[]? Find(string id)
    {
        lock (_gate)
        {
            if (Load().TryGetValue(id, out var key))
            {
                return key;
            }
            _keys = null;
            return Load().GetValueOrDefault(id);
        }
    }

    /// <summary>Adds a new key, which signs every row from now on.</summary>
    public string Rotate()
    {
        lock (_gate)
        {
            return CreateLocked().Id;
        }
    }

    private Dictionary<string, byte[]> Load()
    {
        if (_keys is not null)
        {
            return _keys;
        }
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(settings.KeyDirectory))
        {
            foreach (var file in Directory.GetFiles(settings.KeyDirectory, "*.key"))
            {
                keys[Path.GetFileNameWithoutExtension(file)] = Convert.FromBase64String(File.ReadAllText(file).Trim());
            }
        }
        return _keys = keys;
    }

    private (string Id, byte[] Key) CreateLocked()
    {
        PrivateFiles.CreateDirectory(settings.KeyDirectory);
        var existing = Load();
        var id = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture);
        while (existing.ContainsKey(id))
        {
            id += "b";
        }
        var key = RandomNumberGenerator.GetBytes(32);
        PrivateFiles.WriteAllText(Path.Combine(settings.KeyDirectory, id + ".key"), Convert.ToBase64String(key));
        _keys = null;
        return (id, key);
    }
}
