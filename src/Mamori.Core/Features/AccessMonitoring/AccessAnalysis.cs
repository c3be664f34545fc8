using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>One run of the rule pack over a period of stored logs.</summary>
[Label("アクセスログの分析")]
public sealed class AccessAnalysis : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("期間の初日")]
    public DateOnly From { get; set; }

    [Label("期間の最終日")]
    public DateOnly To { get; set; }

    [Label("行数")]
    public long Rows { get; set; }

    /// <summary>Alerts the run found (after the allowlist).</summary>
    [Label("アラート数")]
    public int Alerts { get; set; }

    /// <summary>Of those, alerts not found by an earlier run.</summary>
    [Label("新規アラート数")]
    public int NewAlerts { get; set; }

    [Label("所要秒数")]
    public double Seconds { get; set; }

    [Label("分析日時")]
    public DateTime RanAt { get; set; }

    [Label("分析者")]
    public required string RanBy { get; set; }
}

internal sealed class AccessAnalysisConfiguration : IEntityTypeConfiguration<AccessAnalysis>
{
    public void Configure(EntityTypeBuilder<AccessAnalysis> b)
    {
        b.Property(x => x.RanBy).HasMaxLength(200);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

