using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Advisories;

/// <summary>A notice as the office types it, with its document when one is attached.</summary>
public sealed record AdvisoryInput(AdvisorySource? Source, string? SourceName, string? Number, DateOnly? IssuedOn, string? Title, string? Requirement,
    DateOnly? DueOn, string? FileName = null, byte[]? File = null);

/// <summary>What a notice is given to: business systems, 統合端末 and departments.</summary>
public sealed record CheckTargets(IReadOnlyCollection<Guid> Systems, IReadOnlyCollection<Guid> Terminals, IReadOnlyCollection<Guid> Departments);

/// <summary>What a department found, with its evidence.</summary>
public sealed record CheckResult(AdvisoryOutcome? Outcome, string? Note, DateOnly? DoneOn, string? EvidenceName = null, byte[]? Evidence = null);

/// <summary>
/// 国の通知・注意喚起 for the pages and the API alike: record a notice, give it to systems and departments to check,
/// record each check's result with its evidence, close it when every check has a result, and report it to the council.
/// </summary>
public static class AdvisoryWorkflow
{
    public const string NotFound = "通知・注意喚起が見つかりません。一覧から開き直してください。";
    public const string TaskNotFound = "点検が見つかりません。";
    public const string ClosedMessage = "この通知は完了しています。点検を変えるには、先に完了を取り消してください。";

