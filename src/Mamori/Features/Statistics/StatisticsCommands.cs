using System.CommandLine;
using System.Globalization;
using Mamori.Cli;
using Mamori.Core.Csv;
using Mamori.Core.Features.Statistics;
using Mamori.Core.Japanese;

namespace Mamori.Features.Statistics;

/// <summary><c>stats import</c> and <c>stats report</c> (CLI.md).</summary>
public static class StatisticsCommands
{
    private static string DatasetList => string.Join(", ", Datasets.All.Select(d => $"{d.Key}（{d.Name}）"));

    public static Command Create()
    {
        var stats = new Command("stats", "統計（マイナンバーカード交付状況、コンビニ交付、住基ネット実績）の取込みと集計");
        stats.Subcommands.Add(ImportCommand());
        stats.Subcommands.Add(ReportCommand());
        stats.Subcommands.Add(PublishCommand());
        return stats;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("FILE") { Description = "統計の表（CSV：UTF-8 または Shift_JIS、または .xlsx）" };
        var dataset = new Option<string>("--dataset") { Description = DatasetList, Required = true };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "基準日（マイナンバーカード交付状況。省略するとファイル名の日付 2023-10-31 を使う）" };
        var supplied = new Option<SuppliedChoice>("--supplied")
        {
            Description = "ファイルの合計・率が計算と異なるとき: Check（取り込まずに示す。既定）、Correct（計算した値にする）、Accept（ファイルの値を残す）",
            DefaultValueFactory = _ => SuppliedChoice.Check,
        };
        var command = new Command("import", "統計の表を取り込む（1行でも問題があれば何も取り込まない）") { file, dataset, municipality, asOf, supplied };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var (municipalityFound, definitionFound, rejected) = await EnterAsync(s, parse.GetValue(municipality)!, parse.GetValue(dataset)!, token);
            if (rejected is not null)
            {
                return rejected;
            }
            var (m, definition) = (municipalityFound!, definitionFound!);
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return CliResult.Rejected($"ファイル {path} がありません。");
            }
            var name = Path.GetFileName(path);
            var day = StatisticsTables.DateInFileName(name);
            if (parse.GetValue(asOf) is { } asOfText)
            {
                if (!WarekiDate.TryParse(asOfText, out var parsed, out var error))
                {
                    return CliResult.Rejected($"--as-of: {error}");
                }
                day = parsed;
            }
            StatImportResult result;
            try
            {
                await using var stream = File.OpenRead(path);
                result = await StatisticsTables.ImportAsync(s.Db, m.Id, definition, TableFile.Read(stream, name), day, parse.GetValue(supplied), token);
            }
            catch (CsvFormatException ex)
            {
                return CliResult.Rejected(ex.Message);
            }
            if (result.NeedsChoice)
            {
                return CliResult.Rejected($"{name} の合計・率が計算した値と {result.Mismatches.Count} か所で異なります。何も取り込んでいません。\n"
                    + string.Join('\n', result.Mismatches.Select(x => $"{x.RowNumber}行目 {x.Label} 列「{x.Column}」: ファイル {x.Supplied.ToString(CultureInfo.InvariantCulture)}、計算 {x.Computed?.ToString(CultureInfo.InvariantCulture) ?? "（計算できません）"}"))
                    + "\n--supplied Correct（計算した値にする）か --supplied Accept（ファイルの値を残す）を付けて取り込んでください。");
            }
            if (!result.Ok)
            {
                return CliResult.ImportRejected(name, result.Problems);
            }
            var periods = string.Join("、", result.Periods.Select(p => StatisticsTables.FormatPeriod(definition, p)));
            return CliResult.Ok($"{name} から{definition.Name}（{periods}）の {result.Imported} 行を取り込みました。", new { rows = result.Imported, periods = result.Periods });
        }, ct));
        return command;
    }

    private static Command ReportCommand()
    {
        var dataset = new Option<string>("--dataset") { Description = DatasetList, Required = true };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "基準日（省略すると最新）" };
        var command = new Command("report", "計算した率・合計つきの表") { dataset, municipality, asOf };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var (municipalityFound, definitionFound, rejected) = await EnterAsync(s, parse.GetValue(municipality)!, parse.GetValue(dataset)!, token);
            if (rejected is not null)
            {
                return rejected;
            }
            var (m, definition) = (municipalityFound!, definitionFound!);
            string? period = null;
            if (parse.GetValue(asOf) is { } text)
            {
                if (!WarekiDate.TryParse(text, out var day, out var error))
                {
                    return CliResult.Rejected($"--as-of: {error}");
                }
                period = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            var report = await StatisticsTables.ReportAsync(s.Db, m.Id, definition, period, token);
            var (headers, cells) = report.ToCells();
            var lines = new List<string> { $"{definition.Name} {report.PeriodLabel}", string.Join('\t', headers) };
            lines.AddRange(cells.Select(c => string.Join('\t', c)));
            return CliResult.Ok(string.Join('\n', lines), StatisticsEndpoints.ToResponse(report));
        }, ct));
        return command;
    }

    private static Command PublishCommand()
    {
        var dataset = new Option<string>("--dataset") { Description = "配る統計のキー", Required = true };
        var from = new Option<string>("--from") { Description = "配る元の団体コード（表を取り込んだ団体）", Required = true };
        var to = new Option<string[]>("--to") { Description = "配る先の団体コード（省略するとほかのすべての団体）", AllowMultipleArgumentsPerToken = true };
        var command = new Command("publish", "共同利用: ある団体の統計（定義と表）をほかの団体に配る。配る先の同じ基準日・年度の行は置き換える") { dataset, from, to };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var source = await s.FindMunicipalityAsync(parse.GetValue(from)!, token);
            if (source is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(from)} の団体はありません。");
            }
            var targets = new List<Guid>();
            if (parse.GetValue(to) is { Length: > 0 } codes)
            {
                foreach (var code in codes)
                {
                    var m = await s.FindMunicipalityAsync(code, token);
                    if (m is null)
                    {
                        return CliResult.Rejected($"団体コード {code} の団体はありません。");
                    }
                    targets.Add(m.Id);
                }
            }
            else
            {
                targets = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(s.Db.Municipalities.Where(m => m.Id != source.Id).Select(m => m.Id), token);
            }
            var outcome = await StatDatasets.PublishAsync(s.Db, source.Id, parse.GetValue(dataset)!, targets, TimeProvider.System, token);
            if (!outcome.Ok)
            {
                return CliResult.Rejected($"{source.Name}にデータセット {parse.GetValue(dataset)} はありません。");
            }
            var (municipalities, rows) = outcome.Value;
            return CliResult.Ok($"{source.Name}の統計を {municipalities} 団体に配りました（{rows} 行）。", new { municipalities, rows });
        }, ct));
        return command;
    }

    /// <summary>The municipality and dataset a command names, or the refusal saying which one does not exist.</summary>
    private static async Task<(Core.Features.Organization.Municipality? Municipality, DatasetDefinition? Definition, CliResult? Rejected)> EnterAsync(
        CliSession s, string code, string dataset, CancellationToken ct)
    {
        var m = await s.FindMunicipalityAsync(code, ct);
        if (m is null)
        {
            return (null, null, CliResult.Rejected($"団体コード {code} の団体はありません。"));
        }
        return await StatDatasets.FindAsync(s.Db, m.Id, dataset, ct) is { } definition
            ? (m, definition, null)
            : (m, null, CliResult.Rejected($"データセット {dataset} はありません。{DatasetList} のどれかを指定してください。"));
    }
}
