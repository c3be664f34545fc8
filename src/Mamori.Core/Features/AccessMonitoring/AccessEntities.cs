using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>新規 → 確認中 → 所属長確認 → 完了.</summary>
public enum AlertStatus
{
    New,
    Investigating,
    SupervisorReview,
    Closed,
}

/// <summary>How a closed alert was judged: 違反 / 正当 / 誤検知.</summary>
public enum AlertOutcome
{
    Violation,
    Legitimate,
    FalsePositive,
}

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

    /// <summary>The file names as the user knows them, one per line (取込み).</summary>
    [Label("ファイル")]
    public string? FileNames { get; set; }

    /// <summary>Where the files are on the server, one per line (uploads under the data folder, or the inbox).</summary>
    [Label("保存場所")]
    public string? Paths { get; set; }

    /// <summary>Whether the files are uploads that the job deletes once they are stored.</summary>
    [Label("取込み後に削除")]
    public bool DeleteAfter { get; set; }

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
    [Label("依頼者")]
    public required string RequestedBy { get; set; }
    [Label("依頼日時")]
    public DateTime RequestedAt { get; set; }
    [Label("開始日時")]
    public DateTime? StartedAt { get; set; }
    [Label("終了日時")]
    public DateTime? FinishedAt { get; set; }
}

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

/// <summary>
/// An alert: a rule fired for a staff user on a day (one per user, rule and day), with its triage — status,
/// outcome, comments — and the finding it led to. The resident is kept only as the pseudonym the store uses.
/// </summary>
[Label("アクセスログのアラート")]
public sealed class AccessAlert : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }
    [Label("ルール")]
    public required string Rule { get; set; }

    /// <summary>The user id of the resident-record system (the log's user_id).</summary>
    [Label("利用者ID")]
    public required string UserId { get; set; }

    /// <summary>The user's department as the staff master names it.</summary>
    [Label("所属")]
    public string? UserDept { get; set; }

    [Label("日付")]
    public DateOnly Day { get; set; }

    /// <summary>The resident's pseudonym (HMAC-SHA-256), when the rule concerns one resident.</summary>
    [Label("住民（仮名）")]
    public string? ResidentId { get; set; }

    /// <summary>low / medium / high / critical.</summary>
    [Label("重要度")]
    public required string Severity { get; set; }

    /// <summary>How many accesses (or residents, for the count rules) stand behind the alert.</summary>
    [Label("件数")]
    public long Count { get; set; }

    [Label("状況")]
    public AlertStatus Status { get; set; }
    [Label("判定")]
    public AlertOutcome? Outcome { get; set; }
    [Label("分析")]
    public Guid AnalysisId { get; set; }
    [Label("検知日時")]
    public DateTime DetectedAt { get; set; }
    [Label("完了日時")]
    public DateTime? ClosedAt { get; set; }

    /// <summary>所属長: who confirmed the result.</summary>
    [Label("確認した所属長")]
    public string? Supervisor { get; set; }

    [Label("指摘事項")]
    public Guid? FindingId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AlertComment> Comments { get; init; } = [];
}

/// <summary>A step of an alert's triage: who moved it from where to where, and what they wrote.</summary>
[Label("アラートの経過")]
public sealed class AlertComment : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }
    [Label("アラート")]
    public Guid AlertId { get; set; }
    [Label("日時")]
    public DateTime At { get; set; }
    [Label("記録者")]
    public required string Author { get; set; }
    [Label("変更前の状況")]
    public AlertStatus From { get; set; }
    [Label("変更後の状況")]
    public AlertStatus To { get; set; }
    [Label("判定")]
    public AlertOutcome? Outcome { get; set; }
    [Label("コメント")]
    public string? Text { get; set; }
}

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

/// <summary>The module's settings of a municipality: R04's exempt business codes, R05's departments and the rules' parameters.</summary>
[Label("アクセスログ監視の設定")]
public sealed class AccessMonitoringSetting : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>Separated by ;: JINJI;KYUYO;GENSEN.</summary>
    [Label("R04の対象外の業務コード")]
    public string ExemptBusinessCodes { get; set; } = "JINJI;KYUYO;GENSEN";

    /// <summary>Separated by ;; empty means any department with a case.</summary>
    [Label("支援措置の記録を扱う部署")]
    public string ProtectedDepartments { get; set; } = "";

    /// <summary>Overrides, one per line: R06.min_residents=8.</summary>
    [Label("ルールのパラメーター")]
    public string Parameters { get; set; } = "";

    public Guid Version { get; set; } = Guid.NewGuid();
}

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

internal sealed class AccessJobConfiguration : IEntityTypeConfiguration<AccessJob>
{
    public void Configure(EntityTypeBuilder<AccessJob> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.Step).HasMaxLength(500);
        b.Property(x => x.Result).HasMaxLength(4000);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.State, x.RequestedAt });
    }
}

internal sealed class AccessAnalysisConfiguration : IEntityTypeConfiguration<AccessAnalysis>
{
    public void Configure(EntityTypeBuilder<AccessAnalysis> b)
    {
        b.Property(x => x.RanBy).HasMaxLength(200);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AccessDayConfiguration : IEntityTypeConfiguration<AccessDay>
{
    public void Configure(EntityTypeBuilder<AccessDay> b)
    {
        b.HasOne<AccessAnalysis>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Day }).IsUnique();
    }
}

internal sealed class AccessAlertConfiguration : IEntityTypeConfiguration<AccessAlert>
{
    public void Configure(EntityTypeBuilder<AccessAlert> b)
    {
        b.Property(x => x.Rule).HasMaxLength(10);
        b.Property(x => x.UserId).HasMaxLength(100);
        b.Property(x => x.UserDept).HasMaxLength(100);
        b.Property(x => x.ResidentId).HasMaxLength(100);
        b.Property(x => x.Severity).HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Supervisor).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AccessAnalysis>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(c => c.AlertId).OnDelete(DeleteBehavior.Cascade);
        // One alert per user, rule and day: a later analysis of the same day keeps the alert and its triage.
        b.HasIndex(x => new { x.MunicipalityId, x.Rule, x.UserId, x.Day }).IsUnique();
        b.HasIndex(x => new { x.MunicipalityId, x.Status, x.Day });
    }
}

internal sealed class AlertCommentConfiguration : IEntityTypeConfiguration<AlertComment>
{
    public void Configure(EntityTypeBuilder<AlertComment> b)
    {
        b.Property(x => x.Author).HasMaxLength(200);
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Text).HasMaxLength(4000);
    }
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

internal sealed class AccessMonitoringSettingConfiguration : IEntityTypeConfiguration<AccessMonitoringSetting>
{
    public void Configure(EntityTypeBuilder<AccessMonitoringSetting> b)
    {
        b.Property(x => x.ExemptBusinessCodes).HasMaxLength(1000);
        b.Property(x => x.ProtectedDepartments).HasMaxLength(1000);
        b.Property(x => x.Parameters).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.MunicipalityId).IsUnique();
    }
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
