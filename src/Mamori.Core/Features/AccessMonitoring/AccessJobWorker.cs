using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using EngineAllowlistEntry = Mamori.AccessMonitoring.AllowlistEntry;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>
/// Runs the module's jobs in the background: stores log files as Parquet (file by file, each all or nothing) and
/// runs the rule pack over a period, recording progress as it goes. With several instances of the app on one
/// database, the instance holding the lease <see cref="LeaseName"/> runs the jobs, one after another (one writer to
/// the shared log store), renewing the lease as it goes. When it dies its lease expires, and the instance that takes
/// the lease over fails the job it left running (never runs it a second time) and goes on with the queue; an
/// instance that stops fails its running job itself and gives the lease back. A job is picked up at once on the
/// instance that queued it, and within <see cref="Poll"/> on another. <c>Mamori:Jobs:Run=false</c> keeps an instance
/// out of the job work altogether (web requests only), for deployments that give the jobs instances of their own.
/// </summary>
public sealed partial class AccessJobWorker(IServiceScopeFactory scopes, AccessJobChannel queue, AccessLogFolders folders, TimeProvider clock,
    IConfiguration config, ILogger<AccessJobWorker> logger)
    : BackgroundService
{
    /// <summary>The lease of the job worker.</summary>
    public const string LeaseName = "access-jobs";

    /// <summary>How long the lease holds without renewal: an instance that died is noticed after this.</summary>
    public static readonly TimeSpan LeaseLength = TimeSpan.FromSeconds(30);

    /// <summary>How often the queue is looked at (and the lease renewed) while no job runs; during a job the lease is renewed every 5 s.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(2);

    public const string OrphanedMessage = "処理していたインスタンスが応答しなくなったため中断しました。もう一度実行してください。";
    public const string StoppedMessage = "アプリの停止で中断されました。もう一度実行してください。";

    /// <summary>This process as a lease holder.</summary>
    public string Holder { get; } = ServiceLease.NewHolder();

    /// <summary>Whether this instance runs jobs (<c>Mamori:Jobs:Run</c>, default true).</summary>
    public bool Runs { get; } = config.GetValue("Mamori:Jobs:Run", true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (Runs && !stoppingToken.IsCancellationRequested)
        {
            Guid? next = null;
            try
            {
                next = await NextAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may not be set up yet (first run) or restarting; the next poll tries again.
                NotRecovered(logger, ex.GetType().Name);
            }
            if (next is not { } id)
            {
                await WaitAsync(stoppingToken);
                continue;
            }
            try
            {
                await RunLeasedAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                LeaseLost(logger, id);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance took the lease and failed the job as orphaned: this one no longer writes to it.
                LeaseLost(logger, id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only: the message of a DuckDB or parser error can quote a log line with resident ids.
                Unexpected(logger, id, ex.GetType().Name);
                await FinishAsync(id, AccessJobState.Failed, "予期しないエラーで中断しました。管理者に連絡してください。", stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("アクセスログ監視（停止時）");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var job in await db.AccessJobs.Where(j => j.State == AccessJobState.Running && j.LeaseHolder == Holder).ToListAsync(cancellationToken))
            {
                job.State = AccessJobState.Failed;
                job.Result = StoppedMessage;
                job.Step = null;
                job.FinishedAt = now;
            }
            await db.SaveChangesAsync(cancellationToken);
            await ServiceLease.ReleaseAsync(db, LeaseName, Holder, now, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then expires by itself, and the next holder fails the job.
            NotRecovered(logger, ex.GetType().Name);
        }
    }

    /// <summary>Waits for a job queued here, or the poll interval.</summary>
    private async Task WaitAsync(CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(Poll);
        try
        {
            await queue.Reader.ReadAsync(wait.Token);
            while (queue.Reader.TryRead(out _))
            {
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }

    /// <summary>
    /// Takes or renews the lease; when held, fails the jobs an instance that lost the lease left running and returns
    /// the oldest queued job. Null when another instance holds the lease or nothing is queued.
    /// </summary>
    public async Task<Guid?> NextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("アクセスログ監視");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await ServiceLease.TryTakeAsync(db, LeaseName, Holder, now, LeaseLength, ct))
        {
            return null;
        }
        var orphans = await db.AccessJobs.AsNoTracking().Where(j => j.State == AccessJobState.Running && (j.LeaseHolder == null || j.LeaseHolder != Holder))
            .Select(j => new { j.Id, j.LeaseHolder }).ToListAsync(ct);
        foreach (var orphan in orphans)
        {
            // Taken over only while still running under the old holder: a job it finished a moment ago stays finished.
            var taken = await db.AccessJobs.Where(j => j.Id == orphan.Id && j.State == AccessJobState.Running && j.LeaseHolder == orphan.LeaseHolder)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseHolder, Holder), ct);
            if (taken == 1 && await db.AccessJobs.FirstOrDefaultAsync(j => j.Id == orphan.Id, ct) is { } job)
            {
                job.State = AccessJobState.Failed;
                job.Result = OrphanedMessage;
                job.Step = null;
                job.FinishedAt = now;
                await db.SaveChangesAsync(ct);
            }
        }
        return await db.AccessJobs.AsNoTracking().Where(j => j.State == AccessJobState.Queued).OrderBy(j => j.RequestedAt).Select(j => (Guid?)j.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Runs the job while renewing the lease; losing the lease cancels the job.</summary>
    private async Task RunLeasedAsync(Guid id, CancellationToken stoppingToken)
    {
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var heartbeat = Task.Run(async () =>
        {
            while (!running.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), running.Token);
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("アクセスログ監視");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                bool renewed;
                try
                {
                    renewed = await ServiceLease.TryTakeAsync(db, LeaseName, Holder, clock.GetUtcNow().UtcDateTime, LeaseLength, running.Token);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database did not answer this time; the lease still runs until it expires.
                    continue;
                }
                if (!renewed)
                {
                    await running.CancelAsync();
                }
            }
        }, running.Token);
        try
        {
            await RunAsync(id, running.Token);
        }
        finally
        {
            await running.CancelAsync();
            try
            {
                await heartbeat;
            }
            catch (OperationCanceledException)
            {
                // Stopped with the job.
            }
        }
    }

    private async Task RunAsync(Guid id, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var tenant = scope.ServiceProvider.GetRequiredService<CurrentTenant>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        tenant.SetSystem("アクセスログ監視");
        var job = await db.AccessJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null || job.State != AccessJobState.Queued)
        {
            return;
        }
        // From here the job acts within its municipality, in the name of whoever asked for it.
        tenant.SetUser("", $"{job.RequestedBy}（バックグラウンド処理）", job.MunicipalityId, null, false);
        job.State = AccessJobState.Running;
        job.StartedAt = clock.GetUtcNow().UtcDateTime;
        job.LeaseHolder = Holder;
        await db.SaveChangesAsync(ct);
        var (state, result) = job.Kind == AccessJobKind.Ingest ? await IngestAsync(db, job, ct) : await AnalyzeAsync(db, job, ct);
        job.State = state;
        job.Result = result;
        job.Progress = state == AccessJobState.Succeeded ? 100 : job.Progress;
        job.Step = null;
        job.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    private async Task FinishAsync(Guid id, AccessJobState state, string result, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("アクセスログ監視");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (await db.AccessJobs.FirstOrDefaultAsync(j => j.Id == id && j.LeaseHolder == Holder, ct) is { } job)
        {
            job.State = state;
            job.Result = result;
            job.FinishedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task StepAsync(AppDbContext db, AccessJob job, int progress, string step, CancellationToken ct)
    {
        job.Progress = progress;
        job.Step = step;
        await db.SaveChangesAsync(ct);
    }

    private async Task<(AccessJobState, string)> IngestAsync(AppDbContext db, AccessJob job, CancellationToken ct)
    {
        var names = job.FileNames;
        var paths = job.Paths;
        var store = folders.Store(job.MunicipalityId);
        var done = new List<string>();
        long rows = 0;
        try
        {
            var mapping = folders.Mapping(job.MunicipalityId);
            // A failed file stores nothing; the files before it stay stored, and the message says which.
            (AccessJobState, string) Failed(string problem) => (AccessJobState.Failed,
                problem + " このファイルは何も取り込んでいません。" + (done.Count > 0 ? $"（取り込み済み: {string.Join("、", done)}）" : ""));
            for (var i = 0; i < paths.Count; i++)
            {
                await StepAsync(db, job, i * 100 / paths.Count, $"{i + 1}/{paths.Count} {names[i]} を取り込み中", ct);
                IngestResult result;
                try
                {
                    result = await Task.Run(() => store.Ingest(paths[i], mapping, names[i], job.ReplacePeriods), ct);
                }
                catch (LogInputException ex)
                {
                    var where = ex.Line > 0 ? $"{names[i]} の {ex.Line} 行目{(ex.Column.Length > 0 ? $"「{ex.Column}」" : "")}: {ex.Problem}" : $"{names[i]}: {ex.Problem}";
                    return Failed(where);
                }
                catch (DuckDB.NET.Data.DuckDBException ex)
                {
                    // The engine's own text quotes the line (resident ids included): only its line number is passed on.
                    var where = (LineOf(ex.Message) ?? FirstBrokenLine(paths[i])) is { } line ? $"{names[i]} の {line} 行目" : names[i];
                    return Failed($"{where}を CSV として読めません（引用符の閉じ忘れ、列の数の違い、制御文字など）。元のシステムから出力し直してください。");
                }
                if (!result.AlreadyIngested && result.Rows == 0)
                {
                    return Failed($"{names[i]} にデータの行がありません（見出しだけです）。出力した期間を確かめてください。");
                }
                rows += result.AlreadyIngested ? 0 : result.Rows;
                job.Rows = rows;
                done.Add(result.AlreadyIngested
                    ? $"{names[i]}（取込み済みのため読み飛ばし）"
                    : $"{names[i]}（{result.Rows.ToString("N0", CultureInfo.InvariantCulture)} 行、{string.Join("・", result.Months)}"
                      + (result.Replaced is { Count: > 0 } replaced ? $"、{string.Join("・", replaced)} の同じ期間の記録と置き換え" : "") + "）");
                if (!job.DeleteAfter)
                {
                    var doneDir = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(paths[i])!, "取込み済み")).FullName;
                    File.Move(paths[i], Path.Combine(doneDir, Path.GetFileName(paths[i])), overwrite: true);
                }
            }
            return (AccessJobState.Succeeded, $"{rows.ToString("N0", CultureInfo.InvariantCulture)} 行を取り込みました: {string.Join("、", done)}");
        }
        catch (LogInputException ex)
        {
            return (AccessJobState.Failed, ex.Message);
        }
        finally
        {
            if (job.DeleteAfter)
            {
                foreach (var path in paths.Where(File.Exists))
                {
                    File.Delete(path);
                }
            }
        }
    }

    private async Task<(AccessJobState, string)> AnalyzeAsync(AppDbContext db, AccessJob job, CancellationToken ct)
    {
        var from = job.From!.Value;
        var to = job.To!.Value;
        LogInputs? masters;
        try
        {
            masters = folders.MasterInputs(job.MunicipalityId);
        }
        catch (LogInputException ex)
        {
            return (AccessJobState.Failed, ex.Message);
        }
        if (masters is null)
        {
            return (AccessJobState.Failed, "マスタ（職員・住民・案件・役割）がそろっていません。「ログとマスタ」の画面で4つとも登録してから分析してください。");
        }
        var settings = await SettingsAsync(db, job.MunicipalityId, ct);
        var store = folders.Store(job.MunicipalityId);
        var stopwatch = Stopwatch.StartNew();
        AnalysisResult result;
        var last = (Done: -1, Step: "");
        var progress = new Progress<(int Done, int Total, string Step)>(p => last = (p.Done * 90 / p.Total, p.Step));
        var run = Task.Run(() => LogAnalyzer.AnalyzeStored(store, from, to, masters, settings, progress: progress), ct);
        while (await Task.WhenAny(run, Task.Delay(500, ct)) != run)
        {
            if (last.Done >= 0 && (last.Done != job.Progress || last.Step != job.Step))
            {
                await StepAsync(db, job, last.Done, last.Step, ct);
            }
        }
        try
        {
            result = await run;
        }
        catch (LogInputException ex)
        {
            return (AccessJobState.Failed, ex.Message + " 分析は行っていません。");
        }
        // The job row is written first: an instance that has failed the job as orphaned makes this save fail, and nothing is recorded.
        await StepAsync(db, job, 95, "アラートの記録", ct);
        var detected = result.Alerts.Select(a => new DetectedAlert(a.Rule, a.UserId, result.UserDepartments.GetValueOrDefault(a.UserId), a.Day, a.ResidentId, a.Severity, a.Count)).ToList();
        var days = result.Days.Select(d => new DetectedDay(d.Day, d.Rows, d.ResidentRows, d.Explained)).ToList();
        var analysis = await AccessAlerts.RecordAsync(db, job.MunicipalityId, from, to, result.Rows, detected, days, stopwatch.Elapsed.TotalSeconds,
            job.RequestedBy, clock.GetUtcNow().UtcDateTime, ct);
        job.AnalysisId = analysis.Id;
        job.Rows = result.Rows;
        return (AccessJobState.Succeeded, $"{WarekiDate.Format(from)}〜{WarekiDate.Format(to)} の {result.Rows.ToString("N0", CultureInfo.InvariantCulture)} 行を分析し、"
            + $"アラート {analysis.Alerts} 件（新規 {analysis.NewAlerts} 件）。{stopwatch.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒。");
    }

    /// <summary>The engine's settings from the municipality's: exempt codes, departments, parameters, the allowlist in force, the holidays.</summary>
    public static async Task<MonitoringSettings> SettingsAsync(AppDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var stored = await AccessAlerts.SettingsAsync(db, municipalityId, ct);
        var allowlist = await db.AccessAllowlist.AsNoTracking().ToListAsync(ct);
        return new MonitoringSettings
        {
            Holidays = Japanese.JapaneseCalendar.AllHolidays(),
            ExemptBusinessCodes = AccessAlerts.Items(stored.ExemptBusinessCodes).ToList(),
            ProtectedDepartments = AccessAlerts.Items(stored.ProtectedDepartments).ToList(),
            Parameters = AccessAlerts.ParseParameters(stored.Parameters).ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value),
            Allowlist = allowlist.Select(e => new EngineAllowlistEntry(e.Rule, e.UserId, e.ResidentId, e.ApprovedBy, e.ExpiresOn)).ToList(),
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "アクセスログの処理 {JobId} が予期しないエラー（{Kind}）で中断しました。")]
    private static partial void Unexpected(ILogger logger, Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "アクセスログの処理 {JobId} は別のインスタンスに引き継がれたため、このインスタンスでは中止しました。")]
    private static partial void LeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "アクセスログの処理の待ち行列を確認できませんでした（{Kind}）。")]
    private static partial void NotRecovered(ILogger logger, string kind);

    /// <summary>
    /// The first line a CSV reader cannot take (a quote left open, a control character), for when the engine gave up
    /// on the whole file without naming one. Access logs hold one record per line.
    /// </summary>
    private static long? FirstBrokenLine(string path)
    {
        // Fields counted as CSV counts them (commas outside quotes, a quoted field may span lines): the first record
        // with another number of fields than the header, or a quote still open at the end, names its line.
        long number = 0;
        long recordStart = 1;
        int? expected = null;
        var fields = 1;
        var quoted = false;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!quoted)
            {
                recordStart = number;
                fields = 1;
            }
            if (line.Any(c => char.IsControl(c) && c != '\t'))
            {
                return number;
            }
            foreach (var c in line)
            {
                if (c == '"')
                {
                    quoted = !quoted;
                }
                else if (c == ',' && !quoted)
                {
                    fields++;
                }
            }
            if (quoted)
            {
                continue;
            }
            expected ??= fields;
            if (fields != expected)
            {
                return recordStart;
            }
        }
        return quoted ? recordStart : null;
    }

    /// <summary>The line number in a DuckDB CSV error ("... Line: 52 ..." or "line 52"), if it names one.</summary>
    private static long? LineOf(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, @"[Ll]ine:?\s*(\d+)") is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;
}
