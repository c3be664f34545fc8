using System.CommandLine;
using Mamori.Cli;
using Mamori.Core.Csv;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;

namespace Mamori.Features.Security;

/// <summary><c>room-access import</c> and <c>room-access report</c> (CLI.md).</summary>
public static class SecurityCommands
{
    public static Command Create()
    {
        var room = new Command("room-access", "CSルーム入退室の記録の取込みと集計");
        room.Subcommands.Add(ImportCommand());
        room.Subcommands.Add(ReportCommand());
        return room;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("FILE") { Description = "入退室記録（CSV：UTF-8 または Shift_JIS、または .xlsx）" };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var command = new Command("import", "入退室記録を取り込む（1行でも問題があれば何も取り込まない）") { file, municipality };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            if (m is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} の団体はありません。");
            }
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                return CliResult.Rejected($"ファイル {path} がありません。");
            }
            var name = Path.GetFileName(path);
            RoomImportResult result;
            try
            {
                await using var stream = File.OpenRead(path);
                result = await RoomAccess.ImportAsync(s.Db, m.Id, TableFile.Read(stream, name), s.Services.GetRequiredService<TimeProvider>(), token);
            }
            catch (CsvFormatException ex)
            {
                return CliResult.Rejected(ex.Message);
            }
            if (!result.Ok)
            {
                return CliResult.ImportRejected(name, result.Problems);
            }
            return CliResult.Ok($"{name} から {result.Imported} 件を取り込みました" + (result.AlreadyRegistered > 0 ? $"（登録済みの {result.AlreadyRegistered} 件は除きました）。" : "。"),
                new { rows = result.Imported, alreadyRegistered = result.AlreadyRegistered });
        }, ct));
        return command;
    }

    private static Command ReportCommand()
    {
        var year = new Option<int>("--fiscal-year") { Description = "年度（始まる年の西暦。例：2022 は令和4年度）", Required = true };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var command = new Command("report", "年度の月別入室件数（職員・ベンダー等・月計）") { year, municipality };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            if (m is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} の団体はありません。");
            }
            if (parse.GetValue(year) is not (>= 1989 and <= 2200))
            {
                return CliResult.Rejected("--fiscal-year には年度の始まる西暦年（例：2022）を指定してください。");
            }
            var table = await RoomAccess.FiscalYearAsync(s.Db, m.Id, new FiscalYear(parse.GetValue(year)), token);
            var lines = new List<string> { $"{table.Year.ToWareki()} CSルーム入室件数（{m.Name}）", "月\t職員\tベンダー等\t月計" };
            lines.AddRange(table.Months.Select(x => $"{x.Month.Month}月\t{x.Staff}\t{x.Vendor}\t{x.Total}"));
            lines.Add($"合計\t{table.Staff}\t{table.Vendor}\t{table.Total}");
            return CliResult.Ok(string.Join('\n', lines), new
            {
                months = table.Months.Select(x => new { month = x.Key, staff = x.Staff, vendor = x.Vendor, total = x.Total }),
                staff = table.Staff,
                vendor = table.Vendor,
                total = table.Total,
            });
        }, ct));
        return command;
    }
}
