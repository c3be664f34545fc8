using System.Globalization;
using Mamori.AccessMonitoring;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// Why an alert fired, in Japanese, with the figure that crossed the line and the line itself: 「10分間に34人（基準30人）」.
/// The line is the rule's parameters as they were applied when the alert was found (kept on the alert), so a later
/// change of the settings does not rewrite why an old alert fired.
/// </summary>
public static class AlertExplanation
{
    /// <summary>The parameters of every rule as the engine applies them with <paramref name="settings"/>: 「minutes=10;min_residents=30」 by rule.</summary>
    public static IReadOnlyDictionary<string, string> Applied(MonitoringSettings settings) =>
        RulePack.Default.Rules.ToDictionary(r => r.Id, r => string.Join(";", r.Parameters.Keys.Order(StringComparer.Ordinal)
            .Select(k => $"{k}={settings.Parameters.GetValueOrDefault(r.Id)?.GetValueOrDefault(k) ?? RulePack.DefaultValue(r, k)}")));

    /// <summary>「minutes=10;min_residents=30」 as a dictionary.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string? applied) =>
        (applied ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);

    /// <summary>The sentence with the parameters kept on the alert (the rule's defaults for an alert found before they were kept).</summary>
    public static string For(AccessAlert alert) => For(alert, alert.Applied is { } applied ? Parse(applied)
        : RulePack.Default.Rules.FirstOrDefault(r => r.Id == alert.Rule) is { } rule ? rule.Parameters.Keys.ToDictionary(k => k, k => RulePack.DefaultValue(rule, k))
        : new Dictionary<string, string>());

    /// <summary>The sentence for the alert's rule, its count and the parameters applied (<paramref name="parameters"/>).</summary>
    public static string For(AccessAlert alert, IReadOnlyDictionary<string, string> parameters)
    {
        string P(string name) => parameters.GetValueOrDefault(name) ?? "－";
        var n = alert.Count.ToString("N0", CultureInfo.InvariantCulture);
        return alert.Rule switch
        {
            "R01" => $"職員本人の住民記録を{n}回参照（職員マスタの本人の住民番号と一致）",
            "R02" => $"職員と同じ世帯の住民の記録を{n}回参照",
            "R03" => $"職員と同じ姓（カナ）の住民の記録を、案件の記録なしに{n}回参照",
            "R04" => $"職員である住民の記録を、案件の記録なしに{n}回参照",
            "R05" => $"支援措置・要注意の住民の記録を{n}回参照（案件の記録がない、または担当外の部署から）",
            "R06" => $"案件の記録のない住民の参照が1日に{n}人（基準{P("min_residents")}人以上）",
            "R07" => $"役割にない業務、または他部署の端末での操作が{n}件",
            "R08" => $"{(Japanese.JapaneseCalendar.ClosedReason(alert.Day) is { } closed ? $"閉庁日（{closed}）の" : $"開庁時間（{Time(P("day_start"))}〜{Time(P("day_end"))}）の外の")}操作が{n}件",
            "R09" => $"1日に{n}人の住民を参照（基準{P("min_residents")}人以上で、同じ部署の直近{P("working_days")}勤務日の"
                + $"{Percentile(P("percentile"))}を超え、本人の中央値の{P("median_factor")}倍超、または本人の実績が{P("min_history_days")}日未満）",
            "R10" => $"{P("minutes")}分間に{n}人（基準{P("min_residents")}人）",
            "R11" => $"同じ住民を{P("within_days")}日間に{n}日参照（基準{P("min_days")}日、案件の記録なし）",
            "R12" => $"氏名検索から{P("minutes")}分以内の説明のない参照が{n}回（基準{P("min_times")}回）",
            "R13" => alert.Severity switch
            {
                "critical" => $"職員マスタにない、または在職期間の外のアカウントで{n}件の操作",
                "high" => $"休職期間中のアカウントで{n}件の操作",
                _ => $"{P("idle_days")}日以上使われていなかったアカウントで{n}件の操作",
            },
            "R14" => $"{P("minutes")}分以内に別の端末へ移っての操作が{n}回",
            "R15" => $"{P("min_results")}件以上の印刷・出力が{n}回",
            _ => $"件数 {n}",
        };
    }

    /// <summary>「07:30:00」 → 「7時30分」.</summary>
    private static string Time(string value) =>
        TimeOnly.TryParse(value, CultureInfo.InvariantCulture, out var t) ? (t.Minute == 0 ? $"{t.Hour}時" : $"{t.Hour}時{t.Minute}分") : value;

    /// <summary>「0.99」 → 「上位1%」.</summary>
    private static string Percentile(string value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 1
            ? $"上位{((1 - p) * 100).ToString("0.##", CultureInfo.InvariantCulture)}%" : value;
}
