using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reviews;

/// <summary>
/// 取扱事務: a business of a department that handles personal information (e.g. 災害時透析医療救護に関する業務),
/// with the 取扱類型 that apply to it. Its self-inspections are submitted to review rounds as cases.
/// </summary>
[Label("取扱事務")]
public sealed class Business : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>所管課.</summary>
    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>事務の名称.</summary>
    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>Other departments sharing the business, as printed after the title (e.g. 健康推進課).</summary>
    [Label("共管課")]
    public string? JointDepartments { get; set; }

    /// <summary>事務の概要.</summary>
    [Label("概要")]
    public string? Summary { get; set; }

    /// <summary>The applicable <see cref="HandlingType"/> values as a bit mask.</summary>
    [Label("取扱類型")]
    public int TypeMask { get; set; }

    /// <summary>The business has ended; kept for the history of its cases.</summary>
    [Label("廃止")]
    public bool IsDiscontinued { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<HandlingType> Types => ReviewNames.FromMask<HandlingType>(TypeMask);
}

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.JointDepartments).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Types);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.DepartmentId, x.Name }).IsUnique();
    }
}
