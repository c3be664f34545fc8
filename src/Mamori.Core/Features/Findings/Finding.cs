using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Findings;

/// <summary>Who found it: the kind of inspection a finding comes from.</summary>
public enum FindingSource
{
    /// <summary>個人情報保護委員会 実地調査・立入検査.</summary>
    Commission,

    /// <summary>内部監査.</summary>
    InternalAudit,

    /// <summary>住基ネット監査.</summary>
    ResidentNetworkAudit,

    /// <summary>部会審査.</summary>
    Review,

    /// <summary>端末監査.</summary>
    TerminalAudit,

    /// <summary>アクセスログ監視 (an alert judged 違反).</summary>
    AccessMonitoring,

    /// <summary>委託先の実地調査・報告徴収 (a visit recorded on a 委託契約).</summary>
    ContractorVisit,

    /// <summary>その他.</summary>
    Other,
}

/// <summary>The law a finding cites; the printed table is grouped by it (1 個人情報保護法, 2 番号法 …).</summary>
public enum FindingLaw
{
    /// <summary>個人情報保護法.</summary>
    PersonalInformation,

    /// <summary>番号法.</summary>
    MyNumber,

    /// <summary>住民基本台帳法.</summary>
    ResidentRegistry,

    /// <summary>条例.</summary>
    Ordinance,

    /// <summary>その他.</summary>
    Other,
}

/// <summary>未着手 → 対応中 → 対応済 (the department) → 確認済 (the office's follow-up check).</summary>
public enum FindingStatus
{
    NotStarted,
    InProgress,
    Done,
    Confirmed,
}

/// <summary>
/// 指摘事項: what an inspection found, the provision it cites, the department that answers for it, the
/// countermeasure (区の対応), the due date, the status and the office's closing check.
/// </summary>
[Label("指摘事項")]
public sealed class Finding : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("検査・監査")]
    public Guid InspectionId { get; set; }

    /// <summary>対応課: the department that answers for the finding.</summary>
    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("法令")]
    public FindingLaw Law { get; set; }

    /// <summary>The number within the inspection and law: (1), (2) ….</summary>
    [Label("番号")]
    public int Number { get; set; }

    /// <summary>項目, e.g. 個人情報ファイル簿, アカウント及びアクセス権の管理.</summary>
    [Label("項目")]
    public required string Heading { get; set; }

    /// <summary>根拠 (the provision or guideline cited), e.g. 事務対応ガイド4-8-5(1).</summary>
    [Label("根拠")]
    public string? Provision { get; set; }

    /// <summary>改善指導の内容.</summary>
    [Label("改善指導の内容")]
    public required string Text { get; set; }

    /// <summary>区の対応（改善策）.</summary>
    [Label("対応（改善策）")]
    public string? Countermeasure { get; set; }

    /// <summary>担当者 (a name or a post).</summary>
    [Label("担当者")]
    public string? Owner { get; set; }

    /// <summary>対応期限.</summary>
    [Label("期限")]
    public DateOnly? DueOn { get; set; }

    [Label("状態")]
    public FindingStatus Status { get; set; }

    /// <summary>対応完了日, entered when the department marks it 対応済.</summary>
    [Label("対応完了日")]
    public DateOnly? DoneOn { get; set; }

    /// <summary>確認日: the office's follow-up check that closed it.</summary>
    [Label("確認日")]
    public DateOnly? CheckedOn { get; set; }

    [Label("確認者")]
    public string? CheckedBy { get; set; }

    /// <summary>確認の内容, or why the response was sent back.</summary>
    [Label("確認の内容")]
    public string? CheckNote { get; set; }

    /// <summary>The incident (漏えい等事案) the finding arose from, if any.</summary>
    [Label("漏えい等事案")]
    public Guid? IncidentId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Still open and past its due date on <paramref name="today"/>.</summary>
    public bool IsOverdue(DateOnly today) => DueOn is { } due && due < today && Status is FindingStatus.NotStarted or FindingStatus.InProgress;
}

/// <summary>証跡: a file showing a countermeasure was carried out (the signed 覚書, the revised form …).</summary>
[Label("指摘事項の証跡")]
public sealed class FindingEvidence : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("指摘事項")]
    public Guid FindingId { get; set; }

    [Label("名称")]
    public required string Title { get; set; }

    [Label("ファイル名")]
    public required string FileName { get; set; }

    [Label("ファイルの種類")]
    public required string ContentType { get; set; }

    [Label("サイズ")]
    public long Size { get; set; }

    [Label("ファイル")]
    public Guid FileId { get; set; }

    [Label("登録日時")]
    public DateTime UploadedAt { get; set; }

    [Label("登録者")]
    public string? UploadedBy { get; set; }
}

public static class FindingNames
{
    public static string JapaneseName(this FindingSource source) => source switch
    {
        FindingSource.Commission => "個人情報保護委員会 実地調査・立入検査",
        FindingSource.InternalAudit => "内部監査",
        FindingSource.ResidentNetworkAudit => "住基ネット監査",
        FindingSource.Review => "部会審査",
        FindingSource.TerminalAudit => "端末監査",
        FindingSource.AccessMonitoring => "アクセスログ監視",
        FindingSource.ContractorVisit => "委託先の実地調査・報告徴収",
        _ => "その他",
    };

    public static string JapaneseName(this FindingLaw law) => law switch
    {
        FindingLaw.PersonalInformation => "個人情報保護法",
        FindingLaw.MyNumber => "番号法",
        FindingLaw.ResidentRegistry => "住民基本台帳法",
        FindingLaw.Ordinance => "条例",
        _ => "その他",
    };

    public static string JapaneseName(this FindingStatus status) => status switch
    {
        FindingStatus.NotStarted => "未着手",
        FindingStatus.InProgress => "対応中",
        FindingStatus.Done => "対応済",
        _ => "確認済",
    };

    /// <summary>"(1)" with full-width parentheses as in the office's tables: （1）.</summary>
    public static string NumberLabel(int number) => $"（{number}）";
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> b)
    {
        b.Property(x => x.Law).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Heading).HasMaxLength(200);
        b.Property(x => x.Provision).HasMaxLength(300);
        b.Property(x => x.Owner).HasMaxLength(200);
        b.Property(x => x.CheckedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.SetNull);
        // The numbering guarantee: two findings of one inspection and law never share a number.
        b.HasIndex(x => new { x.InspectionId, x.Law, x.Number }).IsUnique();
        b.HasIndex(x => new { x.MunicipalityId, x.Status, x.DueOn });
    }
}

internal sealed class FindingEvidenceConfiguration : IEntityTypeConfiguration<FindingEvidence>
{
    public void Configure(EntityTypeBuilder<FindingEvidence> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
