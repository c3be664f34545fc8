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

    [LoggerMessage(Level = LogLevel.Error, Message = "アクセスログの処理 {JobId} が予期しないエラー（{Kind}）で中断しました。")]
    private static partial void Unexpected(ILogger logger, Guid jobId, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "アクセスログの処理 {JobId} は別のインスタンスに引き継がれたため、このインスタンスでは中止しました。")]
    private static partial void LeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "アクセスログの処理の待ち行列を確認できませんでした（{Kind}）。")]
    private static partial void NotRecovered(ILogger logger, string kind);
}
