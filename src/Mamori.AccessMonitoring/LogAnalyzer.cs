using System.Globalization;
using DuckDB.NET.Data;

namespace Mamori.AccessMonitoring;

/// <summary>
/// Runs the rule pack over access logs with DuckDB: reads the inputs (UTF-8 or CP932), refuses the first
/// unreadable row with its file, line and column before anything is analysed, builds the <c>access</c> view
/// (each access with the user's master data, the resident's flags and whether a case explains it), runs every
/// rule, and keeps one alert per user, rule and day that the allowlist does not suppress.
/// </summary>
public static class LogAnalyzer
{
    private static readonly string[] SeverityOrder = ["low", "medium", "high", "critical"];

    /// <summary>Analyses log CSV files as they are (resident ids as written in the files).</summary>
    public static AnalysisResult Analyze(LogInputs inputs, MonitoringSettings settings, RulePack? pack = null) =>
        Analyze((db, files) => LoadLog(db, inputs.Logs.Select(f => (f, Canonical(db, files, inputs.Mapping?.Log, Layout.Log, f))).ToList()), inputs, id => $"nullif(trim({id}), '')", settings, pack);

    /// <summary>
    /// Analyses the stored rows of a period; the masters' resident ids are pseudonymised as the store's are, so
    /// alerts carry pseudonyms (the investigation search pseudonymises what it is asked the same way).
    /// </summary>
    public static AnalysisResult AnalyzeStored(LogStore store, DateOnly from, DateOnly to, LogInputs masters, MonitoringSettings settings, RulePack? pack = null,
        IProgress<(int Done, int Total, string Step)>? progress = null) =>
        Analyze((db, _) => Execute(db, $"CREATE TABLE log AS SELECT * FROM {store.Source(from, to)}"), masters, store.PseudonymSql, settings, pack, progress);

    private static AnalysisResult Analyze(Action<DuckDBConnection, TextFiles> loadLog, LogInputs masters, Func<string, string> residentId, MonitoringSettings settings, RulePack? pack,
        IProgress<(int Done, int Total, string Step)>? progress = null)
    {
        pack ??= RulePack.Default;
        var total = pack.Rules.Count + 1;
        using var files = new TextFiles();
        using var db = Open(settings.MemoryLimit);
        progress?.Report((0, total, "ログとマスタの読み込み"));
        loadLog(db, files);
        LoadMasters(db, masters, files, settings, residentId);
        return RunPack(db, settings, pack, progress);
    }

    /// <summary>Reads the four masters as an analysis would, refusing the first row that cannot be read (before they replace stored ones).</summary>
    public static void CheckMasters(LogInputs masters)
    {
        using var files = new TextFiles();
        using var db = Open();
        LoadMasters(db, masters, files, new MonitoringSettings(), id => $"nullif(trim({id}), '')");
    }

