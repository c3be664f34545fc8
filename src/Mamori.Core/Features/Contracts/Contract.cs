using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Contracts;

/// <summary>Where the contractor does the work.</summary>
public enum WorkPlace
{
    /// <summary>庁内.</summary>
    Office,

    /// <summary>委託先の施設.</summary>
    Contractor,

    /// <summary>クラウドサービス.</summary>
    Cloud,
}

/// <summary>
/// 委託契約: a contract under which a contractor handles personal information — the systems and register files it
/// touches, the work, where it is done, the 特記事項 the contract actually holds (checked against the municipality's
/// required list), the contractor's certifications, its 取扱責任者 and 取扱者, and at the end the 返還・廃棄.
/// </summary>
[Label("委託契約")]
public sealed class Contract : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>所管課: the department that made the contract.</summary>
    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("契約件名")]
    public required string Title { get; set; }

    [Label("委託先")]
    public required string Contractor { get; set; }

    [Label("契約期間（開始）")]
    public DateOnly StartOn { get; set; }

    [Label("契約期間（終了）")]
    public DateOnly EndOn { get; set; }

    [Label("情報システム")]
    public List<Guid> SystemIds { get; set; } = [];

    [Label("個人情報ファイル")]
    public List<Guid> RegisterFileIds { get; set; } = [];

    /// <summary>The 特定個人情報保護評価 businesses whose work the contract carries out.</summary>
    [Label("評価対象の事務")]
    public List<Guid> AssessedBusinessIds { get; set; } = [];

    /// <summary>The review cases (外部委託 and the other contracting types) that rest on this contract.</summary>
    [Label("部会審査の案件")]
    public List<Guid> ReviewCaseIds { get; set; } = [];

    /// <summary>委託する業務: 運用・保守, 開発, データ入力 ….</summary>
    [Label("業務の種類")]
    public List<string> WorkKinds { get; set; } = [];

    [Label("作業場所")]
    public WorkPlace WorkPlace { get; set; }

    /// <summary>The 特記事項 the contract actually contains (names from the municipality's template, or others).</summary>
    [Label("特記事項")]
    public List<string> Clauses { get; set; } = [];

    [Label("取扱責任者")]
    public string? HandlingManager { get; set; }

    /// <summary>取扱者: the contractor's staff who handle the data, one per entry.</summary>
    [Label("取扱者")]
    public List<string> Handlers { get; set; } = [];

    /// <summary>返還・廃棄の日 (the date on the 廃棄証明書).</summary>
    [Label("返還・廃棄日")]
    public DateOnly? ReturnedOn { get; set; }

    [Label("返還・廃棄の内容")]
    public string? ReturnNote { get; set; }

    public List<ContractCertification> Certifications { get; init; } = [];

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Ended (the day after its last day) with no 返還・廃棄 recorded.</summary>
    public bool IsReturnOverdue(DateOnly today) => ReturnedOn is null && today > EndOn;
}

/// <summary>認証: プライバシーマーク, ISMS, ISMAP … with its number and expiry.</summary>
[Label("委託先の認証")]
public sealed class ContractCertification : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("委託契約")]
    public Guid ContractId { get; set; }

    [Label("認証")]
    public required string Name { get; set; }

    [Label("登録番号")]
    public string? Number { get; set; }

    [Label("有効期限")]
    public DateOnly? ExpiresOn { get; set; }

    /// <summary>In force on <paramref name="day"/>: no expiry given, or not yet past it.</summary>
    public bool InForceOn(DateOnly day) => ExpiresOn is not { } e || day <= e;
}

/// <summary>The names the contract pages use.</summary>
public static class ContractNames
{
    /// <summary>委託する業務, as offered on the form.</summary>
    public static IReadOnlyList<string> WorkKinds { get; } = ["運用・保守", "システム開発・改修", "データ入力", "印刷・封入封緘", "発送", "窓口・コールセンター", "データセンター・クラウド", "その他"];

    public static string JapaneseName(this WorkPlace place) => place switch
    {
        WorkPlace.Office => "庁内",
        WorkPlace.Contractor => "委託先の施設",
        _ => "クラウドサービス",
    };
}

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Contractor).HasMaxLength(200);
        b.Property(x => x.HandlingManager).HasMaxLength(200);
        b.Property(x => x.ReturnNote).HasMaxLength(1000);
        b.Property(x => x.WorkPlace).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Certifications).WithOne().HasForeignKey(c => c.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MunicipalityId, x.EndOn });
    }
}

internal sealed class ContractCertificationConfiguration : IEntityTypeConfiguration<ContractCertification>
{
    public void Configure(EntityTypeBuilder<ContractCertification> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Number).HasMaxLength(100);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}
