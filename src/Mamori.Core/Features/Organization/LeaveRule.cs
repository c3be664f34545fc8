using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Organization;

/// <summary>
/// 長期の休職・休業: the one rule, for Mamori's own accounts and for the accounts of every business system, by which
/// an absence makes an account one to stop. The PPC cited accounts left open through long leaves (杉並区, 障害者福祉総合システム).
/// </summary>
public static class LeaveRule
{
    /// <summary>The length of a leave, in days, from which the account is to be stopped.</summary>
    public const int ThresholdDays = 90;

    /// <summary>A long leave found on a day: since when it counts, and the reason as the lists print it.</summary>
    public sealed record LongLeave(DateOnly Since, string Reason);

    /// <summary>
    /// The long leave in force on <paramref name="today"/>, or null. A leave recorded to last 90 days or more (a
    /// childcare leave entered in advance) counts from its first day — not before it, and not 90 days into it. One
    /// without an end counts once it has lasted 90 days.
    /// </summary>
    public static LongLeave? Find(IEnumerable<(DateOnly Start, DateOnly? End)> absences, DateOnly today)
    {
        foreach (var (start, end) in absences.OrderBy(a => a.Start))
        {
            if (start > today || end < today)
            {
                continue;
            }
            if (end is { } planned && planned.DayNumber - start.DayNumber + 1 >= ThresholdDays)
            {
                return new LongLeave(start, $"{planned.DayNumber - start.DayNumber + 1}日間の休職・休業中（{WarekiDate.Format(start)}から{WarekiDate.Format(planned)}まで）");
            }
            var elapsed = today.DayNumber - start.DayNumber;
            if (end is null && elapsed >= ThresholdDays)
            {
                return new LongLeave(start, $"休職・休業が{elapsed}日継続（{WarekiDate.Format(start)}から）");
            }
        }
        return null;
    }
}
