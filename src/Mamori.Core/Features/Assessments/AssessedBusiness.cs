using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Assessments;

/// <summary>
/// 評価対象の事務: a business that handles specific personal information (住民基本台帳に関する事務,
/// 特別区民税の賦課に関する事務 …), the figures its しきい値判断 rests on, and the level chosen.
/// </summary>
[Label("特定個人情報保護評価の対象事務")]
public sealed class AssessedBusiness : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>所管課.</summary>
    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>事務の名称.</summary>
    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>事務の概要.</summary>
    [Label("概要")]
    public string? Summary { get; set; }

    /// <summary>対象人数 (people in the business's specific personal information files).</summary>
    [Label("対象人数")]
    public long SubjectCount { get; set; }

    /// <summary>取扱者数のうち職員.</summary>
    [Label("取扱者数（職員）")]
    public int StaffHandlers { get; set; }

    /// <summary>取扱者数のうち委託先の従業者.</summary>
    [Label("取扱者数（委託先）")]
    public int ContractorHandlers { get; set; }

    /// <summary>The date of the latest serious incident (重大事故) involving specific personal information, if any.</summary>
    [Label("重大事故の発生日")]
    public DateOnly? SeriousIncidentOn { get; set; }

    /// <summary>What the incident was.</summary>
    [Label("重大事故の内容")]
    public string? SeriousIncidentNote { get; set; }

    /// <summary>A level chosen voluntarily above what the threshold requires (任意の評価).</summary>
    [Label("任意に選んだ評価")]
    public PiaLevel? ChosenLevel { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<AssessedBusinessFile> Files { get; init; } = [];

    /// <summary>取扱者数: staff and contractor staff.</summary>
    public int Handlers => StaffHandlers + ContractorHandlers;

    /// <summary>Whether a serious incident falls within the year before <paramref name="today"/>.</summary>
    public bool HasRecentSeriousIncident(DateOnly today) => IsWithinTheYear(SeriousIncidentOn, today);

    /// <summary>しきい値判断 counts a serious incident for one year from the day it occurred.</summary>
    public static bool IsWithinTheYear(DateOnly? incidentOn, DateOnly today) =>
        incidentOn is { } on && on <= today && on > today.AddYears(-1);

    /// <summary>しきい値判断 on <paramref name="today"/>.</summary>
    public ThresholdJudgment Judge(DateOnly today) => PiaThreshold.Judge(SubjectCount, Handlers, HasRecentSeriousIncident(today));

    /// <summary>The level the business is evaluated at: the threshold's, or the higher one chosen.</summary>
    public PiaLevel EffectiveLevel(DateOnly today)
    {
        var required = Judge(today).Level;
        return ChosenLevel is { } chosen && chosen > required ? chosen : required;
    }
}

/// <summary>A 特定個人情報ファイル of the register that the business uses.</summary>
[Label("評価対象事務の特定個人情報ファイル")]
public sealed class AssessedBusinessFile : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("事務")]
    public Guid BusinessId { get; set; }

    [Label("ファイル")]
    public Guid FileId { get; set; }
}

internal sealed class AssessedBusinessConfiguration : IEntityTypeConfiguration<AssessedBusiness>
{
    public void Configure(EntityTypeBuilder<AssessedBusiness> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Summary).HasMaxLength(2000);
        b.Property(x => x.SeriousIncidentNote).HasMaxLength(1000);
        b.Property(x => x.ChosenLevel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Handlers);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Files).WithOne().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}

internal sealed class AssessedBusinessFileConfiguration : IEntityTypeConfiguration<AssessedBusinessFile>
{
    public void Configure(EntityTypeBuilder<AssessedBusinessFile> b)
    {
        b.HasOne<PersonalInfoFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BusinessId, x.FileId }).IsUnique();
    }
}
