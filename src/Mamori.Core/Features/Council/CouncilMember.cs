using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

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
    /// <summary>ふりがな: lists of members are in 五十音 order by it (kanji have no order of their own).</summary>
    [Label("ふりがな")]
    public string? NameKana { get; set; }

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

    /// <summary>
    /// The key of 五十音 order: the ふりがな in hiragana (カタカナ and half-width read the same); a member without one
    /// sorts after those with one, by name.
    /// </summary>
    public string GojuonKey => GojuonOrder.Key(NameKana) is { Length: > 0 } key ? "0" + key : "1" + Name;
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.NameKana).HasMaxLength(100);
        b.Ignore(x => x.GojuonKey);
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
