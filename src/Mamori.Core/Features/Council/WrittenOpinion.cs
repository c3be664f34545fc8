using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>A member's written question or opinion on an item of a meeting, and the office's answer.</summary>
[Label("質問・意見（委員）")]
public sealed class WrittenOpinion : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("会議")]
    public Guid MeetingId { get; set; }

    [Label("議題")]
    public Guid ItemId { get; set; }

    [Label("委員")]
    public Guid MemberId { get; set; }

    [Label("種類")]
    public OpinionKind Kind { get; set; }

    /// <summary>記載箇所 (e.g. 資料1 3ページ).</summary>
    [Label("記載箇所")]
    public string? Location { get; set; }

    [Label("内容")]
    public required string Text { get; set; }

    [Label("提出日時")]
    public DateTime SubmittedAt { get; set; }

    /// <summary>区の回答.</summary>
    [Label("回答")]
    public string? Answer { get; set; }

    [Label("回答日時")]
    public DateTime? AnsweredAt { get; set; }

    [Label("回答者")]
    public string? AnsweredBy { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class WrittenOpinionConfiguration : IEntityTypeConfiguration<WrittenOpinion>
{
    public void Configure(EntityTypeBuilder<WrittenOpinion> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Location).HasMaxLength(200);
        b.Property(x => x.AnsweredBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeetingId, x.ItemId });
    }
}
