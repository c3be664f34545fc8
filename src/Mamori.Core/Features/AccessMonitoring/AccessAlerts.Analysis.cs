using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>An analysis recorded: its alerts kept, updated, withdrawn when no longer found, and its day counts.</summary>
public static partial class AccessAlerts
{
    /// <summary>
    /// Records an analysis: its alerts (new ones as 新規; ones found before keep their triage, their figures are
    /// updated) and the day counts (each day keeps the latest analysis that covered it).
    /// </summary>
    public static async Task<AccessAnalysis> RecordAsync(AppDbContext db, Guid municipalityId, DateOnly from, DateOnly to, long rows,
        IReadOnlyList<DetectedAlert> alerts, IReadOnlyList<DetectedDay> days, double seconds, string ranBy, DateTime now, CancellationToken ct,
        IReadOnlyDictionary<string, string>? applied = null)
    {
        var analysis = new AccessAnalysis { MunicipalityId = municipalityId, From = from, To = to, Rows = rows, Alerts = alerts.Count, Seconds = seconds, RanAt = now, RanBy = ranBy };
        db.AccessAnalyses.Add(analysis);
        var existing = await db.AccessAlerts.Where(a => a.Day >= from && a.Day <= to).ToListAsync(ct);
        var known = existing.ToDictionary(a => (a.Rule, a.UserId, a.Day));
        var detected = alerts.Select(a => (a.Rule, a.UserId, a.Day)).ToHashSet();
        foreach (var gone in existing.Where(a => a.WithdrawnAt is null && !detected.Contains((a.Rule, a.UserId, a.Day))))
        {
            Withdraw(db, gone, ranBy, now);
        }
        foreach (var found in alerts)
        {
            if (known.TryGetValue((found.Rule, found.UserId, found.Day), out var alert))
            {
                alert.Severity = found.Severity;
                alert.Count = found.Count;
                alert.ResidentId = found.ResidentId;
                alert.UserDept = found.UserDept ?? alert.UserDept;
                alert.Applied = applied?.GetValueOrDefault(found.Rule) ?? alert.Applied;
                if (alert.WithdrawnAt is not null)
                {
                    Redetect(db, alert, ranBy, now);
                }
                continue;
            }
            analysis.NewAlerts++;
            db.AccessAlerts.Add(new AccessAlert
            {
                MunicipalityId = municipalityId,
                Rule = found.Rule,
                UserId = found.UserId,
                UserDept = found.UserDept,
                Day = found.Day,
                ResidentId = found.ResidentId,
                Severity = found.Severity,
                Count = found.Count,
                Applied = applied?.GetValueOrDefault(found.Rule),
                Status = AlertStatus.New,
                AnalysisId = analysis.Id,
                DetectedAt = now,
            });
        }
        var stored = await db.AccessDays.Where(d => d.Day >= from && d.Day <= to).ToListAsync(ct);
        db.AccessDays.RemoveRange(stored.Where(d => days.All(x => x.Day != d.Day)));
        foreach (var day in days.Where(d => d.Day >= from && d.Day <= to))
        {
            if (stored.FirstOrDefault(d => d.Day == day.Day) is not { } row)
            {
                row = new AccessDay { MunicipalityId = municipalityId, Day = day.Day };
                db.AccessDays.Add(row);
            }
            row.Rows = day.Rows;
            row.ResidentRows = day.ResidentRows;
            row.Explained = day.Explained;
            row.AnalysisId = analysis.Id;
        }
        await db.SaveChangesAsync(ct);
        return analysis;
    }

    /// <summary>
    /// An alert a re-analysis no longer finds: one nobody has looked at is closed as 再分析で非検出; one under
    /// investigation keeps its state, marked, for the investigator to close. Either way the history says so.
    /// </summary>
    private static void Withdraw(AppDbContext db, AccessAlert alert, string ranBy, DateTime now)
    {
        alert.WithdrawnAt = now;
        var from = alert.Status;
        if (from == AlertStatus.New)
        {
            alert.Status = AlertStatus.Closed;
            alert.Outcome = AlertOutcome.NotDetected;
            alert.ClosedAt = now;
        }
        AddHistory(db, alert, from, ranBy, now, from == AlertStatus.New ? AlertOutcome.NotDetected : null,
            from == AlertStatus.New
            ? "再分析でこのアラートは検出されなくなったため、完了にしました（ログの置き換え、マスタや除外リストの変更による）。"
            : from == AlertStatus.Closed ? "再分析でこのアラートは検出されなくなりました（判定はそのままです）。"
            : "再分析でこのアラートは検出されなくなりました。確認の結果を記録して完了にしてください。");
    }

    /// <summary>An alert found again after it was withdrawn: reopened as 新規 when the re-analysis had closed it.</summary>
    private static void Redetect(AppDbContext db, AccessAlert alert, string ranBy, DateTime now)
    {
        alert.WithdrawnAt = null;
        var from = alert.Status;
        if (alert.Status == AlertStatus.Closed && alert.Outcome == AlertOutcome.NotDetected)
        {
            alert.Status = AlertStatus.New;
            alert.Outcome = null;
            alert.ClosedAt = null;
        }
        AddHistory(db, alert, from, ranBy, now, null, "再分析でこのアラートが再び検出されました。");
    }
}
