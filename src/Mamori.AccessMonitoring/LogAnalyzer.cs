using System.Globalization;
using DuckDB.NET.Data;
using static Mamori.AccessMonitoring.DuckDb;
using static Mamori.AccessMonitoring.LogInputReader;

namespace Mamori.AccessMonitoring;

/// <summary>
/// Runs the rule pack over access logs with DuckDB: reads the inputs (UTF-8 or CP932), refuses the first
/// unreadable row with its file, line and column before anything is analysed, builds the <c>access</c> view
/// (each access with the user's master data, the resident's flags and whether a case explains it), runs every
/// rule, and keeps one alert per user, rule and day that the allowlist does not suppress.
/// </summary>
public static partial class LogAnalyzer
{
    private static readonly string[] SeverityOrder = ["low", "medium", "high", "critical"];

    /// <summary>Analyses log CSV files as they are (resident ids as written in the files).</summary>
    public static AnalysisResult Analyze(LogInputs inputs, MonitoringSettings settings, RulePack? pack = null)
    {
        using var files = new TextFiles();
        using var db = Open(settings.MemoryLimit);
        LoadCsvLog(db, files, inputs);
        LoadMasters(db, inputs, files, settings);
        return RunPack(db, settings, pack ?? RulePack.Default, null, null);
    }

    private static void LoadCsvLog(DuckDBConnection db, TextFiles files, LogInputs inputs) =>
        LoadLog(db, inputs.Logs.Select(f => (f, Canonical(db, files, inputs.Mapping?.Log, Layout.Log, f))).ToList());

    /// <summary>A database with the log CSV files and the masters read (as <see cref="Analyze(LogInputs, MonitoringSettings, RulePack?)"/> reads them), nothing built yet.</summary>
    internal static DuckDBConnection Load(LogInputs inputs, TextFiles files)
    {
        var db = Open();
        LoadCsvLog(db, files, inputs);
        LoadMasters(db, inputs, files, new MonitoringSettings());
        return db;
    }

    /// <summary>
    /// Analyses the stored rows of a period; the masters' resident ids are pseudonymised as the store's are, so
    /// alerts carry pseudonyms (the investigation search pseudonymises what it is asked the same way). A period
    /// analysed alone gets the alerts it would get analysed with everything stored before it: the rules' weeks of
    /// history come from the store's daily aggregates (<see cref="HistoryStart"/>), the rows a few minutes either
    /// side of the period are read with it, and each user's last stored day before the period counts as the user's
    /// last activity. A long period is analysed in runs of whole days of at most <see cref="MonitoringSettings.RowsPerRun"/>
    /// rows each (a day is never split), one after the other, so memory stays that of one run however long the
    /// period; alerts and counts are those of the period's days.
    /// </summary>
    public static AnalysisResult AnalyzeStored(LogStore store, DateOnly from, DateOnly to, LogInputs masters, MonitoringSettings settings, RulePack? pack = null,
        IProgress<(int Done, int Total, string Step)>? progress = null)
    {
        pack ??= RulePack.Default;
        var runs = Runs(store.RowsByDay(from, to), from, to, settings.RowsPerRun);
        var margin = TimeSpan.FromMinutes(pack.Rules.Select(r => RulePack.History(r, settings).Minutes).DefaultIfEmpty(0).Max());
        var lastActive = new Dictionary<string, DateOnly>(store.LastAccessByUser(from.AddDays(-1)), StringComparer.Ordinal);
        var steps = pack.Rules.Count + 1;
        using var files = new TextFiles();
        using var db = Open(settings.MemoryLimit);
        progress?.Report((0, runs.Count * steps, "マスタの読み込み"));
        LoadMasters(db, masters, files, settings);
        Pseudonymise(db, store);
        var results = new List<AnalysisResult>();
        foreach (var (run, index) in runs.Select((r, i) => (r, i)))
        {
            var ofRun = progress is null ? null : new Progress(p => progress.Report((index * steps + p.Done, runs.Count * steps, p.Step)));
            ofRun?.Report((0, steps, "ログの読み込み"));
            Execute(db, $"CREATE VIEW log AS SELECT * FROM {store.Source(run.From.ToDateTime(TimeOnly.MinValue) - margin, run.To.AddDays(1).ToDateTime(TimeOnly.MinValue) + margin)}");
            var history = store.DailySource(HistoryStart(run.From, settings, pack), run.From.AddDays(-1));
            // The history: how many residents each user looked at on each day (R09), and the days a user looked at a
            // resident the run's rows show that user looking at (R11: a pair the run does not show raises no alert in it).
            Execute(db, $"CREATE TABLE history_counts AS SELECT day, user_id, count(DISTINCT resident_id) AS residents FROM {history} WHERE resident_id IS NOT NULL GROUP BY day, user_id");
            Execute(db, $"""
                CREATE TABLE history_pairs AS
                SELECT DISTINCT h.day, h.user_id, h.resident_id FROM {history} h
                SEMI JOIN (SELECT DISTINCT user_id, resident_id FROM log WHERE resident_id IS NOT NULL) p ON p.user_id = h.user_id AND p.resident_id = h.resident_id
                """);
            SetLastActive(db, lastActive);
            ofRun?.Report((0, steps, "アクセスと台帳の突き合わせ"));
            var result = RunPack(db, settings, pack, ofRun, new Reported(run.From, run.To));
            DropViews(db);
            results.Add(result);
            foreach (var (user, day) in result.LastActive)
            {
                lastActive[user] = day;
            }
        }
        return results.Count == 1 ? results[0] : new AnalysisResult(results.Sum(r => r.Rows), [.. results.SelectMany(r => r.Alerts)], [.. results.SelectMany(r => r.Days)])
        {
            UserDepartments = results[^1].UserDepartments,
        };
    }

