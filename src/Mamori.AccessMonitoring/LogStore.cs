using System.Globalization;
using System.Security.Cryptography;
using DuckDB.NET.Data;

namespace Mamori.AccessMonitoring;

/// <summary>One stored access, as the investigation search lists it.</summary>
public sealed record AccessRow(DateTime At, string UserId, string? TerminalId, string? TerminalDept, string? BusinessCode, string Operation, string? ResidentId, long? ResultCount, string? SearchMethod);

/// <summary>What an ingest did: the rows stored and the months they fell in, or that the file was stored before.</summary>
public sealed record IngestResult(string File, long Rows, IReadOnlyList<string> Months, bool AlreadyIngested, IReadOnlyList<string>? Replaced = null);

/// <summary>
/// The access logs kept as Parquet (zstd), partitioned by month under <c>{root}/log/month=yyyy-MM/</c>. Resident
/// ids are pseudonymised with HMAC-SHA-256 under the configured key (computed by DuckDB in SQL, the same value
/// .NET's <see cref="HMACSHA256"/> gives), unless the store is created without a key. Ingest is idempotent: a file
/// is recognised by the SHA-256 of its bytes, and its Parquet files carry that hash in their names, so storing it
/// again adds nothing; a different file whose period overlaps a stored one is refused, or replaces that period
/// (<see cref="StoredPeriods"/>), so no access is ever counted twice. A file with an unreadable row is refused before
/// anything is written.
/// </summary>
public sealed partial class LogStore
{
    private readonly byte[]? _key;

    public LogStore(string root, byte[]? pseudonymKey)
    {
        Root = root;
        _key = pseudonymKey is null ? null : pseudonymKey.Length > 64 ? SHA256.HashData(pseudonymKey) : pseudonymKey;
        Directory.CreateDirectory(LogDirectory);
        Directory.CreateDirectory(ManifestDirectory);
    }

    public string Root { get; }

    private string LogDirectory => Path.Combine(Root, "log");

    private string ManifestDirectory => Path.Combine(Root, "ingested");

    /// <summary>Whether resident ids are stored pseudonymised.</summary>
    public bool Pseudonymised => _key is not null;

    /// <summary>The pseudonym of a resident id, as stored (for the investigation search and the masters).</summary>
    public string Pseudonym(string residentId) =>
        _key is null ? residentId : Convert.ToHexStringLower(HMACSHA256.HashData(_key, System.Text.Encoding.UTF8.GetBytes(residentId)));

    /// <summary>
    /// The SQL that pseudonymises <paramref name="expression"/> (a VARCHAR): HMAC(K, m) = H((K⊕opad) ‖ H((K⊕ipad) ‖ m)),
    /// with the padded key blocks written in as blobs. NULL and empty stay NULL.
    /// </summary>
    public string PseudonymSql(string expression)
    {
        if (_key is null)
        {
            return $"nullif(trim({expression}), '')";
        }
        var block = new byte[64];
        _key.CopyTo(block, 0);
        var inner = Convert.ToHexString(block.Select(b => (byte)(b ^ 0x36)).ToArray());
        var outer = Convert.ToHexString(block.Select(b => (byte)(b ^ 0x5c)).ToArray());
        return $"CASE WHEN nullif(trim({expression}), '') IS NULL THEN NULL ELSE sha256(unhex('{outer}') || unhex(sha256(unhex('{inner}') || encode(trim({expression}))))) END";
    }

    /// <summary>
    /// The SQL creating <paramref name="table"/> (<c>id, pseudonym</c>) for the distinct non-null ids <paramref name="ids"/>
    /// selects (a column named <c>id</c>): each id is pseudonymised once, however often it occurs, and joined to the rows.
    /// </summary>
    internal string PseudonymTable(string table, string ids) =>
        $"CREATE TABLE {table} AS SELECT id, {PseudonymSql("id")} AS pseudonym FROM (SELECT DISTINCT id FROM ({ids}) WHERE id IS NOT NULL)";

