using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using Mamori.AccessMonitoring;
using Npgsql;
using JapaneseCalendar = Mamori.Core.Japanese.JapaneseCalendar;

namespace Mamori.AccessBench;

/// <summary>The seconds each step of the pack took over all its runs (a step ends when the next one is reported), and how many runs there were.</summary>
internal sealed class StepTimes(Stopwatch watch) : IProgress<(int Done, int Total, string Step)>
{
    private string? _step;
    private double _started;

    public Dictionary<string, double> Seconds { get; } = [];

    public int Runs { get; private set; }

    public void Report((int Done, int Total, string Step) value)
    {
        Runs = value.Total / (RulePack.Default.Rules.Count + 1);
        Finish();
        (_step, _started) = (value.Step, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Ends the step under way.</summary>
    public void Finish()
    {
        if (_step is not null)
        {
            Seconds[_step] = Seconds.GetValueOrDefault(_step) + watch.Elapsed.TotalSeconds - _started;
            _step = null;
        }
    }
}

internal static class Phases
{
    private static MonitoringSettings Settings => new() { Holidays = Enumerable.Range(2020, 10).SelectMany(y => JapaneseCalendar.Holidays(y).Keys).ToList() };

    private static LogInputs Masters(string dir) => new([Path.Combine(dir, "log.csv")], Path.Combine(dir, "staff.csv"), Path.Combine(dir, "residents.csv"),
        Path.Combine(dir, "cases.csv"), Path.Combine(dir, "roles.csv"));

    public static double PeakMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024).First();

    /// <summary>The first and last day of a log (DuckDB reads only the ts column).</summary>
    public static (DateOnly First, DateOnly Last) Period(string csv)
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT CAST(min(ts) AS DATE), CAST(max(ts) AS DATE) FROM read_csv('{csv}', header = true, columns = {{{Columns}}})";
        using var reader = cmd.ExecuteReader();
        reader.Read();
        return (DateOnly.FromDateTime(reader.GetDateTime(0)), DateOnly.FromDateTime(reader.GetDateTime(1)));
    }

    private const string Columns = "'ts': 'TIMESTAMP', 'user_id': 'VARCHAR', 'terminal_id': 'VARCHAR', 'terminal_dept': 'VARCHAR', 'business_code': 'VARCHAR', "
        + "'op': 'VARCHAR', 'resident_id': 'VARCHAR', 'result_count': 'BIGINT', 'search_method': 'VARCHAR'";

    public static Dictionary<string, object> Run(string[] args)
    {
        var watch = Stopwatch.StartNew();
        switch (args[0])
        {
            case "ingest":
                var stored = new LogStore(args[2], "bench-key"u8.ToArray()).Ingest(args[1]);
                return new() { ["seconds"] = watch.Elapsed.TotalSeconds, ["rows"] = stored.Rows };
            case "pack":
                var store = new LogStore(args[1], "bench-key"u8.ToArray());
                var steps = new StepTimes(watch);
                var result = LogAnalyzer.AnalyzeStored(store, DateOnly.Parse(args[3], CultureInfo.InvariantCulture), DateOnly.Parse(args[4], CultureInfo.InvariantCulture),
                    Masters(args[2]), Settings, progress: steps);
                steps.Finish();
                return new() { ["seconds"] = watch.Elapsed.TotalSeconds, ["alerts"] = result.Alerts.Count, ["rows"] = result.Rows, ["steps"] = steps.Seconds, ["runs"] = steps.Runs };
            case "csvpack":
                var direct = LogAnalyzer.Analyze(Masters(args[1]), Settings);
                return new() { ["seconds"] = watch.Elapsed.TotalSeconds, ["alerts"] = direct.Alerts.Count };
            case "raw":
                return Raw(args[1], watch);
            case "pg":
                return Postgres(args[1], args[2]);
            default:
                throw new ArgumentException(args[0]);
        }
    }

