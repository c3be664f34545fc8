using Mamori.Core.Features.Audit;

namespace Mamori.Core.Tests.Features.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime At = new(2026, 11, 22, 1, 2, 3, DateTimeKind.Utc);

    private static string Hash(string changes = "{}", string previous = "", DateTime? at = null) =>
        AuditChain.ComputeHash(1, at ?? At, Guid.Empty, "u1", "山田", AuditAction.Update, "Staff", "k", changes, previous.Length == 0 ? AuditChain.Genesis : previous);

    /// <summary>
    /// Pinned: SHA-256 of "1\n2026-11-22T01:02:03.000Z\n{empty guid}\nu1\n山田\nUpdate\nStaff\nk\n{}\n{64 zeros}" in UTF-8.
    /// If this changes, every stored chain stops verifying: the canonical form is part of the data.
    /// </summary>
    [Fact]
    public void Hash_OfAKnownRow_IsPinned() =>
        Assert.Equal("cee56cd35dca117966390d788e55e829acf8061357785d4f45ef58d9ace43758", Hash());

    [Fact]
    public void Hash_DependsOnEveryField()
    {
        Assert.NotEqual(Hash(), Hash(changes: "{\"Name\":[\"a\",\"b\"]}"));
        Assert.NotEqual(Hash(), Hash(previous: new string('1', 64)));
        Assert.NotEqual(Hash(), Hash(at: At.AddMilliseconds(1)));
    }

    [Fact]
    public void Hash_IgnoresSubMillisecondTicks_SoEveryDatabaseAgrees() =>
        Assert.Equal(Hash(), Hash(at: At.AddTicks(9999)));

    [Fact]
    public void KeyedHash_IsTheHmacOfTheRowAndItsKeyId_SoAnotherKeyOrKeyIdGivesAnotherHash()
    {
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        string Keyed(string keyId, byte[] k) =>
            AuditChain.ComputeHash(1, At, Guid.Empty, "u1", "山田", AuditAction.Update, "Staff", "k", "{}", AuditChain.Genesis, keyId, k);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(
            $"1\n2026-11-22T01:02:03.000Z\n{Guid.Empty}\nu1\n山田\nUpdate\nStaff\nk\n{{}}\n{AuditChain.Genesis}\nk1")));
        Assert.Equal(expected, Keyed("k1", key));
        Assert.NotEqual(Keyed("k1", key), Keyed("k2", key));
        Assert.NotEqual(Keyed("k1", key), Keyed("k1", new byte[32]));
        Assert.NotEqual(Hash(), Keyed("k1", key));
    }
}
