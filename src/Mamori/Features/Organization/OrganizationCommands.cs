using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Features.Organization;

namespace Mamori.Features.Organization;

/// <summary><c>municipality create --code CODE --name NAME</c>.</summary>
public static class OrganizationCommands
{
    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "全国地方公共団体コード（6桁）", Required = true };
        var name = new Option<string>("--name") { Description = "団体名", Required = true };
        var create = new Command("create", "団体を登録する") { code, name };
        create.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var outcome = await CreateMunicipality.RunAsync(s.Db, parse.GetValue(code), parse.GetValue(name), token);
            if (!outcome.Ok)
            {
                return CliResult.Rejected(outcome.Describe());
            }
            var m = outcome.Value!;
            return CliResult.Ok($"団体「{m.Name}」（{m.Code}）を登録しました。", new { code = m.Code, name = m.Name });
        }, ct));
        return new Command("municipality", "団体の管理") { create };
    }
}
