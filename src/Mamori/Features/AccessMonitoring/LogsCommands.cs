using System.CommandLine;
using System.Globalization;
using System.Text;
using Mamori.AccessMonitoring;
using Mamori.Cli;
using JapaneseCalendar = Mamori.Core.Japanese.JapaneseCalendar;

namespace Mamori.Features.AccessMonitoring;

/// <summary><c>logs analyze</c> and <c>logs generate</c> (CLI.md): the access-log rule pack on CSV files.</summary>
public static class LogsCommands
{
    public static Command Create()
    {
        var logs = new Command("logs", "アクセスログ監視（ルール R01–R15 による分析、検証用ログの生成）");
        logs.Subcommands.Add(AnalyzeCommand());
        logs.Subcommands.Add(GenerateCommand());
        logs.Subcommands.Add(CompileCommand());
        return logs;
    }

    /// <summary>The national holidays of the years a log can cover (computed, not typed in).</summary>
    private static Command AnalyzeCommand()
    {
        var log = new Option<string[]>("--log") { Description = "アクセスログ（CSV、複数可）", Required = true, AllowMultipleArgumentsPerToken = true };
        var staff = new Option<string>("--staff") { Description = "職員マスタ", Required = true };
        var residents = new Option<string>("--residents") { Description = "住民マスタ", Required = true };
        var cases = new Option<string>("--cases") { Description = "案件（事務の記録）", Required = true };
        var roles = new Option<string>("--roles") { Description = "役割と業務", Required = true };
        var outDir = new Option<string?>("--out") { Description = "アラートの CSV（alerts.csv）を書き出すフォルダー" };
        var mapping = new Option<string?>("--mapping") { Description = "他社の形式を読み替える列の対応づけ（JSON）" };
        var command = new Command("analyze", "ルールパックでアクセスログを分析する（読めない行があれば、その行を示して何も出力しない）") { log, staff, residents, cases, roles, outDir, mapping };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, (_, _) =>
        {
            AnalysisResult result;
            try
            {
                var inputs = new LogInputs(parse.GetValue(log)!, parse.GetValue(staff)!, parse.GetValue(residents)!, parse.GetValue(cases)!, parse.GetValue(roles)!,
                    parse.GetValue(mapping) is { } m ? ColumnMapping.Load(m) : null);
                result = LogAnalyzer.Analyze(inputs, new MonitoringSettings { Holidays = JapaneseCalendar.AllHolidays() });
            }
            catch (LogInputException ex)
            {
                return Task.FromResult(CliResult.Rejected(ex.Message + " 何も出力していません。"));
            }
            if (parse.GetValue(outDir) is { } dir)
            {
                Directory.CreateDirectory(dir);
                var csv = new StringBuilder("rule,user_id,day,resident_id,severity,count\n");
                foreach (var a in result.Alerts)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{a.Rule},{a.UserId},{a.Day:yyyy-MM-dd},{a.ResidentId},{a.Severity},{a.Count}\n");
                }
                File.WriteAllText(Path.Combine(dir, "alerts.csv"), csv.ToString(), new UTF8Encoding(true));
            }
            var byRule = result.Alerts.GroupBy(a => a.Rule).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}件");
            var text = $"{result.Rows:N0} 行を分析し、{result.Alerts.Count} 件のアラート（{string.Join("、", byRule)}）。";
            return Task.FromResult(CliResult.Ok(text, new
            {
                rows = result.Rows,
                alerts = result.Alerts.Select(a => new { rule = a.Rule, userId = a.UserId, day = a.Day, residentId = a.ResidentId, severity = a.Severity }).ToList(),
            }));
        }, ct, migrateFirst: false));
        return command;
    }

    private static Command GenerateCommand()
    {
        var rows = new Option<long>("--rows") { Description = "ログの行数", Required = true };
        var seed = new Option<int>("--seed") { Description = "乱数の種（同じ種なら同じファイル）", Required = true };
        var outDir = new Option<string>("--out") { Description = "書き出すフォルダー", Required = true };
        var clean = new Option<bool>("--clean") { Description = "違反を埋め込まない（背景だけ）" };
        var command = new Command("generate", "検証用の合成アクセスログとマスタを書き出す（各ルールの違反を埋め込む）") { rows, seed, outDir, clean };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, (_, _) =>
        {
            if (parse.GetValue(rows) < 1)
            {
                return Task.FromResult(CliResult.Rejected("--rows には 1 以上を指定してください。"));
            }
            var generated = LogGenerator.Generate(parse.GetValue(rows), parse.GetValue(seed), parse.GetValue(outDir)!, JapaneseCalendar.IsClosed, plant: !parse.GetValue(clean));
            return Task.FromResult(CliResult.Ok($"{generated.Rows:N0} 行のログとマスタを {parse.GetValue(outDir)} に書き出しました（埋め込んだ違反 {generated.Planted.Count} 件）。",
                new { files = generated.Files, rows = generated.Rows, planted = generated.Planted.Count }));
        }, ct, migrateFirst: false));
        return command;
    }

    /// <summary>
    /// <c>logs compile --dialect trino --out DIR</c>: writes the views and every rule as SQL files (the scale-out path: the
    /// same Parquet queried by Trino or Athena), with the default settings written in.
    /// </summary>
    private static Command CompileCommand()
    {
        var dialect = new Option<string>("--dialect") { Description = "trino または duckdb", DefaultValueFactory = _ => "trino" };
        var outDir = new Option<string>("--out") { Description = "SQL を書き出すフォルダー", Required = true };
        var command = new Command("compile", "ルールファイルを Trino（または DuckDB）の SQL に書き出す") { dialect, outDir };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, (_, _) =>
        {
            var target = parse.GetValue(dialect)!.Trim().ToLowerInvariant();
            if (target is not ("trino" or "duckdb"))
            {
                return Task.FromResult(CliResult.Rejected($"--dialect「{target}」は使えません。trino か duckdb を指定してください。"));
            }
            var dir = Directory.CreateDirectory(parse.GetValue(outDir)!).FullName;
            var settings = new MonitoringSettings();
            var files = new List<string>();
            if (target == "trino")
            {
                foreach (var (name, sql) in TrinoSql.Views())
                {
                    files.Add(Write(dir, $"00-view-{name}.sql", sql + ";\n"));
                }
            }
            foreach (var rule in RulePack.Default.Rules)
            {
                var sql = target == "trino" ? TrinoSql.Compile(rule, settings) : RulePack.Compile(rule, settings);
                files.Add(Write(dir, $"{rule.Id}.sql", $"-- {rule.Id} {rule.Name} {rule.Title} ({rule.Severity})\n{sql};\n"));
            }
            return Task.FromResult(CliResult.Ok($"{files.Count} 個の SQL ファイル（{target}）を {dir} に書き出しました。", new { files }));
        }, ct, migrateFirst: false));
        return command;
    }

    private static string Write(string dir, string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
