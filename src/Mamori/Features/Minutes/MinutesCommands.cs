using System.CommandLine;
using System.Globalization;
using Mamori.Cli;
using Mamori.Core.Csv;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Japanese;

namespace Mamori.Features.Minutes;

/// <summary><c>minutes parse</c>, <c>minutes import</c>, <c>minutes search</c> and <c>minutes reindex</c>.</summary>
public static class MinutesCommands
{
    public static Command Create()
    {
        var minutes = new Command("minutes", "会議録の取込みと検索");
        minutes.Subcommands.Add(ParseCommand());
        return minutes;
    }

    /// <summary>The JSON of CLI.md for parsed minutes.</summary>
    public static object ToJson(ParsedMinutes m) => new
    {
        title = m.Title,
        heldOn = m.HeldOn,
        startTime = m.StartTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        endTime = m.EndTime?.ToString("HH:mm", CultureInfo.InvariantCulture),
        place = m.Place,
        attendees = m.Attendees,
        absentees = m.Absentees,
        agenda = m.Agenda.Select(a => new { kind = a.Kind, number = a.Number, title = a.Title }),
        utterances = m.Utterances.Select(u => new { speaker = u.Speaker, role = u.Role, text = u.Text }),
    };

    internal static async Task<(ParsedMinutes? Minutes, string? Error)> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return (null, $"ファイル {path} がありません。");
        }
        var (text, _) = TextFiles.Decode(await File.ReadAllBytesAsync(path, ct));
        var outcome = MinutesParser.Parse(text, Path.GetFileName(path));
        return outcome.Ok ? (outcome.Value, null) : (null, outcome.Describe());
    }

    private static Command ParseCommand()
    {
        var file = new Argument<string>("FILE") { Description = "会議録のテキスト（PDF から取り出したもの。UTF-8 または Shift_JIS）" };
        var command = new Command("parse", "会議録を読み取って構造を表示する（保存しない）") { file };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (_, token) =>
        {
            var (minutes, error) = await ReadAsync(parse.GetValue(file)!, token);
            if (minutes is null)
            {
                return CliResult.Rejected(error!);
            }
            var text = $"{minutes.Title}\n{WarekiDate.FormatWithWeekday(minutes.HeldOn)} {minutes.StartTime:HH\\:mm}～{minutes.EndTime:HH\\:mm} {minutes.Place}\n"
                + $"出席 {minutes.Attendees.Count}名、欠席 {minutes.Absentees.Count}名、議題 {minutes.Agenda.Count}件、発言 {minutes.Utterances.Count()}件";
            return CliResult.Ok(text, ToJson(minutes));
        }, ct));
        return command;
    }
}
