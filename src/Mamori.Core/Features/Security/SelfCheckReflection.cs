using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>振り返り: a department's note on its results.</summary>
[Label("セルフチェックの振り返り")]
public sealed class SelfCheckReflection : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("職員セルフチェック")]
    public Guid CampaignId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("振り返り")]
    public required string Note { get; set; }

    [Label("更新日時")]
    public DateTime UpdatedAt { get; set; }

    [Label("更新者")]
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class SelfCheckReflectionConfiguration : IEntityTypeConfiguration<SelfCheckReflection>
{
    public void Configure(EntityTypeBuilder<SelfCheckReflection> b)
    {
        b.Property(x => x.Note).HasMaxLength(8000);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<SelfCheckCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CampaignId, x.DepartmentId }).IsUnique();
    }
}
