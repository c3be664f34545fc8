using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Assessments;

/// <summary>A version of the evaluation document (評価書), kept as the uploaded PDF or Word file.</summary>
[Label("評価書")]
public sealed class AssessmentDocument : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("事務")]
    public Guid BusinessId { get; set; }

    [Label("評価")]
    public Guid AssessmentId { get; set; }

    /// <summary>第N版, counted per business.</summary>
    [Label("番号")]
    public int Number { get; set; }

    /// <summary>The sections of the document, one per line (Ⅰ 基本情報, Ⅱ 特定個人情報ファイルの概要 …).</summary>
    [Label("評価書の項目")]
    public string Sections { get; set; } = string.Empty;

    /// <summary>What changed from the previous version.</summary>
    [Label("備考")]
    public string? Note { get; set; }

    [Label("ファイル名")]
    public required string FileName { get; set; }

    [Label("ファイルの種類")]
    public required string ContentType { get; set; }

    [Label("サイズ")]
    public long Size { get; set; }

    [Label("ファイル")]
    public Guid FileId { get; set; }

    /// <summary>The version on the municipality's public page (one per business).</summary>
    [Label("公表中の版")]
    public bool IsPublished { get; set; }

    [Label("登録日時")]
    public DateTime UploadedAt { get; set; }

    [Label("登録者")]
    public string? UploadedBy { get; set; }

    public IReadOnlyList<string> SectionList => AssessmentText.Lines(Sections);
}

internal sealed class AssessmentDocumentConfiguration : IEntityTypeConfiguration<AssessmentDocument>
{
    public void Configure(EntityTypeBuilder<AssessmentDocument> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.Ignore(x => x.SectionList);
        b.HasOne<AssessedBusiness>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BusinessId, x.Number }).IsUnique();
    }
}
