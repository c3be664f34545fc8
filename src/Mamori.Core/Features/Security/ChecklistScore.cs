namespace Mamori.Core.Features.Security;

/// <summary>The score of one category: the average, and how many items were answered, not applicable or left open.</summary>
public sealed record CategoryScore(string Category, decimal? Score, int Answered, int NotApplicable, int Unanswered);

/// <summary>The score of a whole checklist and of each category, in the template's order.</summary>
public sealed record ChecklistScores(decimal? Score, int Answered, int NotApplicable, int Unanswered, IReadOnlyList<CategoryScore> Categories)
{
    /// <summary>"2.85" or "－" when nothing countable was answered.</summary>
    public static string Format(decimal? score) => score is { } s ? s.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "－";
}

/// <summary>
/// 点検表の評点: the average of the answered values, leaving out 0 (該当しない) and unanswered items, rounded
/// half-up to two decimals (四捨五入: 2.345 → 2.35). Computed in decimal so that a half is exactly a half.
/// </summary>
public static class ChecklistScore
{
    /// <summary>The value that means 該当しない.</summary>
    public const int NotApplicable = 0;

    /// <summary>Rounds half away from zero to two decimals.</summary>
    public static decimal RoundHalfUp(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The rounded average of the values other than 0, or null when there are none.</summary>
    public static decimal? Average(IEnumerable<int> values)
    {
        long sum = 0;
        var count = 0;
        foreach (var v in values)
        {
            if (v != NotApplicable)
            {
                sum += v;
                count++;
            }
        }
        return count == 0 ? null : RoundHalfUp((decimal)sum / count);
    }

    /// <summary>Scores the answers (item number → value; missing or null = not answered) against the template's items.</summary>
    public static ChecklistScores Compute(IReadOnlyList<ChecklistItem> items, IReadOnlyDictionary<string, int?> answers)
    {
        int? ValueOf(ChecklistItem item) => answers.TryGetValue(item.Number, out var v) ? v : null;
        CategoryScore Score(string category, IReadOnlyList<ChecklistItem> of)
        {
            var values = of.Select(ValueOf).ToList();
            return new CategoryScore(category, Average(values.OfType<int>()),
                values.Count(v => v is { } x && x != NotApplicable), values.Count(v => v == NotApplicable), values.Count(v => v is null));
        }
        var categories = items.Select(i => i.Category).Distinct(StringComparer.Ordinal)
            .Select(c => Score(c, items.Where(i => i.Category == c).ToList())).ToList();
        var total = Score("", items);
        return new ChecklistScores(total.Score, total.Answered, total.NotApplicable, total.Unanswered, categories);
    }
}
