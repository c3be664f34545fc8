using Mamori.Core.Features.Findings;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;

namespace Mamori.Features.Findings;

/// <summary>What the findings pages share: the breadcrumb roots and how a state reads as a badge.</summary>
public static class FindingsPages
{
    public static Crumb Root { get; } = new("指摘事項", "/findings");
    public static Crumb Inspections { get; } = new("検査・監査", "/findings/inspections");
    public static Crumb Tasks { get; } = new("定期的な取組", "/findings/tasks");

    /// <summary>The badge class of a finding's status on <paramref name="today"/>: overdue ones stand out.</summary>
    public static string StatusClass(Finding f, DateOnly today) => f.IsOverdue(today)
        ? "badge state-overdue"
        : f.Status switch { FindingStatus.Confirmed => "badge state-planned", FindingStatus.Done => "badge state-duesoon", _ => "badge" };

    /// <summary>"令和6年2月1日" with 期限超過 when it has passed for an open finding.</summary>
    public static string Due(Finding f, DateOnly today) =>
        f.DueOn is not { } due ? "－" : WarekiDate.Format(due) + (f.IsOverdue(today) ? "（期限超過）" : "");
}
