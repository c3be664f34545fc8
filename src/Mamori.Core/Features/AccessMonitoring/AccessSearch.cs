using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// An investigation search, recorded: who looked for which resident (pseudonym) or user, over which period, why,
/// and how many rows came back. Looking at access logs is itself an access to be accounted for.
/// </summary>
[Label("アクセスログの調査検索")]
public sealed class AccessSearch : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("日時")]
    public DateTime At { get; set; }

    [Label("検索した人")]
    public required string By { get; set; }

    [Label("検索の目的")]
    public required string Purpose { get; set; }

    [Label("住民（仮名）")]
    public string? ResidentId { get; set; }

    [Label("利用者ID")]
    public string? UserId { get; set; }

    [Label("期間の初日")]
    public DateOnly From { get; set; }

    [Label("期間の最終日")]
    public DateOnly To { get; set; }

    [Label("行数")]
    public int Rows { get; set; }
}

internal sealed class AccessSearchConfiguration : IEntityTypeConfiguration<AccessSearch>
{
    public void Configure(EntityTypeBuilder<AccessSearch> b)
    {
        b.Property(x => x.By).HasMaxLength(200);
        b.Property(x => x.Purpose).HasMaxLength(500);
        b.Property(x => x.ResidentId).HasMaxLength(100);
        b.Property(x => x.UserId).HasMaxLength(100);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
