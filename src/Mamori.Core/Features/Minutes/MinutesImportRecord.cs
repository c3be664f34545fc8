using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// One imported minutes file: which file (by its SHA-256, so the same file is recognised when it comes
/// again), where it went, and every choice made about its agenda items (linked, new, not imported). Its
/// insert is the audit trail's record of the import's decisions.
/// </summary>
[Label("会議録の取込み")]
public sealed class MinutesImportRecord : IMunicipalityOwned, ICouncilOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("会議")]
    public Guid MeetingId { get; set; }

    [Label("ファイル名")]
    public required string FileName { get; set; }

    /// <summary>The SHA-256 of the file's bytes, in lowercase hex.</summary>
    [Label("ファイルのハッシュ値")]
    public required string Sha256 { get; set; }

    [Label("形式")]
    public required string Format { get; set; }

    /// <summary>「審議会：既存「…」」「諮問第76号：既存の議題に結び付け（…）」 — one line per choice.</summary>
    [Label("取込みの選択")]
    public required string Decisions { get; set; }

    [Label("取込み日時")]
    public DateTime ImportedAt { get; set; }
}

internal sealed class MinutesImportRecordConfiguration : IEntityTypeConfiguration<MinutesImportRecord>
{
    public void Configure(EntityTypeBuilder<MinutesImportRecord> b)
    {
        b.Property(x => x.FileName).HasMaxLength(260);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Format).HasMaxLength(20);
        b.Property(x => x.Decisions).HasMaxLength(4000);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        // The same file twice at once: one import, the other told the file is in.
        b.HasIndex(x => new { x.MunicipalityId, x.Sha256 }).IsUnique();
    }
}
