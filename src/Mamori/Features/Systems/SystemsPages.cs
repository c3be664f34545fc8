using Mamori.Core.Features.Systems;
using Mamori.Features.Shared;

namespace Mamori.Features.Systems;

/// <summary>What the 情報システム pages share: the breadcrumb root and how a listing's state is marked.</summary>
public static class SystemsPages
{
    public static Crumb Root { get; } = new("情報システム台帳", "/systems");

    /// <summary>The badge of a listing's state (<see cref="ListingNames.StateText"/>): overdue ones stand out.</summary>
    public static string StateClass(AccountListing l, DateOnly today) =>
        l.IsOverdue(today) ? "badge state-overdue" : l.IsClosed ? "badge state-planned" : "badge state-duesoon";
}
