using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.MyNumber;

/// <summary>Where an 独自利用事務 stands under the ordinance.</summary>
public enum ProcedureState
{
    /// <summary>条例改正で加える予定.</summary>
    Planned,

    /// <summary>施行中.</summary>
    InForce,

    /// <summary>廃止.</summary>
    Repealed,

    /// <summary>改正で内容が変わり、新しい内容の記録に置き換わった.</summary>
    Replaced,
}

/// <summary>What an ordinance amendment does to a procedure when it takes effect.</summary>
public enum PendingChange
{
    /// <summary>加える.</summary>
    Add,

    /// <summary>廃止する.</summary>
    Remove,

    /// <summary>内容を変える: this record is the new wording of the procedure it replaces.</summary>
    Change,
}

/// <summary>
/// 独自利用事務: a use of the My Number the municipality's ordinance allows (番号法第9条第2項) — the ordinance and its 別表 row,
/// the department, what the number is used for, the specific personal information used by source (one per line,
/// 「地方税関係情報（区長）」), whether 情報連携 through the 情報提供ネットワークシステム is used and on what legal basis, and the
/// PIA business and register files. A procedure an amendment adds or removes changes its state when the amendment takes
/// effect; an amendment that changes one carries the new wording as a record of its own, which replaces the old on 施行.
/// </summary>
[Label("独自利用事務")]
public sealed class MyNumberProcedure : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("事務の名称")]
    public required string Name { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("条例")]
    public required string Ordinance { get; set; }

    /// <summary>「別表第一 3の項」.</summary>
    [Label("条例の項")]
    public required string Row { get; set; }

    [Label("個人番号を利用する事務の内容")]
    public required string Purpose { get; set; }

    [Label("利用する特定個人情報（情報の種類と提供元）")]
    public string? Sources { get; set; }

    [Label("情報連携")]
    public bool UsesLinkage { get; set; }

    /// <summary>The 主務省令 (or other basis) of the 情報連携, since 別表第二 was abolished.</summary>
    [Label("情報連携の根拠")]
    public string? LinkageBasis { get; set; }

    [Label("評価対象の事務")]
    public Guid? AssessedBusinessId { get; set; }

    /// <summary>The register files (個人情報ファイル簿) that hold the information this procedure uses.</summary>
    [Label("個人情報ファイル")]
    public List<Guid> RegisterFileIds { get; set; } = [];

    /// <summary>For the new wording an amendment gives a procedure: the record in force it replaces on 施行.</summary>
    [Label("改正前の事務")]
    public Guid? ReplacesId { get; set; }

    [Label("状態")]
    public ProcedureState State { get; set; }

    [Label("条例改正")]
    public Guid? AmendmentId { get; set; }

    [Label("改正での変更")]
    public PendingChange? Pending { get; set; }

    [Label("施行日")]
    public DateOnly? EffectiveOn { get; set; }

    [Label("廃止日")]
    public DateOnly? RepealedOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class MyNumberProcedureConfiguration : IEntityTypeConfiguration<MyNumberProcedure>
{
    public void Configure(EntityTypeBuilder<MyNumberProcedure> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Ordinance).HasMaxLength(300);
        b.Property(x => x.Row).HasMaxLength(100);
        b.Property(x => x.Purpose).HasMaxLength(2000);
        b.Property(x => x.Sources).HasMaxLength(2000);
        b.Property(x => x.LinkageBasis).HasMaxLength(500);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Pending).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AssessedBusiness>().WithMany().HasForeignKey(x => x.AssessedBusinessId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<OrdinanceAmendment>().WithMany().HasForeignKey(x => x.AmendmentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<MyNumberProcedure>().WithMany().HasForeignKey(x => x.ReplacesId).OnDelete(DeleteBehavior.Restrict);
    }
}
