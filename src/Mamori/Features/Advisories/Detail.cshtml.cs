using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Advisories;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Advisories;

/// <summary>
/// One notice: what it requires, the checks given to systems and departments with their results and evidence, and —
/// for the office — giving it out, closing it and reporting it to the council. A 所管課 sees and records its own checks.
/// </summary>
[Authorize(Policy = Policies.AdvisoriesRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public sealed record TaskRow(AdvisoryTask Task, string Department, string? Target)
    {
        public string TargetText => Target ?? "（部署として）";
    }

    [BindProperty] public List<Guid> SystemIds { get; set; } = [];
    [BindProperty] public List<Guid> DepartmentIds { get; set; } = [];
    [BindProperty] public List<Guid> TerminalIds { get; set; } = [];
    [BindProperty] public Guid? TaskId { get; set; }
    [BindProperty] public AdvisoryOutcome? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? DoneOn { get; set; }
    [BindProperty] public IFormFile? Evidence { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    [BindProperty] public Guid? CouncilId { get; set; }

    public Advisory Advisory { get; private set; } = null!;
    public List<TaskRow> Tasks { get; private set; } = [];
    public List<(Guid Id, string Name, string Department)> Systems { get; private set; } = [];
    public List<(Guid Id, string Name, string Department)> Terminals { get; private set; } = [];
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<(Guid Id, string Name)> Councils { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanCheck { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        DoneOn = WarekiDate.Format(JapanTime.Today(clock));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid fileId, CancellationToken ct)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory?.FileId == fileId)
        {
            return await Uploads.ServeAsync(this, db, fileId, advisory.ContentType!, advisory.FileName!, ct);
        }
        // Evidence of a check the user may see (the department filter applies).
        var task = await db.AdvisoryTasks.AsNoTracking().FirstOrDefaultAsync(t => t.AdvisoryId == id && t.EvidenceFileId == fileId, ct);
        return task is null ? NotFound() : await Uploads.ServeAsync(this, db, fileId, task.EvidenceType!, task.EvidenceName!, ct);
    }

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Policies.AdvisoriesManage, () => AdvisoryWorkflow.AssignAsync(db, id, new CheckTargets(SystemIds, TerminalIds, DepartmentIds), ct),
            made => made.Count == 0 ? "選んだシステム・統合端末・部署にはすでに点検を割り当てています。" : $"{made.Count}件の点検を割り当てました。", ct);

    public async Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken ct)
    {
        var done = ParseDate(DoneOn, nameof(DoneOn));
        var (content, tooLarge) = await Uploads.ReadAsync(Evidence, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (!ModelState.IsValid || tooLarge is not null)
        {
            return await ShowAsync(id, tooLarge is null ? Outcome<AdvisoryTask>.Fail(nameof(DoneOn), "実施日を確かめてください。") : Outcome<AdvisoryTask>.Fail("Evidence", tooLarge), ct);
        }
        return await RunAsync(id, Policies.AdvisoriesCheck,
            () => AdvisoryWorkflow.RecordAsync(db, TaskId ?? Guid.Empty, new CheckResult(Outcome, Note, done, Evidence?.FileName, content), Version, clock, ct),
            t => $"点検の結果「{t.Outcome!.Value.JapaneseName()}」を記録しました。", ct);
    }

    public Task<IActionResult> OnPostCloseAsync(Guid id, bool close, CancellationToken ct) =>
        RunAsync(id, Policies.AdvisoriesManage, () => AdvisoryWorkflow.CloseAsync(db, id, close, clock, ct), a => a.IsClosed ? "完了にしました。" : "完了を取り消しました。", ct);

    public Task<IActionResult> OnPostReportAsync(Guid id, CancellationToken ct) =>
        RunAsync(id, Policies.CouncilManage, () => AdvisoryWorkflow.ReportAsync(db, id, CouncilId ?? Guid.Empty, clock, ct),
            _ => "審議会への報告（諮問・報告の一覧）に加えました。会議に議題として加えてください。", ct);

    private async Task<IActionResult> RunAsync<T>(Guid id, string policy, Func<Task<Outcome<T>>> action, Func<T, string> done, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, policy))
        {
            return Forbid();
        }
        var outcome = await action();
        if (!outcome.Ok)
        {
            return await ShowAsync(id, outcome, ct);
        }
        Flash(done(outcome.Value!));
        return Redirect($"/advisories/{id}");
    }

    private async Task<IActionResult> ShowAsync<T>(Guid id, Outcome<T> failed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        AddErrors(failed, "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var advisory = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (advisory is null)
        {
            return false;
        }
        Advisory = advisory;
        Today = JapanTime.Today(clock);
        CanManage = await AllowedAsync(authz, Policies.AdvisoriesManage);
        CanCheck = await AllowedAsync(authz, Policies.AdvisoriesCheck);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        var labels = Departments.ToDictionary(d => d.Id, d => d.Label);
        var systems = await db.BusinessSystems.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.DepartmentId }).ToListAsync(ct);
        Systems = systems.Select(s => (s.Id, s.Name, labels.GetValueOrDefault(s.DepartmentId, ""))).ToList();
        var terminals = await db.Terminals.AsNoTracking().OrderBy(t => t.Code).Select(t => new { t.Id, t.Code, t.Place, t.DepartmentId, t.RemovedOn }).ToListAsync(ct);
        static string Terminal(string code, string place) => $"統合端末 {code}（{place}）";
        Terminals = terminals.Where(t => t.RemovedOn == null)
            .Select(t => (t.Id, Terminal(t.Code, t.Place), t.DepartmentId is { } d ? labels.GetValueOrDefault(d, "") : "設置課なし")).ToList();
        var tasks = await db.AdvisoryTasks.AsNoTracking().Where(t => t.AdvisoryId == id).ToListAsync(ct);
        Tasks = tasks.Select(t => new TaskRow(t, labels.GetValueOrDefault(t.DepartmentId, ""),
                systems.FirstOrDefault(s => s.Id == t.SystemId)?.Name ?? terminals.Where(x => x.Id == t.TerminalId).Select(x => Terminal(x.Code, x.Place)).FirstOrDefault()))
            .OrderBy(r => r.Department).ThenBy(r => r.Target).ToList();
        if (await AllowedAsync(authz, Policies.CouncilManage))
        {
            Councils = (await db.Councils.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
                .Select(c => (c.Id, c.Name)).ToList();
        }
        SetTitle(advisory.Title, new Crumb("国の通知・注意喚起", "/advisories"));
        return true;
    }
}
