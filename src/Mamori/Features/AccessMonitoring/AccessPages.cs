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

    /// <summary>
    /// Short labels for the residents of one alert's page, stable within it: the alert's own resident is 住民A, the others
    /// 住民B, 住民C … (then 住民AA …) in the order they first appear in the day's accesses. The page reads as a story
    /// (「住民Aを3回、住民Bを1回」) without showing anyone's pseudonym.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ResidentLabels(string? alertResident, IEnumerable<string?> rows)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pseudonym in rows.Prepend(alertResident).OfType<string>().Where(p => p.Length > 0))
        {
            labels.TryAdd(pseudonym, "住民" + Letters(labels.Count));
        }
        return labels;
    }

    /// <summary>0 → A, 25 → Z, 26 → AA, as a spreadsheet names its columns.</summary>
    private static string Letters(int index) => index < 26 ? ((char)('A' + index)).ToString() : Letters(index / 26 - 1) + (char)('A' + index % 26);
}
