using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using EngineAllowlistEntry = Mamori.AccessMonitoring.AllowlistEntry;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>Queues ingest and analysis jobs (the pages and the command line call this; the worker runs them).</summary>
public static class AccessJobRequests
{
    public static Task<AccessJob> IngestAsync(AppDbContext db, AccessJobChannel queue, Guid municipalityId, IReadOnlyList<(string Name, string Path)> files, bool deleteAfter,
        bool replace, string requestedBy, DateTime now, CancellationToken ct) =>
        QueueAsync(db, queue, new AccessJob
        {
            MunicipalityId = municipalityId,
            Kind = AccessJobKind.Ingest,
            FileNames = [.. files.Select(f => f.Name)],
            Paths = [.. files.Select(f => f.Path)],
            DeleteAfter = deleteAfter,
            ReplacePeriods = replace,
            RequestedBy = requestedBy,
            RequestedAt = now,
        }, ct);

    /// <summary>The longest period one analysis may cover.</summary>
    public const int MaxAnalysisDays = 93;

    /// <summary>An analysis of a period given by its first and last day, refused when either is missing, they are reversed, or it spans more than 93 days.</summary>
    public static async Task<Outcome<AccessJob>> RequestAnalysisAsync(AppDbContext db, AccessJobChannel queue, Guid municipalityId, DateOnly? from, DateOnly? to,
        string requestedBy, DateTime now, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (from is null)
        {
            errors.Add("From", "分析する期間の初日を入力してください。");
        }
        if (to is null)
        {
            errors.Add("To", "分析する期間の最終日を入力してください。");
        }
        else if (from is { } f && to < f)
        {
            errors.Add("To", "最終日が初日より前になっています。");
        }
        else if (from is { } f2 && to.Value.DayNumber - f2.DayNumber >= MaxAnalysisDays)
        {
            errors.Add("To", $"一度に分析できるのは{MaxAnalysisDays}日までです。月ごとに分けて分析してください。");
        }
        return errors.Any ? errors.Fail<AccessJob>()
            : Outcome<AccessJob>.Success(await AnalyzeAsync(db, queue, municipalityId, from!.Value, to!.Value, requestedBy, now, ct));
    }

    public static Task<AccessJob> AnalyzeAsync(AppDbContext db, AccessJobChannel queue, Guid municipalityId, DateOnly from, DateOnly to, string requestedBy, DateTime now, CancellationToken ct) =>
        QueueAsync(db, queue, new AccessJob { MunicipalityId = municipalityId, Kind = AccessJobKind.Analyze, From = from, To = to, RequestedBy = requestedBy, RequestedAt = now }, ct);

    private static async Task<AccessJob> QueueAsync(AppDbContext db, AccessJobChannel queue, AccessJob job, CancellationToken ct)
    {
        job.State = AccessJobState.Queued;
        job.Step = "待機中";
        db.AccessJobs.Add(job);
        await db.SaveChangesAsync(ct);
        queue.Enqueue(job.Id);
        return job;
    }

    /// <summary>Records a replacement of the masters (done at once on the page) among the jobs.</summary>
    public static async Task RecordMastersAsync(AppDbContext db, Guid municipalityId, IReadOnlyList<string> fileNames, string result, string requestedBy, DateTime now, CancellationToken ct)
    {
        db.AccessJobs.Add(new AccessJob
        {
            MunicipalityId = municipalityId,
            Kind = AccessJobKind.Masters,
            State = AccessJobState.Succeeded,
            FileNames = [.. fileNames],
            Progress = 100,
            Result = result,
            RequestedBy = requestedBy,
            RequestedAt = now,
            StartedAt = now,
            FinishedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    public static string KindName(AccessJobKind kind) => kind switch
    {
        AccessJobKind.Ingest => "取込み",
        AccessJobKind.Analyze => "分析",
        _ => "マスタ登録",
    };

    public static string StateName(AccessJobState state) => state switch
    {
        AccessJobState.Queued => "待機中",
        AccessJobState.Running => "実行中",
        AccessJobState.Succeeded => "完了",
        _ => "失敗",
    };
}

