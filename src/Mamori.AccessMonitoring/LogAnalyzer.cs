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
    public static AnalysisResult Analyze(LogInputs inputs, MonitoringSettings settings, RulePack? pack = null) =>
        Analyze(CsvLog(inputs), inputs, null, settings, pack);

    private static Action<DuckDBConnection, TextFiles> CsvLog(LogInputs inputs) =>
        (db, files) => LoadLog(db, inputs.Logs.Select(f => (f, Canonical(db, files, inputs.Mapping?.Log, Layout.Log, f))).ToList());

    /// <summary>A database with the log CSV files and the masters read (as <see cref="Analyze(LogInputs, MonitoringSettings, RulePack?)"/> reads them), nothing built yet.</summary>
    internal static DuckDBConnection Load(LogInputs inputs, TextFiles files)
    {
        var db = Open();
        CsvLog(inputs)(db, files);
        LoadMasters(db, inputs, files, new MonitoringSettings());
        return db;
    }

    /// <summary>
    /// Analyses the stored rows of a period; the masters' resident ids are pseudonymised as the store's are, so
    /// alerts carry pseudonyms (the investigation search pseudonymises what it is asked the same way). The rules
    /// also read the stored rows of their history before the period (<see cref="HistoryStart"/>), and each user's
    /// last stored day before those counts as the user's last activity, so a period analysed alone gets the alerts
    /// it would get analysed with everything stored before it; alerts and counts are those of the period's days.
    /// </summary>
    public static AnalysisResult AnalyzeStored(LogStore store, DateOnly from, DateOnly to, LogInputs masters, MonitoringSettings settings, RulePack? pack = null,
        IProgress<(int Done, int Total, string Step)>? progress = null)
    {
        pack ??= RulePack.Default;
        var start = HistoryStart(from, settings, pack);
        return Analyze((db, _) => Execute(db, $"CREATE VIEW log AS SELECT * FROM {store.Source(start, to)}"), masters, store, settings, pack, progress,
            new Reported(from, to, store.Source(DateOnly.MinValue, start.AddDays(-1))));
    }

    /// <summary>The days an analysis reports when it reads rows before them for the rules' history, and the SQL source of the rows before those.</summary>
    private sealed record Reported(DateOnly From, DateOnly To, string Earlier)
    {
        public string RowFilter => $"ts >= TIMESTAMP '{From:yyyy-MM-dd} 00:00:00' AND ts < TIMESTAMP '{To.AddDays(1):yyyy-MM-dd} 00:00:00'";

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

    private static AnalysisResult Analyze(Action<DuckDBConnection, TextFiles> loadLog, LogInputs masters, LogStore? store, MonitoringSettings settings, RulePack? pack,
        IProgress<(int Done, int Total, string Step)>? progress = null, Reported? reported = null)
    {
        pack ??= RulePack.Default;
        var total = pack.Rules.Count + 1;
        using var files = new TextFiles();
        using var db = Open(settings.MemoryLimit);
        progress?.Report((0, total, "ログの読み込み"));
        loadLog(db, files);
        progress?.Report((0, total, "マスタの読み込み"));
        LoadMasters(db, masters, files, settings);
        if (store is not null)
        {
            Pseudonymise(db, store);
        }
        if (reported is not null)
        {
            Execute(db, $"UPDATE staff SET last_active = p.day FROM (SELECT user_id, max(CAST(ts AS DATE)) AS day FROM {reported.Earlier} GROUP BY user_id) p WHERE staff.user_id = p.user_id");
        }
        progress?.Report((0, total, "アクセスと台帳の突き合わせ"));
        return RunPack(db, settings, pack, progress, reported);
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
        BuildViews(db);
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
        };
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
