using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Mamori.AccessMonitoring;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Tests.Infrastructure;
using Npgsql;

namespace Mamori.Tests.Hosting;

/// <summary>
/// 共同利用: two instances of the installed app on one PostgreSQL database and one data folder, behind the nginx that
/// scripts/test.sh starts from docs/deploy/nginx.conf. A user signed in through the proxy is served by both without
/// signing in again; minutes imported on one are found through the other; an instance killed during an access-log job
/// leaves the job to the other, which fails it once (never runs it twice) and goes on with the queue; and the instances
/// restart one at a time under a request loop with no failed request.
/// </summary>
public sealed class ClusterTests
{
    private const string Marker = "共同利用確認語";
    private const int Turns = 60;
    private const int LogRows = 1_500_000;

    [Fact]
    public async Task TwoInstancesBehindTheProxy_ShareSignIns_SearchAndJobs_AndRestartOneAtATime_WithoutAFailedRequest()
    {
        var cluster = Cluster.FromEnvironment();
        await using var a = await PublishedApp.PublishAsync();
        await using var b = a.Beside();
        var database = "mamori_cluster_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer!) { Database = database }.ConnectionString;
        string[] Settings(string name) =>
            ["--Database:Provider", "Postgres", "--ConnectionStrings:Mamori", connection, "--Mamori:IndexDirectory", Path.Combine(a.Folder, "index-" + name)];
        var report = new StringBuilder();
        try
        {
            // The first instance creates and migrates the database; the second finds it current.
            await a.StartAsync(cluster.PortA, Settings("a"));
            await b.StartAsync(cluster.PortB, Settings("b"));

            // Signed in once through the proxy, served by both instances (the keys that protect the cookie are shared).
            var proxy = await AppSession.SetUpAsync(cluster.Proxy);
            var served = new HashSet<string>();
            for (var i = 0; i < 10; i++)
            {
                using var home = await proxy.Client.GetAsync("/");
                Assert.True(home.StatusCode == HttpStatusCode.OK, $"{i + 1} 回目のホーム画面が {(int)home.StatusCode} {home.Headers.Location} でした（サインインが引き継がれていません）");
                served.Add(home.Headers.GetValues("X-Mamori-Upstream").Single());
            }
            Assert.Equal([$"127.0.0.1:{cluster.PortA}", $"127.0.0.1:{cluster.PortB}"], served.Order(StringComparer.Ordinal));
            // A form made by one instance is accepted by the other (the antiforgery token too): two imports, one on each.
            for (var i = 0; i < 2; i++)
            {
                using var imported = await proxy.PostFormAsync("/council/minutes/import?handler=Import",
                    new() { ["Text"] = MinutesText(i), ["FileName"] = $"proxy-{i}.txt", ["Council"] = "new" });
                Assert.True(imported.StatusCode == HttpStatusCode.Redirect, $"プロキシ経由の会議録の取込み {i + 1} 回目が {(int)imported.StatusCode} でした");
            }

            // Minutes imported on A are found through B, which learns of them from the database's change feed.
            var onA = await AppSession.SignInAsync(a.Address);
            var onB = await AppSession.SignInAsync(b.Address);
            var before = await onA.SearchTotalAsync(Marker);
            Assert.Equal(2 * Turns, before);
            using (var imported = await onA.PostFormAsync("/council/minutes/import?handler=Import",
                new() { ["Text"] = MinutesText(2), ["FileName"] = "on-a.txt", ["Council"] = "new" }))
            {
                Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
            }
            var found = Stopwatch.StartNew();
            while (await onB.SearchTotalAsync(Marker) != 3 * Turns)
            {
                // Not a speed limit (measured and reported below): only the end of a wait for something that never comes.
                Assert.True(found.Elapsed < TimeSpan.FromMinutes(2), "A で取り込んだ会議録が2分たっても B の検索に出ません");
                await Task.Delay(20);
            }
            report.AppendLine(CultureInfo.InvariantCulture, $"A の取込み → B の検索: {found.ElapsedMilliseconds} ms");
            Assert.Equal(3 * Turns, await onA.SearchTotalAsync(Marker));

            await AccessJobTakenOverAsync(cluster, a, b, proxy, connection, Settings, report);
            await RollingRestartAsync(cluster, a, b, proxy, Settings, report);
            TestContext.Current.TestOutputHelper?.WriteLine(report.ToString());
        }
        finally
        {
            await b.KillAsync();
            await a.KillAsync();
            NpgsqlConnection.ClearAllPools();
            await using var server = new NpgsqlConnection(TestDatabases.PostgresServer);
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// A large log put in the shared inbox and queued through the proxy; the instance running it is frozen and killed
    /// while it runs. The other fails the job as orphaned (once), and the same file queued again is stored by it.
    /// </summary>
    private static async Task AccessJobTakenOverAsync(Cluster cluster, PublishedApp a, PublishedApp b, AppSession proxy, string connection,
        Func<string, string[]> settings, StringBuilder report)
    {
        var work = Path.Combine(Path.GetTempPath(), "mamori-cluster-log-" + Guid.NewGuid().ToString("N"));
        try
        {
            var log = LogGenerator.Generate(LogRows, 11, work, Core.Japanese.JapaneseCalendar.IsClosed, plant: true, start: new DateOnly(2024, 4, 1));
            string Master(string name) => Path.Combine(Path.GetDirectoryName(log.Inputs.Staff)!, name);
            using (var masters = await proxy.PostFilesAsync("/access/data?handler=Masters",
                ("Staff", "staff.csv", await File.ReadAllBytesAsync(Master("staff.csv"))),
                ("Residents", "residents.csv", await File.ReadAllBytesAsync(Master("residents.csv"))),
                ("Cases", "cases.csv", await File.ReadAllBytesAsync(Master("cases.csv"))),
                ("Roles", "roles.csv", await File.ReadAllBytesAsync(Master("roles.csv")))))
            {
                Assert.True(masters.StatusCode == HttpStatusCode.Redirect, $"マスタの登録が {(int)masters.StatusCode} でした");
            }
            // The inbox is under the shared data folder: a transfer drops the file there for every instance.
            var inbox = Directory.CreateDirectory(Path.Combine(a.Folder, "data", "access-logs", "inbox", "131041")).FullName;
            File.Copy(log.Inputs.Logs[0], Path.Combine(inbox, "2024-04.csv"));

            var jobId = await QueueInboxAsync(proxy, connection, 1);
            var running = Stopwatch.StartNew();
            Job job;
            while ((job = await JobAsync(connection, jobId)).State != nameof(AccessJobState.Running))
            {
                Assert.True(job.State == nameof(AccessJobState.Queued), $"処理を止める前に {job.State} になりました: {job.Result}");
                Assert.True(running.Elapsed < TimeSpan.FromMinutes(2), "取込みが2分たっても始まりません");
                await Task.Delay(10);
            }
            var (holder, survivor) = HolderPid(job.LeaseHolder) == a.ProcessId ? (a, b) : (b, a);
            Assert.Equal(holder.ProcessId, HolderPid(job.LeaseHolder));
            // Frozen, then killed: the job cannot move on between the check and the kill.
            await holder.PauseAsync();
            job = await JobAsync(connection, jobId);
            Assert.True(job.State == nameof(AccessJobState.Running), $"止めた時点で処理が {job.State} でした（1,500,000 行の取込みが止める前に終わっています）");
            await holder.KillAsync();
            var killedAt = Stopwatch.StartNew();
            while ((job = await JobAsync(connection, jobId)).State == nameof(AccessJobState.Running))
            {
                Assert.True(killedAt.Elapsed < TimeSpan.FromMinutes(3), "止まったインスタンスの処理が3分たっても引き継がれません");
                await Task.Delay(100);
            }
            report.AppendLine(CultureInfo.InvariantCulture, $"インスタンスを止めてから処理が引き継がれるまで: {killedAt.Elapsed.TotalSeconds:F1} s（リースの期限 {AccessJobWorker.LeaseLength.TotalSeconds} s）");
            Assert.Equal(nameof(AccessJobState.Failed), job.State);
            Assert.Equal(AccessJobWorker.OrphanedMessage, job.Result);
            Assert.Equal(survivor.ProcessId, HolderPid(job.LeaseHolder));
            Assert.Equal(0, await ScalarAsync(connection, "SELECT COUNT(*) FROM \"AuditEntries\" WHERE \"EntityType\" = 'AccessJob' AND \"EntityKey\" = @id AND \"Changes\" LIKE '%Succeeded%'", jobId));

            // The queue goes on on the survivor: the same file, queued again, is stored whole.
            var again = await QueueInboxAsync(proxy, connection, 2);
            var stored = Stopwatch.StartNew();
            while ((job = await JobAsync(connection, again)).State is nameof(AccessJobState.Queued) or nameof(AccessJobState.Running))
            {
                Assert.True(stored.Elapsed < TimeSpan.FromMinutes(15), "もう一度の取込みが15分で終わりません");
                await Task.Delay(200);
            }
            Assert.True(job.State == nameof(AccessJobState.Succeeded), job.Result);
            Assert.StartsWith($"{log.Rows.ToString("N0", CultureInfo.InvariantCulture)} 行を取り込みました", job.Result, StringComparison.Ordinal);
            Assert.Equal(survivor.ProcessId, HolderPid(job.LeaseHolder));

            // The killed instance comes back.
            await holder.StartAsync(holder == a ? cluster.PortA : cluster.PortB, settings(holder == a ? "a" : "b"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>Each instance stopped (SIGTERM) and started again in turn while four loops keep asking through the proxy.</summary>
    private static async Task RollingRestartAsync(Cluster cluster, PublishedApp a, PublishedApp b, AppSession proxy, Func<string, string[]> settings, StringBuilder report)
    {
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var requests = 0;
        var loops = Enumerable.Range(0, 4).Select(loop => Task.Run(async () =>
        {
            string[] pages = ["/", "/council/minutes/search?q=" + Uri.EscapeDataString(Marker), "/public/131041/register", "/register"];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var page = pages[(i + loop) % pages.Length];
                try
                {
                    using var response = await proxy.Client.GetAsync(page);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        failures.Enqueue($"{page}: {(int)response.StatusCode} {response.Headers.Location}");
                    }
                }
                catch (HttpRequestException ex)
                {
                    failures.Enqueue($"{page}: {ex.Message}");
                }
                Interlocked.Increment(ref requests);
            }
        })).ToList();
        var restart = Stopwatch.StartNew();
        foreach (var (app, port, name) in new[] { (a, cluster.PortA, "a"), (b, cluster.PortB, "b") })
        {
            await app.StopAsync();
            await app.StartAsync(port, settings(name));
            // Requests reach the restarted instance before the next one stops.
            await Task.Delay(1000);
        }
        await stop.CancelAsync();
        await Task.WhenAll(loops);
        report.AppendLine(CultureInfo.InvariantCulture, $"1 台ずつの再起動: {restart.Elapsed.TotalSeconds:F1} s の間に {requests} 件、失敗 {failures.Count} 件");
        Assert.True(requests > 0);
        Assert.True(failures.IsEmpty, "再起動中に失敗した要求:\n" + string.Join("\n", failures.Take(20)));
    }

    private static async Task<Guid> QueueInboxAsync(AppSession proxy, string connection, int expectedJobs)
    {
        using var queued = await proxy.PostFormAsync("/access/data?handler=Inbox", new() { ["InboxFiles"] = "2024-04.csv" });
        Assert.True(queued.StatusCode == HttpStatusCode.Redirect, $"受信フォルダーからの取込みが {(int)queued.StatusCode} でした");
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\" FROM \"AccessJobs\" WHERE \"Kind\" = 'Ingest' ORDER BY \"RequestedAt\"", db);
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        Assert.Equal(expectedJobs, ids.Count);
        return ids[^1];
    }

    private sealed record Job(string State, string? Result, string? LeaseHolder);

    private static async Task<Job> JobAsync(string connection, Guid id)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"State\", \"Result\", \"LeaseHolder\" FROM \"AccessJobs\" WHERE \"Id\" = @id", db);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return new Job(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    private static async Task<long> ScalarAsync(string connection, string sql, Guid id)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue("id", id.ToString());
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The process id in a lease holder's name ("{machine}:{pid}:{random}").</summary>
    private static int HolderPid(string? holder) => int.Parse(holder!.Split(':')[1], CultureInfo.InvariantCulture);

    private static string MinutesText(int n)
    {
        var text = new StringBuilder();
        text.AppendLine($"令和６年度第{n + 1}回みはらし市個人情報保護審議会　会議録").AppendLine();
        text.AppendLine($"１　開催日時　令和６年{n + 5}月１０日　午前１０時００分～午前１１時３０分");
        text.AppendLine("２　開催場所　みはらし市役所　本館３階　第１会議室");
        text.AppendLine("３　出席委員　青木一郎（会長）、石井花子").AppendLine();
        for (var i = 0; i < Turns; i++)
        {
            text.AppendLine(i % 2 == 0 ? $"○石井委員　{Marker}について第{i}の質問をします。" : $"○会長　第{i}の点は{Marker}として承知しました。");
        }
        return text.ToString();
    }

    /// <summary>The proxy and the two instance ports scripts/test.sh prepared (MAMORI_TEST_PROXY, MAMORI_TEST_PROXY_INSTANCES).</summary>
    private sealed record Cluster(Uri Proxy, int PortA, int PortB)
    {
        public static Cluster FromEnvironment()
        {
            var proxy = Environment.GetEnvironmentVariable("MAMORI_TEST_PROXY");
            var instances = Environment.GetEnvironmentVariable("MAMORI_TEST_PROXY_INSTANCES");
            if (string.IsNullOrEmpty(proxy) || string.IsNullOrEmpty(instances) || TestDatabases.PostgresServer is null)
            {
                Assert.True(Environment.GetEnvironmentVariable("MAMORI_REQUIRE_PROXY") != "1",
                    "MAMORI_REQUIRE_PROXY=1 ですが MAMORI_TEST_PROXY・MAMORI_TEST_PROXY_INSTANCES・MAMORI_TEST_POSTGRES のどれかがありません。scripts/test.sh から実行してください。");
                Assert.Skip("リバースプロキシと PostgreSQL がありません（scripts/test.sh が用意します）。");
            }
            var ports = instances.Split(',').Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            return new Cluster(new Uri(proxy), ports[0], ports[1]);
        }
    }
}
