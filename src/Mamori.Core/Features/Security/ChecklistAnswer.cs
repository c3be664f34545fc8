using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Security;

/// <summary>The answer to one item, its 回答の根拠, and the 改善計画 an answer below the top value needs.</summary>
[Label("点検の回答・改善計画")]
public sealed class ChecklistAnswer : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("点検")]
    public Guid AssessmentId { get; set; }

    [Label("項目番号")]
    public required string ItemNumber { get; init; }

    /// <summary>The scale value; null while unanswered.</summary>
    [Label("値")]
    public int? Value { get; set; }

    /// <summary>回答の根拠.</summary>
    [Label("回答の根拠")]
    public string? Evidence { get; set; }

    /// <summary>改善計画: the measure.</summary>
    [Label("改善策")]
    public string? PlanMeasure { get; set; }

    /// <summary>改善計画: who carries it out (課・担当).</summary>
    [Label("改善の担当")]
    public string? PlanOwner { get; set; }

    /// <summary>改善計画: by when.</summary>
    [Label("改善の期限")]
    public DateOnly? PlanDueOn { get; set; }

    public bool HasPlan => !string.IsNullOrWhiteSpace(PlanMeasure) && !string.IsNullOrWhiteSpace(PlanOwner) && PlanDueOn is not null;
}

internal sealed class ChecklistAnswerConfiguration : IEntityTypeConfiguration<ChecklistAnswer>
{
    public void Configure(EntityTypeBuilder<ChecklistAnswer> b)
    {
        b.Property(x => x.ItemNumber).HasMaxLength(40);
        b.Property(x => x.PlanOwner).HasMaxLength(200);
        b.HasIndex(x => new { x.AssessmentId, x.ItemNumber }).IsUnique();
    }
}