    /// <summary>An in-memory DuckDB that stays within <paramref name="memoryLimit"/>, spilling to a temporary folder beyond it.</summary>
    internal static DuckDBConnection Open(string memoryLimit = "2GB")
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        Execute(db, $"SET memory_limit = '{memoryLimit.Replace("'", "", StringComparison.Ordinal)}'");
        Execute(db, $"SET temp_directory = '{Path.Combine(Path.GetTempPath(), "mamori-duckdb").Replace("'", "''", StringComparison.Ordinal)}'");
        return db;
    }

    private static AnalysisResult RunPack(DuckDBConnection db, MonitoringSettings settings, RulePack pack, IProgress<(int Done, int Total, string Step)>? progress)
    {
        BuildViews(db);
        var rows = Scalar<long>(db, "SELECT count(*) FROM log");
        var alerts = new List<Alert>();
        for (var i = 0; i < pack.Rules.Count; i++)
        {
            var rule = pack.Rules[i];
            progress?.Report((i + 1, pack.Rules.Count + 1, $"{rule.Id} {rule.Title}"));
            alerts.AddRange(Run(db, rule, RulePack.Compile(rule, settings)));
        }
        return new AnalysisResult(rows, alerts
            .Where(a => !settings.Allowlist.Any(e => e.Rule == a.Rule && e.UserId == a.UserId && (e.ResidentId is null || e.ResidentId == a.ResidentId) && a.Day <= e.Expires))
            .OrderBy(a => a.Day).ThenBy(a => a.Rule, StringComparer.Ordinal).ThenBy(a => a.UserId, StringComparer.Ordinal).ToList(), DayCounts(db))
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

    private static void CreateLogTable(DuckDBConnection db) =>
        Execute(db, "CREATE TABLE log (ts TIMESTAMP, user_id VARCHAR, terminal_id VARCHAR, terminal_dept VARCHAR, business_code VARCHAR, op VARCHAR, resident_id VARCHAR, result_count BIGINT, search_method VARCHAR)");

    private static List<Alert> Run(DuckDBConnection db, Rule rule, string sql)
    {
        var hasSeverity = rule.SeverityPerRow;
        var query = $"""
            WITH fired AS ({sql})
            SELECT user_id, day, min(resident_id) AS resident_id, CAST(sum(n) AS BIGINT) AS n, {(hasSeverity ? "max(CASE severity WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)" : "0")} AS rank
            FROM fired GROUP BY user_id, day ORDER BY day, user_id
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

    private static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A single-threaded read, so that <c>row_number() OVER ()</c> numbers rows in file order (for naming a bad line).</summary>
    private static string OrderedCsv(string path) => $"read_csv({Quote(path)}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', parallel = false)";

    private static string Csv(string path) => $"read_csv({Quote(path)}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";

    /// <summary>
    /// The file as DuckDB reads it (UTF-8), in the canonical layout: with a mapping, the vendor's columns are
    /// renamed, its timestamps and dates rewritten to ISO and its values translated, row for row (so a line
    /// number still names the vendor file's line). A value the format does not read stays as it was, for the
    /// canonical check to name.
    /// </summary>
    internal static string Canonical(DuckDBConnection db, TextFiles files, InputMapping? mapping, string[] layout, string original)
    {
        var utf8 = files.AsUtf8(original);
        if (mapping is null)
        {
            return utf8;
        }
        var columns = mapping.Columns ?? [];
        var present = Header(db, original, utf8, columns.Values.OfType<string>());
        string Source(string column) => "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        var select = new List<string>();
        foreach (var column in layout == Layout.Staff ? layout.Append("last_active") : layout)
        {
            string expression;
            if (columns.TryGetValue(column, out var vendor))
            {
                expression = vendor is null ? "CAST(NULL AS VARCHAR)" : Source(vendor);
            }
            else if (present.Contains(column))
            {
                expression = Source(column);
            }
            else if (column == "last_active")
            {
                continue;
            }
            else
            {
                throw new LogInputException(original, 1, column, $"列「{column}」がありません。列の対応づけで見出しを指定するか、この列がないときは null にしてください。");
            }
            if (column == "ts" && mapping.TimestampFormat is { } tf)
            {
                expression = $"coalesce(strftime(try_strptime({expression}, {Literal(tf)}), '%Y-%m-%d %H:%M:%S'), {expression})";
            }
            else if (mapping.DateFormat is { } df && column is "start_date" or "end_date" or "opened" or "closed" or "last_active")
            {
                expression = $"coalesce(strftime(try_strptime({expression}, {Literal(df)}), '%Y-%m-%d'), {expression})";
            }
            if (mapping.Values?.GetValueOrDefault(column) is { Count: > 0 } values)
            {
                expression = $"CASE {expression} {string.Join(" ", values.Select(v => $"WHEN {Literal(v.Key)} THEN {Literal(v.Value)}"))} ELSE {expression} END";
            }
            select.Add($"{expression} AS \"{column}\"");
        }
        var canonical = files.Temporary();
        Execute(db, $"COPY (SELECT {string.Join(", ", select)} FROM {OrderedCsv(utf8)}) TO {Quote(canonical)} (HEADER, DELIMITER ',', QUOTE '\"')");
        return canonical;
    }

    /// <summary>The header of a file, checked against the columns the engine needs.</summary>
    private static HashSet<string> Header(DuckDBConnection db, string original, string utf8, IEnumerable<string> required)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = $"DESCRIBE SELECT * FROM {Csv(utf8)}";
            using var reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                columns.Add(reader.GetString(0).Trim().TrimStart('\uFEFF'));
            }
        }
        foreach (var column in required.Where(c => !columns.Contains(c)))
        {
            throw new LogInputException(original, 1, column, $"列「{column}」がありません。1行目に {string.Join(",", required)} の見出しを置いてください。");
        }
        return columns;
    }

    /// <summary>Reads log files into the table <c>log</c>, refusing the first unreadable row.</summary>
    internal static void LoadLog(DuckDBConnection db, IReadOnlyList<(string Original, string Utf8)> files)
    {
        CreateLogTable(db);
        foreach (var (original, utf8) in files)
        {
            Header(db, original, utf8, Layout.Log);
            // One parallel pass reads and types every row, marking the unreadable ones; only when there is one is the
            // file read again in order, to name the first such row by its line (header = line 1).
            Execute(db, $"""
                CREATE OR REPLACE TEMP TABLE log_staged AS
                SELECT try_strptime(ts, '%Y-%m-%d %H:%M:%S') AS ts, trim(user_id) AS user_id, terminal_id, terminal_dept, business_code, op,
                       nullif(trim(resident_id), '') AS resident_id, try_cast(nullif(result_count, '') AS BIGINT) AS result_count, nullif(search_method, '') AS search_method,
                       ({Unreadable}) AS bad
                FROM {Csv(utf8)}
                """);
            if (Scalar<bool>(db, "SELECT coalesce(bool_or(bad), FALSE) FROM log_staged"))
            {
                throw FirstUnreadable(db, original, utf8);
            }
            Execute(db, "INSERT INTO log SELECT ts, user_id, terminal_id, terminal_dept, business_code, op, resident_id, result_count, search_method FROM log_staged");
            Execute(db, "DROP TABLE log_staged");
        }
    }

    /// <summary>The condition of a log row that cannot be read, over the text columns.</summary>
    private const string Unreadable = """
        try_strptime(ts, '%Y-%m-%d %H:%M:%S') IS NULL
        OR coalesce(trim(user_id), '') = ''
        OR op IS NULL OR op NOT IN ('SEARCH', 'VIEW', 'UPDATE', 'PRINT', 'EXPORT')
        OR (coalesce(result_count, '') <> '' AND try_cast(result_count AS BIGINT) IS NULL)
        OR coalesce(search_method, '') NOT IN ('', 'NAME', 'ID', 'ADDRESS')
        """;

    private static LogInputException FirstUnreadable(DuckDBConnection db, string original, string utf8)
    {
        var p = First(db, $"""
            WITH raw AS (SELECT row_number() OVER () + 1 AS line, * FROM {OrderedCsv(utf8)})
            SELECT line, CASE
                WHEN try_strptime(ts, '%Y-%m-%d %H:%M:%S') IS NULL THEN 'ts'
                WHEN coalesce(trim(user_id), '') = '' THEN 'user_id'
                WHEN op IS NULL OR op NOT IN ('SEARCH', 'VIEW', 'UPDATE', 'PRINT', 'EXPORT') THEN 'op'
                WHEN coalesce(result_count, '') <> '' AND try_cast(result_count AS BIGINT) IS NULL THEN 'result_count'
                ELSE 'search_method' END AS problem_column,
                CASE WHEN try_strptime(ts, '%Y-%m-%d %H:%M:%S') IS NULL THEN coalesce(ts, '')
                     WHEN coalesce(trim(user_id), '') = '' THEN ''
                     WHEN op IS NULL OR op NOT IN ('SEARCH', 'VIEW', 'UPDATE', 'PRINT', 'EXPORT') THEN coalesce(op, '')
                     WHEN coalesce(result_count, '') <> '' AND try_cast(result_count AS BIGINT) IS NULL THEN result_count
                     ELSE coalesce(search_method, '') END AS value
            FROM raw WHERE {Unreadable} ORDER BY line LIMIT 1
            """)!;
        var value = p.Value;
        return new LogInputException(original, p.Line, p.Column, p.Column switch
        {
            "ts" => $"「{value}」は日時として読めません。2024-04-01 08:30:00 の形にしてください。",
            "user_id" => "user_id が空欄です。",
            "op" => $"「{value}」は操作として読めません。SEARCH, VIEW, UPDATE, PRINT, EXPORT のどれかにしてください。",
            "result_count" => $"「{value}」は件数として読めません。",
            _ => $"「{value}」は検索方法として読めません。NAME, ID, ADDRESS または空欄にしてください。",
        });
    }

    private static void LoadMasters(DuckDBConnection db, LogInputs inputs, TextFiles files, MonitoringSettings settings, Func<string, string> residentId)
    {
        var staff = Canonical(db, files, inputs.Mapping?.Staff, Layout.Staff, inputs.Staff);
        var staffColumns = Header(db, inputs.Staff, staff, Layout.Staff);
        CheckDates(db, inputs.Staff, staff, ["start_date", "end_date", .. staffColumns.Contains("last_active") ? ["last_active"] : Array.Empty<string>()]);
        Execute(db, $"""
            CREATE TABLE staff AS SELECT trim(user_id) AS user_id, {residentId("resident_id")} AS resident_id, nullif(trim(household_id), '') AS household_id,
                nullif(trim(surname_kana), '') AS surname_kana, dept, role, try_cast(nullif(start_date, '') AS DATE) AS start_date,
                try_cast(nullif(end_date, '') AS DATE) AS end_date, coalesce(leave, '') AS leave,
                {(staffColumns.Contains("last_active") ? "try_cast(nullif(last_active, '') AS DATE)" : "CAST(NULL AS DATE)")} AS last_active
            FROM {Csv(staff)}
            """);
        var leaveProblem = First(db, $"""
            WITH periods AS (SELECT line, trim(unnest(string_split(leave, ';'))) AS period
                             FROM (SELECT row_number() OVER () + 1 AS line, leave FROM {OrderedCsv(staff)}) WHERE coalesce(leave, '') <> '')
            SELECT line, 'leave' AS problem_column, period AS value FROM periods
            WHERE period <> '' AND (try_cast(split_part(period, '/', 1) AS DATE) IS NULL OR try_cast(split_part(period, '/', 2) AS DATE) IS NULL)
            ORDER BY line LIMIT 1
            """);
        if (leaveProblem is { } lp)
        {
            throw new LogInputException(inputs.Staff, lp.Line, "leave", $"「{lp.Value}」は期間として読めません。2024-04-01/2024-06-30 の形で、複数は ; で区切ってください。");
        }
        Execute(db, """
            CREATE TABLE staff_leave AS
            SELECT user_id, CAST(split_part(period, '/', 1) AS DATE) AS from_day, CAST(split_part(period, '/', 2) AS DATE) AS to_day
            FROM (SELECT user_id, trim(unnest(string_split(leave, ';'))) AS period FROM staff WHERE leave <> '') WHERE period <> ''
            """);

        var residents = Canonical(db, files, inputs.Mapping?.Residents, Layout.Residents, inputs.Residents);
        Header(db, inputs.Residents, residents, Layout.Residents);
        Execute(db, $"""
            CREATE TABLE residents AS SELECT {residentId("resident_id")} AS resident_id, nullif(trim(household_id), '') AS household_id, nullif(trim(surname_kana), '') AS surname_kana,
                coalesce(trim(protected), '0') = '1' AS protected, coalesce(trim(watch), '0') = '1' AS watch, coalesce(trim(is_staff), '0') = '1' AS is_staff
            FROM {Csv(residents)}
            """);

        var cases = Canonical(db, files, inputs.Mapping?.Cases, Layout.Cases, inputs.Cases);
        Header(db, inputs.Cases, cases, Layout.Cases);
        CheckDates(db, inputs.Cases, cases, ["opened", "closed"]);
        Execute(db, $"""
            CREATE TABLE cases AS SELECT {residentId("resident_id")} AS resident_id, dept, CAST(opened AS DATE) AS opened, try_cast(nullif(closed, '') AS DATE) AS closed
            FROM {Csv(cases)}
            """);

        var roles = Canonical(db, files, inputs.Mapping?.Roles, Layout.Roles, inputs.Roles);
        Header(db, inputs.Roles, roles, Layout.Roles);
        Execute(db, $"CREATE TABLE role_roaming AS SELECT role, coalesce(trim(roaming), '0') = '1' AS roaming FROM {Csv(roles)}");
        Execute(db, $"CREATE TABLE role_business AS SELECT DISTINCT role, trim(unnest(string_split(business_codes, ';'))) AS business_code FROM {Csv(roles)}");

        Execute(db, "CREATE TABLE holidays (day DATE)");
        using var appender = db.CreateAppender("holidays");
        foreach (var day in settings.Holidays.Distinct())
        {
            appender.CreateRow().AppendValue(day.ToDateTime(TimeOnly.MinValue)).EndRow();
        }
    }

    /// <summary>Refuses the first date column value that is not yyyy-MM-dd (blank is allowed except for opened).</summary>
    private static void CheckDates(DuckDBConnection db, string original, string utf8, IReadOnlyList<string> columns)
    {
        foreach (var column in columns)
        {
            var required = column == "opened";
            var problem = First(db, $"""
                WITH raw AS (SELECT row_number() OVER () + 1 AS line, "{column}" AS v FROM {OrderedCsv(utf8)})
                SELECT line, '{column}' AS problem_column, coalesce(v, '') AS value FROM raw
                WHERE {(required ? "coalesce(v, '') = '' OR " : "")}(coalesce(v, '') <> '' AND try_cast(v AS DATE) IS NULL) ORDER BY line LIMIT 1
                """);
            if (problem is { } p)
            {
                throw new LogInputException(original, p.Line, column, p.Value.Length == 0 ? $"{column} が空欄です。" : $"「{p.Value}」は日付として読めません。2024-04-01 の形にしてください。");
            }
        }
    }

    /// <summary>The <c>days</c> view: every day around the log's period and whether the office is closed (weekend, 12/29–1/3, holiday).</summary>
    internal const string DaysSql = """
        SELECT CAST(g.d AS DATE) AS day,
               (isodow(g.d) >= 6 OR (month(g.d) = 12 AND day(g.d) >= 29) OR (month(g.d) = 1 AND day(g.d) <= 3) OR h.day IS NOT NULL) AS off
        FROM generate_series(
                CAST((SELECT coalesce(min(ts), TIMESTAMP '2000-01-01') FROM log) AS DATE) - INTERVAL 60 DAY,
                CAST((SELECT coalesce(max(ts), TIMESTAMP '2000-01-01') FROM log) AS DATE) + INTERVAL 1 DAY,
                INTERVAL 1 DAY) AS g(d)
        LEFT JOIN holidays h ON h.day = CAST(g.d AS DATE)
        """;

    /// <summary>
    /// The <c>access</c> view the rules read: each access with the user's master data, the resident's flags and
    /// whether a case of the user's department explains it (opened at most 7 days after, closed at most 30 days before).
    /// </summary>
    internal const string AccessSql = """
        SELECT l.*, CAST(l.ts AS DATE) AS day, s.user_id IS NOT NULL AS known, s.dept AS user_dept, s.role,
               s.resident_id AS own_resident, s.household_id AS own_household, s.surname_kana AS own_surname,
               r.household_id AS res_household, r.surname_kana AS res_surname,
               coalesce(r.protected, FALSE) AS res_protected, coalesce(r.watch, FALSE) AS res_watch,
               coalesce(r.is_staff, FALSE) OR l.resident_id IN (SELECT resident_id FROM staff WHERE resident_id IS NOT NULL) AS res_is_staff,
               l.resident_id IS NOT NULL AND EXISTS (
                   SELECT 1 FROM cases c
                   WHERE c.resident_id = l.resident_id AND c.dept = s.dept
                     AND c.opened <= CAST(l.ts AS DATE) + INTERVAL 7 DAY
                     AND (c.closed IS NULL OR c.closed >= CAST(l.ts AS DATE) - INTERVAL 30 DAY)) AS explained
        FROM log l
        LEFT JOIN staff s ON s.user_id = l.user_id
        LEFT JOIN residents r ON r.resident_id = l.resident_id
        """;

    private static void BuildViews(DuckDBConnection db)
    {
        Execute(db, "CREATE TABLE days AS " + DaysSql);
        Execute(db, "CREATE TABLE access AS " + AccessSql);
    }

    private sealed record Problem(long Line, string Column, string Value);

    private static Problem? First(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? new Problem(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)) : null;
    }

    internal static T Scalar<T>(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    internal static void Execute(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
