using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// The login throttle's count for one key (a name from an address, or an address), kept in the database so that every
/// instance of the app counts the same failures. The key is stored as its SHA-256 only: no name or address is kept
/// here (the failed sign-in itself is a security event). Not audited: a count, not a record.
/// </summary>
[Label("ログイン失敗の回数")]
public sealed class LoginFailure
{
    /// <summary>SHA-256 of the key, lowercase hex.</summary>
    [Label("対象")]
    public required string Key { get; init; }

    [Label("失敗の回数")]
    public int Failures { get; set; }

    /// <summary>No attempt is checked before this moment (UTC).</summary>
    [Label("次に試せる日時")]
    public DateTime NotBefore { get; set; }
}

internal sealed class LoginFailureConfiguration : IEntityTypeConfiguration<LoginFailure>
{
    public void Configure(EntityTypeBuilder<LoginFailure> b)
    {
        b.HasKey(f => f.Key);
        b.Property(f => f.Key).HasMaxLength(64);
        b.HasIndex(f => f.NotBefore);
    }
}
