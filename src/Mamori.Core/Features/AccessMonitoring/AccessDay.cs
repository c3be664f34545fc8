using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>The counts of one analysed day (the latest analysis that covered it): for the share of explained accesses.</summary>
[Label("アクセスログの日別件数")]
public sealed class AccessDay : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("日付")]
    public DateOnly Day { get; set; }

    [Label("行数")]
    public long Rows { get; set; }

    /// <summary>Rows that name a resident.</summary>
    [Label("住民の記録へのアクセス")]
    public long ResidentRows { get; set; }

    /// <summary>Rows a case of the user's department explains.</summary>
    [Label("案件で説明のつくアクセス")]
    public long Explained { get; set; }

    [Label("分析")]
    public Guid AnalysisId { get; set; }
}

internal sealed class AccessDayConfiguration : IEntityTypeConfiguration<AccessDay>
{
    public void Configure(EntityTypeBuilder<AccessDay> b)
    {
        b.HasOne<AccessAnalysis>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Day }).IsUnique();
    }
}
