using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.AccessMonitoring;

/// <summary>
/// Compiles the same rule file to Trino SQL, for the scale-out path (the monthly Parquet on object storage, queried
/// by Trino or Athena; ADR 0018). The rules are written once, in DuckDB's dialect; this rewrites the few constructs
/// Trino spells differently: <c>INTERVAL 5 MINUTE</c> → <c>INTERVAL '5' MINUTE</c>, <c>INTERVAL (n) SECOND</c> →
/// <c>((n) * INTERVAL '1' SECOND)</c>, <c>quantile_cont</c>/<c>median</c> → <c>approx_percentile</c>,
/// <c>count(DISTINCT x) OVER (…)</c> (not supported by Trino) → <c>cardinality(array_distinct(array_agg(x) OVER (…)))</c>,
/// <c>isodow</c> → <c>day_of_week</c>, <c>generate_series</c> → <c>UNNEST(sequence(…))</c>.
/// </summary>
public static partial class TrinoSql
{
    /// <summary>The statements that define the <c>days</c>, <c>access</c>, <c>resident_days</c> and <c>user_days</c> views over the tables <c>log</c>, <c>staff</c>, <c>residents</c>, <c>cases</c>, <c>holidays</c>.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Views() =>
    [
        ("days", "CREATE OR REPLACE VIEW days AS " + Translate(LogAnalyzer.DaysSql)),
        ("access", "CREATE OR REPLACE VIEW access AS " + Translate(LogAnalyzer.AccessSql)),
        ("resident_days", "CREATE OR REPLACE VIEW resident_days AS " + Translate(LogAnalyzer.ResidentDaysSql)),
        ("user_days", "CREATE OR REPLACE VIEW user_days AS " + Translate(LogAnalyzer.UserDaysSql)),
    ];

    /// <summary>A rule's query in Trino's dialect, with the settings and parameters written in as for DuckDB.</summary>
    public static string Compile(Rule rule, MonitoringSettings settings) => Translate(RulePack.Compile(rule, settings));

    /// <summary>Rewrites DuckDB SQL of the rule pack into Trino SQL.</summary>
    public static string Translate(string duckDbSql)
    {
        var sql = duckDbSql.Trim();
        sql = RewriteCalls(sql, "count(DISTINCT ", (args, rest) =>
        {
            var over = OverClause().Match(rest);
            if (!over.Success)
            {
                return null;
            }
            var window = Balanced(rest, over.Index + over.Length - 1);
            return ($"cardinality(array_distinct(array_agg({args}) OVER {rest[(over.Index + over.Length - 1)..(window + 1)]}))", window + 1);
        });
        sql = RewriteCalls(sql, "median(", (args, _) => ($"approx_percentile({args}, 0.5)", 0));
        sql = sql.Replace("quantile_cont(", "approx_percentile(", StringComparison.Ordinal);
        sql = sql.Replace("isodow(", "day_of_week(", StringComparison.Ordinal);
        sql = RewriteCalls(sql, "generate_series(", (args, _) => ($"UNNEST(sequence({args}))", 0));
        sql = IntervalExpression(sql);
        sql = IntervalNumber().Replace(sql, m => $"INTERVAL '{m.Groups[1].Value}' {m.Groups[2].Value}");
        return sql;
    }

    /// <summary>
    /// Replaces each call <c>name(args)</c>: <paramref name="replace"/> gets the arguments and the text after the
    /// call and returns the replacement and how much of that text it consumed (null leaves the call alone).
    /// </summary>
    private static string RewriteCalls(string sql, string name, Func<string, string, (string Text, int Consumed)?> replace)
    {
        var result = new StringBuilder();
        var at = 0;
        int start;
        while ((start = sql.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var close = Balanced(sql, sql.IndexOf('(', start));
            var partOfName = start > 0 && (char.IsLetterOrDigit(sql[start - 1]) || sql[start - 1] == '_');
            if (partOfName || replace(sql[(start + name.Length)..close], sql[(close + 1)..]) is not { } replacement)
            {
                result.Append(sql, at, start + name.Length - at);
                at = start + name.Length;
                continue;
            }
            result.Append(sql, at, start - at).Append(replacement.Text);
            at = close + 1 + replacement.Consumed;
        }
        return result.Append(sql, at, sql.Length - at).ToString();
    }

    /// <summary><c>INTERVAL (expression) UNIT</c> → <c>((expression) * INTERVAL '1' UNIT)</c>.</summary>
    private static string IntervalExpression(string sql)
    {
        while (IntervalParenthesis().Match(sql) is { Success: true } m)
        {
            var open = m.Index + m.Length - 1;
            var close = Balanced(sql, open);
            var unit = IntervalUnit().Match(sql, close + 1);
            sql = sql[..m.Index] + $"(({sql[(open + 1)..close]}) * INTERVAL '1' {unit.Groups[1].Value})" + sql[(unit.Index + unit.Length)..];
        }
        return sql;
    }

    /// <summary>The position of the parenthesis that closes the one at <paramref name="open"/>.</summary>
    private static int Balanced(string sql, int open)
    {
        var depth = 0;
        var quoted = false;
        for (var i = open; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')' && --depth == 0)
            {
                return i;
            }
        }
        throw new InvalidOperationException("括弧が閉じていません: " + sql[open..]);
    }

    [GeneratedRegex(@"^\s*OVER\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex OverClause();

    [GeneratedRegex(@"INTERVAL\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex IntervalParenthesis();

    [GeneratedRegex(@"\G\s*(SECOND|MINUTE|HOUR|DAY|MONTH|YEAR)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IntervalUnit();

    [GeneratedRegex(@"INTERVAL\s+(\d+(?:\.\d+)?)\s+(SECOND|MINUTE|HOUR|DAY|MONTH|YEAR)\b", RegexOptions.IgnoreCase)]
    private static partial Regex IntervalNumber();
}
