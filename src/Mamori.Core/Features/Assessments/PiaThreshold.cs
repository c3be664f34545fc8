using System.Globalization;

namespace Mamori.Core.Features.Assessments;

/// <summary>The level of 特定個人情報保護評価 a business needs (each level includes 基礎項目評価).</summary>
public enum PiaLevel
{
    /// <summary>評価不要 (under 1,000 people).</summary>
    None,

    /// <summary>基礎項目評価.</summary>
    Basic,

    /// <summary>基礎項目評価 + 重点項目評価.</summary>
    Focused,

    /// <summary>基礎項目評価 + 全項目評価.</summary>
    Full,
}

/// <summary>The outcome of しきい値判断: the level, the evaluations it consists of, and why.</summary>
public sealed record ThresholdJudgment(PiaLevel Level, IReadOnlyList<string> Evaluations, string Reason);

/// <summary>
/// しきい値判断 (特定個人情報保護評価指針 第5の2) exactly as PRODUCT.md states it: the number of people in
/// the file, the number of staff and contractor staff handling it, and whether a serious incident
/// involving specific personal information occurred at the organization within the past year.
/// </summary>
public static class PiaThreshold
{
    public const long BasicFrom = 1_000;
    public const long FocusedBandFrom = 10_000;
    public const long FullBandFrom = 100_000;
    public const long FullFrom = 300_000;
    public const int ManyHandlers = 500;

    public static ThresholdJudgment Judge(long subjects, int handlers, bool seriousIncident)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(subjects);
        ArgumentOutOfRangeException.ThrowIfNegative(handlers);
        var heavy = handlers >= ManyHandlers || seriousIncident;
        var people = $"対象人数 {People(subjects)}";
        var handling = $"取扱者数 {handlers.ToString("N0", CultureInfo.InvariantCulture)}人（{(handlers >= ManyHandlers ? "500人以上" : "500人未満")}）";
        var incident = seriousIncident ? "過去1年以内の重大事故あり" : "過去1年以内の重大事故なし";
        var (level, why) = subjects switch
        {
            < BasicFrom => (PiaLevel.None, $"{people}（1,000人未満）"),
            < FocusedBandFrom => (PiaLevel.Basic, $"{people}（1,000人以上1万人未満）"),
            < FullBandFrom => (heavy ? PiaLevel.Focused : PiaLevel.Basic, $"{people}（1万人以上10万人未満）、{handling}、{incident}"),
            < FullFrom => (heavy ? PiaLevel.Full : PiaLevel.Focused, $"{people}（10万人以上30万人未満）、{handling}、{incident}"),
            _ => (PiaLevel.Full, $"{people}（30万人以上）"),
        };
        var reason = level == PiaLevel.None ? $"{why}のため評価の実施は義務付けられない" : $"{why}のため{level.HighestEvaluation()}";
        return new ThresholdJudgment(level, level.Evaluations(), reason);
    }

    /// <summary>The evaluations a level consists of, in the order they are written.</summary>
    public static IReadOnlyList<string> Evaluations(this PiaLevel level) => level switch
    {
        PiaLevel.None => [],
        PiaLevel.Basic => ["基礎項目評価"],
        PiaLevel.Focused => ["基礎項目評価", "重点項目評価"],
        _ => ["基礎項目評価", "全項目評価"],
    };

    /// <summary>The evaluation that names the level (全項目評価 for <see cref="PiaLevel.Full"/>).</summary>
    public static string HighestEvaluation(this PiaLevel level) => level == PiaLevel.None ? "評価不要" : level.Evaluations()[^1];

    /// <summary>評価不要 / 基礎項目評価 / 重点項目評価 / 全項目評価.</summary>
    public static string JapaneseName(this PiaLevel level) => level.HighestEvaluation();

    /// <summary>The CLI and API name (none, basic, focused, full).</summary>
    public static string Code(this PiaLevel level) => level.ToString().ToLowerInvariant();

    /// <summary>A count of people as officials write it: 999人, 9,999人, 34万人, 34万5,678人.</summary>
    public static string People(long count)
    {
        if (count < 10_000)
        {
            return count.ToString("N0", CultureInfo.InvariantCulture) + "人";
        }
        var (man, rest) = Math.DivRem(count, 10_000);
        return $"{man.ToString("N0", CultureInfo.InvariantCulture)}万{(rest == 0 ? "" : rest.ToString("N0", CultureInfo.InvariantCulture))}人";
    }
}
