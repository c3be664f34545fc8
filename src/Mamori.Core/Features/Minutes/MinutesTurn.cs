using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Minutes;

/// <summary>One speaker turn (or a stage direction such as （「異議なし」の声あり）) of a meeting's minutes.</summary>
[Label("会議録の発言")]
public sealed class MinutesTurn : IMunicipalityOwned, ICouncilOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("会議")]
    public Guid MeetingId { get; set; }

    [Label("発言の順番")]
    public int Seq { get; set; }

    /// <summary>The speaker as written (会長, 区政情報課長, 伊藤委員); empty for a note.</summary>
    [Label("発言者")]
    public string Speaker { get; set; } = string.Empty;

    [Label("内容")]
    public required string Text { get; set; }

    /// <summary>A note that is not speech (（「異議なし」の声あり）).</summary>
    [Label("発言以外の記載")]
    public bool IsNote { get; set; }

    /// <summary>The speaker's title when it can be told (会長, 委員, 課長 …).</summary>
    [Label("役割")]
    public string? Role { get; set; }

    /// <summary>会長・委員・事務局・所管課, for the search filter.</summary>
    [Label("発言者の区分")]
    public SpeakerGroup Group { get; set; }

    /// <summary>非公開: said in a closed session (審査請求, personal matters); never on the public page or in public search.</summary>
    [Label("非公開")]
    public bool IsClosed { get; set; }
}

internal sealed class MinutesTurnConfiguration : IEntityTypeConfiguration<MinutesTurn>
{
    public void Configure(EntityTypeBuilder<MinutesTurn> b)
    {
        b.Property(x => x.Speaker).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(20000);
        b.Property(x => x.Role).HasMaxLength(30);
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MeetingId, x.Seq }).IsUnique();
    }
}
