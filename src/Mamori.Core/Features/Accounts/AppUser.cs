using Mamori.Core.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// A system account. Belongs to one municipality and, for 所管課, one department; may be linked to
/// the staff member who uses it. User names are unique across the deployment so that login needs
/// only the name.
/// </summary>
public sealed class AppUser : IdentityUser
{
    public Guid MunicipalityId { get; set; }
    public Guid? DepartmentId { get; set; }
    public Guid? StaffId { get; set; }
    public required string DisplayName { get; set; }
    public UserRole Role { get; set; }
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;
    public DateTime? LastLoginAt { get; set; }

    /// <summary>利用停止: set when the account was suspended, e.g. from the long-absence check.</summary>
    public DateTime? SuspendedAt { get; set; }
    public string? SuspensionReason { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.SuspensionReason).HasMaxLength(200);
        b.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(u => u.StaffId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(u => u.MunicipalityId);
    }
}
