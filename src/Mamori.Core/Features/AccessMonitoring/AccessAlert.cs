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

/// <summary>How a closed alert was judged: 違反 / 正当 / 誤検知, or closed by a re-analysis that no longer found it.</summary>
public enum AlertOutcome
{
    Violation,
    Legitimate,
    FalsePositive,

    /// <summary>再分析で非検出: a later analysis of the day no longer found it, before anyone had looked at it.</summary>
    NotDetected,
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

    /// <summary>
    /// When a later analysis of its day no longer found it (the logs of the day were replaced, a master or the allowlist
    /// changed); cleared when an analysis finds it again.
    /// </summary>
    [Label("再分析で検出されなくなった日時")]
    public DateTime? WithdrawnAt { get; set; }

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

    /// <summary>The rule's parameters as applied when the alert was last found (「minutes=10;min_residents=30」), for its explanation.</summary>
    [Label("判定の条件")]
    public string? Applied { get; set; }

    /// <summary>所属長: who confirmed the result.</summary>
    [Label("確認した所属長")]
    public string? Supervisor { get; set; }

    /// <summary>The 所属長's own account, when the 所属長 confirmed the alert in Mamori (rather than the officer recording it).</summary>
    [Label("確認した所属長のアカウント")]
    public string? SupervisorAccountId { get; set; }

    [Label("指摘事項")]
    public Guid? FindingId { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AlertComment> Comments { get; init; } = [];
}

internal sealed class AccessAlertConfiguration : IEntityTypeConfiguration<AccessAlert>
{
    public void Configure(EntityTypeBuilder<AccessAlert> b)
    {
        b.Property(x => x.Applied).HasMaxLength(500);
        b.Property(x => x.Rule).HasMaxLength(10);
        b.Property(x => x.UserId).HasMaxLength(100);
        b.Property(x => x.UserDept).HasMaxLength(100);
        b.Property(x => x.ResidentId).HasMaxLength(100);
        b.Property(x => x.Severity).HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Supervisor).HasMaxLength(200);
        b.Property(x => x.SupervisorAccountId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AccessAnalysis>().WithMany().HasForeignKey(x => x.AnalysisId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Comments).WithOne().HasForeignKey(c => c.AlertId).OnDelete(DeleteBehavior.Cascade);
        // One alert per user, rule and day: a later analysis of the same day keeps the alert and its triage.
        b.HasIndex(x => new { x.MunicipalityId, x.Rule, x.UserId, x.Day }).IsUnique();
        b.HasIndex(x => new { x.MunicipalityId, x.Status, x.Day });
    }
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
