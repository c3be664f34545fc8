using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Notices;

/// <summary>How the connection to the relay is protected.</summary>
public enum RelaySecurity
{
    /// <summary>なし (an LGWAN relay on the closed network often offers nothing else).</summary>
    None,

    /// <summary>STARTTLS (required: a relay that does not offer it is refused).</summary>
    StartTls,

    /// <summary>SSL/TLS from the start (usually port 465).</summary>
    Tls,
}

/// <summary>
/// 通知の設定 of one municipality: the SMTP relay mail goes through, the sender, the address of Mamori that
/// links point to, and which notices are switched off. Without a relay host, notices reach the inbox only.
/// </summary>
[Label("通知の設定")]
public sealed class NoticeSettings : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("SMTPサーバー")]
    public string? RelayHost { get; set; }

    [Label("ポート")]
    public int RelayPort { get; set; } = 25;

    [Label("接続の保護")]
    public RelaySecurity RelaySecurity { get; set; }

    [Label("SMTP認証のユーザー名")]
    public string? RelayUser { get; set; }

    /// <summary>The relay's password, encrypted with the application's data-protection keys; never shown again.</summary>
    [Label("SMTP認証のパスワード")]
    public string? RelayPassword { get; set; }

    [Label("送信元アドレス")]
    public string? SenderAddress { get; set; }

    [Label("送信元の名前")]
    public string SenderName { get; set; } = "Mamori";

    /// <summary>The address people open Mamori at, e.g. https://mamori.city.example.lg.jp; links in mail start with it.</summary>
    [Label("MamoriのURL")]
    public string? SiteUrl { get; set; }

    /// <summary>Rules switched off, by name, comma-separated.</summary>
    [Label("送らない通知")]
    public string DisabledRules { get; set; } = string.Empty;

    /// <summary>The hour (JST) after which the daily digest goes out.</summary>
    [Label("まとめ送信の時刻")]
    public int DigestHour { get; set; } = 8;

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>Whether mail can be sent at all.</summary>
    public bool CanMail => !string.IsNullOrWhiteSpace(RelayHost) && !string.IsNullOrWhiteSpace(SenderAddress) && !string.IsNullOrWhiteSpace(SiteUrl);

    public IReadOnlySet<NoticeRule> Disabled => DisabledRules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(r => Enum.TryParse<NoticeRule>(r, out var rule) ? rule : (NoticeRule?)null).OfType<NoticeRule>()
        .Where(r => !r.IsMandatory()).ToHashSet();

    public bool Sends(NoticeRule rule) => !Disabled.Contains(rule);
}

internal sealed class NoticeSettingsConfiguration : IEntityTypeConfiguration<NoticeSettings>
{
    public void Configure(EntityTypeBuilder<NoticeSettings> b)
    {
        b.Property(s => s.RelayHost).HasMaxLength(255);
        b.Property(s => s.RelaySecurity).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.RelayUser).HasMaxLength(255);
        b.Property(s => s.RelayPassword).HasMaxLength(2000);
        b.Property(s => s.SenderAddress).HasMaxLength(255);
        b.Property(s => s.SenderName).HasMaxLength(100);
        b.Property(s => s.SiteUrl).HasMaxLength(255);
        b.Property(s => s.DisabledRules).HasMaxLength(1000);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.MunicipalityId).IsUnique();
    }
}
