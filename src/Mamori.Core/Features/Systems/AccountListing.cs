using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Systems;

/// <summary>Why an account on a business system is listed by the account check.</summary>
public enum ListingKind
{
    /// <summary>90日以上の休職・休業（始まった日から）.</summary>
    LongLeave,

    /// <summary>退職.</summary>
    Retired,

    /// <summary>システムを使わない部署へ異動.</summary>
    Moved,

    /// <summary>職員と照合できないアカウント.</summary>
    Unknown,

    /// <summary>長期間使われていないアカウント.</summary>
    Unused,
}

/// <summary>What the system's administrator did about a listing.</summary>
public enum ListingAction
{
    /// <summary>停止.</summary>
    Suspended,

    /// <summary>削除.</summary>
    Deleted,

    /// <summary>継続（理由を記録）.</summary>
    Continued,

    /// <summary>解消: the next account list no longer holds the account, or shows it stopped.</summary>
    Resolved,
}

/// <summary>
/// 点検結果の1件: an account the check found (who, why, since when), and how it was closed — 停止・削除・継続（理由）,
/// the date, who closed it, and the evidence file. Not closed within <see cref="AccountCheck.CloseWithinDays"/> days of
/// being listed, it is overdue.
/// </summary>
[Label("アカウント点検")]
public sealed class AccountListing : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("情報システム")]
    public Guid SystemId { get; set; }

    [Label("ログインID")]
    public required string Login { get; set; }

    /// <summary>The name as the export or the staff master gives it, for the printed table.</summary>
    [Label("氏名")]
    public string? Name { get; set; }

    [Label("職員")]
    public Guid? StaffId { get; set; }

    [Label("区分")]
    public ListingKind Kind { get; set; }

    /// <summary>Since when the account should have been stopped: the leave's first day, the retirement date ….</summary>
    [Label("該当日")]
    public DateOnly Since { get; set; }

    [Label("理由")]
    public required string Reason { get; set; }

    /// <summary>The day Mamori first listed it; the 7 days to close it run from here.</summary>
    [Label("掲載日")]
    public DateOnly ListedOn { get; set; }

    [Label("対応")]
    public ListingAction? Action { get; set; }

    [Label("対応日")]
    public DateOnly? ClosedOn { get; set; }

    /// <summary>継続の理由, or a note on the 停止・削除.</summary>
    [Label("対応の内容")]
    public string? Note { get; set; }

    [Label("対応者")]
    public string? ClosedBy { get; set; }

    [Label("証跡")]
    public Guid? EvidenceFileId { get; set; }

    [Label("証跡のファイル名")]
    public string? EvidenceName { get; set; }

    [Label("証跡の種類")]
    public string? EvidenceType { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The last day to close it.</summary>
    public DateOnly DueOn => ListedOn.AddDays(AccountCheck.CloseWithinDays);

    public bool IsClosed => Action is not null;

    /// <summary>Open after its due date.</summary>
    public bool IsOverdue(DateOnly today) => !IsClosed && today > DueOn;
}

public static class ListingNames
{
    /// <summary>「停止」「未対応（期限 令和8年12月3日）」「未対応（期限 令和8年12月3日 超過）」 as pages and the printed table show it.</summary>
    public static string StateText(this AccountListing l, DateOnly today) => l.Action is { } a
        ? a.JapaneseName()
        : $"未対応（期限 {Japanese.WarekiDate.Format(l.DueOn)}{(l.IsOverdue(today) ? " 超過" : "")}）";

    public static string JapaneseName(this ListingKind kind) => kind switch
    {
        ListingKind.LongLeave => "長期休職・休業",
        ListingKind.Retired => "退職",
        ListingKind.Moved => "異動",
        ListingKind.Unknown => "不明なアカウント",
        _ => "長期未使用",
    };

    public static string JapaneseName(this ListingAction action) => action switch
    {
        ListingAction.Suspended => "停止",
        ListingAction.Deleted => "削除",
        ListingAction.Continued => "継続",
        _ => "解消",
    };
}

internal sealed class AccountListingConfiguration : IEntityTypeConfiguration<AccountListing>
{
    public void Configure(EntityTypeBuilder<AccountListing> b)
    {
        b.Property(x => x.Login).HasMaxLength(100);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Reason).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.EvidenceName).HasMaxLength(255);
        b.Property(x => x.EvidenceType).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.DueOn);
        b.Ignore(x => x.IsClosed);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BusinessSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
        // At most one listing per account and reason a day, however often the check runs.
        b.HasIndex(x => new { x.SystemId, x.Login, x.Kind, x.ListedOn }).IsUnique();
    }
}
