using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Mamori.Core.Data;

/// <summary>
/// A save refused by a unique index or primary key, read from either database's error: the table and the
/// columns (SQLite names them in its message) or the constraint (PostgreSQL names it).
/// </summary>
public sealed record UniqueViolation(string Table, string? Constraint, IReadOnlyList<string> Columns)
{
    /// <summary>The violation behind <paramref name="ex"/>, or null when the save failed for another reason.</summary>
    public static UniqueViolation? Of(DbUpdateException ex)
    {
        switch (ex.InnerException)
        {
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg:
                return new UniqueViolation(pg.TableName ?? string.Empty, pg.ConstraintName, []);
            case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite:
                // "SQLite Error 19: 'UNIQUE constraint failed: Incidents.MunicipalityId, Incidents.Number'."
                var marker = sqlite.Message.IndexOf("failed: ", StringComparison.Ordinal);
                if (marker < 0)
                {
                    return null;
                }
                var columns = sqlite.Message[(marker + "failed: ".Length)..].TrimEnd('.', '\'').Split(", ")
                    .Select(c => c.Split('.')).Where(p => p.Length == 2).ToList();
                return columns.Count == 0 ? null : new UniqueViolation(columns[0][0], null, columns.Select(c => c[1]).ToList());
            default:
                return null;
        }
    }

    /// <summary>Whether the violation is of <paramref name="index"/> (a unique index of the model).</summary>
    public bool Is(IReadOnlyIndex index)
    {
        var table = index.DeclaringEntityType.GetTableName();
        if (!string.Equals(Table, table, StringComparison.Ordinal))
        {
            return false;
        }
        return Constraint is not null
            ? string.Equals(Constraint, index.GetDatabaseName(), StringComparison.Ordinal)
            : Columns.SequenceEqual(index.Properties.Select(p => p.GetColumnName()), StringComparer.Ordinal);
    }

    /// <summary>Whether the violation is of the primary key of <paramref name="type"/>.</summary>
    public bool IsPrimaryKeyOf(IReadOnlyEntityType type) =>
        string.Equals(Table, type.GetTableName(), StringComparison.Ordinal)
        && (Constraint is not null
            ? string.Equals(Constraint, type.FindPrimaryKey()?.GetName(), StringComparison.Ordinal)
            : Columns.SequenceEqual(type.FindPrimaryKey()?.Properties.Select(p => p.GetColumnName()) ?? [], StringComparer.Ordinal));
}

/// <summary>
/// Waiting before a save is tried again: random, growing with each attempt up to a quarter of a second, so
/// that saves that collided do not collide again in step.
/// </summary>
public static class SaveBackoff
{
    public static TimeSpan Delay(int attempt) =>
        TimeSpan.FromMilliseconds(Random.Shared.Next(1, (int)Math.Min(250, 5 * Math.Pow(2, Math.Min(attempt, 6))) + 1));
}
