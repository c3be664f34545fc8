using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Security;

/// <summary>区分 of a server-room entry.</summary>
public enum RoomEntryKind
{
    /// <summary>職員.</summary>
    Staff,

    /// <summary>ベンダー等 (保守業者, 委託先 …).</summary>
    Vendor,
}

/// <summary>
/// CSルーム入退室: one entry to the server room of the resident-registry network — when, who (職員 or
/// ベンダー等, their department or company and name) and why. Times are kept in UTC and shown in JST.
/// </summary>
[Label("CSルーム入退室")]
public sealed class RoomEntry : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>入室日時 (UTC).</summary>
    [Label("入室日時")]
    public DateTime EnteredAt { get; set; }

    /// <summary>退室日時 (UTC); null while unknown.</summary>
    [Label("退室日時")]
    public DateTime? ExitedAt { get; set; }

    [Label("種類")]
    public RoomEntryKind Kind { get; set; }

    /// <summary>所属・会社名.</summary>
    [Label("所属・会社名")]
    public required string Organization { get; set; }

    /// <summary>氏名 (required for 職員; vendors are often recorded by company only).</summary>
    [Label("氏名")]
    public string? Name { get; set; }

    /// <summary>入室理由.</summary>
    [Label("入室理由")]
    public required string Reason { get; set; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The JST wall-clock time of entry.</summary>
    public DateTime EnteredJst => JapanTime.FromUtc(EnteredAt);

    /// <summary>The JST date of entry, which decides the month and fiscal year it is counted in.</summary>
    public DateOnly EnteredOn => DateOnly.FromDateTime(EnteredJst);
}

/// <summary>入室理由の一覧: the reasons the office offers on the entry form (free text is still allowed).</summary>
[Label("入室理由")]
public sealed class RoomReason : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("入室理由")]
    public required string Name { get; set; }

    [Label("表示順")]
    public int SortOrder { get; set; }
}

public static class RoomEntryKinds
{
    public static string JapaneseName(this RoomEntryKind kind) => kind == RoomEntryKind.Staff ? "職員" : "ベンダー等";

    /// <summary>Reads 区分 as municipalities write it: 職員; ベンダー等, ベンダー, 業者, 委託業者, 委託先.</summary>
    public static RoomEntryKind? Parse(string? text) => text?.Trim() switch
    {
        "職員" => RoomEntryKind.Staff,
        "ベンダー等" or "ベンダー" or "業者" or "委託業者" or "委託先" or "保守業者" => RoomEntryKind.Vendor,
        _ => null,
    };
}

internal sealed class RoomEntryConfiguration : IEntityTypeConfiguration<RoomEntry>
{
    public void Configure(EntityTypeBuilder<RoomEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Organization).HasMaxLength(200);
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Reason).HasMaxLength(400);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.EnteredJst);
        b.Ignore(x => x.EnteredOn);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.EnteredAt });
    }
}

internal sealed class RoomReasonConfiguration : IEntityTypeConfiguration<RoomReason>
{
    public void Configure(EntityTypeBuilder<RoomReason> b)
    {
        b.Property(x => x.Name).HasMaxLength(400);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}
