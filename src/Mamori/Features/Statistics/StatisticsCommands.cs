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
        return stats;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("FILE") { Description = "統計の表（CSV：UTF-8 または Shift_JIS、または .xlsx）" };
        var dataset = new Option<string>("--dataset") { Description = DatasetList, Required = true };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "基準日（マイナンバーカード交付状況。省略するとファイル名の日付 2023-10-31 を使う）" };
        var command = new Command("import", "統計の表を取り込む（1行でも問題があれば何も取り込まない）") { file, dataset, municipality, asOf };
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
                result = await StatisticsTables.ImportAsync(s.Db, m.Id, definition, TableFile.Read(stream, name), day, token);
            }
            catch (CsvFormatException ex)
            {
                return CliResult.Rejected(ex.Message);
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

    /// <summary>The municipality and dataset a command names, or the refusal saying which one does not exist.</summary>
    private static async Task<(Core.Features.Organization.Municipality? Municipality, DatasetDefinition? Definition, CliResult? Rejected)> EnterAsync(
        CliSession s, string code, string dataset, CancellationToken ct)
    {
        var m = await s.FindMunicipalityAsync(code, ct);
        if (m is null)
        {
            return (null, null, CliResult.Rejected($"団体コード {code} の団体はありません。"));
        }
        return Datasets.Find(dataset) is { } definition
            ? (m, definition, null)
            : (m, null, CliResult.Rejected($"データセット {dataset} はありません。{DatasetList} のどれかを指定してください。"));
    }
}
