using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Contracts;

/// <summary>申請中 → 承認 or 不承認.</summary>
public enum ReconsignmentStatus
{
    Requested,
    Approved,
    Refused,
}

/// <summary>
/// 再委託承認申請: one sub-contractor (or a deeper level, under <see cref="ParentId"/>) — what is re-consigned and why,
/// and the two checks the PPC named in its findings: the sub-contractor's 責任体制 and its 安全管理措置の具体的取組, each
/// answered with evidence before it may be approved. Started without an approval, it is flagged.
/// </summary>
[Label("再委託")]
public sealed class Reconsignment : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("委託契約")]
    public Guid ContractId { get; set; }

    /// <summary>The re-consignment this one is under (再々委託), or null for the contractor's own.</summary>
    [Label("上位の再委託")]
    public Guid? ParentId { get; set; }

    [Label("再委託先")]
    public required string Subcontractor { get; set; }

    [Label("再委託する業務")]
    public required string Work { get; set; }

    [Label("再委託の理由")]
    public string? Reason { get; set; }

    /// <summary>再委託先の責任体制 (who is responsible for what, reporting lines).</summary>
    [Label("責任体制")]
    public string? Responsibility { get; set; }

    /// <summary>再委託先の安全管理措置の具体的取組.</summary>
    [Label("安全管理措置の具体的取組")]
    public string? Measures { get; set; }

    /// <summary>The day the sub-contractor starts (or started) the work.</summary>
    [Label("再委託の開始日")]
    public DateOnly? StartOn { get; set; }

    [Label("状態")]
    public ReconsignmentStatus Status { get; set; }

    [Label("承認・不承認の日")]
    public DateOnly? DecidedOn { get; set; }

    [Label("承認者")]
    public string? DecidedBy { get; set; }

    [Label("承認の内容")]
    public string? DecisionNote { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Working (its start has come) without an approval.</summary>
    public bool IsUnapproved(DateOnly today) => Status != ReconsignmentStatus.Approved && StartOn is { } start && start <= today;
}

/// <summary>What a contract document proves.</summary>
public enum ContractDocumentKind
{
    /// <summary>再委託先の責任体制.</summary>
    Responsibility,

    /// <summary>再委託先の安全管理措置.</summary>
    Measures,

    /// <summary>返還・廃棄の証明（廃棄証明書）.</summary>
    Disposal,

    /// <summary>実地調査・報告徴収の記録など.</summary>
    Other,
}

/// <summary>A file kept with a contract or a re-consignment: the evidence of a check, the 廃棄証明書 ….</summary>
[Label("委託契約の証跡")]
public sealed class ContractDocument : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("委託契約")]
    public Guid ContractId { get; set; }

    [Label("再委託")]
    public Guid? ReconsignmentId { get; set; }

    [Label("種類")]
    public ContractDocumentKind Kind { get; set; }

    [Label("ファイル名")]
    public required string FileName { get; set; }

    [Label("ファイルの種類")]
    public required string ContentType { get; set; }

    [Label("ファイル")]
    public Guid FileId { get; set; }

    [Label("登録日時")]
    public DateTime UploadedAt { get; set; }

    [Label("登録者")]
    public string? UploadedBy { get; set; }
}

public static class ReconsignmentNames
{
    public static string JapaneseName(this ReconsignmentStatus status) => status switch
    {
        ReconsignmentStatus.Requested => "申請中",
        ReconsignmentStatus.Approved => "承認",
        _ => "不承認",
    };

    public static string JapaneseName(this ContractDocumentKind kind) => kind switch
    {
        ContractDocumentKind.Responsibility => "責任体制",
        ContractDocumentKind.Measures => "安全管理措置",
        ContractDocumentKind.Disposal => "廃棄証明書",
        _ => "その他",
    };
}

internal sealed class ReconsignmentConfiguration : IEntityTypeConfiguration<Reconsignment>
{
    public void Configure(EntityTypeBuilder<Reconsignment> b)
    {
        b.Property(x => x.Subcontractor).HasMaxLength(200);
        b.Property(x => x.Work).HasMaxLength(1000);
        b.Property(x => x.Reason).HasMaxLength(1000);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DecisionNote).HasMaxLength(1000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Reconsignment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContractDocumentConfiguration : IEntityTypeConfiguration<ContractDocument>
{
    public void Configure(EntityTypeBuilder<ContractDocument> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Reconsignment>().WithMany().HasForeignKey(x => x.ReconsignmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
