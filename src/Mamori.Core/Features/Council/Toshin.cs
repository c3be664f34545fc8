using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>答申: the council's answer to a consultation (答申第N号), drafted and issued in Mamori.</summary>
[Label("答申")]
public sealed class Toshin : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    /// <summary>The consultation answered.</summary>
    [Label("諮問")]
    public Guid ItemId { get; set; }

    [Label("番号")]
    public int Number { get; set; }

    /// <summary>答申日; empty while the text is a draft.</summary>
    [Label("回答日")]
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>宛先 (e.g. 新宿区長 吉住健一 様).</summary>
    [Label("宛先")]
    public string? Addressee { get; set; }

    [Label("内容")]
    public required string Text { get; set; }

    /// <summary>Why the numbers before this one were skipped (番号を飛ばした理由), when they were.</summary>
    [Label("番号を飛ばした理由")]
    public string? NumberSkipReason { get; set; }

    /// <summary>The day the draft went to the members for confirmation (委員への確認依頼).</summary>
    [Label("確認依頼日")]
    public DateOnly? ConfirmationRequestedOn { get; set; }

    [Label("確認の期限")]
    public DateOnly? ConfirmationDueOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ToshinConfiguration : IEntityTypeConfiguration<Toshin>
{
    public void Configure(EntityTypeBuilder<Toshin> b)
    {
        b.Property(x => x.Addressee).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(20000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Number }).IsUnique();
        b.HasIndex(x => x.ItemId).IsUnique();
    }
}
