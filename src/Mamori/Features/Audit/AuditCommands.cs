using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Features.Audit;

namespace Mamori.Features.Audit;

/// <summary><c>audit verify</c>: checks the hash chain; exits 3 when it is broken.</summary>
public static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "監査ログのハッシュチェーンを検証する");
        verify.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var result = await AuditChain.VerifyAsync(s.Db, token);
            var json = new { ok = result.Ok, entries = result.Entries, firstBad = result.FirstBad };
            return result.Ok
                ? CliResult.Ok($"監査ログ {result.Entries} 件を検証しました。改ざんは見つかりませんでした。", json)
                : new CliResult(ExitCodes.Failure,
                    $"監査ログの検証に失敗しました。連番 {result.FirstBad} の記録が改ざん・削除されているか、前の記録とつながっていません。",
                    json);
        }, ct));
        return new Command("audit", "監査ログ") { verify };
    }
}
