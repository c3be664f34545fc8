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

    /// <summary>Contact shown on notices (e.g. 総合政策部区政情報課 電話 03-…).</summary>
    [Label("連絡先")]
    public string? Contact { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>
/// One appointment (委嘱) of a person to a council for a term. A 補欠 appointment serves the rest of its
/// predecessor's term; a re-appointment is a new row for the next term.
/// </summary>
[Label("委員")]
public sealed class CouncilMember : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }
    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>所属・推薦団体 (e.g. 弁護士, 区民公募, 〇〇大学教授).</summary>
    [Label("所属・推薦団体")]
    public string? Affiliation { get; set; }

    /// <summary>委嘱日.</summary>
    [Label("委嘱日")]
    public DateOnly AppointedOn { get; set; }

    [Label("任期の初日")]
    public DateOnly TermStart { get; set; }
    [Label("任期の末日")]
    public DateOnly TermEnd { get; set; }

    /// <summary>辞任・退任: the last day in office when the member left before the end of the term.</summary>
    [Label("退任日")]
    public DateOnly? LeftOn { get; set; }

    [Label("役割")]
    public MemberRole Role { get; set; }

    /// <summary>The predecessor whose remaining term this 補欠 appointment serves.</summary>
    [Label("前任者（補欠）")]
    public Guid? SubstituteForId { get; set; }

    /// <summary>The previous term's appointment when this is a re-appointment (再任).</summary>
    [Label("前の任期（再任）")]
    public Guid? ReappointedFromId { get; set; }

    /// <summary>The member's account (role 委員), when they use Mamori themselves.</summary>
    [Label("アカウント")]
    public string? UserId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The last day in office: the end of the term, or the day the member left.</summary>
    public DateOnly LastDay => LeftOn is { } left && left < TermEnd ? left : TermEnd;

    /// <summary>In office on <paramref name="date"/>: the term has begun and neither ended nor been left.</summary>
    public bool InOfficeOn(DateOnly date) => TermStart <= date && date <= LastDay;
}

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<AdvisoryCouncil>
{
    public void Configure(EntityTypeBuilder<AdvisoryCouncil> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Basis).HasMaxLength(200);
        b.Property(x => x.Contact).HasMaxLength(200);
        b.Property(x => x.Quorum).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Affiliation).HasMaxLength(200);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UserId).HasMaxLength(450);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.LastDay);
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(x => x.SubstituteForId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(x => x.ReappointedFromId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CouncilId, x.TermStart });
        b.HasIndex(x => x.UserId);
    }
}
