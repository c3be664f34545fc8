using System.CommandLine;
using System.Globalization;
using Mamori.Features.AccessMonitoring;
using Mamori.Features.Accounts;
using Mamori.Features.Assessments;
using Mamori.Features.Audit;
using Mamori.Features.Findings;
using Mamori.Features.Minutes;
using Mamori.Features.Organization;
using Mamori.Features.Security;
using Mamori.Features.Statistics;

namespace Mamori.Cli;

/// <summary>
/// The <c>mamori</c> command line of CLI.md. Exit codes: 0 success, 1 input rejected, 2 usage error,
/// 3 other failure. With no command (or <c>serve</c>) the web application runs.
/// </summary>
public static class CommandLine
{
    public static readonly Option<string?> Data = new("--data") { Description = "データフォルダ（SQLite・検索索引・ログ）。既定は ./data", Recursive = true };
    public static readonly Option<string?> Provider = new("--db-provider") { Description = "sqlite（既定）または postgres", Recursive = true };
    public static readonly Option<string?> Connection = new("--connection") { Description = "データベースの接続文字列", Recursive = true };
    public static readonly Option<bool> Json = new("--json") { Description = "結果を JSON で標準出力に出す", Recursive = true };

    /// <summary>The command names (from the commands themselves, so a new one cannot be forgotten) and help/version.</summary>
    private static readonly Lazy<HashSet<string>> Commands = new(() =>
        [.. Build().Subcommands.Select(c => c.Name), "--help", "-h", "-?", "--version"]);

    /// <summary>Whether the arguments name a command (otherwise they are web-host arguments).</summary>
    public static bool IsCommand(string[] args)
    {
        // Global options may come first: mamori --data ./other minutes search …
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--data" or "--db-provider" or "--connection")
            {
                i++;
            }
            else if (args[i] != "--json" && !(args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains('=', StringComparison.Ordinal)))
            {
                return Commands.Value.Contains(args[i]);
            }
        }
        return false;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja-JP");
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }
            await Console.Error.WriteLineAsync("使い方は --help で表示できます。");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    internal static RootCommand Build()
    {
        var root = new RootCommand("Mamori — 個人情報保護事務の管理システム");
        root.Options.Add(Data);
        root.Options.Add(Provider);
        root.Options.Add(Connection);
        root.Options.Add(Json);

        var urls = new Option<string?>("--urls") { Description = "待ち受ける URL（既定 http://localhost:5080）" };
        var serve = new Command("serve", "Web アプリケーションを起動する") { urls };
        serve.TreatUnmatchedTokensAsErrors = false;
        serve.SetAction((parse, _) =>
        {
            var webArgs = CliSession.ConfigurationArguments(parse).ToList();
            if (parse.GetValue(urls) is { } u)
            {
                webArgs.Add($"--urls={u}");
            }
            webArgs.AddRange(parse.UnmatchedTokens);
            return Program.ServeAsync([.. webArgs]);
        });
        root.Subcommands.Add(serve);

        root.Subcommands.Add(DatabaseCommands.Create());
        root.Subcommands.Add(OrganizationCommands.Create());
        root.Subcommands.Add(AccountCommands.Create());
        root.Subcommands.Add(AuditCommands.Create());
        root.Subcommands.Add(MinutesCommands.Create());
        root.Subcommands.Add(AssessmentCommands.Create());
        root.Subcommands.Add(SecurityCommands.Create());
        root.Subcommands.Add(FindingsCommands.Create());
        root.Subcommands.Add(StatisticsCommands.Create());
        root.Subcommands.Add(LogsCommands.Create());
        return root;
    }
}

/// <summary>Process exit codes of CLI.md.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InputRejected = 1;
    public const int Usage = 2;
    public const int Failure = 3;
}
