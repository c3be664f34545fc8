using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reports;

/// <summary>
/// 報告書のひな形: the ordered sections of a yearly report the office edits (each data section with its own period,
/// each narrative with its starting text). A report is made from it for one 年度.
/// </summary>
[Label("報告書のひな形")]
public sealed class ReportTemplate : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The template's name in lists: 住基ネット実施状況報告（豊島区型）.</summary>
    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>The report's title after the 年度: 住民基本台帳ネットワークシステムに係るセキュリティ対策の実施状況.</summary>
    [Label("表題")]
    public required string Title { get; set; }

    /// <summary>The built-in template it was made from (toshima-juki, setagaya-security), for the list.</summary>
    [Label("元のひな形")]
    public string? BuiltIn { get; set; }

    [Label("章立て")]
    public string SectionsJson { get; set; } = "[]";

    [Label("更新日時")]
    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<ReportSection> Sections => ReportSections.FromJson(SectionsJson);
}

/// <summary>
/// 報告書: one 年度's report made from a template. It keeps its own copy of the sections (so a later change of the
/// template leaves a report already given to the council as it was) and the office's words in each narrative.
/// </summary>
[Label("報告書")]
public sealed class AnnualReport : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("ひな形")]
    public Guid TemplateId { get; set; }

    /// <summary>The 年度 the report is about (its sections' periods are counted from it).</summary>
    [Label("年度")]
    public int FiscalYear { get; set; }

    [Label("表題")]
    public required string Title { get; set; }

    [Label("章立て")]
    public string SectionsJson { get; set; } = "[]";

    /// <summary>The report whose words were carried over (last year's), if any.</summary>
    [Label("引き継いだ報告書")]
    public Guid? CarriedFromId { get; set; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; set; }

    [Label("更新日時")]
    public DateTime UpdatedAt { get; set; }

    [Label("更新者")]
    public string? UpdatedBy { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<ReportSection> Sections => ReportSections.FromJson(SectionsJson);

    public Japanese.FiscalYear Year => new(FiscalYear);
}

internal sealed class ReportTemplateConfiguration : IEntityTypeConfiguration<ReportTemplate>
{
    public void Configure(EntityTypeBuilder<ReportTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.BuiltIn).HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Sections);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Sections);
        b.Ignore(x => x.Year);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ReportTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.TemplateId, x.FiscalYear }).IsUnique();
    }
}
