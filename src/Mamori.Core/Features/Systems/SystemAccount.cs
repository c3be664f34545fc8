using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Systems;

/// <summary>How an account was matched to a member of staff.</summary>
public enum AccountMatch
{
    /// <summary>照合できない（不明なアカウント）.</summary>
    None,

    /// <summary>職員番号.</summary>
    EmployeeNumber,

    /// <summary>ログインIDが職員番号またはMamoriのユーザー名と一致.</summary>
    Login,

    /// <summary>氏名とふりがな.</summary>
    Name,
}

/// <summary>
/// An account on a business system as its latest account list export gave it. The whole list is replaced by each
/// import; the staff member it was matched to, and how, is kept beside it.
/// </summary>
[Label("システムのアカウント")]
public sealed class SystemAccount : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The system's 所管課 (copied, so the account list is scoped like the system).</summary>
    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("情報システム")]
    public Guid SystemId { get; set; }

    /// <summary>The row of the imported file, for messages and for the list's order.</summary>
    [Label("行")]
    public int Row { get; set; }

    [Label("ログインID")]
    public required string Login { get; set; }

    [Label("職員番号")]
    public string? EmployeeNumber { get; set; }

    [Label("氏名")]
    public string? Name { get; set; }

    [Label("ふりがな")]
    public string? NameKana { get; set; }

    [Label("最終利用日")]
    public DateOnly? LastUsedOn { get; set; }

    /// <summary>停止済み on the system (the export's state column said so): not listed.</summary>
    [Label("停止済み")]
    public bool IsDisabled { get; set; }

    [Label("職員")]
    public Guid? StaffId { get; set; }

    [Label("照合")]
    public AccountMatch MatchedBy { get; set; }
}

internal sealed class SystemAccountConfiguration : IEntityTypeConfiguration<SystemAccount>
{
    public void Configure(EntityTypeBuilder<SystemAccount> b)
    {
        b.Property(x => x.Login).HasMaxLength(100);
        b.Property(x => x.EmployeeNumber).HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameKana).HasMaxLength(100);
        b.Property(x => x.MatchedBy).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BusinessSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.SystemId, x.Login }).IsUnique();
    }
}
