using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.AccessMonitoring;

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
