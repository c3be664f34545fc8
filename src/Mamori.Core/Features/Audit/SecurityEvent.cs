using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Audit;

/// <summary>What kind of security event was recorded.</summary>
public enum SecurityEventKind
{
    /// <summary>ログイン失敗 (a wrong name or password, or a wrong confirmation code).</summary>
    LoginFailed,

    /// <summary>権限のない操作 (a signed-in user was refused).</summary>
    AccessDenied,

    /// <summary>個人情報を含む出力 (a CSV, Excel or printed list with personal data).</summary>
    Export,
}

/// <summary>
/// セキュリティ記録: an event that changes no record but belongs in the audit trail (ASVS 7.1, 7.2; the PPC's
/// guidance on access records): failed logins with the client address, refused requests, and exports of personal
/// data. Saving one appends it to the hash chain like any change. Never a password, a search term or a resident's data.
/// </summary>
[Label("セキュリティ記録")]
public sealed class SecurityEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>The municipality concerned; null when the name typed at login belongs to nobody.</summary>
    [Label("団体")]
    public Guid? MunicipalityId { get; init; }

    [Label("日時")]
    public DateTime At { get; init; }

    [Label("種類")]
    public SecurityEventKind Kind { get; init; }

    /// <summary>The account name (for an unknown name only its first letters, in case a password was typed there).</summary>
    [Label("ユーザー名")]
    public string? UserName { get; init; }

    [Label("接続元")]
    public string? ClientAddress { get; init; }

    /// <summary>The method and path, without the query (which may hold search terms).</summary>
    [Label("要求")]
    public string? Request { get; init; }

    [Label("内容")]
    public string? Detail { get; init; }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> b)
    {
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.UserName).HasMaxLength(300);
        b.Property(e => e.ClientAddress).HasMaxLength(64);
        b.Property(e => e.Request).HasMaxLength(300);
        b.Property(e => e.Detail).HasMaxLength(500);
        b.HasIndex(e => new { e.MunicipalityId, e.At });
    }
}
