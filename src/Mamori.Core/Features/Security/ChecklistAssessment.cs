using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Security;

/// <summary>
/// 点検（調査表への回答）: one template answered for one fiscal year by one unit — the municipality as a whole
/// (<see cref="DepartmentId"/> null) or one department. Closed once every item is answered and every item
/// below the top answer has an improvement plan; a closed assessment is the figure that is reported.
/// </summary>
[Label("セキュリティ点検")]
public sealed class ChecklistAssessment : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("ひな形の版")]
    public Guid TemplateId { get; set; }

    /// <summary>年度 (the year it starts in).</summary>
    [Label("年度")]
    public int FiscalYear { get; set; }

    /// <summary>The department assessed, or null for the municipality as a whole (団体全体).</summary>
    [Label("部署")]
    public Guid? DepartmentId { get; set; }

    /// <summary>調査基準日 or the date the answers were given.</summary>
    [Label("回答日")]
    public DateOnly? AnsweredOn { get; set; }

    [Label("完了日時")]
    public DateTime? ClosedAt { get; set; }

    [Label("完了した人")]
    public string? ClosedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<ChecklistAnswer> Answers { get; init; } = [];

    public bool IsClosed => ClosedAt is not null;

    /// <summary>Item number → value, for scoring.</summary>
    public IReadOnlyDictionary<string, int?> Values => Answers.ToDictionary(a => a.ItemNumber, a => a.Value, StringComparer.Ordinal);
}

internal sealed class ChecklistAssessmentConfiguration : IEntityTypeConfiguration<ChecklistAssessment>
{
    public void Configure(EntityTypeBuilder<ChecklistAssessment> b)
    {
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Values);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChecklistTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.MunicipalityId, x.TemplateId, x.FiscalYear, x.DepartmentId });
    }
}