    /// <summary>(a): the CSV read straight into typed tables (no checks, no pseudonyms, no Parquet), then the same views and rule SQL.</summary>
    private static Dictionary<string, object> Raw(string dir, Stopwatch watch)
    {
        using var db = DuckDb.Open();
        string Read(string name) => $"read_csv('{Path.Combine(dir, name)}', header = true, all_varchar = true)";
        DuckDb.Execute(db, $"CREATE TABLE log AS SELECT * FROM read_csv('{Path.Combine(dir, "log.csv")}', header = true, columns = {{{Columns}}})");
        DuckDb.Execute(db, $"CREATE TABLE staff AS SELECT user_id, resident_id, household_id, surname_kana, dept, role, CAST(nullif(start_date, '') AS DATE) AS start_date, "
            + $"CAST(nullif(end_date, '') AS DATE) AS end_date, coalesce(leave, '') AS leave, CAST(nullif(last_active, '') AS DATE) AS last_active FROM {Read("staff.csv")}");
        DuckDb.Execute(db, "CREATE TABLE staff_leave AS SELECT user_id, CAST(split_part(p, '/', 1) AS DATE) AS from_day, CAST(split_part(p, '/', 2) AS DATE) AS to_day "
            + "FROM (SELECT user_id, unnest(string_split(leave, ';')) AS p FROM staff WHERE leave <> '')");
        DuckDb.Execute(db, $"CREATE TABLE residents AS SELECT resident_id, household_id, surname_kana, protected = '1' AS protected, watch = '1' AS watch, is_staff = '1' AS is_staff FROM {Read("residents.csv")}");
        DuckDb.Execute(db, $"CREATE TABLE cases AS SELECT resident_id, dept, CAST(opened AS DATE) AS opened, CAST(nullif(closed, '') AS DATE) AS closed FROM {Read("cases.csv")}");
        DuckDb.Execute(db, $"CREATE TABLE role_roaming AS SELECT role, roaming = '1' AS roaming FROM {Read("roles.csv")}");
        DuckDb.Execute(db, $"CREATE TABLE role_business AS SELECT DISTINCT role, unnest(string_split(business_codes, ';')) AS business_code FROM {Read("roles.csv")}");
        DuckDb.Execute(db, "CREATE TABLE holidays (day DATE)");
        DuckDb.Execute(db, "INSERT INTO holidays VALUES " + string.Join(", ", Settings.Holidays.Select(h => $"(DATE '{h:yyyy-MM-dd}')")));
        LogAnalyzer.BuildViews(db);
        long alerts = 0;
        foreach (var rule in RulePack.Default.Rules)
        {
            alerts += DuckDb.Scalar<long>(db, $"SELECT count(*) FROM (SELECT DISTINCT user_id, day FROM ({RulePack.Compile(rule, Settings)}))");
        }
        return new() { ["seconds"] = watch.Elapsed.TotalSeconds, ["alerts"] = alerts };
    }

