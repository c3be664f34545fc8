using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>The kind of an agenda item, which is also its numbering series.</summary>
public enum ItemKind
{
    /// <summary>諮問 (諮問第N号).</summary>
    Consultation,

    /// <summary>報告 (報告第N号).</summary>
    Report,

    /// <summary>その他 (not numbered).</summary>
    Other,
}

/// <summary>
/// 議題: a consultation (諮問第76号), a report (報告第361号) or another item put to a council. It may be on
/// several meetings; its status is derived from what those meetings decided.
/// </summary>
[Label("議題（諮問・報告）")]
public sealed class AgendaItem : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("種類")]
    public ItemKind Kind { get; set; }

    /// <summary>The number in the municipality's series for the kind; none for その他.</summary>
    [Label("番号")]
    public int? Number { get; set; }

    [Label("名称")]
    public required string Title { get; set; }

    /// <summary>所管課 (the department that explains the item).</summary>
    [Label("部署")]
    public Guid? DepartmentId { get; set; }

    /// <summary>諮問日 / 報告日.</summary>
    [Label("諮問日・報告日")]
    public DateOnly? SubmittedOn { get; set; }

    /// <summary>What the item is about, in words (e.g. 東京共同電子申請・届出サービスの利用に係る外部結合等).</summary>
    [Label("件名の内容")]
    public string? About { get; set; }

    /// <summary>The register file the item concerns.</summary>
    [Label("個人情報ファイル")]
    public Guid? RegisterFileId { get; set; }

    /// <summary>The review round whose report the item presents.</summary>
    [Label("審査の回")]
    public Guid? ReviewRoundId { get; set; }

    /// <summary>Why the numbers before this one were skipped (番号を飛ばした理由), when they were.</summary>
    [Label("番号を飛ばした理由")]
    public string? NumberSkipReason { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.About).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PersonalInfoFile>().WithMany().HasForeignKey(x => x.RegisterFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReviewRound>().WithMany().HasForeignKey(x => x.ReviewRoundId).OnDelete(DeleteBehavior.Restrict);
        // The numbering guarantee: two items of a series never share a number, however they were created.
        b.HasIndex(x => new { x.MunicipalityId, x.Kind, x.Number }).IsUnique();
    }
}

