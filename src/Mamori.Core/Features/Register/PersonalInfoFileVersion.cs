using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Register;

/// <summary>改訂履歴: the content of a file as published on a date, with the reason for the revision.</summary>
[Label("個人情報ファイルの版")]
public sealed class PersonalInfoFileVersion : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("ファイル")]
    public Guid FileId { get; set; }

    /// <summary>1 for the first publication.</summary>
    [Label("番号")]
    public int Number { get; init; }

    /// <summary>改訂日 (JST date of publication).</summary>
    [Label("改訂日")]
    public DateOnly RevisedOn { get; init; }

    /// <summary>改訂理由.</summary>
    [Label("事由")]
    public required string Reason { get; init; }

    /// <summary><see cref="RegisterContent"/> as JSON.</summary>
    [Label("公表した内容")]
    public required string Snapshot { get; init; }

    [Label("公表日時")]
    public DateTime PublishedAt { get; init; }

    [Label("公表者")]
    public string? PublishedBy { get; init; }
}

internal sealed class PersonalInfoFileVersionConfiguration : IEntityTypeConfiguration<PersonalInfoFileVersion>
{
    public void Configure(EntityTypeBuilder<PersonalInfoFileVersion> b)
    {
        b.Property(v => v.Reason).HasMaxLength(400);
        b.Property(v => v.Snapshot).HasMaxLength(64000);
        b.Property(v => v.PublishedBy).HasMaxLength(200);
        b.HasOne<Municipality>().WithMany().HasForeignKey(v => v.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(v => new { v.FileId, v.Number }).IsUnique();
    }
}
