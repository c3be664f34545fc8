using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// ログイン: one signed-in browser, kept on the server. The sign-in cookie names it; logging out, "log out
/// everywhere", a password change, the idle timeout and the absolute lifetime end it, and a cookie whose
/// session has ended (a copied one included) no longer signs anybody in.
/// </summary>
[Label("ログイン")]
public sealed class SignInSession
{
    /// <summary>Random (not time-ordered): the cookie that carries it is encrypted, and the id reveals nothing either.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();

    [Label("団体")]
    public Guid MunicipalityId { get; init; }

    [Label("アカウント")]
    public required string UserId { get; init; }

    [Label("ログイン日時")]
    public DateTime StartedAt { get; init; }

    /// <summary>The last request; not in the audit trail (every request moves it).</summary>
    [Label("最終操作日時")]
    public DateTime LastSeenAt { get; set; }

    [Label("接続元")]
    public string? ClientAddress { get; init; }

    [Label("終了日時")]
    public DateTime? EndedAt { get; set; }

    [Label("終了の理由")]
    public string? EndReason { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.Property(s => s.UserId).HasMaxLength(450);
        b.Property(s => s.ClientAddress).HasMaxLength(64);
        b.Property(s => s.EndReason).HasMaxLength(100);
        b.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(s => new { s.UserId, s.EndedAt });
    }
}

/// <summary>Why a sign-in ended, as the audit trail shows it.</summary>
public static class SessionEnd
{
    public const string LoggedOut = "ログアウト";
    public const string Everywhere = "すべての端末からログアウト";
    public const string PasswordChanged = "パスワードの変更";
    public const string Idle = "無操作による自動ログアウト";
    public const string Expired = "ログインの有効期間の終了";
}

/// <summary>How long a sign-in lasts: <c>Mamori:Session:AbsoluteHours</c> (12) and <c>Mamori:Session:IdleMinutes</c> (30).</summary>
public sealed record SessionSettings(TimeSpan Absolute, TimeSpan Idle)
{
    public static readonly SessionSettings Default = new(TimeSpan.FromHours(12), TimeSpan.FromMinutes(30));

    /// <summary>These limits with a municipality's own (the sign-in settings page), where it set them.</summary>
    public SessionSettings For(int? idleMinutes, int? absoluteHours) =>
        new(absoluteHours is { } h ? TimeSpan.FromHours(h) : Absolute, idleMinutes is { } m ? TimeSpan.FromMinutes(m) : Idle);

    /// <summary>Whether a session started at <paramref name="startedAt"/> and last used at <paramref name="lastSeenAt"/> has ended by <paramref name="now"/>, and why.</summary>
    public string? EndedBy(DateTime startedAt, DateTime lastSeenAt, DateTime now) =>
        now - startedAt >= Absolute ? SessionEnd.Expired
        : now - lastSeenAt >= Idle ? SessionEnd.Idle
        : null;
}
