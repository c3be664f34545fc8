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

/// <summary>What a job does once it runs: store log files (取込み) or run the rule pack over a period (分析), with its progress.</summary>
public sealed partial class AccessJobWorker
{
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
            job.RequestedBy, clock.GetUtcNow().UtcDateTime, ct, AlertExplanation.Applied(settings));
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