    /// <summary>The stored months, oldest first.</summary>
    public IReadOnlyList<string> Months() =>
        Directory.EnumerateDirectories(LogDirectory, "month=*").Select(d => Path.GetFileName(d)["month=".Length..]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The stored months from the month of <paramref name="from"/> to the month of <paramref name="to"/>, oldest first.</summary>
    private List<string> Months(DateTime from, DateTime to) =>
        [.. Months().Where(m => string.CompareOrdinal(m, from.ToString("yyyy-MM", CultureInfo.InvariantCulture)) >= 0
                                && string.CompareOrdinal(m, to.ToString("yyyy-MM", CultureInfo.InvariantCulture)) <= 0)];

    /// <summary>The SQL source of the stored rows between two days (inclusive).</summary>
    public string Source(DateOnly from, DateOnly to) => Source(from.ToDateTime(TimeOnly.MinValue), to.AddDays(1).ToDateTime(TimeOnly.MinValue));

    /// <summary>The SQL source of the stored rows from <paramref name="from"/> up to (not including) <paramref name="until"/>.</summary>
    public string Source(DateTime from, DateTime until)
    {
        var months = Months(from, until.AddTicks(-1));
        if (months.Count == 0)
        {
            return "(SELECT CAST(NULL AS TIMESTAMP) AS ts, CAST(NULL AS VARCHAR) AS user_id, CAST(NULL AS VARCHAR) AS terminal_id, CAST(NULL AS VARCHAR) AS terminal_dept, "
                + "CAST(NULL AS VARCHAR) AS business_code, CAST(NULL AS VARCHAR) AS op, CAST(NULL AS VARCHAR) AS resident_id, CAST(NULL AS BIGINT) AS result_count, "
                + "CAST(NULL AS VARCHAR) AS search_method WHERE FALSE)";
        }
        var files = string.Join(", ", months.Select(m => DuckDb.Quote(Path.Combine(LogDirectory, $"month={m}", "*.parquet"))));
        return $"(SELECT ts, user_id, terminal_id, terminal_dept, business_code, op, resident_id, result_count, search_method FROM read_parquet([{files}]) "
            + $"WHERE ts >= TIMESTAMP '{from:yyyy-MM-dd HH:mm:ss}' AND ts < TIMESTAMP '{until:yyyy-MM-dd HH:mm:ss}')";
    }

    /// <summary>
    /// The investigation search: every stored access to one resident (the id as the office knows it; it is
    /// pseudonymised the same way) or by one user, in a period, in time order, at most <paramref name="limit"/> rows.
    /// </summary>
    public IReadOnlyList<AccessRow> Search(string? residentId, string? userId, DateOnly from, DateOnly to, int limit = 10_000)
    {
        if (string.IsNullOrWhiteSpace(residentId) && string.IsNullOrWhiteSpace(userId))
        {
            throw new ArgumentException("住民か職員のどちらかを指定してください。");
        }
        using var db = DuckDb.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = $"SELECT ts, user_id, terminal_id, terminal_dept, business_code, op, resident_id, result_count, search_method FROM {Source(from, to)} "
            + "WHERE (CAST($resident AS VARCHAR) IS NULL OR resident_id = CAST($resident AS VARCHAR)) AND (CAST($user AS VARCHAR) IS NULL OR user_id = CAST($user AS VARCHAR)) ORDER BY ts, user_id LIMIT " + limit.ToString(CultureInfo.InvariantCulture);
        cmd.Parameters.Add(new DuckDBParameter("resident", string.IsNullOrWhiteSpace(residentId) ? null : Pseudonym(residentId.Trim())));
        cmd.Parameters.Add(new DuckDBParameter("user", string.IsNullOrWhiteSpace(userId) ? null : userId.Trim()));
        using var reader = cmd.ExecuteReader();
        var rows = new List<AccessRow>();
        string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
        while (reader.Read())
        {
            rows.Add(new AccessRow(reader.GetDateTime(0), reader.GetString(1), Text(2), Text(3), Text(4), reader.GetString(5), Text(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7), Text(8)));
        }
        return rows;
    }

    /// <summary>
    /// Stores a log file (UTF-8 or CP932, canonical or in the layout <paramref name="mapping"/> describes) as
    /// monthly Parquet, all or nothing; a file stored before is skipped.
    /// </summary>
    public IngestResult Ingest(string file, ColumnMapping? mapping = null, string? name = null, bool replace = false)
    {
        string hash;
        using (var stream = File.OpenRead(file))
        {
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        var marker = Path.Combine(ManifestDirectory, hash);
        if (ReadPeriod(marker) is { } stored)
        {
            return new IngestResult(file, stored.Rows, stored.Months, AlreadyIngested: true);
        }
        var staging = Path.Combine(Root, $"staging-{hash}");
        using var files = new TextFiles();
        try
        {
            using var db = DuckDb.Open();
            var utf8 = LogInputReader.Canonical(db, files, mapping?.Log, Layout.Log, file);
            var typed = LogInputReader.TypedLog(db, file, utf8);
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
            // The pseudonyms first; then one pass reads, checks and writes the rows to the staging folder, stopping at
            // the first unreadable one (named by a second, ordered read).
            DuckDb.Execute(db, PseudonymTable("pseudonym", $"SELECT resident_id AS id FROM ({typed})"));
            try
            {
                DuckDb.Execute(db, $$"""
                    COPY (SELECT l.ts, l.user_id, l.terminal_id, l.terminal_dept, l.business_code, l.op, p.pseudonym AS resident_id, l.result_count, l.search_method,
                                 strftime(l.ts, '%Y-%m') AS month
                          FROM ({{typed}}) l LEFT JOIN pseudonym p ON p.id = l.resident_id
                          WHERE NOT (CASE WHEN l.bad THEN error('unreadable row') ELSE FALSE END))
                    TO {{DuckDb.Quote(staging)}} (FORMAT parquet, COMPRESSION zstd, COMPRESSION_LEVEL 1, PARTITION_BY (month), FILENAME_PATTERN '{{hash}}_{i}')
                    """);
            }
            catch (DuckDBException) when (DuckDb.Scalar<bool>(db, $"SELECT coalesce(bool_or(bad), FALSE) FROM ({typed})"))
            {
                throw LogInputReader.FirstUnreadable(db, file, utf8);
            }
            var written = Directory.Exists(staging) ? Directory.GetFiles(staging, "*.parquet", SearchOption.AllDirectories) : [];
            var rows = written.Length == 0 ? 0
                : DuckDb.Scalar<long>(db, $"SELECT count(*) FROM read_parquet([{string.Join(", ", written.Select(DuckDb.Quote))}])");
            StoredPeriod? period = null;
            IReadOnlyList<string> replaced = [];
            if (rows > 0)
            {
                var parts = $"read_parquet([{string.Join(", ", written.Select(DuckDb.Quote))}])";
                period = new StoredPeriod(name ?? Path.GetFileName(file), rows, DuckDb.Scalar<DateTime>(db, $"SELECT min(ts) FROM {parts}"),
                    DuckDb.Scalar<DateTime>(db, $"SELECT max(ts) FROM {parts}"), []);
                replaced = ClearOverlap(db, file, period, replace);
            }
            var months = new List<string>();
            foreach (var dir in Directory.Exists(staging) ? Directory.EnumerateDirectories(staging, "month=*") : [])
            {
                var target = Path.Combine(LogDirectory, Path.GetFileName(dir));
                Directory.CreateDirectory(target);
                foreach (var part in Directory.EnumerateFiles(dir))
                {
                    File.Move(part, Path.Combine(target, Path.GetFileName(part)), overwrite: true);
                }
                months.Add(Path.GetFileName(dir)["month=".Length..]);
            }
            months.Sort(StringComparer.Ordinal);
            CompleteDaily(db);
            if (period is not null)
            {
                WritePeriod(marker, period with { Months = months });
            }
            return new IngestResult(file, rows, months, AlreadyIngested: false, replaced);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
