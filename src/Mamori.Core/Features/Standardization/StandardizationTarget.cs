using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Standardization;

/// <summary>Where a 業務 stands in the move to its 標準準拠システム.</summary>
public enum MigrationPhase
{
    /// <summary>未着手.</summary>
    NotStarted,

    /// <summary>移行計画.</summary>
    Planning,

    /// <summary>調達・契約.</summary>
    Procurement,

    /// <summary>構築・データ移行.</summary>
    Building,

    /// <summary>検証・研修.</summary>
    Testing,

    /// <summary>移行済.</summary>
    Migrated,
}

/// <summary>How the target system is provided.</summary>
public enum ProvisionModel
{
    /// <summary>共同利用方式（複数団体で同じ環境を使う）.</summary>
    Shared,

    /// <summary>単独利用方式.</summary>
    Dedicated,
}

/// <summary>
/// 標準化対象業務: one of the 業務 that move to a 標準準拠システム on ガバメントクラウド — the system today and its vendor, the
/// target system, how it is provided, the cloud and its ISMAP listing, the planned and actual dates, the phase — and
/// the PIA business it touches. A move that changes how specific personal information is handled is a 重要な変更 of
/// that business, recorded through the PIA module.
/// </summary>
[Label("標準化対象業務")]
public sealed class StandardizationTarget : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("業務")]
    public required string Name { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("現行システム")]
    public string? CurrentSystem { get; set; }

    [Label("現行の事業者")]
    public string? CurrentVendor { get; set; }

    [Label("標準準拠システム")]
    public string? TargetSystem { get; set; }

    [Label("標準準拠システムの事業者")]
    public string? TargetVendor { get; set; }

    [Label("利用方式")]
    public ProvisionModel? Model { get; set; }

    [Label("クラウド")]
    public string? Cloud { get; set; }

    [Label("ISMAP 登録")]
    public bool IsmapListed { get; set; }

    [Label("移行予定日")]
    public DateOnly? PlannedOn { get; set; }

    [Label("移行日")]
    public DateOnly? MigratedOn { get; set; }

    [Label("段階")]
    public MigrationPhase Phase { get; set; }

    [Label("評価対象の事務")]
    public Guid? AssessedBusinessId { get; set; }

    /// <summary>The move changes how specific personal information is handled (保管場所, 委託先, 取扱者 …).</summary>
    [Label("特定個人情報の取扱いが変わる")]
    public bool ChangesSpecificPersonalInfo { get; set; }

    /// <summary>The 重要な変更 recorded in the PIA module for this move.</summary>
    [Label("重要な変更の記録")]
    public Guid? AssessmentChangeId { get; set; }

    [Label("備考")]
    public string? Note { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class StandardizationNames
{
    public static string JapaneseName(this MigrationPhase phase) => phase switch
    {
        MigrationPhase.NotStarted => "未着手",
        MigrationPhase.Planning => "移行計画",
        MigrationPhase.Procurement => "調達・契約",
        MigrationPhase.Building => "構築・データ移行",
        MigrationPhase.Testing => "検証・研修",
        _ => "移行済",
    };

    public static string JapaneseName(this ProvisionModel model) => model == ProvisionModel.Shared ? "共同利用方式" : "単独利用方式";
}

internal sealed class StandardizationTargetConfiguration : IEntityTypeConfiguration<StandardizationTarget>
{
    public void Configure(EntityTypeBuilder<StandardizationTarget> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.CurrentSystem).HasMaxLength(200);
        b.Property(x => x.CurrentVendor).HasMaxLength(200);
        b.Property(x => x.TargetSystem).HasMaxLength(200);
        b.Property(x => x.TargetVendor).HasMaxLength(200);
        b.Property(x => x.Cloud).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Model).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Phase).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessedBusiness>().WithMany().HasForeignKey(x => x.AssessedBusinessId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<AssessmentChange>().WithMany().HasForeignKey(x => x.AssessmentChangeId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}
