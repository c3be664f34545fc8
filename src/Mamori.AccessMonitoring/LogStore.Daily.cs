using System.Globalization;
using DuckDB.NET.Data;

namespace Mamori.AccessMonitoring;

/// <summary>
/// The daily aggregates kept beside the stored rows, so that an analysis reads its weeks of history from them instead
/// of the raw rows: for each Parquet part of <c>log/month=M/</c>, a part of the same name under <c>daily/month=M/</c>
/// holds <c>day, user_id, resident_id, n</c> — how many accesses each user made to each resident (and without a
/// resident: <c>resident_id</c> NULL) on each day. Every figure the rules take from their history is one of these: the
/// residents a user looked at on a day (R09, R11) and the days a user was active (R13). Parts from different files are
/// combined by reading them together (sums add up, distinct residents are counted distinct), so a day split over two
/// files reads the same. A part without its aggregate (a store written before aggregates were kept, or a write cut
/// short) is aggregated from its rows where it is read, and written by the next ingest.
/// </summary>
public sealed partial class LogStore
{
    private string DailyDirectory => Path.Combine(Root, "daily");

    /// <summary>The aggregate file of a stored part.</summary>
    private string DailyOf(string part) => Path.Combine(DailyDirectory, Path.GetFileName(Path.GetDirectoryName(part)!), Path.GetFileName(part));

    /// <summary>Writes the aggregate of every stored part that has none and removes those whose part is gone (the writer's job, after each ingest).</summary>
    internal void CompleteDaily(DuckDBConnection db)
    {
        foreach (var part in Directory.EnumerateFiles(LogDirectory, "*.parquet", SearchOption.AllDirectories))
        {
            var daily = DailyOf(part);
            if (File.Exists(daily))
            {
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(daily)!);
            var writing = daily + ".writing";
            DuckDb.Execute(db, $"COPY ({Aggregate($"read_parquet({DuckDb.Quote(part)})")} ORDER BY day, user_id, resident_id) TO {DuckDb.Quote(writing)} (FORMAT parquet, COMPRESSION zstd)");
            File.Move(writing, daily, overwrite: true);
        }
        if (!Directory.Exists(DailyDirectory))
        {
            return;
        }
        foreach (var daily in Directory.EnumerateFiles(DailyDirectory, "*", SearchOption.AllDirectories))
        {
            var part = Path.Combine(LogDirectory, Path.GetFileName(Path.GetDirectoryName(daily)!), Path.GetFileName(daily));
            if (!daily.EndsWith(".parquet", StringComparison.Ordinal) || !File.Exists(part))
            {
                File.Delete(daily);
            }
        }
    }

    /// <summary>Removes the aggregate of a part that is about to be rewritten or deleted.</summary>
    private void ForgetDaily(string part)
    {
        var daily = DailyOf(part);
        if (File.Exists(daily))
        {
            File.Delete(daily);
        }
    }

    private static string Aggregate(string rows) => $"SELECT CAST(ts AS DATE) AS day, user_id, resident_id, count(*) AS n FROM {rows} GROUP BY ALL";

    /// <summary>
    /// The SQL source of the daily aggregates (<c>day, user_id, resident_id, n</c>) of the days between two days
    /// (inclusive): the aggregate files where they exist, the stored rows aggregated as they are read where they do not.
    /// A (day, user, resident) may come from more than one part.
    /// </summary>
    public string DailySource(DateOnly from, DateOnly to)
    {
        var parts = Months(from.ToDateTime(TimeOnly.MinValue), to.ToDateTime(TimeOnly.MinValue))
            .SelectMany(m => Directory.EnumerateFiles(Path.Combine(LogDirectory, $"month={m}"), "*.parquet")).Order(StringComparer.Ordinal).ToList();
        var kept = parts.Where(p => File.Exists(DailyOf(p))).Select(DailyOf).ToList();
        var missing = parts.Where(p => !File.Exists(DailyOf(p))).ToList();
        var sources = new List<string>();
        if (kept.Count > 0)
        {
            sources.Add($"SELECT day, user_id, resident_id, n FROM read_parquet([{string.Join(", ", kept.Select(DuckDb.Quote))}])");
        }
        if (missing.Count > 0)
        {
            sources.Add(Aggregate($"read_parquet([{string.Join(", ", missing.Select(DuckDb.Quote))}])"));
        }
        if (sources.Count == 0)
        {
            return "(SELECT CAST(NULL AS DATE) AS day, CAST(NULL AS VARCHAR) AS user_id, CAST(NULL AS VARCHAR) AS resident_id, CAST(NULL AS BIGINT) AS n WHERE FALSE)";
        }
        return $"(SELECT * FROM ({string.Join(" UNION ALL ", sources)}) WHERE day BETWEEN DATE '{from:yyyy-MM-dd}' AND DATE '{to:yyyy-MM-dd}')";
    }

    /// <summary>The stored rows of each day between two days (inclusive), from the aggregates; days without rows are left out.</summary>
    public IReadOnlyList<(DateOnly Day, long Rows)> RowsByDay(DateOnly from, DateOnly to)
    {
        using var db = DuckDb.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT day, CAST(sum(n) AS BIGINT) FROM {DailySource(from, to)} GROUP BY day ORDER BY day";
        using var reader = cmd.ExecuteReader();
        var days = new List<(DateOnly, long)>();
        while (reader.Read())
        {
            days.Add((DateOnly.FromDateTime(reader.GetDateTime(0)), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture)));
        }
        return days;
    }

    /// <summary>The last day each user appears in the stored log up to <paramref name="to"/> (empty when nothing is stored), from the aggregates.</summary>
    public IReadOnlyDictionary<string, DateOnly> LastAccessByUser(DateOnly to)
    {
        var result = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        using var db = DuckDb.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT user_id, max(day) FROM {DailySource(DateOnly.MinValue, to)} WHERE user_id IS NOT NULL GROUP BY user_id";
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            result[reader.GetString(0)] = DateOnly.FromDateTime(reader.GetDateTime(1));
        }
        return result;
    }

    /// <summary>The last day each user appears in the stored log (empty when nothing is stored).</summary>
    public IReadOnlyDictionary<string, DateOnly> LastAccessByUser() => LastAccessByUser(DateOnly.MaxValue);
}
