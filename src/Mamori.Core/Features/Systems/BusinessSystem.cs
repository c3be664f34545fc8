using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Systems;

/// <summary>Where a business system runs.</summary>
public enum SystemHosting
{
    /// <summary>庁内（オンプレミス）.</summary>
    OnPremises,

    /// <summary>ガバメントクラウド.</summary>
    GovernmentCloud,

    /// <summary>ASP・SaaS（事業者のサービス）.</summary>
    Asp,
}

/// <summary>
/// 情報システム台帳の1件: a business system (住民記録, 税務, 障害者福祉 …) with its 所管課, the departments that use it,
/// what it holds, where it runs, its administrators and the column mapping of its account list export.
/// </summary>
[Label("情報システム")]
public sealed class BusinessSystem : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>所管課: the department that answers for the system and closes its account listings.</summary>
    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("システム名")]
    public required string Name { get; set; }

    /// <summary>保守・運用事業者.</summary>
    [Label("事業者")]
    public string? Vendor { get; set; }

    [Label("稼働環境")]
    public SystemHosting Hosting { get; set; }

    /// <summary>特定個人情報（マイナンバー）を保有するか.</summary>
    [Label("特定個人情報")]
    public bool HoldsMyNumber { get; set; }

    /// <summary>保有する個人情報の概要.</summary>
    [Label("保有する情報")]
    public string? Holds { get; set; }

    /// <summary>The 個人情報ファイル簿 entries the system holds.</summary>
    [Label("個人情報ファイル")]
    public List<Guid> RegisterFileIds { get; set; } = [];

    /// <summary>The PIA business (特定個人情報保護評価の事務) the system serves.</summary>
    [Label("評価対象の事務")]
    public Guid? AssessedBusinessId { get; set; }

    /// <summary>The access log the access-monitoring module reads for this system (a name as the security staff call it).</summary>
    [Label("アクセスログ")]
    public string? AccessLogSource { get; set; }

    /// <summary>利用課: departments besides the 所管課 whose staff have accounts; staff moved elsewhere are listed.</summary>
    [Label("利用課")]
    public List<Guid> UsingDepartmentIds { get; set; } = [];

    /// <summary>システム管理者: the Mamori accounts that close the account listings. None named: the 所管課.</summary>
    [Label("システム管理者")]
    public List<string> AdministratorIds { get; set; } = [];

    /// <summary>Accounts not used for this many days are listed (when the export has a last-use column).</summary>
    [Label("未使用とみなす日数")]
    public int UnusedDays { get; set; } = AccountCheck.DefaultUnusedDays;

    [Label("列：ログインID")]
    public string? ColumnLogin { get; set; }

    [Label("列：職員番号")]
    public string? ColumnEmployeeNumber { get; set; }

    [Label("列：氏名")]
    public string? ColumnName { get; set; }

    [Label("列：ふりがな")]
    public string? ColumnKana { get; set; }

    [Label("列：最終利用日")]
    public string? ColumnLastUsed { get; set; }

    [Label("列：状態")]
    public string? ColumnState { get; set; }

    /// <summary>The headers of the system's account export, saved once and used on every import.</summary>
    public AccountColumns Columns
    {
        get => new()
        {
            Login = ColumnLogin,
            EmployeeNumber = ColumnEmployeeNumber,
            Name = ColumnName,
            Kana = ColumnKana,
            LastUsed = ColumnLastUsed,
            State = ColumnState,
        };
        set
        {
            ColumnLogin = value.Login;
            ColumnEmployeeNumber = value.EmployeeNumber;
            ColumnName = value.Name;
            ColumnKana = value.Kana;
            ColumnLastUsed = value.LastUsed;
            ColumnState = value.State;
        }
    }

    [Label("最終取込日時")]
    public DateTime? LastImportedAt { get; set; }

    [Label("最終取込ファイル")]
    public string? LastImportFile { get; set; }

    [Label("最終取込者")]
    public string? LastImportBy { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The departments whose staff may hold an account: the 所管課 and the 利用課.</summary>
    public IReadOnlySet<Guid> Departments => UsingDepartmentIds.Append(DepartmentId).ToHashSet();
}

/// <summary>
/// The headers of an account export that carry each item (null: the export has no such column). Only the login is
/// required; staff are matched by 職員番号, then by login, then by name with kana.
/// </summary>
public sealed record AccountColumns
{
    public string? Login { get; init; }
    public string? EmployeeNumber { get; init; }
    public string? Name { get; init; }
    public string? Kana { get; init; }
    public string? LastUsed { get; init; }
    public string? State { get; init; }

    /// <summary>Whether anything has been saved.</summary>
    public bool IsEmpty => Login is null && EmployeeNumber is null && Name is null && Kana is null && LastUsed is null && State is null;
}

public static class SystemNames
{
    public static string JapaneseName(this SystemHosting hosting) => hosting switch
    {
        SystemHosting.OnPremises => "庁内",
        SystemHosting.GovernmentCloud => "ガバメントクラウド",
        _ => "ASP・SaaS",
    };
}

internal sealed class BusinessSystemConfiguration : IEntityTypeConfiguration<BusinessSystem>
{
    public void Configure(EntityTypeBuilder<BusinessSystem> b)
    {
        b.ToTable("BusinessSystems");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Vendor).HasMaxLength(200);
        b.Property(x => x.AccessLogSource).HasMaxLength(200);
        b.Property(x => x.LastImportFile).HasMaxLength(255);
        b.Property(x => x.LastImportBy).HasMaxLength(200);
        b.Property(x => x.Hosting).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Columns);
        b.Ignore(x => x.Departments);
        foreach (var column in new[] { nameof(BusinessSystem.ColumnLogin), nameof(BusinessSystem.ColumnEmployeeNumber), nameof(BusinessSystem.ColumnName),
            nameof(BusinessSystem.ColumnKana), nameof(BusinessSystem.ColumnLastUsed), nameof(BusinessSystem.ColumnState) })
        {
            b.Property<string?>(column).HasMaxLength(100);
        }
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessedBusiness>().WithMany().HasForeignKey(x => x.AssessedBusinessId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}
