using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// What a job does: store log files (取込み) or run the rule pack over a period (分析) in the background; or the
/// masters replaced (マスタ登録), recorded when it happened so that it shows with the other jobs and in the audit trail.
/// </summary>
public enum AccessJobKind
{
    Ingest,
    Analyze,
    Masters,
}

/// <summary>待機中 → 実行中 → 完了 / 失敗.</summary>
public enum AccessJobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
}

/// <summary>A background job of the access-log module, with its progress and its result or the reason it failed.</summary>
[Label("アクセスログの処理")]
public sealed class AccessJob : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("種類")]
    public AccessJobKind Kind { get; set; }

    [Label("処理の状況")]
    public AccessJobState State { get; set; }

    /// <summary>The file names as the user knows them (取込み), in the order of <see cref="Paths"/>.</summary>
    [Label("ファイル")]
    public List<string> FileNames { get; set; } = [];

    /// <summary>Where the files are on the server (uploads under the data folder, or the inbox).</summary>
    [Label("保存場所")]
    public List<string> Paths { get; set; } = [];

    /// <summary>Whether the files are uploads that the job deletes once they are stored.</summary>
    [Label("取込み後に削除")]
    public bool DeleteAfter { get; set; }

    /// <summary>Whether a file whose period overlaps stored logs replaces them for that period (otherwise it is refused).</summary>
    [Label("同じ期間の記録を置き換える")]
    public bool ReplacePeriods { get; set; }

    [Label("期間の初日")]
    public DateOnly? From { get; set; }

    [Label("期間の最終日")]
    public DateOnly? To { get; set; }

    /// <summary>0–100.</summary>
    [Label("進み具合")]
    public int Progress { get; set; }

    /// <summary>What it is doing now: "2/3 ファイル目を取り込み中" (progress is not written to the audit trail).</summary>
    [Label("処理中の段階")]
    public string? Step { get; set; }

    /// <summary>What it did, or why it failed (file, line, column).</summary>
    [Label("結果")]
    public string? Result { get; set; }

    [Label("行数")]
    public long Rows { get; set; }

    [Label("分析")]
    public Guid? AnalysisId { get; set; }

    /// <summary>
    /// The instance running it (while it holds the job worker's lease). A concurrency token: once another instance has
    /// failed the job as orphaned, a late save by the instance that lost the lease is refused.
    /// </summary>
    [Label("処理したインスタンス")]
    public string? LeaseHolder { get; set; }

    [Label("依頼者")]
    public required string RequestedBy { get; set; }

    [Label("依頼日時")]
    public DateTime RequestedAt { get; set; }

    [Label("開始日時")]
    public DateTime? StartedAt { get; set; }

    [Label("終了日時")]
    public DateTime? FinishedAt { get; set; }
}

internal sealed class AccessJobConfiguration : IEntityTypeConfiguration<AccessJob>
{
    public void Configure(EntityTypeBuilder<AccessJob> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.LeaseHolder).HasMaxLength(200).IsConcurrencyToken();
        b.Property(x => x.Step).HasMaxLength(500);
        b.Property(x => x.Result).HasMaxLength(4000);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.State, x.RequestedAt });
    }
}
