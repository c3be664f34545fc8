using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Core.Features.Reviews;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>A file handed to members (会議資料) for an item or a meeting; served only as a download.</summary>
[Label("会議資料")]
public sealed class Material : IMunicipalityOwned, ICouncilOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("会議")]
    public Guid? MeetingId { get; set; }

    [Label("議題")]
    public Guid? ItemId { get; set; }

    /// <summary>資料1, 参考資料18-1 ….</summary>
    [Label("名称")]
    public required string Title { get; set; }

    [Label("ファイル名")]
    public required string FileName { get; set; }

    [Label("ファイルの種類")]
    public required string ContentType { get; set; }

    [Label("サイズ")]
    public long Size { get; set; }

    [Label("ファイル")]
    public Guid FileId { get; set; }

    /// <summary>Whether the material is on the public page.</summary>
    [Label("公開")]
    public bool IsPublic { get; set; }

    [Label("登録日時")]
    public DateTime UploadedAt { get; set; }

    [Label("登録者")]
    public string? UploadedBy { get; set; }
}

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.UploadedBy).HasMaxLength(200);
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
    }
}
