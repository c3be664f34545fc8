using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Mamori.AccessMonitoring;

/// <summary>
/// One rule of the pack as data: its id (R01), name (SELF_ACCESS), Japanese title, severity, parameters with their
/// defaults, and the query it compiles to. The query reads the engine's views (<c>access</c>, <c>resident_days</c>,
/// <c>user_days</c>, <c>days</c>, <c>staff</c>, <c>staff_leave</c>, <c>role_business</c>, <c>role_roaming</c>) and returns
/// <c>user_id, day, resident_id, n</c>, and <c>severity</c> when <see cref="SeverityPerRow"/> (R13: critical, high or
/// medium by what the account did); <see cref="Severity"/> is then the highest it can be.
/// </summary>
public sealed record Rule(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("parameters")] Dictionary<string, JsonElement> Parameters,
    [property: JsonPropertyName("sql")] string Sql,
    [property: JsonPropertyName("severityPerRow")] bool SeverityPerRow = false,
    [property: JsonPropertyName("history")] string? History = null);

/// <summary>How far around a period a rule looks: days and working days of daily history before it, minutes of rows on either side.</summary>
public sealed record RuleHistory(int Days, int WorkingDays, int Minutes);

/// <summary>The rule pack (v1: R01–R15, shipped as <c>Rules/rules-v1.json</c>) and its compilation to SQL.</summary>
public sealed partial class RulePack(IReadOnlyList<Rule> rules)
{
    public IReadOnlyList<Rule> Rules { get; } = rules;

    /// <summary>The pack shipped with Mamori.</summary>
    public static RulePack Default { get; } = Load(typeof(RulePack).Assembly.GetManifestResourceStream("Mamori.AccessMonitoring.rules-v1.json")!);

    public static RulePack Load(Stream json) => new(JsonSerializer.Deserialize<List<Rule>>(json) ?? []);

    /// <summary>
    /// The rule's query with its parameters (overrides first, then the rule's defaults) and the settings
    /// (exempt business codes, departments allowed protected records) written in as SQL literals.
    /// </summary>
    public static string Compile(Rule rule, MonitoringSettings settings) => Substitute(rule, rule.Sql, settings);

    /// <summary>
    /// How far around a period the rule looks (its <c>history</c>, with parameters written in), so that analysing a
    /// period alone finds what analysing it with everything before would: "30 days" and "28 working days" before the
    /// period, which the engine reads from the store's daily aggregates (the rule reads them as <c>resident_days</c> or
    /// <c>user_days</c>),
    /// or "10 minutes", the stored rows that near the period on either side (the rule reads them as <c>access</c>).
    /// </summary>
    public static RuleHistory History(Rule rule, MonitoringSettings settings)
    {
        if (rule.History is null)
        {
            return new RuleHistory(0, 0, 0);
        }
        var parts = Substitute(rule, rule.History, settings).Split(' ', 2, StringSplitOptions.TrimEntries);
        var count = (int)Math.Ceiling(decimal.Parse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
        return parts[1] switch
        {
            "day" or "days" => new RuleHistory(count, 0, 0),
            "working day" or "working days" => new RuleHistory(0, count, 0),
            "minute" or "minutes" => new RuleHistory(0, 0, count),
            _ => throw new InvalidOperationException($"{rule.Id}: history「{rule.History}」は「30 days」「28 working days」「10 minutes」のいずれかの形にしてください。"),
        };
    }

    private static string Substitute(Rule rule, string text, MonitoringSettings settings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["exempt_business_codes"] = List(settings.ExemptBusinessCodes),
            ["protected_departments"] = List(settings.ProtectedDepartments),
            ["has_protected_departments"] = settings.ProtectedDepartments.Count > 0 ? "TRUE" : "FALSE",
        };
        foreach (var (name, value) in rule.Parameters)
        {
            values[name] = Literal(value);
        }
        if (settings.Parameters.TryGetValue(rule.Id, out var overrides))
        {
            foreach (var (name, value) in overrides)
            {
                if (CheckParameter(rule, name, value) is { } problem)
                {
                    throw new InvalidOperationException($"{rule.Id}: {problem}");
                }
                values[name] = value.Trim();
            }
        }
        return Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? v
            : throw new InvalidOperationException($"{rule.Id}: パラメーター {m.Groups[1].Value} がありません。"));
    }

    /// <summary>
    /// Why <paramref name="value"/> cannot be the rule's parameter <paramref name="name"/>, in Japanese, or null when
    /// it can: a number parameter takes a non-negative number, a time parameter a time of day (HH:mm:ss).
    /// </summary>
    public static string? CheckParameter(Rule rule, string name, string value)
    {
        if (!rule.Parameters.TryGetValue(name, out var preset))
        {
            return $"パラメーター {name} はありません。";
        }
        var text = value.Trim();
        if (preset.ValueKind == JsonValueKind.Number)
        {
            return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number >= 0
                ? null
                : $"{name} には 0 以上の数を入力してください（「{value}」は数として読めません）。";
        }
        return TimeOnly.TryParseExact(text, "HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : $"{name} には時刻を 07:30:00 の形で入力してください（「{value}」は時刻として読めません）。";
    }

    /// <summary>A parameter's default, as text (5, 0.99, 07:30:00).</summary>
    public static string DefaultValue(Rule rule, string name) =>
        rule.Parameters[name] is { ValueKind: JsonValueKind.String } text ? text.GetString()! : rule.Parameters[name].GetRawText();

    private static string Literal(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.String => value.GetString()!.Replace("'", "''", StringComparison.Ordinal),
        _ => throw new InvalidOperationException($"パラメーターの値 {value} は数か文字列にしてください。"),
    };

    /// <summary>A SQL list of string literals; an empty list is the empty string, which no code or department equals.</summary>
    private static string List(IReadOnlyCollection<string> items) =>
        items.Count == 0 ? "''" : string.Join(", ", items.Select(i => "'" + i.Replace("'", "''", StringComparison.Ordinal) + "'"));

    [GeneratedRegex(@"\{([a-z_]+)\}")]
    private static partial Regex Placeholder();
}
