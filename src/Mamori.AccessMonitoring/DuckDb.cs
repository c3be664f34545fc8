using System.Globalization;
using DuckDB.NET.Data;

namespace Mamori.AccessMonitoring;

/// <summary>The in-memory DuckDB connection and its one-line commands, shared by the analyzer, the store and the input reader.</summary>
internal static class DuckDb
{
    /// <summary>An in-memory DuckDB that stays within <paramref name="memoryLimit"/>, spilling to a temporary folder beyond it.</summary>
    internal static DuckDBConnection Open(string memoryLimit = "2GB")
    {
        var db = new DuckDBConnection("DataSource=:memory:");
        db.Open();
        Execute(db, $"SET memory_limit = '{memoryLimit.Replace("'", "", StringComparison.Ordinal)}'");
        Execute(db, $"SET temp_directory = {Quote(Path.Combine(Path.GetTempPath(), "mamori-duckdb"))}");
        return db;
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

    /// <summary>A path or text as a SQL string literal.</summary>
    internal static string Quote(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";
}
