using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>
/// A row that belongs to one council (or subcommittee). A 委員 account sees only the rows of the councils
/// it is a member of; the filter lives in <see cref="AppDbContext"/>.
/// </summary>
public interface ICouncilOwned
{
    /// <summary>The council (or subcommittee) the row belongs to.</summary>
    Guid CouncilId { get; }
}

/// <summary>How many members must take part for a meeting to be valid (定足数).</summary>
public enum QuorumRule
{
    /// <summary>過半数: more than half of the members in office (the usual ordinance wording).</summary>
    MoreThanHalf,

    /// <summary>半数以上: half or more.</summary>
    HalfOrMore,

    /// <summary>3分の2以上.</summary>
    TwoThirds,
}

/// <summary>A member's role on a council.</summary>
public enum MemberRole
{
    /// <summary>委員.</summary>
    Member,

    /// <summary>会長: chairs the council.</summary>
    Chair,

    /// <summary>副会長（職務代理）: acts for the chair.</summary>
    ViceChair,

    /// <summary>委員長: chairs a subcommittee.</summary>
    CommitteeChair,
}

/// <summary>
/// 審議会 (e.g. 情報公開・個人情報保護審議会) or, with a <see cref="ParentId"/>, one of its subcommittees
/// (小委員会・部会) created by a council decision.
/// </summary>
[Label("審議会")]
public sealed class AdvisoryCouncil : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The parent council of a subcommittee.</summary>
    [Label("上位の部")]
    public Guid? ParentId { get; set; }

    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>設置根拠 or the council decision that created a subcommittee (e.g. 令和4年度第3回審議会決定).</summary>
    [Label("設置根拠")]
    public string? Basis { get; set; }

    /// <summary>設置日.</summary>
    [Label("設置日")]
    public DateOnly? EstablishedOn { get; set; }

    /// <summary>任期 in years, used to propose the end of a term (default 2).</summary>
    [Label("任期（年）")]
    public int TermYears { get; set; } = 2;

    [Label("定足数")]
    public QuorumRule Quorum { get; set; }

    /// <summary>Whether the council appears on the public pages.</summary>
    [Label("公開")]
    public bool IsPublic { get; set; } = true;

    /// <summary>
    /// Who sends the 開催通知 (「豊島区長　高際　みゆき」, 「会長　山田　太郎」); blank: the council and its chair.
    /// </summary>
    [Label("開催通知の発信者")]
    public string? NoticeSender { get; set; }

    /// <summary>Contact shown on notices (e.g. 総合政策部区政情報課 電話 03-…).</summary>
    [Label("連絡先")]
    public string? Contact { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<AdvisoryCouncil>
{
    public void Configure(EntityTypeBuilder<AdvisoryCouncil> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(200);
        b.Property(x => x.Contact).HasMaxLength(200);
        b.Property(x => x.NoticeSender).HasMaxLength(100);
        b.Property(x => x.Quorum).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}

