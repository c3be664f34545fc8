using Mamori.Core.Features.Audit;

namespace Mamori.Core.Tests.Features.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTime At = new(2026, 11, 22, 1, 2, 3, DateTimeKind.Utc);

    private static string Hash(string changes = "{}", string previous = "", DateTime? at = null) =>
        AuditChain.ComputeHash(1, at ?? At, Guid.Empty, "u1", "山田", AuditAction.Update, "Staff", "k", changes, previous.Length == 0 ? AuditChain.Genesis : previous);

    [Fact]
    public void Hash_IsStable_AndDependsOnEveryField()
    {
        Assert.Equal(Hash(), Hash());
        Assert.Equal(64, Hash().Length);
        Assert.NotEqual(Hash(), Hash(changes: "{\"Name\":[\"a\",\"b\"]}"));
        Assert.NotEqual(Hash(), Hash(previous: new string('1', 64)));
        Assert.NotEqual(Hash(), Hash(at: At.AddMilliseconds(1)));
    }

    [Fact]
    public void Hash_IgnoresSubMillisecondTicks_SoEveryDatabaseAgrees() =>
        Assert.Equal(Hash(), Hash(at: At.AddTicks(9999)));
}