    /// <summary>Each user's last active day before the run, from the store and the runs before, in place of the master's where known (R13).</summary>
    private static void SetLastActive(DuckDBConnection db, IReadOnlyDictionary<string, DateOnly> lastActive)
    {
        Execute(db, "CREATE TABLE earlier_active (user_id VARCHAR, day DATE)");
        using (var appender = db.CreateAppender("earlier_active"))
        {
            foreach (var (user, day) in lastActive)
            {
                appender.CreateRow().AppendValue(user).AppendValue(day.ToDateTime(TimeOnly.MinValue)).EndRow();
            }
        }
        Execute(db, "UPDATE staff SET last_active = p.day FROM earlier_active p WHERE staff.user_id = p.user_id");
        Execute(db, "DROP TABLE earlier_active");
    }

    /// <summary>The period cut into runs of whole consecutive days of at most <paramref name="rowsPerRun"/> rows (a day with more is a run of its own).</summary>
    internal static IReadOnlyList<(DateOnly From, DateOnly To)> Runs(IReadOnlyList<(DateOnly Day, long Rows)> days, DateOnly from, DateOnly to, long rowsPerRun)
    {
        var runs = new List<(DateOnly From, DateOnly To)>();
        var (start, rows) = (from, 0L);
        foreach (var (day, count) in days)
        {
            if (rows > 0 && rows + count > rowsPerRun)
            {
                runs.Add((start, day.AddDays(-1)));
                (start, rows) = (day, 0);
            }
            rows += count;
        }
        runs.Add((start, to));
        return runs;
    }

    private sealed class Progress(Action<(int Done, int Total, string Step)> report) : IProgress<(int Done, int Total, string Step)>
    {
        public void Report((int Done, int Total, string Step) value) => report(value);
    }

    /// <summary>The days an analysis reports when it reads rows around them for the rules' history.</summary>
    internal sealed record Reported(DateOnly From, DateOnly To)
    {
        public string RowFilter => $"ts >= TIMESTAMP '{From:yyyy-MM-dd} 00:00:00' AND ts < TIMESTAMP '{To.AddDays(1):yyyy-MM-dd} 00:00:00'";

        /// <summary>The condition on a <c>day</c> column.</summary>
        public string DayFilter => $"day BETWEEN DATE '{From:yyyy-MM-dd}' AND DATE '{To:yyyy-MM-dd}'";

        public bool Contains(DateOnly day) => day >= From && day <= To;
    }

    /// <summary>The first day the rules need to see when a period starts on <paramref name="from"/>: the longest history of the pack, in days or working days.</summary>
    internal static DateOnly HistoryStart(DateOnly from, MonitoringSettings settings, RulePack pack)
    {
        var histories = pack.Rules.Select(r => RulePack.History(r, settings)).ToList();
        var start = from.AddDays(-histories.Select(h => h.Days).DefaultIfEmpty(0).Max());
        var day = from;
        for (var open = 0; open < histories.Select(h => h.WorkingDays).DefaultIfEmpty(0).Max();)
        {
            day = day.AddDays(-1);
            if (!settings.IsClosed(day))
            {
                open++;
            }
        }
        return day < start ? day : start;
    }

    /// <summary>Reads the four masters as an analysis would, refusing the first row that cannot be read (before they replace stored ones).</summary>
    public static void CheckMasters(LogInputs masters)
    {
        using var files = new TextFiles();
        using var db = Open();
        LoadMasters(db, masters, files, new MonitoringSettings());
    }

