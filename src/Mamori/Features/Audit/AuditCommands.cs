using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Features.Audit;

/// <summary>
/// <c>audit verify</c> checks the chain against its keys and the latest anchor (exits 3 when it is broken);
/// <c>audit anchor</c> writes an anchor now; <c>audit rotate-key</c> starts signing with a new key.
/// </summary>
public static class AuditCommands
{
    public static Command Create()
    {
        var verify = new Command("verify", "監査ログのハッシュチェーンを、鍵と保管したアンカーで検証する");
        verify.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var result = await AuditChain.VerifyAsync(s.Db, s.Services.GetRequiredService<AuditKeys>(), s.Services.GetRequiredService<AuditAnchors>(), token);
            var anchor = result.Anchor is { } a ? new { sequence = a.Sequence, at = a.At } : null;
            var json = new { ok = result.Ok, entries = result.Entries, firstBad = result.FirstBad, problem = result.Problem, anchor };
            var anchored = result.Anchor is { } last ? $"（アンカー：連番 {last.Sequence}、{Core.Japanese.WarekiDate.FormatDateTime(last.At)}）" : "（アンカーはまだありません）";
            return result.Ok
                ? CliResult.Ok($"監査ログ {result.Entries} 件を検証しました。改ざんは見つかりませんでした。{anchored}", json)
                : new CliResult(ExitCodes.Failure, $"監査ログの検証に失敗しました。{result.Problem}{anchored}", json);
        }, ct));

        var anchorCommand = new Command("anchor", "監査ログの先頭（連番とハッシュ）をアンカーとして保管する");
        anchorCommand.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var written = await s.Services.GetRequiredService<AuditAnchors>().WriteAsync(s.Db, token);
            return written is null
                ? CliResult.Ok("監査ログがまだないため、アンカーは保管しませんでした。", new { sequence = (long?)null })
                : CliResult.Ok($"連番 {written.Sequence} までをアンカーとして保管しました。", new { sequence = written.Sequence, hash = written.Hash, at = written.At });
        }, ct));

        var rotate = new Command("rotate-key", "監査ログの署名に新しい鍵を使い始める（古い鍵は検証のために残す）");
        rotate.SetAction((parse, ct) => CliSession.RunAsync(parse, (s, _) =>
        {
            var id = s.Services.GetRequiredService<AuditKeys>().Rotate();
            return Task.FromResult(CliResult.Ok($"新しい鍵「{id}」で署名します。古い鍵は消さないでください（過去の記録の検証に使います）。", new { keyId = id }));
        }, ct));
        return new Command("audit", "監査ログ") { verify, anchorCommand, rotate };
    }
}
