using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Mamori.Tests.Features.Register;
using Mamori.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Mamori.Tests.Hosting;

/// <summary>
/// The installed app killed (SIGKILL, as a power cut) while a register import and a minutes import are running, then
/// started again: the database passes its integrity check, each import is there whole or not at all, the audit chain
/// verifies, and minutes search finds exactly the turns the database holds (the index is reconciled at start-up).
/// The kill lands at a different moment each round; every round must hold whatever the moment.
/// </summary>
public sealed class FaultTests
{
    private const int RegisterRows = 3000;
    private const int TurnsPerMeeting = 400;
    private const string Marker = "照合確認語";

    [Fact]
    public async Task KilledDuringImports_TheAppRestarts_WithImportsWholeOrAbsent_AVerifiedAuditChain_AndSearchAgreeingWithTheDatabase()
    {
        await using var published = await PublishedApp.PublishAsync();
        await published.StartAsync();
        var session = await AppSession.SetUpAsync(published.Address);
        var database = Path.Combine(published.Folder, "data", "mamori.db");
        var outcomes = new List<string>();

        int[] delays = [150, 700, 2500];
        for (var round = 0; round < delays.Length; round++)
        {
            var filesBefore = await CountAsync(database, "SELECT COUNT(*) FROM PersonalInfoFiles");
            var register = session.PostFileAsync("/register/import", "Upload", $"register-{round}.csv", RegisterCsv(round));
            var minutes = session.PostFormAsync("/council/minutes/import?handler=Import",
                new() { ["Text"] = MinutesText(round), ["FileName"] = $"R6-{round + 1}.txt", ["Council"] = "new" });
            await Task.Delay(delays[round]);
            await published.KillAsync();
            await Task.WhenAll(Swallow(register), Swallow(minutes));

            await published.StartAsync();
            session = await AppSession.SignInAsync(published.Address);

            Assert.Equal("ok", await ScalarAsync(database, "PRAGMA integrity_check"));
            var filesAfter = await CountAsync(database, "SELECT COUNT(*) FROM PersonalInfoFiles");
            Assert.True(filesAfter == filesBefore || filesAfter == filesBefore + RegisterRows,
                $"第{round + 1}回: 個人情報ファイルが {filesBefore} → {filesAfter} 件（一部だけ取り込まれています）");
            var turnCounts = await ListAsync(database, "SELECT COUNT(*) FROM MinutesTurns GROUP BY MeetingId");
            Assert.All(turnCounts, n => Assert.Equal(TurnsPerMeeting + 1, n));
            var inDatabase = await CountAsync(database, $"SELECT COUNT(*) FROM MinutesTurns WHERE Text LIKE '%{Marker}%'");
            Assert.Equal(inDatabase, await session.SearchTotalAsync(Marker));
            var verify = await published.RunCommandAsync("audit", "verify", "--json");
            Assert.True(verify.ExitCode == 0, $"第{round + 1}回: 監査ログの検証に失敗しました\n{verify.Output}");
            // The command read the app's own data (started elsewhere, it finds the folder beside it): the trail is not empty.
            var verified = JsonDocument.Parse(verify.Output[verify.Output.IndexOf('{', StringComparison.Ordinal)..]).RootElement.GetProperty("entries").GetInt32();
            Assert.True(verified > 0, $"第{round + 1}回: 検証した監査ログが {verified} 件です");
            outcomes.Add($"第{round + 1}回（{delays[round]} ms）: 台帳 {(filesAfter > filesBefore ? "全件" : "なし")}、会議録 {turnCounts.Count} 会議");
        }
        // The rounds are reported; which moment each kill landed on is the machine's, the invariants above are not.
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join("\n", outcomes));

        // The index lost outright (its writes never reached the disk): start-up indexes every meeting again from the database.
        var last = await session.PostFormAsync("/council/minutes/import?handler=Import", new() { ["Text"] = MinutesText(delays.Length), ["FileName"] = "R6-9.txt", ["Council"] = "new" });
        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        await published.KillAsync();
        Directory.Delete(Path.Combine(published.Folder, "data", "index", "minutes"), recursive: true);
        await published.StartAsync();
        session = await AppSession.SignInAsync(published.Address);
        var turns = await CountAsync(database, $"SELECT COUNT(*) FROM MinutesTurns WHERE Text LIKE '%{Marker}%'");
        Assert.True(turns >= TurnsPerMeeting, $"会議録が {turns} 件しかありません");
        Assert.Equal(turns, await session.SearchTotalAsync(Marker));
        Assert.Contains("会議録の検索索引を照合しました", published.Output, StringComparison.Ordinal);
    }

    private static async Task Swallow(Task<HttpResponseMessage> request)
    {
        try
        {
            (await request).Dispose();
        }
        catch (HttpRequestException)
        {
            // The connection died with the process.
        }
        catch (TaskCanceledException)
        {
        }
    }

    private static byte[] RegisterCsv(int round) => Encoding.UTF8.GetBytes(RegisterImportTests.Csv(
        Enumerable.Range(round * RegisterRows + 1, RegisterRows).Select(i => RegisterImportTests.Row(i))));

    /// <summary>A meeting of its own each round (another date and number), with many turns carrying the marker.</summary>
    private static string MinutesText(int round)
    {
        var text = new StringBuilder();
        text.AppendLine($"令和６年度第{round + 3}回みはらし市個人情報保護審議会　会議録").AppendLine();
        text.AppendLine($"１　開催日時　令和６年{round + 9}月２０日　午後２時００分～午後３時３０分");
        text.AppendLine("２　開催場所　みはらし市役所　本館４階　第２会議室");
        text.AppendLine("３　出席委員　青木一郎（会長）、石井花子").AppendLine();
        text.AppendLine("○会長　ただいまから審議会を開会します。");
        for (var i = 0; i < TurnsPerMeeting; i++)
        {
            text.AppendLine(i % 2 == 0 ? $"○石井委員　{Marker}について第{i}の質問をします。" : $"○会長　第{i}の点は{Marker}として承知しました。");
        }
        return text.ToString();
    }

    private static async Task<SqliteConnection> OpenAsync(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string?> ScalarAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync())?.ToString();
    }

    private static async Task<int> CountAsync(string database, string sql) => int.Parse(await ScalarAsync(database, sql) ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<List<int>> ListAsync(string database, string sql)
    {
        await using var connection = await OpenAsync(database);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var result = new List<int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            result.Add(reader.GetInt32(0));
        }
        return result;
    }
}
