using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reviews;

/// <summary>Where a case is.</summary>
public enum CaseStatus
{
    /// <summary>作成中: the department is filling in its self-inspections.</summary>
    Draft,

    /// <summary>提出済: numbered and before the 部会.</summary>
    Submitted,

    /// <summary>審査済: the 部会's result is recorded.</summary>
    Decided,

    /// <summary>取下げ: withdrawn after submission; keeps its number.</summary>
    Withdrawn,
}

/// <summary>
/// 自己点検案件: one business's submission to a review round, made of one self-inspection per 取扱類型
/// inspected. On submission it gets the municipality's next case number ((20), (21) …).
/// </summary>
[Label("自己点検案件")]
public sealed class ReviewCase : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("審査の回")]
    public Guid RoundId { get; set; }

    [Label("事務")]
    public Guid BusinessId { get; set; }

    /// <summary>案件番号, given on submission.</summary>
    [Label("番号")]
    public int? Number { get; set; }

    [Label("状態")]
    public CaseStatus Status { get; set; }

    /// <summary>The title as printed: the business name when submitted (…に関する業務外6業務 for a group).</summary>
    [Label("名称")]
    public required string Title { get; set; }

    /// <summary>Departments as printed after the title (障害者施策課外3課).</summary>
    [Label("所管課（表示）")]
    public string? DepartmentsLabel { get; set; }

    /// <summary>自己点検の概要.</summary>
    [Label("概要")]
    public string Summary { get; set; } = string.Empty;

    /// <summary>部会点検の要点 besides the questions (e.g. 説明員から…説明を行った).</summary>
    [Label("部会点検の要点")]
    public string? Points { get; set; }

    [Label("結果")]
    public ReviewResult? Result { get; set; }

    /// <summary>The result as printed (自己点検内容の妥当性について承認).</summary>
    [Label("結果の内容")]
    public string? ResultText { get; set; }

    /// <summary>対応の類型 recorded for the case as a whole (bit mask of <see cref="ResponseCategory"/>), e.g. 対応不要 when there were no questions.</summary>
    [Label("対応の類型")]
    public int ResponseMask { get; set; }

    [Label("改善の主体")]
    public ImprovementBy? ImprovementBy { get; set; }

    [Label("提出日時")]
    public DateTime? SubmittedAt { get; set; }

    [Label("提出者")]
    public string? SubmittedBy { get; set; }

    [Label("結果の記録日時")]
    public DateTime? DecidedAt { get; set; }

    [Label("結果の記録者")]
    public string? DecidedBy { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<SelfInspection> Inspections { get; init; } = [];
    public List<CaseEntry> Entries { get; init; } = [];

    /// <summary>"(20)".</summary>
    public static string NumberLabel(int? number) => number is { } n ? $"（{n}）" : "（番号未付与）";
}

/// <summary>
/// The type-specific part of a 自己点検表: contractor and contract for 外部委託・指定管理・労働者派遣, recipient
/// and legal basis for 目的外利用・外部提供, the line for 外部結合, the system and its backup for 電算入力.
/// </summary>
public sealed record InspectionDetails
{
    /// <summary>委託先・指定管理者・派遣元.</summary>
    public string? Contractor { get; init; }
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }

    /// <summary>契約書の特記事項 the contract contains (names from <see cref="ReviewRules.ContractClauses"/>).</summary>
    public IReadOnlyList<string> Clauses { get; init; } = [];

    /// <summary>再委託を認めるか.</summary>
    public bool? SubcontractAllowed { get; init; }

    /// <summary>再委託先.</summary>
    public string? Subcontractor { get; init; }

    /// <summary>再委託先の責任体制（人員体制）を確認した.</summary>
    public bool SubcontractResponsibilityChecked { get; init; }

    /// <summary>再委託先の安全管理措置の具体的取組（研修等）を確認した.</summary>
    public bool SubcontractSafetyChecked { get; init; }

    /// <summary>Pマーク / ISMS / ISMAP.</summary>
    public IReadOnlyList<string> Certifications { get; init; } = [];

    /// <summary>提供先・利用する課.</summary>
    public string? Recipient { get; init; }

    /// <summary>根拠法令 (個人情報保護法第69条第2項第2号).</summary>
    public string? LegalBasis { get; init; }

    /// <summary>提供・利用・結合する項目, one per line.</summary>
    public string? Items { get; init; }

    /// <summary>結合先.</summary>
    public string? ConnectedParty { get; init; }

    /// <summary>回線 (LGWAN / 専用線 / インターネット).</summary>
    public string? Line { get; init; }

    /// <summary>システム名.</summary>
    public string? SystemName { get; init; }

    /// <summary>バックアップの方式 (差分 / フル).</summary>
    public IReadOnlyList<string> BackupKinds { get; init; } = [];

    /// <summary>バックアップの頻度 (毎日、週1回 …).</summary>
    public string? BackupFrequency { get; init; }
}

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.DepartmentsLabel).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ImprovementBy).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewRound>().WithMany().HasForeignKey(x => x.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Business>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Inspections).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.RoundId, x.Status });
    }
}