    public static async Task<Outcome<Advisory>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, AdvisoryInput input, Guid? version, CancellationToken ct)
    {
        var advisory = id is { } existing ? await db.Advisories.FirstOrDefaultAsync(a => a.Id == existing, ct) : null;
        if (id is not null && advisory is null)
        {
            return Outcome<Advisory>.NotFound(NotFound);
        }
        var errors = new FieldErrors();
        if (input.Source is null)
        {
            errors.Add("Source", "発出元を選んでください。");
        }
        else if (input.Source is AdvisorySource.Vendor or AdvisorySource.Other && string.IsNullOrWhiteSpace(input.SourceName))
        {
            errors.Add("SourceName", "事業者・その他の場合は、発出元の名称を入力してください（例：株式会社○○、東京都）。");
        }
        errors.MaxLength("SourceName", input.SourceName, 200, "発出元の名称");
        errors.MaxLength("Number", input.Number, 100, "文書番号");
        if (errors.Required("Title", input.Title, "件名"))
        {
            errors.MaxLength("Title", input.Title, 300, "件名");
        }
        if (errors.Required("Requirement", input.Requirement, "求められていること"))
        {
            errors.MaxLength("Requirement", input.Requirement, 4000, "求められていること");
        }
        if (input.IssuedOn is null)
        {
            errors.Add("IssuedOn", "発出日を入力してください。");
        }
        else if (input.DueOn is { } due && due < input.IssuedOn)
        {
            errors.Add("DueOn", "期限が発出日より前になっています。");
        }
        CheckedUpload? upload = null;
        if (input.File is { Length: > 0 } content)
        {
            var checkedUpload = UploadRules.Check(input.FileName, content);
            foreach (var message in checkedUpload.Errors.SelectMany(e => e.Value))
            {
                errors.Add("File", message);
            }
            upload = checkedUpload.Value;
        }
        if (errors.Any)
        {
            return errors.Fail<Advisory>();
        }
        if (advisory is null)
        {
            advisory = new Advisory { MunicipalityId = municipalityId, Title = "", Requirement = "" };
            db.Advisories.Add(advisory);
        }
        else if (version is { } v && v != advisory.Version)
        {
            return Outcome<Advisory>.Conflict(OptimisticSave.ConflictMessage);
        }
        advisory.Source = input.Source!.Value;
        advisory.SourceName = InputText.Optional(input.SourceName);
        advisory.Number = InputText.Optional(input.Number);
        advisory.IssuedOn = input.IssuedOn!.Value;
        advisory.Title = input.Title!.Trim();
        advisory.Requirement = input.Requirement!.Trim();
        advisory.DueOn = input.DueOn;
        if (upload is not null)
        {
            var file = StoredFile.From(upload.Content);
            file.MunicipalityId = municipalityId;
            db.StoredFiles.Add(file);
            (advisory.FileId, advisory.FileName, advisory.ContentType) = (file.Id, upload.FileName, upload.ContentType);
        }
        return await OptimisticSave.SaveAsync(db, advisory, ct);
    }

    /// <summary>
    /// Gives the notice to systems (each checked by its 所管課), to 統合端末 (each checked by its 設置課) and to departments
    /// (without either); a system, terminal or department that already has its check is not given a second one. Returns
    /// the checks made.
    /// </summary>
    public static async Task<Outcome<List<AdvisoryTask>>> AssignAsync(AppDbContext db, Guid id, CheckTargets targets, CancellationToken ct)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory is null)
        {
            return Outcome<List<AdvisoryTask>>.NotFound(NotFound);
        }
        if (advisory.IsClosed)
        {
            return Outcome<List<AdvisoryTask>>.Conflict(ClosedMessage);
        }
        if (targets.Systems.Count == 0 && targets.Terminals.Count == 0 && targets.Departments.Count == 0)
        {
            return Outcome<List<AdvisoryTask>>.Fail("Systems", "点検するシステム・統合端末・部署を1つ以上選んでください。");
        }
        var systems = await db.BusinessSystems.AsNoTracking().Where(s => targets.Systems.Contains(s.Id)).Select(s => new { s.Id, s.DepartmentId }).ToListAsync(ct);
        var terminals = await db.Terminals.AsNoTracking().Where(t => targets.Terminals.Contains(t.Id) && t.RemovedOn == null)
            .Select(t => new { t.Id, t.Code, t.DepartmentId }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => targets.Departments.Contains(d.Id)).Select(d => d.Id).ToListAsync(ct);
        if (systems.Count != targets.Systems.Distinct().Count() || terminals.Count != targets.Terminals.Distinct().Count()
            || departments.Count != targets.Departments.Distinct().Count())
        {
            return Outcome<List<AdvisoryTask>>.Fail("Systems", "選んだシステム・統合端末・部署の一部が見つかりません（撤去済みの端末を含む）。画面を開き直して選び直してください。");
        }
        if (terminals.Where(t => t.DepartmentId is null).Select(t => t.Code).ToList() is { Count: > 0 } unplaced)
        {
            return Outcome<List<AdvisoryTask>>.Fail("Terminals",
                $"統合端末 {string.Join("、", unplaced)} に設置課が登録されていません。点検する課が決まらないため、統合端末の台帳で設置課を登録してください。");
        }
        var existing = await db.AdvisoryTasks.Where(t => t.AdvisoryId == id).Select(t => new { t.DepartmentId, t.SystemId, t.TerminalId }).ToListAsync(ct);
        var wanted = systems.Select(s => (s.DepartmentId, SystemId: (Guid?)s.Id, TerminalId: (Guid?)null))
            .Concat(terminals.Select(t => (DepartmentId: t.DepartmentId!.Value, SystemId: (Guid?)null, TerminalId: (Guid?)t.Id)))
            .Concat(departments.Select(d => (DepartmentId: d, SystemId: (Guid?)null, TerminalId: (Guid?)null)));
        var made = wanted.Distinct().Where(w => !existing.Any(e => e.DepartmentId == w.DepartmentId && e.SystemId == w.SystemId && e.TerminalId == w.TerminalId))
            .Select(w => new AdvisoryTask
            {
                MunicipalityId = advisory.MunicipalityId,
                AdvisoryId = id,
                DepartmentId = w.DepartmentId,
                SystemId = w.SystemId,
                TerminalId = w.TerminalId,
            })
            .ToList();
        db.AdvisoryTasks.AddRange(made);
        await db.SaveChangesAsync(ct);
        return Outcome<List<AdvisoryTask>>.Success(made);
    }

    /// <summary>
    /// Records a check's result: 対象外 with the reason; 点検済・是正済・修正プログラム適用確認 with the evidence (a new file, or
    /// the one already attached); always the day it was done, not after today.
    /// </summary>
    public static async Task<Outcome<AdvisoryTask>> RecordAsync(AppDbContext db, Guid taskId, CheckResult input, Guid? version, TimeProvider clock,
        CancellationToken ct)
    {
        var task = await db.AdvisoryTasks.FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return Outcome<AdvisoryTask>.NotFound(TaskNotFound);
        }
        if (await db.Advisories.AnyAsync(a => a.Id == task.AdvisoryId && a.ClosedOn != null, ct))
        {
            return Outcome<AdvisoryTask>.Conflict(ClosedMessage);
        }
        var errors = new FieldErrors();
        var note = InputText.Optional(input.Note);
        errors.MaxLength("Note", note, 2000, "内容");
        if (input.Outcome is null)
        {
            errors.Add("Outcome", "結果を選んでください（対象外・点検済・是正済・修正プログラム適用確認）。");
        }
        else if (input.Outcome == AdvisoryOutcome.NotApplicable && note is null)
        {
            errors.Add("Note", "対象外の場合は、その理由を入力してください（例：該当する機能を使っていない）。");
        }
        if (input.DoneOn is null)
        {
            errors.Add("DoneOn", "実施日を入力してください。");
        }
        else if (input.DoneOn > JapanTime.Today(clock))
        {
            errors.Add("DoneOn", "実施日が今日より後になっています。");
        }
        CheckedUpload? upload = null;
        if (input.Evidence is { Length: > 0 } content)
        {
            var checkedUpload = UploadRules.Check(input.EvidenceName, content);
            foreach (var message in checkedUpload.Errors.SelectMany(e => e.Value))
            {
                errors.Add("Evidence", message);
            }
            upload = checkedUpload.Value;
        }
        else if (input.Outcome is { } o && o != AdvisoryOutcome.NotApplicable && task.EvidenceFileId is null)
        {
            errors.Add("Evidence", "点検・是正・適用の証跡（点検表、作業記録、画面の写しなど）のファイルを添えてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<AdvisoryTask>();
        }
        if (version is { } v && v != task.Version)
        {
            return Outcome<AdvisoryTask>.Conflict(OptimisticSave.ConflictMessage);
        }
        if (upload is not null)
        {
            var file = StoredFile.From(upload.Content);
            file.MunicipalityId = task.MunicipalityId;
            db.StoredFiles.Add(file);
            (task.EvidenceFileId, task.EvidenceName, task.EvidenceType) = (file.Id, upload.FileName, upload.ContentType);
        }
        task.Outcome = input.Outcome;
        task.Note = note;
        task.DoneOn = input.DoneOn;
        task.DoneBy = db.Tenant.ActorName;
        return await OptimisticSave.SaveAsync(db, task, ct);
    }

    /// <summary>Closes the notice when it was given out and every check has its result; reopening clears the day.</summary>
    public static async Task<Outcome<Advisory>> CloseAsync(AppDbContext db, Guid id, bool close, TimeProvider clock, CancellationToken ct)
    {
        var advisory = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory is null)
        {
            return Outcome<Advisory>.NotFound(NotFound);
        }
        if (close)
        {
            var tasks = await db.AdvisoryTasks.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(t => t.AdvisoryId == id).ToListAsync(ct);
            if (tasks.Count == 0)
            {
                return Outcome<Advisory>.Conflict("点検を割り当てていません。対象のシステム・部署に点検を割り当ててから完了にしてください。");
            }
            if (tasks.Count(t => !t.IsDone) is var open and > 0)
            {
                return Outcome<Advisory>.Conflict($"結果が記録されていない点検が{open}件あります。すべての点検の結果がそろってから完了にしてください。");
            }
        }
        advisory.ClosedOn = close ? JapanTime.Today(clock) : null;
        return await OptimisticSave.SaveAsync(db, advisory, ct);
    }

    /// <summary>Makes the notice a 報告 to the council (an unnumbered item with the checks' results), once.</summary>
    public static async Task<Outcome<Advisory>> ReportAsync(AppDbContext db, Guid id, Guid councilId, TimeProvider clock, CancellationToken ct)
    {
        var advisory = await db.Advisories.FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory is null)
        {
            return Outcome<Advisory>.NotFound(NotFound);
        }
        if (advisory.CouncilItemId is not null)
        {
            return Outcome<Advisory>.Conflict("この通知はすでに審議会へ報告しています。");
        }
        var tasks = await db.AdvisoryTasks.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Where(t => t.AdvisoryId == id).ToListAsync(ct);
        var results = string.Join("、", tasks.Where(t => t.Outcome is not null).GroupBy(t => t.Outcome!.Value).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.JapaneseName()} {g.Count()}件"));
        var item = await CouncilWorkflow.SaveItemAsync(db, null, new ItemInput
        {
            CouncilId = councilId,
            Kind = ItemKind.Report,
            Unnumbered = true,
            Title = $"{advisory.SourceText()}の通知「{advisory.Title}」への対応について",
            SubmittedOn = JapanTime.Today(clock),
            About = $"{advisory.SourceText()} {advisory.Number} {WarekiDate.Format(advisory.IssuedOn)}。点検 {tasks.Count}件"
                + (results.Length > 0 ? $"（{results}）" : "") + (advisory.IsClosed ? $"、{WarekiDate.Format(advisory.ClosedOn!.Value)}に完了。" : "、対応中。"),
        }, ct);
        if (!item.Ok)
        {
            return item.Refused<Advisory>();
        }
        advisory.CouncilItemId = item.Value!.Id;
        return await OptimisticSave.SaveAsync(db, advisory, ct);
    }
}
