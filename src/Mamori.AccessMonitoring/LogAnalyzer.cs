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
        Analyze(CsvLog(inputs), inputs, null, settings, pack);

    /// <summary>A resident id as written in the files.</summary>
    private static string AsWritten(string id) => $"nullif(trim({id}), '')";

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

    /// <summary>An in-memory DuckDB that stays within <paramref name="memoryLimit"/>, spilling to a temporary folder beyond it.</summary>
    internal static DuckDBConnection Open(string memoryLimit = "2GB")
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        Execute(db, $"SET memory_limit = '{memoryLimit.Replace("'", "", StringComparison.Ordinal)}'");
        Execute(db, $"SET temp_directory = '{Path.Combine(Path.GetTempPath(), "mamori-duckdb").Replace("'", "''", StringComparison.Ordinal)}'");
        return db;
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

    private static void CreateLogTable(DuckDBConnection db) =>
        Execute(db, "CREATE TABLE log (ts TIMESTAMP, user_id VARCHAR, terminal_id VARCHAR, terminal_dept VARCHAR, business_code VARCHAR, op VARCHAR, resident_id VARCHAR, result_count BIGINT, search_method VARCHAR)");

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
        if (files.Count == 0)
        {
            CreateLogTable(db);
            return;
        }
        for (var i = 0; i < files.Count; i++)
        {
            var (original, utf8) = files[i];
            // One parallel pass reads and types every row, marking the unreadable ones; only when there is one is the
            // file read again in order, to name the first such row by its line (header = line 1).
            var select = TypedLog(db, original, utf8);
            Execute(db, i == 0 ? "CREATE TABLE log AS " + select : "INSERT INTO log " + select);
            if (Scalar<bool>(db, "SELECT coalesce(bool_or(bad), FALSE) FROM log"))
            {
                throw FirstUnreadable(db, original, utf8);
            }
        }
        Execute(db, "ALTER TABLE log DROP COLUMN bad");
    }

    /// <summary>
    /// The SELECT that reads a log file (UTF-8, canonical layout, its header checked) with typed columns and
    /// <c>bad</c>, true for a row that cannot be read (<see cref="FirstUnreadable"/> names the first).
    /// </summary>
    internal static string TypedLog(DuckDBConnection db, string original, string utf8)
    {
        Header(db, original, utf8, Layout.Log);
        return $"""
            SELECT try_strptime(ts, '%Y-%m-%d %H:%M:%S') AS ts, trim(user_id) AS user_id, terminal_id, terminal_dept, business_code, op,
                   nullif(trim(resident_id), '') AS resident_id, try_cast(nullif(result_count, '') AS BIGINT) AS result_count, nullif(search_method, '') AS search_method,
                   ({Unreadable}) AS bad
            FROM {Csv(utf8)}
            """;
    }

    /// <summary>The condition of a log row that cannot be read, over the text columns.</summary>
    private const string Unreadable = """
        try_strptime(ts, '%Y-%m-%d %H:%M:%S') IS NULL
        OR coalesce(trim(user_id), '') = ''
        OR op IS NULL OR op NOT IN ('SEARCH', 'VIEW', 'UPDATE', 'PRINT', 'EXPORT')
        OR (coalesce(result_count, '') <> '' AND try_cast(result_count AS BIGINT) IS NULL)
        OR coalesce(search_method, '') NOT IN ('', 'NAME', 'ID', 'ADDRESS')
        """;

    internal static LogInputException FirstUnreadable(DuckDBConnection db, string original, string utf8)
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

    private static void LoadMasters(DuckDBConnection db, LogInputs inputs, TextFiles files, MonitoringSettings settings)
    {
        var staff = Canonical(db, files, inputs.Mapping?.Staff, Layout.Staff, inputs.Staff);
        var staffColumns = Header(db, inputs.Staff, staff, Layout.Staff);
        CheckDates(db, inputs.Staff, staff, ["start_date", "end_date", .. staffColumns.Contains("last_active") ? ["last_active"] : Array.Empty<string>()]);
        Execute(db, $"""
            CREATE TABLE staff AS SELECT trim(user_id) AS user_id, {AsWritten("resident_id")} AS resident_id, nullif(trim(household_id), '') AS household_id,
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
            CREATE TABLE residents AS SELECT {AsWritten("resident_id")} AS resident_id, nullif(trim(household_id), '') AS household_id, nullif(trim(surname_kana), '') AS surname_kana,
                coalesce(trim(protected), '0') = '1' AS protected, coalesce(trim(watch), '0') = '1' AS watch, coalesce(trim(is_staff), '0') = '1' AS is_staff
            FROM {Csv(residents)}
            """);

        var cases = Canonical(db, files, inputs.Mapping?.Cases, Layout.Cases, inputs.Cases);
        Header(db, inputs.Cases, cases, Layout.Cases);
        CheckDates(db, inputs.Cases, cases, ["opened", "closed"]);
        Execute(db, $"""
            CREATE TABLE cases AS SELECT {AsWritten("resident_id")} AS resident_id, dept, CAST(opened AS DATE) AS opened, try_cast(nullif(closed, '') AS DATE) AS closed
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
    /// The <c>access</c> view the rules read, as its definition (the Trino view is compiled from this text): each
    /// access with the user's master data, the resident's flags and whether a case of the user's department explains
    /// it (opened at most 7 days after, closed at most 30 days before). DuckDB builds the same columns with
    /// <see cref="KeyedAccess"/>.
    /// </summary>
    internal const string AccessSql = """
        SELECT l.*, CAST(l.ts AS DATE) AS day, s.user_id IS NOT NULL AS known, s.dept AS user_dept, s.role,
               s.resident_id AS own_resident, s.household_id AS own_household, s.surname_kana AS own_surname,
               r.household_id AS res_household, r.surname_kana AS res_surname,
               coalesce(r.protected, FALSE) AS res_protected, coalesce(r.watch, FALSE) AS res_watch,
               coalesce(r.is_staff, FALSE) OR coalesce(l.resident_id IN (SELECT resident_id FROM staff WHERE resident_id IS NOT NULL), FALSE) AS res_is_staff,
               l.resident_id IS NOT NULL AND EXISTS (
                   SELECT 1 FROM cases c
                   WHERE c.resident_id = l.resident_id AND c.dept = s.dept
                     AND c.opened <= CAST(l.ts AS DATE) + INTERVAL 7 DAY
                     AND (c.closed IS NULL OR c.closed >= CAST(l.ts AS DATE) - INTERVAL 30 DAY)) AS explained
        FROM log l
        LEFT JOIN staff s ON s.user_id = l.user_id
        LEFT JOIN residents r ON r.resident_id = l.resident_id
        """;

    /// <summary>
    /// The <c>access</c> table as DuckDB builds it: the columns of <see cref="AccessSql"/>, with resident ids,
    /// households and surnames replaced by integer keys (numbered in the order of the text, so the smallest key is
    /// the smallest id; <c>resident_key</c> turns a key back into the id). Rules only compare these columns, count
    /// them distinct or report them, so they read the same; the rows are narrow enough to stay in memory and every
    /// join is on integers. A case explains an access when its day falls in the case's span (opened − 7 days to
    /// closed + 30 days); the spans of one resident and department are merged first, so the join finds at most one.
    /// </summary>
    internal static readonly string[] KeyedAccess =
    [
        Key("resident_key", "resident_id", "log", "residents", "staff", "cases"),
        Key("household_key", "household_id", "staff", "residents"),
        Key("surname_key", "surname_kana", "staff", "residents"),
        Key("dept_key", "dept", "staff", "cases"),
        """
        CREATE TABLE user_attr AS
        SELECT s.user_id, s.dept, s.role, rk.k AS own_resident, hk.k AS own_household, sk.k AS own_surname, dk.k AS dept_k
        FROM staff s
        LEFT JOIN resident_key rk ON rk.resident_id = s.resident_id
        LEFT JOIN household_key hk ON hk.household_id = s.household_id
        LEFT JOIN surname_key sk ON sk.surname_kana = s.surname_kana
        LEFT JOIN dept_key dk ON dk.dept = s.dept
        """,
        """
        CREATE TABLE resident_attr AS
        SELECT rk.k, hk.k AS household, sk.k AS surname, coalesce(r.protected, FALSE) AS protected, coalesce(r.watch, FALSE) AS watch,
               coalesce(r.is_staff, FALSE) OR rk.resident_id IN (SELECT resident_id FROM staff WHERE resident_id IS NOT NULL) AS is_staff
        FROM resident_key rk
        LEFT JOIN residents r ON r.resident_id = rk.resident_id
        LEFT JOIN household_key hk ON hk.household_id = r.household_id
        LEFT JOIN surname_key sk ON sk.surname_kana = r.surname_kana
        """,
        """
        CREATE TABLE case_span AS
        WITH spans AS (
            SELECT rk.k AS rk, dk.k AS dk, c.opened - 7 AS lo, coalesce(c.closed + 30, DATE '9999-12-31') AS hi
            FROM cases c JOIN resident_key rk ON rk.resident_id = c.resident_id JOIN dept_key dk ON dk.dept = c.dept),
        ordered AS (
            SELECT *, max(hi) OVER (PARTITION BY rk, dk ORDER BY lo, hi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM spans),
        grouped AS (
            SELECT *, sum(CASE WHEN reach IS NULL OR lo > reach + 1 THEN 1 ELSE 0 END) OVER (PARTITION BY rk, dk ORDER BY lo, hi ROWS UNBOUNDED PRECEDING) AS part FROM ordered)
        SELECT rk, dk, min(lo) AS lo, max(hi) AS hi FROM grouped GROUP BY rk, dk, part
        """,
        """
        CREATE TABLE access AS
        SELECT l.ts, l.user_id, l.terminal_id, l.terminal_dept, l.business_code, l.op, rk.k AS resident_id, l.result_count, l.search_method,
               CAST(l.ts AS DATE) AS day, u.user_id IS NOT NULL AS known, u.dept AS user_dept, u.role,
               u.own_resident, u.own_household, u.own_surname, ra.household AS res_household, ra.surname AS res_surname,
               coalesce(ra.protected, FALSE) AS res_protected, coalesce(ra.watch, FALSE) AS res_watch, coalesce(ra.is_staff, FALSE) AS res_is_staff,
               cs.rk IS NOT NULL AS explained
        FROM log l
        LEFT JOIN resident_key rk ON rk.resident_id = l.resident_id
        LEFT JOIN user_attr u ON u.user_id = l.user_id
        LEFT JOIN resident_attr ra ON ra.k = rk.k
        LEFT JOIN case_span cs ON cs.rk = rk.k AND cs.dk = u.dept_k AND CAST(l.ts AS DATE) BETWEEN cs.lo AND cs.hi
        """,
    ];

    /// <summary>A table numbering the distinct non-null values of a column across tables, in the order of the text.</summary>
    private static string Key(string table, string column, params string[] sources) =>
        $"CREATE TABLE {table} AS SELECT {column}, CAST(row_number() OVER (ORDER BY {column}) AS INTEGER) AS k "
        + $"FROM ({string.Join(" UNION ", sources.Select(s => $"SELECT {column} FROM {s}"))}) WHERE {column} IS NOT NULL";

    /// <summary>Builds <c>days</c> and <c>access</c> from <c>log</c> and the masters, then lets the log go (the rules read <c>access</c>).</summary>
    internal static void BuildViews(DuckDBConnection db)
    {
        Execute(db, "CREATE TABLE days AS " + DaysSql);
        foreach (var statement in KeyedAccess)
        {
            Execute(db, statement);
        }
        var isView = Scalar<long>(db, "SELECT count(*) FROM duckdb_views() WHERE view_name = 'log' AND NOT internal") > 0;
        Execute(db, isView ? "DROP VIEW log" : "DROP TABLE log");
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
