using System.Threading.Channels;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mamori.Core.Features.Notices;

/// <summary>Tells the scheduler that something in a municipality changed that may be news to someone (an answer, an alert, a return).</summary>
public sealed class NoticeSignal
{
    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>();

    public void Changed(Guid municipalityId) => _changed.Writer.TryWrite(municipalityId);

    internal ChannelReader<Guid> Reader => _changed.Reader;
}

/// <summary>
/// Works out the notices due and sends their mail: for every municipality every few minutes (so a day's deadlines
/// are noticed soon after midnight and whatever was missed while the app was down is caught up), and for one
/// municipality a moment after a change there. Storing is idempotent and sending claims each notice, so runs
/// that overlap, here or on another instance, never tell anyone twice.
/// </summary>
public sealed partial class NoticeScheduler(IServiceScopeFactory scopes, NoticeSignal signal, NoticeSender sender, TimeProvider clock, ILogger<NoticeScheduler> logger)
    : BackgroundService
{
    /// <summary>How often everything is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    /// <summary>Changes arriving within this time are handled in one run.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _running = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nextFull = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            HashSet<Guid>? only = null;
            if (now < nextFull)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(nextFull - now);
                try
                {
                    var first = await signal.Reader.ReadAsync(wait.Token);
                    await Task.Delay(Settle, stoppingToken);
                    only = [first];
                    while (signal.Reader.TryRead(out var more))
                    {
                        only.Add(more);
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The interval passed: a full run.
                }
            }
            if (only is null)
            {
                nextFull = clock.GetUtcNow().UtcDateTime + Interval;
            }
            try
            {
                await RunAsync(only, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database may not be ready yet (first run, a migration); the next run tries again.
                RunFailed(logger, ex.GetType().Name);
            }
        }
    }

    /// <summary>Stores the notices due in <paramref name="municipalities"/> (all when null) and sends what is due.</summary>
    public async Task<int> RunAsync(IReadOnlyCollection<Guid>? municipalities, CancellationToken ct)
    {
        await _running.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = JapanTime.Today(clock);
            List<Guid> ids;
            await using (var scope = scopes.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("お知らせ");
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                ids = await db.Municipalities.Select(m => m.Id).ToListAsync(ct);
            }
            var stored = 0;
            foreach (var id in ids.Where(i => municipalities is null || municipalities.Contains(i)))
            {
                if (municipalities is null)
                {
                    // The account check follows the calendar (a leave starts today) as well as the records.
                    await using var check = scopes.CreateAsyncScope();
                    check.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(id, "アカウント点検");
                    await AccountListings.RefreshAllAsync(check.ServiceProvider.GetRequiredService<AppDbContext>(), clock, ct,
                        check.ServiceProvider.GetService<AccessLogFolders>()?.LastAccess(id));
                }
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetJob(id, "お知らせ");
                stored += await NoticeStore.StoreDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), id, today, now, ct);
            }
            await SendAsync(ct);
            return stored;
        }
        finally
        {
            _running.Release();
        }
    }

    /// <summary>Sends the mail that is due, as the system.</summary>
    public async Task<int> SendAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetSystem("お知らせ（メール送信）");
        return await sender.SendDueAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), clock.GetUtcNow().UtcDateTime, ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice run failed ({Error}); the next run tries again.")]
    private static partial void RunFailed(ILogger logger, string error);
}
