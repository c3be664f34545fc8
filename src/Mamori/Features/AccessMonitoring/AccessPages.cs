using Mamori.Core.Features.AccessMonitoring;
using Mamori.Features.Shared;

namespace Mamori.Features.AccessMonitoring;

/// <summary>What the access-log pages share: the breadcrumb root and how an alert's severity and status read as badges.</summary>
public static class AccessPages
{
    public static Crumb Root { get; } = new("アクセスログ監視", "/access");

    public static string SeverityClass(string severity) => severity switch
    {
        "critical" or "high" => "badge state-overdue",
        "medium" => "badge state-duesoon",
        _ => "badge",
    };

    public static string StatusClass(AccessAlert alert) => alert.Status switch
    {
        AlertStatus.New => "badge state-overdue",
        AlertStatus.Closed => "badge state-planned",
        _ => "badge state-duesoon",
    };

    /// <summary>"完了（違反）" for a closed alert, the status otherwise.</summary>
    public static string StatusText(AccessAlert alert) =>
        alert.Status == AlertStatus.Closed && alert.Outcome is { } o ? $"完了（{o.JapaneseName()}）" : alert.Status.JapaneseName();

    /// <summary>The first 12 characters of a resident pseudonym: enough to tell residents apart on a page.</summary>
    public static string Resident(string? pseudonym) => pseudonym is null ? "－" : pseudonym.Length > 12 ? pseudonym[..12] + "…" : pseudonym;
}
