using System.Globalization;
using DuckDB.NET.Data;
using static Mamori.AccessMonitoring.DuckDb;

namespace Mamori.AccessMonitoring;

/// <summary>Reading the inputs (for the analyzer and the store alike): CSV in UTF-8 or CP932, another vendor's layout through its mapping, the first unreadable row named by file, line and column, and the masters.</summary>
internal static class LogInputReader
{
    /// <summary>A single-threaded read, so that <c>row_number() OVER ()</c> numbers rows in file order (for naming a bad line).</summary>
    internal static string OrderedCsv(string path) => $"read_csv({Quote(path)}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"', parallel = false)";

    internal static string Csv(string path) => $"read_csv({Quote(path)}, header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";

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
                expression = $"coalesce(strftime(try_strptime({expression}, {Quote(tf)}), '%Y-%m-%d %H:%M:%S'), {expression})";
            }
            else if (mapping.DateFormat is { } df && column is "start_date" or "end_date" or "opened" or "closed" or "last_active")
            {
                expression = $"coalesce(strftime(try_strptime({expression}, {Quote(df)}), '%Y-%m-%d'), {expression})";
            }
            if (mapping.Values?.GetValueOrDefault(column) is { Count: > 0 } values)
            {
                expression = $"CASE {expression} {string.Join(" ", values.Select(v => $"WHEN {Quote(v.Key)} THEN {Quote(v.Value)}"))} ELSE {expression} END";
            }
            select.Add($"{expression} AS \"{column}\"");
        }
        var canonical = files.Temporary();
        Execute(db, $"COPY (SELECT {string.Join(", ", select)} FROM {OrderedCsv(utf8)}) TO {Quote(canonical)} (HEADER, DELIMITER ',', QUOTE '\"')");
        return canonical;
    }

    /// <summary>The header of a file, checked against the columns the engine needs.</summary>
    internal static HashSet<string> Header(DuckDBConnection db, string original, string utf8, IEnumerable<string> required)
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


    internal static void LoadMasters(DuckDBConnection db, LogInputs inputs, TextFiles files, MonitoringSettings settings)
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
    internal static void CheckDates(DuckDBConnection db, string original, string utf8, IReadOnlyList<string> columns)
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

    /// <summary>A resident id as written in the files.</summary>
    internal static string AsWritten(string id) => $"nullif(trim({id}), '')";
    internal static void CreateLogTable(DuckDBConnection db) =>
        Execute(db, "CREATE TABLE log (ts TIMESTAMP, user_id VARCHAR, terminal_id VARCHAR, terminal_dept VARCHAR, business_code VARCHAR, op VARCHAR, resident_id VARCHAR, result_count BIGINT, search_method VARCHAR)");
    internal sealed record Problem(long Line, string Column, string Value);
    internal static Problem? First(DuckDBConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        return reader.Read() ? new Problem(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)) : null;
    }
}
