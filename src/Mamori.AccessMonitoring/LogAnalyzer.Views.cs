using System.Globalization;
using DuckDB.NET.Data;
using static Mamori.AccessMonitoring.DuckDb;
using static Mamori.AccessMonitoring.LogInputReader;

namespace Mamori.AccessMonitoring;

/// <summary>The <c>days</c> and <c>access</c> views the rules read, and the keyed build of <c>access</c>.</summary>
public static partial class LogAnalyzer
{
    /// <summary>The <c>days</c> view: every day around the log's period and whether the office is closed (weekend, 12/29–1/3, holiday).</summary>
    internal static readonly string DaysSql = Days("(SELECT coalesce(min(ts), TIMESTAMP '2000-01-01') FROM log)");

    /// <summary>The <c>days</c> view from 60 days before <paramref name="first"/> (a timestamp) to the day after the log's last access.</summary>
    private static string Days(string first) => $"""
        SELECT CAST(g.d AS DATE) AS day,
               (isodow(g.d) >= 6 OR (month(g.d) = 12 AND day(g.d) >= 29) OR (month(g.d) = 1 AND day(g.d) <= 3) OR h.day IS NOT NULL) AS off
        FROM generate_series(
                CAST({first} AS DATE) - INTERVAL 60 DAY,
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
        Key("resident_key", "resident_id", "log", "residents", "staff", "cases", "history_pairs"),
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

    /// <summary>
    /// The <c>resident_days</c> view the rules read for their weeks of history (R11), as its definition: each resident
    /// a user looked at on a day, once, with whether a case of the user's department explains it (the same for every
    /// access of that user to that resident on that day).
    /// </summary>
    internal const string ResidentDaysSql = "SELECT DISTINCT user_id, user_dept, day, resident_id, explained FROM access WHERE resident_id IS NOT NULL";

    /// <summary>The <c>user_days</c> view the rules read for their weeks of history (R09), as its definition: how many residents each user looked at on each day.</summary>
    internal const string UserDaysSql = "SELECT user_id, user_dept, day, count(DISTINCT resident_id) AS residents FROM access WHERE resident_id IS NOT NULL GROUP BY user_id, user_dept, day";

    /// <summary>
    /// The <c>user_days</c> table as DuckDB builds it: <see cref="UserDaysSql"/> over the reported days of <c>access</c>,
    /// and the counts of the days before them from <c>history_counts</c> (the store's daily aggregates).
    /// </summary>
    private static string UserDays(Reported? reported) => $"""
        CREATE TABLE user_days AS
        SELECT * FROM ({UserDaysSql}) WHERE {reported?.DayFilter ?? "TRUE"}
        UNION ALL
        SELECT h.user_id, u.dept, h.day, h.residents FROM history_counts h LEFT JOIN user_attr u ON u.user_id = h.user_id
        """;

    /// <summary>
    /// The <c>resident_days</c> table as DuckDB builds it: <see cref="ResidentDaysSql"/> over the reported days of
    /// <c>access</c>, and the same columns for the days before them from <c>history_pairs</c> (the store's daily
    /// aggregates), with the keys, departments and case spans of <c>access</c>.
    /// </summary>
    private static string ResidentDays(Reported? reported) => $"""
        CREATE TABLE resident_days AS
        {ResidentDaysSql} AND {reported?.DayFilter ?? "TRUE"}
        UNION ALL
        SELECT h.user_id, u.dept, h.day, rk.k, cs.rk IS NOT NULL
        FROM (SELECT DISTINCT day, user_id, resident_id FROM history_pairs) h
        JOIN resident_key rk ON rk.resident_id = h.resident_id
        LEFT JOIN user_attr u ON u.user_id = h.user_id
        LEFT JOIN case_span cs ON cs.rk = rk.k AND cs.dk = u.dept_k AND h.day BETWEEN cs.lo AND cs.hi
        """;

    /// <summary>A table numbering the distinct non-null values of a column across tables, in the order of the text.</summary>
    private static string Key(string table, string column, params string[] sources) =>
        $"CREATE TABLE {table} AS SELECT {column}, CAST(row_number() OVER (ORDER BY {column}) AS INTEGER) AS k "
        + $"FROM ({string.Join(" UNION ", sources.Select(s => $"SELECT {column} FROM {s}"))}) WHERE {column} IS NOT NULL";

    /// <summary>
    /// Builds <c>days</c>, <c>access</c>, <c>resident_days</c> and <c>user_days</c> from <c>log</c>, the masters and the
    /// history before the <paramref name="reported"/> days (<c>history_pairs</c> and <c>history_counts</c>, when there is
    /// one), then lets the log go (the rules read the tables built).
    /// </summary>
    internal static void BuildViews(DuckDBConnection db, Reported? reported = null)
    {
        Execute(db, "CREATE TABLE IF NOT EXISTS history_pairs (day DATE, user_id VARCHAR, resident_id VARCHAR)");
        Execute(db, "CREATE TABLE IF NOT EXISTS history_counts (day DATE, user_id VARCHAR, residents BIGINT)");
        // The days reach back over the history as well as the rows.
        Execute(db, "CREATE TABLE days AS " + Days("(SELECT coalesce(min(t), TIMESTAMP '2000-01-01') FROM (SELECT min(ts) AS t FROM log UNION ALL SELECT CAST(min(day) AS TIMESTAMP) FROM history_pairs))"));
        foreach (var statement in KeyedAccess)
        {
            Execute(db, statement);
        }
        Execute(db, ResidentDays(reported));
        Execute(db, UserDays(reported));
        Execute(db, "DROP TABLE history_pairs");
        Execute(db, "DROP TABLE history_counts");
        var isView = Scalar<long>(db, "SELECT count(*) FROM duckdb_views() WHERE view_name = 'log' AND NOT internal") > 0;
        Execute(db, isView ? "DROP VIEW log" : "DROP TABLE log");
    }

    /// <summary>Drops what <see cref="BuildViews"/> built, so that the next run of a long period builds its own on the same masters.</summary>
    private static void DropViews(DuckDBConnection db)
    {
        foreach (var table in new[] { "days", "resident_key", "household_key", "surname_key", "dept_key", "user_attr", "resident_attr", "case_span", "access", "resident_days", "user_days" })
        {
            Execute(db, $"DROP TABLE {table}");
        }
    }
}
