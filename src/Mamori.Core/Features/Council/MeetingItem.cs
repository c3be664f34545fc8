using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>An agenda item on one meeting (議事), in order, with what the meeting decided.</summary>
[Label("会議の議題")]
public sealed class MeetingItem : IMunicipalityOwned, ICouncilOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("会議")]
    public Guid MeetingId { get; set; }

    [Label("議題")]
    public Guid ItemId { get; set; }

    [Label("順番")]
    public int Order { get; set; }

    /// <summary>The material's label at this meeting (e.g. 資料18).</summary>
    [Label("資料番号")]
    public string? Label { get; set; }

    [Label("判定")]
    public ItemOutcome? Outcome { get; set; }

    /// <summary>What was decided in words (e.g. 付帯意見あり).</summary>
    [Label("備考")]
    public string? Note { get; set; }

    /// <summary>The subcommittee an item was referred to (小委員会付託).</summary>
    [Label("付託先の部会")]
    public Guid? ReferredToId { get; set; }

    /// <summary>非公開: deliberated in a closed session; the public page names it only as 非公開の議題, without its materials.</summary>
    [Label("非公開")]
    public bool IsClosed { get; set; }

    [Label("記録日時")]
    public DateTime? RecordedAt { get; set; }

    [Label("記録者")]
    public string? RecordedBy { get; set; }
}

internal sealed class MeetingItemConfiguration : IEntityTypeConfiguration<MeetingItem>
{
    public void Configure(EntityTypeBuilder<MeetingItem> b)
    {
        b.Property(x => x.Label).HasMaxLength(50);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.ReferredToId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeetingId, x.ItemId }).IsUnique();
        b.HasIndex(x => x.ItemId);
    }
}