    private static AnalysisResult RunPack(DuckDBConnection db, MonitoringSettings settings, RulePack pack, IProgress<(int Done, int Total, string Step)>? progress, Reported? reported)
    {
        var rows = Scalar<long>(db, "SELECT count(*) FROM log" + (reported is null ? "" : " WHERE " + reported.RowFilter));
        BuildViews(db, reported);
        var alerts = new List<Alert>();
        for (var i = 0; i < pack.Rules.Count; i++)
        {
            var rule = pack.Rules[i];
            progress?.Report((i + 1, pack.Rules.Count + 1, $"{rule.Id} {rule.Title}"));
            alerts.AddRange(Run(db, rule, RulePack.Compile(rule, settings)));
        }
        // The end of the run is a step of its own: the day counts and the departments are read after the last rule.
        progress?.Report((pack.Rules.Count + 1, pack.Rules.Count + 1, "結果のまとめ"));
        return new AnalysisResult(rows, alerts
            .Where(a => reported?.Contains(a.Day) ?? true)
            .Where(a => !settings.Allowlist.Any(e => e.Rule == a.Rule && e.UserId == a.UserId && (e.ResidentId is null || e.ResidentId == a.ResidentId) && a.Day <= e.Expires))
            .OrderBy(a => a.Day).ThenBy(a => a.Rule, StringComparer.Ordinal).ThenBy(a => a.UserId, StringComparer.Ordinal).ToList(),
            DayCounts(db).Where(d => reported?.Contains(d.Day) ?? true).ToList())
        {
            UserDepartments = UserDepartments(db),
            LastActive = reported is null ? new Dictionary<string, DateOnly>() : LastActive(db, reported),
        };
    }

    /// <summary>Each user's last active day among the reported days (for the next run's last activity).</summary>
    private static Dictionary<string, DateOnly> LastActive(DuckDBConnection db, Reported reported)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT user_id, max(day) FROM access WHERE {reported.DayFilter} AND user_id IS NOT NULL GROUP BY user_id";
        using var reader = cmd.ExecuteReader();
        var days = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        while (reader.Read())
        {
            days[reader.GetString(0)] = DateOnly.FromDateTime(reader.GetDateTime(1));
        }
        return days;
    }

    private static Dictionary<string, string> UserDepartments(DuckDBConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT user_id, any_value(dept) FROM staff WHERE user_id IS NOT NULL AND dept IS NOT NULL GROUP BY user_id";
        using var reader = cmd.ExecuteReader();
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            map[reader.GetString(0)] = reader.GetString(1);
        }
        return map;
    }

    private static List<DayCount> DayCounts(DuckDBConnection db)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT day, count(*), count(resident_id), count(*) FILTER (WHERE explained) FROM access GROUP BY day ORDER BY day";
        using var reader = cmd.ExecuteReader();
        var days = new List<DayCount>();
        while (reader.Read())
        {
            days.Add(new DayCount(DateOnly.FromDateTime(reader.GetDateTime(0)), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }
        return days;
    }

    private static List<Alert> Run(DuckDBConnection db, Rule rule, string sql)
    {
        var hasSeverity = rule.SeverityPerRow;
        // The rules see resident keys; the alert carries the id of the smallest (see KeyedAccess).
        var query = $"""
            WITH fired AS ({sql}),
            alerts AS (SELECT user_id, day, min(resident_id) AS resident_key, CAST(sum(n) AS BIGINT) AS n, {(hasSeverity ? "max(CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)" : "0")} AS rank
                       FROM fired GROUP BY user_id, day)
            SELECT a.user_id, a.day, k.resident_id, a.n, a.rank FROM alerts a LEFT JOIN resident_key k ON k.k = a.resident_key ORDER BY a.day, a.user_id
            """;
        using var cmd = db.CreateCommand();
        cmd.CommandText = query;
        using var reader = cmd.ExecuteReader();
        var list = new List<Alert>();
        while (reader.Read())
        {
            var rank = Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture);
            list.Add(new Alert(rule.Id, reader.GetString(0), DateOnly.FromDateTime(reader.GetDateTime(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
                rank == 0 ? rule.Severity : SeverityOrder[rank - 1], Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
        }
        return list;
    }

    /// <summary>Replaces the masters' resident ids by their pseudonyms in the store, as ingest does for the log.</summary>
    private static void Pseudonymise(DuckDBConnection db, LogStore store)
    {
        Execute(db, store.PseudonymTable("master_pseudonym", "SELECT resident_id AS id FROM staff UNION SELECT resident_id FROM residents UNION SELECT resident_id FROM cases"));
        foreach (var table in new[] { "staff", "residents", "cases" })
        {
            Execute(db, $"CREATE OR REPLACE TABLE {table} AS SELECT t.* REPLACE (m.pseudonym AS resident_id) FROM {table} t LEFT JOIN master_pseudonym m ON m.id = t.resident_id");
        }
        Execute(db, "DROP TABLE master_pseudonym");
    }
}
