using System.CommandLine;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Cli;

/// <summary><c>db migrate</c>: applies pending migrations.</summary>
public static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate", "未適用のマイグレーションを適用する");
        migrate.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var pending = await s.Db.Database.ApplyPendingAsync(token);
            var text = pending.Count == 0 ? "適用するマイグレーションはありません。" : $"{pending.Count} 件のマイグレーションを適用しました：\n" + string.Join('\n', pending);
            return CliResult.Ok(text, new { applied = pending });
        }, ct, migrateFirst: false));
        return new Command("db", "データベースの管理") { migrate };
    }
}
