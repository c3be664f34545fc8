using Mamori.Core.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// A system account. Belongs to one municipality and, for 所管課, one department; may be linked to
/// the staff member who uses it. User names are unique within a municipality; a sign-in names the municipality
/// (by its 団体コード) when the deployment serves more than one.
/// </summary>
[Label("アカウント")]
[Label("ユーザー名", Field = nameof(IdentityUser.UserName))]
[Label("ユーザー名（照合用）", Field = nameof(IdentityUser.NormalizedUserName))]
[Label("メールアドレス", Field = nameof(IdentityUser.Email))]
[Label("メールアドレス（照合用）", Field = nameof(IdentityUser.NormalizedEmail))]
[Label("メール確認済み", Field = nameof(IdentityUser.EmailConfirmed))]
[Label("パスワード", Field = nameof(IdentityUser.PasswordHash))]
[Label("セキュリティスタンプ", Field = nameof(IdentityUser.SecurityStamp))]
[Label("電話番号", Field = nameof(IdentityUser.PhoneNumber))]
[Label("電話番号確認済み", Field = nameof(IdentityUser.PhoneNumberConfirmed))]
[Label("二要素認証", Field = nameof(IdentityUser.TwoFactorEnabled))]
[Label("ロック期限", Field = nameof(IdentityUser.LockoutEnd))]
[Label("ロックの適用", Field = nameof(IdentityUser.LockoutEnabled))]
[Label("ログイン失敗回数", Field = nameof(IdentityUser.AccessFailedCount))]
public sealed class AppUser : IdentityUser
{
    [Label("団体")]
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid? DepartmentId { get; set; }

    [Label("職員")]
    public Guid? StaffId { get; set; }

    [Label("表示名")]
    public required string DisplayName { get; set; }

    [Label("役割")]
    public UserRole Role { get; set; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    [Label("最終ログイン")]
    public DateTime? LastLoginAt { get; set; }

    /// <summary>利用停止: set when the account was suspended, e.g. from the long-absence check.</summary>
    [Label("利用停止日時")]
    public DateTime? SuspendedAt { get; set; }

    [Label("停止理由")]
    public string? SuspensionReason { get; set; }

    /// <summary>
    /// 所属長: heads the account's department. Access-log alerts about the department's staff waiting for 所属長確認 are
    /// sent to this account, and it confirms them itself.
    /// </summary>
    [Label("所属長")]
    public bool IsSupervisor { get; set; }

    /// <summary>Set when 管理者 issued the password (a new account, a reset): the next sign-in must change it first.</summary>
    [Label("パスワード変更が必要")]
    public bool MustChangePassword { get; set; }

    /// <summary>How notices reach this account by mail: each one, a daily digest, or none (the inbox always has them).</summary>
    [Label("通知メール")]
    public NoticeMailChoice NoticeMail { get; set; }

    /// <summary>The JST day the last digest was sent (taken before sending, so two senders never both send it).</summary>
    [Label("最後にまとめ送信した日")]
    public DateOnly? LastDigestOn { get; set; }

    /// <summary>SHA-256 of the secret in this account's calendar-feed URL; null when there is no feed.</summary>
    [Label("カレンダー配信")]
    public string? CalendarFeedHash { get; set; }

    /// <summary>The 30-second step of the last confirmation code accepted: a code is used once, and never an older one.</summary>
    [Label("最後に使った確認コードの時刻")]
    public long? LastAuthenticatorStep { get; set; }

    /// <summary>
    /// The user's id in the municipality's directory (the claim named by <see cref="DirectorySignIn.DirectoryConnection.UserIdClaim"/>):
    /// set on an account the directory made or took over. Such an account signs in through the directory only.
    /// </summary>
    [Label("ディレクトリのユーザーID")]
    public string? DirectorySubject { get; set; }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(100);
        b.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.SuspensionReason).HasMaxLength(200);
        b.Property(u => u.NoticeMail).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.CalendarFeedHash).HasMaxLength(64);
        b.HasIndex(u => u.CalendarFeedHash).IsUnique();
        b.Property(u => u.DirectorySubject).HasMaxLength(300);
        b.HasIndex(u => new { u.MunicipalityId, u.DirectorySubject }).IsUnique();
        b.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(u => u.StaffId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(u => u.NormalizedUserName).HasDatabaseName("UserNameIndex").IsUnique(false);
        b.HasIndex(u => new { u.MunicipalityId, u.NormalizedUserName }).IsUnique();
    }
}

/// <summary>How an account receives notices by mail.</summary>
public enum NoticeMailChoice
{
    /// <summary>1件ずつ.</summary>
    Each,

    /// <summary>1日1回まとめて.</summary>
    Digest,

    /// <summary>受け取らない (mandatory notices are still sent).</summary>
    None,
}
