using System.Net.Mail;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Notices;

/// <summary>What 管理者 enters on the settings page.</summary>
public sealed record NoticeSettingsInput
{
    public string? RelayHost { get; init; }
    public int? RelayPort { get; init; }
    public RelaySecurity RelaySecurity { get; init; }
    public string? RelayUser { get; init; }

    /// <summary>A new password; blank keeps the stored one.</summary>
    public string? RelayPassword { get; init; }

    public bool ClearPassword { get; init; }
    public string? SenderAddress { get; init; }
    public string? SenderName { get; init; }
    public string? SiteUrl { get; init; }
    public int? DigestHour { get; init; }
    public IReadOnlyList<NoticeRule> Enabled { get; init; } = NoticeRules.All;
    public Guid? Version { get; init; }
}

/// <summary>Saves a municipality's notice settings (one row, created on first save).</summary>
public static class SaveNoticeSettings
{
    public static async Task<Outcome<NoticeSettings>> RunAsync(AppDbContext db, NoticeSettingsInput input, Func<string, string> protect, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var host = input.RelayHost?.Trim();
        var mailing = !string.IsNullOrEmpty(host);
        errors.MaxLength(nameof(input.RelayHost), host, 255, "SMTPサーバー");
        if (input.RelayPort is not (>= 1 and <= 65535))
        {
            errors.Add(nameof(input.RelayPort), "ポートは1から65535の数で入力してください（通常は25、587、465）。");
        }
        var sender = input.SenderAddress?.Trim();
        if (mailing && errors.Required(nameof(input.SenderAddress), sender, "送信元アドレス") && !MailAddress.TryCreate(sender, out _))
        {
            errors.Add(nameof(input.SenderAddress), "送信元アドレスをメールアドレスの形（例：kojinjoho@city.example.lg.jp）で入力してください。");
        }
        var site = input.SiteUrl?.Trim().TrimEnd('/');
        if (mailing && errors.Required(nameof(input.SiteUrl), site, "MamoriのURL")
            && !(Uri.TryCreate(site, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query)))
        {
            errors.Add(nameof(input.SiteUrl), "MamoriのURLを https:// から始まる形（例：https://mamori.city.example.lg.jp）で入力してください。");
        }
        if (input.DigestHour is not (>= 0 and <= 23))
        {
            errors.Add(nameof(input.DigestHour), "まとめ送信の時刻は0から23の数（時）で入力してください。");
        }
        var name = string.IsNullOrWhiteSpace(input.SenderName) ? "Mamori" : input.SenderName.Trim();
        errors.MaxLength(nameof(input.SenderName), name, 100, "送信元の名前");
        errors.MaxLength(nameof(input.RelayUser), input.RelayUser?.Trim(), 255, "SMTP認証のユーザー名");
        if (errors.Any)
        {
            return Outcome<NoticeSettings>.Fail(errors.ToDictionary());
        }

        var settings = await db.NoticeSettings.FirstOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new NoticeSettings();
            db.NoticeSettings.Add(settings);
        }
        else if (input.Version is { } v && v != settings.Version)
        {
            return Outcome<NoticeSettings>.Conflict(OptimisticSave.ConflictMessage);
        }
        settings.RelayHost = mailing ? host : null;
        settings.RelayPort = input.RelayPort!.Value;
        settings.RelaySecurity = input.RelaySecurity;
        settings.RelayUser = string.IsNullOrWhiteSpace(input.RelayUser) ? null : input.RelayUser.Trim();
        if (input.ClearPassword || settings.RelayUser is null)
        {
            settings.RelayPassword = null;
        }
        else if (!string.IsNullOrEmpty(input.RelayPassword))
        {
            settings.RelayPassword = protect(input.RelayPassword);
        }
        settings.SenderAddress = string.IsNullOrEmpty(sender) ? null : sender;
        settings.SenderName = name;
        settings.SiteUrl = string.IsNullOrEmpty(site) ? null : site;
        settings.DigestHour = input.DigestHour!.Value;
        settings.DisabledRules = string.Join(',', NoticeRules.All.Where(r => !r.IsMandatory() && !input.Enabled.Contains(r)));
        return await OptimisticSave.SaveAsync(db, settings, ct);
    }
}
