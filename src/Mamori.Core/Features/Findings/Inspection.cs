using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Findings;

/// <summary>
/// 検査・監査: one inspection — a PPC 実地調査, an internal audit, a review — with its dates, the departments
/// it looked at and its findings. The unit the office reports to the council ("改善指導の内容 | 区の対応").
/// </summary>
[Label("検査・監査")]
public sealed class Inspection : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("指摘元")]
    public FindingSource Source { get; set; }

    /// <summary>名称, e.g. 個人情報保護委員会による実地調査（令和5年度）.</summary>
    [Label("名称")]
    public required string Title { get; set; }

    /// <summary>検査機関・監査人 (e.g. 個人情報保護委員会事務局).</summary>
    [Label("実施機関・監査人")]
    public string? Inspector { get; set; }

    /// <summary>実施期間の初日.</summary>
    [Label("回答期間（初日）")]
    public DateOnly StartOn { get; set; }

    /// <summary>実施期間の最終日 (the first day when it lasted one day).</summary>
    [Label("回答期間（最終日）")]
    public DateOnly? EndOn { get; set; }

    /// <summary>講評 and other notes (the inspector's overall comment, when the results were published).</summary>
    [Label("備考")]
    public string? Note { get; set; }

    /// <summary>The terminal audit (端末監査) whose findings were taken over, if that is where it came from.</summary>
    [Label("統合端末の監査")]
    public Guid? TerminalAuditId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
    public List<InspectionDepartment> Departments { get; init; } = [];
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Inspector).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Departments).WithOne().HasForeignKey(d => d.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Security.TerminalAudit>().WithMany().HasForeignKey(x => x.TerminalAuditId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.TerminalAuditId).IsUnique();
    }
}

/// <summary>A department an inspection looked at, with what was looked at there.</summary>
[Label("検査・監査の対象部署")]
public sealed class InspectionDepartment : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("検査・監査")]
    public Guid InspectionId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }
}

internal sealed class InspectionDepartmentConfiguration : IEntityTypeConfiguration<InspectionDepartment>
{
    public void Configure(EntityTypeBuilder<InspectionDepartment> b)
    {
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.InspectionId, x.DepartmentId }).IsUnique();
    }
}
