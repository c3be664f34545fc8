namespace Mamori.Core.Features.Accounts;

/// <summary>
/// The modules an API token may be limited to, each with the first segments of the <c>/api/v1</c> paths that belong to
/// it. A token without modules reaches every module its account may; one with modules reaches those only.
/// </summary>
public static class ApiModules
{
    public sealed record Module(string Key, string Name, IReadOnlyList<string> Segments);

    public static IReadOnlyList<Module> All { get; } =
    [
        new("organization", "組織（部署・職員・アカウント）", ["organization"]),
        new("register", "個人情報ファイル簿", ["register"]),
        new("reviews", "自己点検・部会審査", ["reviews"]),
        new("council", "審議会・会議録", ["council", "minutes"]),
        new("assessments", "特定個人情報保護評価・標準化・独自利用事務", ["assessments", "standardization", "mynumber"]),
        new("security", "セキュリティ", ["security"]),
        new("findings", "指摘事項・漏えい等事案", ["findings", "incidents"]),
        new("systems", "情報システム・委託契約・国の通知", ["systems", "contracts", "advisories"]),
        new("access", "アクセスログ監視", ["access"]),
        new("statistics", "統計・年次報告", ["statistics", "reports"]),
        new("audit", "監査ログ", ["audit"]),
        new("notices", "お知らせ", ["notices"]),
    ];

    /// <summary>The module of an API path (its first segment after <c>/api/v1</c>); null for paths every token may use (<c>/me</c>).</summary>
    public static Module? Of(string firstSegment) =>
        All.FirstOrDefault(m => m.Segments.Contains(firstSegment, StringComparer.OrdinalIgnoreCase));

    /// <summary>The stored form: known keys, comma-separated, in the list's order; empty for every module.</summary>
    public static string Normalize(IEnumerable<string>? keys)
    {
        var wanted = (keys ?? []).Select(k => k.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return string.Join(',', All.Where(m => wanted.Contains(m.Key)).Select(m => m.Key));
    }

    /// <summary>The unknown keys among <paramref name="keys"/>.</summary>
    public static IReadOnlyList<string> Unknown(IEnumerable<string>? keys) =>
        (keys ?? []).Select(k => k.Trim()).Where(k => k.Length > 0 && All.All(m => !string.Equals(m.Key, k, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>「審議会・会議録、統計・年次報告」, or 「すべて」.</summary>
    public static string Describe(string stored) =>
        string.IsNullOrEmpty(stored) ? "すべて" : string.Join("、", stored.Split(',').Select(k => All.FirstOrDefault(m => m.Key == k)?.Name ?? k));
}
