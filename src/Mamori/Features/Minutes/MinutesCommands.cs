using System.CommandLine;
using System.Globalization;
using Mamori.Cli;
using Mamori.Core.Csv;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Core.Japanese;

namespace Mamori.Features.Minutes;

/// <summary><c>minutes parse</c>, <c>minutes import</c>, <c>minutes search</c> and <c>minutes reindex</c>.</summary>
public static class MinutesCommands
{
    public static Command Create()
    {
        var minutes = new Command("minutes", "会議録の取込みと検索");
        minutes.Subcommands.Add(ParseCommand());
        minutes.Subcommands.Add(ImportCommand());
        minutes.Subcommands.Add(SearchCommand());
        minutes.Subcommands.Add(ReindexCommand());
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
        var (file, error) = await ReadFileAsync(path, ct);
        return (file?.Minutes, error);
    }

    /// <summary>The minutes of a file, with the file's hash and kind for the import record.</summary>
    private static async Task<(MinutesFile? File, string? Error)> ReadFileAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            return (null, $"ファイル {path} がありません。");
        }
        var outcome = MinutesDocument.Parse(await File.ReadAllBytesAsync(path, ct), Path.GetFileName(path));
        return outcome.Ok ? (outcome.Value, null) : (null, outcome.Describe());
    }

    private static Command ParseCommand()
    {
        var file = new Argument<string>("FILE") { Description = "会議録のファイル（PDF、Word（.docx）、HTML、テキスト（UTF-8 または Shift_JIS））" };
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
        }, ct, migrateFirst: false));
        return command;
    }

    private static Command ImportCommand()
    {
        var file = new Argument<string>("FILE") { Description = "会議録のファイル（PDF、Word（.docx）、HTML、テキスト）" };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var command = new Command("import", "会議録を読み取って審議会の会議に保存し、検索できるようにする") { file, municipality };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            if (m is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} の団体はありません。");
            }
            var path = parse.GetValue(file)!;
            var (read, error) = await ReadFileAsync(path, token);
            if (read is null)
            {
                return CliResult.Rejected(error!);
            }
            var minutes = read.Minutes;
            // No one to ask on the command line: an item of the same number that may be another item is left
            // out (never linked on the number alone), and said so; the page lets a person choose.
            var plan = await MinutesLinking.PlanAsync(s.Db, m.Id, minutes, null, read.Sha256, token);
            var choices = plan.Agenda.Where(a => a.Conflict).ToDictionary(a => a.Index, _ => AgendaChoice.Skip);
            var request = new MinutesImportRequest(Path.GetFileName(path), read.Sha256, read.Format, null, NewCouncil: true, choices,
                s.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var outcome = await MinutesImport.RunAsync(s.Db, m.Id, minutes, request, token);
            if (!outcome.Ok)
            {
                return CliResult.Rejected(outcome.Describe());
            }
            var imported = outcome.Value!;
            return CliResult.Ok(
                $"{minutes.Title}（{WarekiDate.Format(minutes.HeldOn)}）の会議録を取り込みました。発言 {imported.Utterances} 件、注記 {imported.Notes} 件。\n"
                + string.Join('\n', imported.Decisions)
                + (choices.Count > 0 ? "\n登録済みの議題と同じか確かめられない議題は結び付けていません。画面の「会議録の取込み」で選んで取り込めます。" : string.Empty),
                new { meetingId = imported.MeetingId, utterances = imported.Utterances });
        }, ct));
        return command;
    }

    private static Command SearchCommand()
    {
        var query = new Argument<string>("QUERY") { Description = "検索語（空白で区切ると AND、OR でどちらか、( ) でまとめる、\"…\" で語句、-語 で除外）" };
        var municipality = new Option<string>("--municipality") { Description = "団体コード", Required = true };
        var speaker = new Option<string?>("--speaker") { Description = "発言者（一部でよい。例：会長、伊藤）" };
        var role = new Option<string?>("--role") { Description = "発言者の区分：会長・委員・事務局・所管課" };
        var from = new Option<string?>("--from") { Description = "開催日の始め（和暦または西暦）" };
        var to = new Option<string?>("--to") { Description = "開催日の終わり（和暦または西暦）" };
        var agenda = new Option<string?>("--agenda") { Description = "議題の番号（例：諮問第76号、報告第361号）" };
        var sort = new Option<string?>("--sort") { Description = "relevance（既定）または date（新しい順）" };
        var limit = new Option<int>("--limit") { Description = "表示する件数（既定 20）", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "会議録を全文検索する") { query, municipality, speaker, role, from, to, agenda, sort, limit };
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var m = await s.FindMunicipalityAsync(parse.GetValue(municipality)!, token);
            if (m is null)
            {
                return CliResult.Rejected($"団体コード {parse.GetValue(municipality)} の団体はありません。");
            }
            var filters = MinutesFilters.Read(parse.GetValue(speaker), parse.GetValue(role), parse.GetValue(from), parse.GetValue(to), parse.GetValue(agenda));
            if (filters.Error is not null)
            {
                return CliResult.Rejected(filters.Error);
            }
            var result = s.Services.GetRequiredService<MinutesIndex>().Search(filters.ToQuery(m.Id, parse.GetValue(query), null,
                string.Equals(parse.GetValue(sort), "date", StringComparison.OrdinalIgnoreCase), 0, parse.GetValue(limit))
                with
            { Synonyms = await MinutesSynonyms.ListAsync(s.Db, m.Id, token) });
            var lines = result.Hits.Select(h => $"{WarekiDate.Format(h.HeldOn)} {h.Speaker}：{h.SnippetText}");
            return CliResult.Ok($"{result.Total} 件\n" + string.Join('\n', lines), new
            {
                total = result.Total,
                hits = result.Hits.Select(h => new { meetingId = h.MeetingId, heldOn = h.HeldOn, speaker = h.Speaker, snippet = h.SnippetText, seq = h.Seq }),
            });
        }, ct));
        return command;
    }

    private static Command ReindexCommand()
    {
        var command = new Command("reindex", "会議録の検索索引をデータベースから作り直す");
        command.SetAction((parse, ct) => CliSession.RunAsync(parse, async (s, token) =>
        {
            var turns = new List<IndexedTurn>();
            await foreach (var t in MinutesIndexing.AllAsync(s.Db, token))
            {
                turns.Add(t);
            }
            var count = await s.Services.GetRequiredService<MinutesIndex>().RebuildAsync(turns, token);
            return CliResult.Ok($"会議録の検索索引を作り直しました（{count} 件）。", new { turns = count });
        }, ct));
        return command;
    }
}
