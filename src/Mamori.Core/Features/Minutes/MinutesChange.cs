using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// One entry of the change feed of the minutes search: a save touched this meeting (or this agenda item, whose
/// meetings are looked up when the entry is read). Written in the same transaction as the change, so every app
/// instance, and one that starts later, learns of each committed change and re-indexes the meeting from the
/// database (<see cref="MinutesIndexReconciler"/>). Not audited: the change itself is. Kept for a day.
/// </summary>
[Label("会議録の検索索引の更新")]
public sealed class MinutesChange
{
    /// <summary>Increasing in the order entries were written (an identity column; a rolled-back save leaves a gap).</summary>
    [Label("番号")]
    public long Sequence { get; init; }

    [Label("会議")]
    public Guid? MeetingId { get; init; }

    [Label("議題")]
    public Guid? ItemId { get; init; }

    [Label("日時")]
    public DateTime At { get; init; }
}

internal sealed class MinutesChangeConfiguration : IEntityTypeConfiguration<MinutesChange>
{
    public void Configure(EntityTypeBuilder<MinutesChange> b)
    {
        b.HasKey(c => c.Sequence);
        b.Property(c => c.Sequence).ValueGeneratedOnAdd();
        b.HasIndex(c => c.At);
    }
}
