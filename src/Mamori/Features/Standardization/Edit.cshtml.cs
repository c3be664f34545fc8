using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Standardization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Standardization;

/// <summary>One 業務's move: systems, vendors, provision, cloud, dates, phase, the PIA business — and the 重要な変更 the move is.</summary>
[Authorize(Policy = Policies.AssessmentsWrite)]
public sealed class EditModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? CurrentSystem { get; set; }
        public string? CurrentVendor { get; set; }
        public string? TargetSystem { get; set; }
        public string? TargetVendor { get; set; }
        public ProvisionModel? Model { get; set; }
        public string? Cloud { get; set; }
        public bool IsmapListed { get; set; }
        public string? PlannedOn { get; set; }
        public string? MigratedOn { get; set; }
        public MigrationPhase Phase { get; set; }
        public Guid? AssessedBusinessId { get; set; }
        public bool ChangesSpecificPersonalInfo { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public string? Sections { get; set; } = StandardizationWorkflow.DefaultSections;
    public Guid? Id { get; private set; }
    public StandardizationTarget? Target { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<(Guid Id, string Name)> Businesses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var t = await db.StandardizationTargets.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (t is null)
            {
                return NotFound();
            }
            static string? F(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
            Input = new InputModel
            {
                Name = t.Name,
                DepartmentId = t.DepartmentId,
                CurrentSystem = t.CurrentSystem,
                CurrentVendor = t.CurrentVendor,
                TargetSystem = t.TargetSystem,
                TargetVendor = t.TargetVendor,
                Model = t.Model,
                Cloud = t.Cloud,
                IsmapListed = t.IsmapListed,
                PlannedOn = F(t.PlannedOn),
                MigratedOn = F(t.MigratedOn),
                Phase = t.Phase,
                AssessedBusinessId = t.AssessedBusinessId,
                ChangesSpecificPersonalInfo = t.ChangesSpecificPersonalInfo,
                Note = t.Note,
                Version = t.Version,
            };
        }
        else
        {
            Input.DepartmentId = db.Tenant.DepartmentId;
            Input.Cloud = "ガバメントクラウド";
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var planned = ParseDate(Input.PlannedOn, "Input.PlannedOn");
        var migrated = ParseDate(Input.MigratedOn, "Input.MigratedOn");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var saved = await StandardizationWorkflow.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, new TargetInput
        {
            Name = Input.Name,
            DepartmentId = Input.DepartmentId,
            CurrentSystem = Input.CurrentSystem,
            CurrentVendor = Input.CurrentVendor,
            TargetSystem = Input.TargetSystem,
            TargetVendor = Input.TargetVendor,
            Model = Input.Model,
            Cloud = Input.Cloud,
            IsmapListed = Input.IsmapListed,
            PlannedOn = planned,
            MigratedOn = migrated,
            Phase = Input.Phase,
            AssessedBusinessId = Input.AssessedBusinessId,
            ChangesSpecificPersonalInfo = Input.ChangesSpecificPersonalInfo,
            Note = Input.Note,
        }, Input.Version, ct);
        if (!saved.Ok)
        {
            AddErrors(saved);
            return await PrepareAsync(id, ct);
        }
        Flash(StandardizationWorkflow.NeedsPiaChange(saved.Value!)
            ? $"「{saved.Value!.Name}」を保存しました。特定個人情報の取扱いが変わるため、重要な変更として記録してください。"
            : $"「{saved.Value!.Name}」を保存しました。");
        return Redirect(StandardizationWorkflow.NeedsPiaChange(saved.Value!) ? $"/standardization/edit/{saved.Value!.Id}#pia" : "/standardization");
    }

    public async Task<IActionResult> OnPostPiaChangeAsync(Guid id, CancellationToken ct)
    {
        var recorded = await StandardizationWorkflow.RecordPiaChangeAsync(db, id, Sections, clock, ct);
        if (!recorded.Ok)
        {
            ModelState.Clear();
            AddErrors(recorded, "");
            return await OnGetAsync(id, ct) is NotFoundResult ? NotFound() : Page();
        }
        Flash("特定個人情報保護評価に重要な変更として記録しました。事前の項目があるため、再評価の期限が評価の一覧に出ます。");
        return Redirect($"/assessments/businesses/{recorded.Value!.AssessedBusinessId}");
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Target = id is { } existing ? await db.StandardizationTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == existing, ct) : null;
        if (id is not null && Target is null)
        {
            return NotFound();
        }
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Businesses = (await db.AssessedBusinesses.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => (b.Id, b.Name)).ToList();
        SetTitle(id is null ? "移行の対象業務を加える" : $"{Target!.Name}の移行", new Crumb("標準準拠システムへの移行", "/standardization"));
        return Page();
    }
}