    /// <summary>(b): COPY into PostgreSQL, then the same views and rules in PostgreSQL's dialect.</summary>
    private static Dictionary<string, object> Postgres(string dir, string connection)
    {
        var database = "mamori_access_bench";
        using (var admin = new NpgsqlConnection(connection))
        {
            admin.Open();
            Exec(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Exec(admin, $"CREATE DATABASE {database}");
        }
        using var db = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = database, CommandTimeout = 0 }.ConnectionString);
        db.Open();
        var watch = Stopwatch.StartNew();
        Exec(db, "CREATE UNLOGGED TABLE log (ts timestamp, user_id text, terminal_id text, terminal_dept text, business_code text, op text, resident_id text, result_count bigint, search_method text)");
        Exec(db, "CREATE UNLOGGED TABLE staff_raw (user_id text, resident_id text, household_id text, surname_kana text, dept text, role text, start_date text, end_date text, leave text, last_active text)");
        Exec(db, "CREATE UNLOGGED TABLE residents_raw (resident_id text, household_id text, surname_kana text, protected text, watch text, is_staff text)");
        Exec(db, "CREATE UNLOGGED TABLE cases_raw (resident_id text, dept text, opened text, closed text)");
        Exec(db, "CREATE UNLOGGED TABLE roles_raw (role text, business_codes text, roaming text)");
        foreach (var (table, file) in new[] { ("log", "log.csv"), ("staff_raw", "staff.csv"), ("residents_raw", "residents.csv"), ("cases_raw", "cases.csv"), ("roles_raw", "roles.csv") })
        {
            using var writer = db.BeginTextImport($"COPY {table} FROM STDIN (FORMAT csv, HEADER true)");
            using var reader = new StreamReader(Path.Combine(dir, file));
            var buffer = new char[1 << 20];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                writer.Write(buffer, 0, read);
            }
        }
        var copySeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        Exec(db, "CREATE TABLE staff AS SELECT user_id, resident_id, household_id, surname_kana, dept, role, nullif(start_date, '')::date AS start_date, nullif(end_date, '')::date AS end_date, "
            + "coalesce(leave, '') AS leave, nullif(last_active, '')::date AS last_active FROM staff_raw");
        Exec(db, "CREATE TABLE staff_leave AS SELECT user_id, split_part(p, '/', 1)::date AS from_day, split_part(p, '/', 2)::date AS to_day "
            + "FROM (SELECT user_id, unnest(string_to_array(leave, ';')) AS p FROM staff WHERE leave <> '') x");
        Exec(db, "CREATE TABLE residents AS SELECT resident_id, household_id, surname_kana, protected = '1' AS protected, watch = '1' AS watch, is_staff = '1' AS is_staff FROM residents_raw");
        Exec(db, "CREATE TABLE cases AS SELECT resident_id, dept, opened::date AS opened, nullif(closed, '')::date AS closed FROM cases_raw");
        Exec(db, "CREATE INDEX ON cases (resident_id, dept)");
        Exec(db, "CREATE TABLE role_roaming AS SELECT role, roaming = '1' AS roaming FROM roles_raw");
        Exec(db, "CREATE TABLE role_business AS SELECT DISTINCT role, unnest(string_to_array(business_codes, ';')) AS business_code FROM roles_raw");
        Exec(db, "CREATE TABLE holidays (day date)");
        Exec(db, "INSERT INTO holidays VALUES " + string.Join(", ", Settings.Holidays.Select(h => $"('{h:yyyy-MM-dd}')")));
        Exec(db, """
            CREATE TABLE days AS
            SELECT g.d::date AS day, (extract(isodow FROM g.d) >= 6 OR (extract(month FROM g.d) = 12 AND extract(day FROM g.d) >= 29)
                   OR (extract(month FROM g.d) = 1 AND extract(day FROM g.d) <= 3) OR h.day IS NOT NULL) AS off
            FROM generate_series((SELECT min(ts)::date FROM log) - 60, (SELECT max(ts)::date FROM log) + 1, INTERVAL '1 day') AS g(d)
            LEFT JOIN holidays h ON h.day = g.d::date
            """);
        // The case spans merged per resident and department, as DuckDB's build does, so that "explained" is a join, not a correlated EXISTS.
        Exec(db, """
            CREATE TABLE case_span AS
            WITH spans AS (SELECT resident_id, dept, opened - 7 AS lo, coalesce(closed + 30, DATE '9999-12-31') AS hi FROM cases),
            ordered AS (SELECT *, max(hi) OVER (PARTITION BY resident_id, dept ORDER BY lo, hi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM spans),
            grouped AS (SELECT *, sum(CASE WHEN reach IS NULL OR lo > reach + 1 THEN 1 ELSE 0 END) OVER (PARTITION BY resident_id, dept ORDER BY lo, hi ROWS UNBOUNDED PRECEDING) AS part FROM ordered)
            SELECT resident_id, dept, min(lo) AS lo, max(hi) AS hi FROM grouped GROUP BY resident_id, dept, part
            """);
        Exec(db, "CREATE INDEX ON case_span (resident_id, dept)");
        Exec(db, """
            CREATE UNLOGGED TABLE access AS
            SELECT l.*, l.ts::date AS day, s.user_id IS NOT NULL AS known, s.dept AS user_dept, s.role,
                   s.resident_id AS own_resident, s.household_id AS own_household, s.surname_kana AS own_surname,
                   r.household_id AS res_household, r.surname_kana AS res_surname,
                   coalesce(r.protected, FALSE) AS res_protected, coalesce(r.watch, FALSE) AS res_watch,
                   coalesce(r.is_staff, FALSE) OR l.resident_id IN (SELECT resident_id FROM staff WHERE resident_id IS NOT NULL) AS res_is_staff,
                   cs.resident_id IS NOT NULL AS explained
            FROM log l LEFT JOIN staff s ON s.user_id = l.user_id LEFT JOIN residents r ON r.resident_id = l.resident_id
            LEFT JOIN case_span cs ON cs.resident_id = l.resident_id AND cs.dept = s.dept AND l.ts::date BETWEEN cs.lo AND cs.hi
            """);
        Exec(db, "CREATE INDEX ON access (user_id, ts)");
        Exec(db, "ANALYZE access");
        Exec(db, "CREATE UNLOGGED TABLE resident_days AS SELECT DISTINCT user_id, user_dept, day, resident_id, explained FROM access WHERE resident_id IS NOT NULL");
        Exec(db, "ANALYZE resident_days");
        Exec(db, "SET statement_timeout = '600s'");
        long alerts = 0;
        var timedOut = 0;
        foreach (var rule in RulePack.Default.Rules)
        {
            try
            {
                using var cmd = new NpgsqlCommand($"SELECT count(*) FROM (SELECT DISTINCT user_id, day FROM ({PostgresRule(rule)}) r) x", db);
                alerts += (long)cmd.ExecuteScalar()!;
            }
            catch (PostgresException ex) when (ex.SqlState == "57014")
            {
                timedOut++;
            }
        }
        var sqlSeconds = watch.Elapsed.TotalSeconds;
        string settings;
        using (var cmd = new NpgsqlCommand("SELECT version() || '; ' || string_agg(name || '=' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings "
            + "WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'effective_cache_size', 'max_parallel_workers_per_gather', 'max_worker_processes', 'jit')", db))
        {
            settings = (string)cmd.ExecuteScalar()!;
        }
        return new() { ["copySeconds"] = copySeconds, ["sqlSeconds"] = sqlSeconds, ["alerts"] = alerts, ["timedOut"] = timedOut, ["settings"] = settings };
    }

    /// <summary>
    /// A rule in PostgreSQL's dialect: the DuckDB text with its few differences rewritten; R10 (PostgreSQL has no
    /// windowed distinct count) as a correlated count over the same busy users DuckDB's prefilter keeps.
    /// </summary>
    private static string PostgresRule(Rule rule)
    {
        var sql = RulePack.Compile(rule, Settings);
        if (rule.Id == "R10")
        {
            return """
                WITH busy AS (SELECT DISTINCT user_id FROM (SELECT user_id, count(*) OVER (PARTITION BY user_id ORDER BY ts RANGE BETWEEN INTERVAL '599 seconds' PRECEDING AND CURRENT ROW) AS n
                                                            FROM access WHERE resident_id IS NOT NULL) x WHERE n >= 30),
                windows AS (SELECT a.user_id, a.ts, (SELECT count(DISTINCT b.resident_id) FROM access b WHERE b.user_id = a.user_id AND b.resident_id IS NOT NULL
                                                           AND b.ts > a.ts - INTERVAL '600 seconds' AND b.ts <= a.ts) AS n
                                 FROM access a WHERE a.resident_id IS NOT NULL AND a.user_id IN (SELECT user_id FROM busy))
                SELECT user_id, ts::date AS day, NULL AS resident_id, max(n) AS n FROM windows WHERE n >= 30 GROUP BY user_id, ts::date
                """;
        }
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"INTERVAL \((\d+) - 1\) DAY", m => $"INTERVAL '{int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) - 1} days'");
        sql = System.Text.RegularExpressions.Regex.Replace(sql, @"INTERVAL (\d+) (MINUTE|DAY)", "INTERVAL '$1 $2'");
        sql = sql.Replace("quantile_cont(other_n, 0.99)", "percentile_cont(0.99) WITHIN GROUP (ORDER BY other_n)", StringComparison.Ordinal)
            .Replace("median(CASE WHEN other = user_id THEN other_n END)", "percentile_cont(0.5) WITHIN GROUP (ORDER BY CASE WHEN other = user_id THEN other_n END)", StringComparison.Ordinal)
            .Replace("date_diff('day', coalesce(lag(a.day) OVER (PARTITION BY a.user_id ORDER BY a.day), s.last_active), a.day)",
                "(a.day - coalesce(lag(a.day) OVER (PARTITION BY a.user_id ORDER BY a.day), s.last_active))", StringComparison.Ordinal);
        return System.Text.RegularExpressions.Regex.Replace(sql, "NULL AS resident_id", "NULL::text AS resident_id");
    }

    private static void Exec(NpgsqlConnection db, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, db);
        cmd.ExecuteNonQuery();
    }
}
