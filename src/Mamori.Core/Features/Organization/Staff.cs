using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Organization;

/// <summary>職員の在職状況.</summary>
public enum StaffStatus
{
    /// <summary>在職.</summary>
    Active,

    /// <summary>休職.</summary>
    OnLeave,

    /// <summary>退職.</summary>
    Retired,
}

/// <summary>職員: a member of staff, in one department, with absence periods.</summary>
[Label("職員")]
public sealed class Staff : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>職員番号, unique within the municipality.</summary>
    [Label("職員番号")]
    public required string EmployeeNumber { get; set; }

    [Label("氏名")]
    public required string Name { get; set; }

    [Label("ふりがな")]
    public string? NameKana { get; set; }

    [Label("在職状況")]
    public StaffStatus Status { get; set; }

    /// <summary>着任日.</summary>
    [Label("着任日")]
    public DateOnly? StartDate { get; set; }

    /// <summary>退職日 (or transfer-out date).</summary>
    [Label("退職日")]
    public DateOnly? EndDate { get; set; }

    public List<AbsencePeriod> Absences { get; init; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>休職・休業期間: a period of absence; an open end means the absence continues.</summary>
[Label("休職・休業期間")]
public sealed class AbsencePeriod : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("職員")]
    public Guid StaffId { get; set; }

    [Label("開始日")]
    public DateOnly Start { get; set; }

    [Label("終了日")]
    public DateOnly? End { get; set; }

    /// <summary>事由, e.g. 育児休業, 病気休職.</summary>
    [Label("事由")]
    public required string Reason { get; set; }
}

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.Property(s => s.EmployeeNumber).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.NameKana).HasMaxLength(100);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Absences).WithOne().HasForeignKey(a => a.StaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.MunicipalityId, s.EmployeeNumber }).IsUnique();
    }
}

internal sealed class AbsencePeriodConfiguration : IEntityTypeConfiguration<AbsencePeriod>
{
    public void Configure(EntityTypeBuilder<AbsencePeriod> b)
    {
        b.Property(a => a.Reason).HasMaxLength(100);
        b.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
