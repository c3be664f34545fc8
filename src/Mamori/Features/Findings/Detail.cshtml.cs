using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>
/// One finding: what was found, the department's response and progress, the evidence files, the office's closing
/// check, and the recurring tasks its countermeasure set up.
/// </summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class ResponseInput
    {
        public string? Countermeasure { get; set; }
        public string? Owner { get; set; }
        public FindingStatus Status { get; set; }
        public string? DoneOn { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class CheckInput
    {
        public string? CheckedOn { get; set; }
        public string? CheckNote { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public ResponseInput Input { get; set; } = new();
    [BindProperty] public CheckInput Check { get; set; } = new();
    [BindProperty] public string? EvidenceTitle { get; set; }

    public Finding Finding { get; private set; } = null!;
    public Inspection Inspection { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public string? IncidentLabel { get; private set; }
    public IReadOnlyList<FindingEvidence> Evidence { get; private set; } = [];
    public IReadOnlyList<RecurringTask> Tasks { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanRespond { get; private set; }
    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new ResponseInput
        {
            Countermeasure = Finding.Countermeasure,
            Owner = Finding.Owner,
            Status = Finding.Status == FindingStatus.Confirmed ? FindingStatus.Done : Finding.Status,
            DoneOn = Finding.DoneOn is { } d ? WarekiDate.Format(d) : null,
            Version = Finding.Version,
        };
        Check = new CheckInput { CheckedOn = WarekiDate.Format(Today), Version = Finding.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostRespondAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.FindingsRespond))
        {
            return Forbid();
        }
        var doneOn = ParseDate(Input.DoneOn, "Input.DoneOn");
        if (ModelState.IsValid)
        {
            var outcome = await FindingWorkflow.RespondAsync(db, id, new FindingResponse(Input.Countermeasure, Input.Owner, Input.Status, doneOn), Input.Version, clock, ct);
            if (outcome.Ok)
            {
                Flash($"対応を「{outcome.Value!.Status.JapaneseName()}」として保存しました。" + (outcome.Value.Status == FindingStatus.Done ? "事務局の確認を待ちます。" : ""));
                return Redirect($"/findings/{id}");
            }
            AddErrors(outcome);
        }
        return await ReloadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCheckAsync(Guid id, bool confirm, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.FindingsManage))
        {
            return Forbid();
        }
        var checkedOn = ParseDate(Check.CheckedOn, "Check.CheckedOn");
        if (ModelState.IsValid)
        {
            var outcome = await FindingWorkflow.CheckAsync(db, id, confirm, checkedOn, Check.CheckNote, Check.Version, clock, ct);
            if (outcome.Ok)
            {
                Flash(confirm ? "確認済にしました。" : "対応中に戻しました。対応課に理由を伝えてください。");
                return Redirect($"/findings/{id}");
            }
            AddErrors(outcome, "Check");
        }
        return await ReloadAsync(id, ct);
    }

    public async Task<IActionResult> OnPostEvidenceAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.FindingsRespond))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(file, UploadRules.MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("File", tooLarge);
            return await ReloadAsync(id, ct);
        }
        var outcome = await FindingWorkflow.AddEvidenceAsync(db, id, EvidenceTitle, file?.FileName, content, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome, "");
            return await ReloadAsync(id, ct);
        }
        Flash($"証跡「{outcome.Value!.Title}」を登録しました。");
        return Redirect($"/findings/{id}");
    }

    public async Task<IActionResult> OnPostDeleteEvidenceAsync(Guid id, Guid evidenceId, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.FindingsRespond))
        {
            return Forbid();
        }
        var outcome = await FindingWorkflow.DeleteEvidenceAsync(db, evidenceId, ct);
        Flash(outcome.Ok ? $"証跡「{outcome.Value!.Title}」を削除しました。" : outcome.Describe(), error: !outcome.Ok);
        return Redirect($"/findings/{id}");
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var finding = await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null)
        {
            return false;
        }
        Finding = finding;
        Inspection = await db.Inspections.AsNoTracking().FirstAsync(i => i.Id == finding.InspectionId, ct);
        Department = (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(finding.DepartmentId, "");
        if (finding.IncidentId is { } incidentId)
        {
            IncidentLabel = await db.Incidents.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(i => i.Id == incidentId)
                .Select(i => "第" + i.Number + "号 " + i.Title).FirstOrDefaultAsync(ct);
        }
        Evidence = await db.FindingEvidence.AsNoTracking().Where(e => e.FindingId == id).OrderBy(e => e.UploadedAt).ToListAsync(ct);
        Tasks = await db.RecurringTasks.AsNoTracking().Where(t => t.FindingId == id).OrderBy(t => t.Title).ToListAsync(ct);
        Today = JapanTime.Today(clock);
        CanRespond = await AllowedAsync(authz, Policies.FindingsRespond);
        CanManage = await AllowedAsync(authz, Policies.FindingsManage);
        SetTitle($"{finding.Law.JapaneseName()}{FindingNames.NumberLabel(finding.Number)} {finding.Heading}", FindingsPages.Root,
            new Crumb(Inspection.Title, $"/findings/inspections/{Inspection.Id}"));
        return true;
    }
}
