using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Audit;

/// <summary>What happened to a row.</summary>
public enum AuditAction
{
    /// <summary>作成.</summary>
    Insert,

    /// <summary>更新.</summary>
    Update,

    /// <summary>削除.</summary>
    Delete,

    /// <summary>
    /// 不明: the stored text is none of the above (the row was edited outside the application). Never written;
    /// reading it instead of failing lets the chain check name the row.
    /// </summary>
    Unreadable = -1,
}

/// <summary>
/// 監査ログ: one create, update or delete. Rows are only ever appended; each stores the SHA-256 of
/// its own content and the previous row's hash, so a changed or removed row breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>1, 2, 3 … across the whole deployment; also the primary key, so a fork of the chain cannot be saved.</summary>
    public long Sequence { get; init; }

    public Guid? MunicipalityId { get; init; }
    public DateTime OccurredAt { get; init; }
    public string? UserId { get; init; }
    public required string ActorName { get; init; }
    public AuditAction Action { get; init; }
    public required string EntityType { get; init; }
    public required string EntityKey { get; init; }

    /// <summary>JSON: { "field": [before, after], … } with values as text.</summary>
    public required string Changes { get; init; }

    public required string PreviousHash { get; init; }

    /// <summary>HMAC-SHA256 with the key <see cref="KeyId"/> (SHA-256 for rows from before keys existed).</summary>
    public required string Hash { get; init; }

    /// <summary>The audit key that signed the row (<see cref="AuditKeys"/>); null for rows from before keys existed.</summary>
    public string? KeyId { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Action).HasConversion(a => a.ToString(), text => ReadAction(text)).HasMaxLength(10);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityKey).HasMaxLength(200);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.KeyId).HasMaxLength(40);
        // Before→after of a whole row: minutes turns and JSON answers are far longer than the default 4000.
        b.Property(e => e.Changes).HasColumnType("text");
        b.HasIndex(e => new { e.MunicipalityId, e.OccurredAt });
        b.HasIndex(e => new { e.EntityType, e.EntityKey });
    }

    private static AuditAction ReadAction(string text) =>
        text switch
        {
            nameof(AuditAction.Insert) => AuditAction.Insert,
            nameof(AuditAction.Update) => AuditAction.Update,
            nameof(AuditAction.Delete) => AuditAction.Delete,
            _ => AuditAction.Unreadable,
        };
}
