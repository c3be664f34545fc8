using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The test applications' database refuses any command that carries a text containing <see cref="Marker"/>,
/// as a full disk or a broken constraint would halfway through an import: an import that commits row by row
/// leaves the rows before it stored; one that commits once leaves nothing.
/// </summary>
public sealed class FailingCommands : DbCommandInterceptor
{
    public const string Marker = "保存失敗";

    private static void Check(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string text && text.Contains(Marker, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("試験用のデータベースが保存を拒否しました（" + Marker + "）。");
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}
