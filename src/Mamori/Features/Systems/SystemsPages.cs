using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;

namespace Mamori.Features.Systems;

/// <summary>What the 情報システム pages share: the breadcrumb root and how a listing's state reads.</summary>
public static class SystemsPages
{
    public static Crumb Root { get; } = new("情報システム台帳", "/systems");

    /// <summary>「停止」「未対応（期限 令和6年4月8日）」「未対応（期限超過）」.</summary>
    public static string State(AccountListing l, DateOnly today) => l.Action is { } a
        ? a.JapaneseName()
        : l.IsOverdue(today) ? $"未対応（期限 {WarekiDate.Format(l.DueOn)} 超過）" : $"未対応（期限 {WarekiDate.Format(l.DueOn)}）";

    public static string StateClass(AccountListing l, DateOnly today) =>
        l.IsOverdue(today) ? "badge state-overdue" : l.IsClosed ? "badge state-planned" : "badge state-duesoon";
}
