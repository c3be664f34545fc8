using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Organization;

/// <summary>部 or 課: a node of the municipality's organization tree. A 課 has a 部 as its parent.</summary>
[Label("部署")]
public sealed class Department : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The 部 above this 課; null for a 部.</summary>
    [Label("上位の部")]
    public Guid? ParentId { get; set; }

    [Label("部署名")]
    public required string Name { get; set; }

    /// <summary>The municipality's own department code, if it has one.</summary>
    [Label("コード")]
    public string? Code { get; set; }

    [Label("表示順")]
    public int SortOrder { get; set; }

    /// <summary>False once the department has been abolished (廃止); kept because records refer to it.</summary>
    [Label("使用中")]
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(100);
        b.Property(d => d.Code).HasMaxLength(20);
        b.Property(d => d.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(d => d.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.MunicipalityId, d.ParentId, d.Name }).IsUnique();
    }
}
