using System.Diagnostics;
using Npgsql;

/// <summary>
/// The same normalized turns in PostgreSQL (when MAMORI_TEST_POSTGRES is set), for searching there instead of in the
/// index: <c>LIKE '%word%'</c> on a table scan, and the same <c>LIKE</c> through a <c>pg_trgm</c> GIN index (which
/// cannot help words under three characters). Counts are checked against the index's totals.
/// </summary>
internal sealed class PostgresSearch : IAsyncDisposable
{
    private readonly string _server;
    private readonly string _database;
    private readonly NpgsqlConnection _connection;

    private PostgresSearch(string server, string database, NpgsqlConnection connection) =>
        (_server, _database, _connection) = (server, database, connection);

    public static async Task<PostgresSearch?> CreateAsync(IReadOnlyList<string> normalized)
    {
        if (Environment.GetEnvironmentVariable("MAMORI_TEST_POSTGRES") is not { Length: > 0 } server)
        {
            return null;
        }
        var database = "mamori_minutes_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await Execute(admin, $"CREATE DATABASE {database} ENCODING 'UTF8' TEMPLATE template0");
        }
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 600 }.ConnectionString);
        await connection.OpenAsync();
        var search = new PostgresSearch(server, database, connection);
        await Execute(connection, "CREATE TABLE turns (id integer PRIMARY KEY, t text NOT NULL)");
        var load = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY turns (id, t) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < normalized.Count; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer);
                await copy.WriteAsync(normalized[i], NpgsqlTypes.NpgsqlDbType.Text);
            }
            await copy.CompleteAsync();
        }
        load.Stop();
        var build = Stopwatch.StartNew();
        await Execute(connection, "CREATE EXTENSION IF NOT EXISTS pg_trgm");
        await Execute(connection, "CREATE INDEX turns_trgm ON turns USING gin (t gin_trgm_ops)");
        await Execute(connection, "ANALYZE turns");
        build.Stop();
        await using var size = new NpgsqlCommand("SELECT pg_relation_size('turns'), pg_relation_size('turns_trgm')", connection);
        await using var reader = await size.ExecuteReaderAsync();
        await reader.ReadAsync();
        Console.WriteLine($"PostgreSQL: COPY {load.Elapsed.TotalSeconds:F1} s, pg_trgm index build {build.Elapsed.TotalSeconds:F1} s, "
            + $"table {reader.GetInt64(0) / 1024.0 / 1024.0:F1} MiB, trigram index {reader.GetInt64(1) / 1024.0 / 1024.0:F1} MiB");
        return search;
    }

    /// <summary>The number of turns containing <paramref name="word"/>, and the milliseconds it took, by scan or by the trigram index.</summary>
    public async Task<(double Ms, long Count)> CountAsync(string word, bool trigramIndex)
    {
        await Execute(_connection, trigramIndex
            ? "SET enable_seqscan = off; SET enable_bitmapscan = on; SET enable_indexscan = on"
            : "SET enable_seqscan = on; SET enable_bitmapscan = off; SET enable_indexscan = off");
        var pattern = "%" + word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var command = new NpgsqlCommand("SELECT count(*) FROM turns WHERE t LIKE @p", _connection);
        command.Parameters.AddWithValue("p", pattern);
        var sw = Stopwatch.StartNew();
        var count = (long)(await command.ExecuteScalarAsync())!;
        sw.Stop();
        return (sw.Elapsed.TotalMilliseconds, count);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_server);
        await admin.OpenAsync();
        await Execute(admin, $"DROP DATABASE IF EXISTS {_database} WITH (FORCE)");
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
