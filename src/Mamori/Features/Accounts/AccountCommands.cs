using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Accounts;

/// <summary><c>admin create</c> and <c>admin token</c>.</summary>
public static class AccountCommands
{
    public static Command Create()
    {
        var admin = new Command("admin", "アカウントの管理");
        admin.Subcommands.Add(CreateAccountCommand());
        admin.Subcommands.Add(TokenCommand());
        return admin;
    }

    private static Command CreateAccountCommand()
    {
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var user = new Option<string>("--user") { Description = "ユーザー名（半角英数字）", Required = true };
        var role = new Option<string>("--role") { Description = "役割：管理者/事務局/所管課/委員/セキュリティ担当/監査（Admin/Office/Department/Member/Security/Auditor）", Required = true };
        var displayName = new Option<string?>("--display-name") { Description = "表示名（省略時はユーザー名）" };
        var department = new Option<string?>("--department") { Description = "所属部署の名称（所管課は必須）" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "パスワードを標準入力の1行目から読む", Required = true };
        var command = new Command("create", "アカウントを作成する") { municipality, user, role, displayName, department, passwordStdin };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            if (!UserRoles.TryParse(parse.GetValue(role), out var parsedRole))
            {
                return CliResult.Rejected($"--role の値「{parse.GetValue(role)}」は使えません。管理者・事務局・所管課・委員・セキュリティ担当・監査のいずれかを指定してください。");
            }
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            if (m is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} の団体はありません。先に municipality create で登録してください。");
            }
            Guid? departmentId = null;
            if (parse.GetValue(department) is { Length: > 0 } departmentName)
            {
                departmentId = await s.Db.Departments.Where(d => d.MunicipalityId == m.Id && d.Name == departmentName)
                    .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(token);
                if (departmentId is null)
                {
                    return CliResult.Rejected($"部署「{departmentName}」は {m.Name} にありません。");
                }
            }
            var password = (await Console.In.ReadLineAsync(token))?.TrimEnd('\r', '\n');
            var outcome = await CreateAccount.RunAsync(s.Db, s.Services.GetRequiredService<UserManager<AppUser>>(),
                new NewAccount(m.Id, parse.GetValue(user), parse.GetValue(displayName) ?? parse.GetValue(user), parsedRole, departmentId, null, password), token);
            if (!outcome.Ok)
            {
                return CliResult.Rejected(outcome.Describe());
            }
            var created = outcome.Value!;
            return CliResult.Ok($"{m.Name} に{created.Role.JapaneseName()}アカウント「{created.UserName}」を作成しました。",
                new { user = created.UserName, role = created.Role.ToString(), roleName = created.Role.JapaneseName(), municipality = m.Code });
        }, ct));
        return command;
    }

    private static Command TokenCommand()
    {
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var user = new Option<string>("--user") { Description = "ユーザー名", Required = true };
        var days = new Option<int>("--days") { Description = "有効日数（既定 90）", DefaultValueFactory = _ => 90 };
        var name = new Option<string?>("--name") { Description = "トークンの用途" };
        var scope = new Option<TokenScope>("--scope") { Description = "権限：read（読み取りのみ）か write（読み書き、既定）", DefaultValueFactory = _ => TokenScope.Write };
        var modules = new Option<string?>("--modules")
        {
            Description = "対象の機能（カンマ区切り。省略するとすべて）：" + string.Join(",", ApiModules.All.Select(m => m.Key)),
        };
        var command = new Command("token", "API 用の個人アクセストークンを発行する") { municipality, user, days, name, scope, modules };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            var userName = parse.GetValue(user)!;
            var account = m is null ? null : await s.Db.Users.FirstOrDefaultAsync(u => u.MunicipalityId == m.Id && u.UserName == userName, token);
            if (account is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} にユーザー「{userName}」はいません。");
            }
            var clock = s.Services.GetRequiredService<TimeProvider>();
            var outcome = await IssueToken.RunAsync(s.Db, account, parse.GetValue(name) ?? "コマンドラインで発行", parse.GetValue(days), parse.GetValue(scope), clock, token,
                parse.GetValue(modules)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            if (!outcome.Ok)
            {
                return CliResult.Rejected(outcome.Describe());
            }
            var issued = outcome.Value!;
            var expires = DateOnly.FromDateTime(Core.Japanese.JapanTime.FromUtc(issued.ExpiresAt));
            return CliResult.Ok($"{issued.Token}\n（有効期限 {Core.Japanese.WarekiDate.Format(expires)}。このトークンは二度と表示されません。）",
                new { token = issued.Token, expires });
        }, ct));
        return command;
    }

}
