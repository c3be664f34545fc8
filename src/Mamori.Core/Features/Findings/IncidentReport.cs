using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Findings;

/// <summary>速報 or 確報: the two reports to the PPC (施行規則第44条).</summary>
public enum IncidentReportKind
{
    /// <summary>速報.</summary>
    Preliminary,

    /// <summary>確報.</summary>
    Final,
}

/// <summary>
/// A report to the PPC as it was sent: the items of the PPC's form frozen on the day (<see cref="Snapshot"/>), so that the
/// 速報 and the 確報 (and a corrected 確報) can be printed again exactly as they went out.
/// </summary>
[Label("個人情報保護委員会への報告")]
public sealed class IncidentReport : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("事案")]
    public Guid IncidentId { get; set; }

    [Label("報告の種類")]
    public IncidentReportKind Kind { get; init; }

    /// <summary>The report's number among those of its kind for the incident (a corrected 確報 is 2).</summary>
    [Label("版")]
    public int Number { get; init; }

    /// <summary>The day it was sent to the PPC.</summary>
    [Label("報告日")]
    public DateOnly SentOn { get; init; }

    /// <summary>The items of the form as sent (JSON of <see cref="IncidentReportContent"/>).</summary>
    [Label("報告した内容")]
    public required string Snapshot { get; init; }

    [Label("記録日時")]
    public DateTime RecordedAt { get; init; }

    [Label("記録者")]
    public string? RecordedBy { get; init; }
}

internal sealed class IncidentReportConfiguration : IEntityTypeConfiguration<IncidentReport>
{
    public void Configure(EntityTypeBuilder<IncidentReport> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Snapshot).HasMaxLength(64000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.IncidentId, x.Kind, x.Number }).IsUnique();
    }
}
