using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Assessments;

/// <summary>
/// A change to a business's handling of specific personal information (e.g. ガバメントクラウドへの移行): the
/// sections of the evaluation document it changes, each 事前 or 事後. A 事前 section re-opens an evaluation.
/// </summary>
[Label("評価書の変更")]
public sealed class AssessmentChange : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("事務")]
    public Guid BusinessId { get; set; }

    /// <summary>変更予定日.</summary>
    [Label("変更予定日")]
    public DateOnly PlannedOn { get; set; }

    [Label("概要")]
    public required string Summary { get; set; }

    /// <summary>The changed sections, one per line as "section：事前" or "section：事後".</summary>
    [Label("変更する項目")]
    public string Sections { get; set; } = string.Empty;

    /// <summary>The evaluation it opened or joined (事前 changes).</summary>
    [Label("評価")]
    public Guid? AssessmentId { get; set; }

    [Label("記録日時")]
    public DateTime RecordedAt { get; set; }

    [Label("記録者")]
    public string? RecordedBy { get; set; }

    public IReadOnlyList<ChangedSection> SectionList => AssessmentText.ParseChanges(Sections).Value ?? [];
}

internal sealed class AssessmentChangeConfiguration : IEntityTypeConfiguration<AssessmentChange>
{
    public void Configure(EntityTypeBuilder<AssessmentChange> b)
    {
        b.Property(x => x.Summary).HasMaxLength(500);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Ignore(x => x.SectionList);
        b.HasOne<AssessedBusiness>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
