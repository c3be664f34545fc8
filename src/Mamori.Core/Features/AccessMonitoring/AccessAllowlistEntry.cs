using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>An approved exception: alerts of a rule for a user (and one resident, when given) are suppressed until it expires.</summary>
[Label("アクセスログの許可リスト")]
public sealed class AccessAllowlistEntry : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("ルール")]
    public required string Rule { get; set; }

    [Label("利用者ID")]
    public required string UserId { get; set; }

    /// <summary>The resident's pseudonym; the id typed on the form is never stored.</summary>
    [Label("住民（仮名）")]
    public string? ResidentId { get; set; }

    [Label("理由")]
    public required string Reason { get; set; }

    [Label("承認者")]
    public required string ApprovedBy { get; set; }

    [Label("有効期限")]
    public DateOnly ExpiresOn { get; set; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; set; }

    [Label("作成者")]
    public required string CreatedBy { get; set; }
}

internal sealed class AllowlistEntryConfiguration : IEntityTypeConfiguration<AccessAllowlistEntry>
{
    public void Configure(EntityTypeBuilder<AccessAllowlistEntry> b)
    {
        b.ToTable("AccessAllowlist");
        b.Property(x => x.Rule).HasMaxLength(10);
        b.Property(x => x.UserId).HasMaxLength(100);
        b.Property(x => x.ResidentId).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
