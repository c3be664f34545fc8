using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.MyNumber;

/// <summary>Records or corrects an 独自利用事務: the ordinance row, the department, the use, the information by source, 情報連携 and its basis.</summary>
[Authorize(Policy = Policies.AssessmentsWrite)]
public sealed class ProcedureEditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Ordinance { get; set; }
        public string? Row { get; set; }
        public string? Purpose { get; set; }
        public string? Sources { get; set; }
        public bool UsesLinkage { get; set; }
        public string? LinkageBasis { get; set; }
        public Guid? AssessedBusinessId { get; set; }
        public List<Guid> RegisterFileIds { get; set; } = [];
        public Guid? AmendmentId { get; set; }
        public string? EffectiveOn { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<(Guid Id, string Name)> Businesses { get; private set; } = [];
    public List<(Guid Id, string Title)> Amendments { get; private set; } = [];
    public Dictionary<Guid, string> Files { get; private set; } = [];

    /// <summary>The new wording an amendment gives a procedure in force: the amendment is fixed and the state follows it.</summary>
    public bool IsRevision { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var p = await db.MyNumberProcedures.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (p is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Name = p.Name,
                DepartmentId = p.DepartmentId,
                Ordinance = p.Ordinance,
                Row = p.Row,
                Purpose = p.Purpose,
                Sources = p.Sources,
                UsesLinkage = p.UsesLinkage,
                LinkageBasis = p.LinkageBasis,
                AssessedBusinessId = p.AssessedBusinessId,
                RegisterFileIds = p.RegisterFileIds,
                AmendmentId = p.AmendmentId,
                EffectiveOn = p.EffectiveOn is { } on ? WarekiDate.Format(on) : null,
                Version = p.Version,
            };
        }
        else
        {
            Input.DepartmentId = db.Tenant.DepartmentId;
            Input.Ordinance = (await db.MyNumberProcedures.AsNoTracking().OrderByDescending(p => p.Id).Select(p => p.Ordinance).FirstOrDefaultAsync(ct))
                ?? "行政手続における特定の個人を識別するための番号の利用等に関する条例";
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var effective = ParseDate(Input.EffectiveOn, "Input.EffectiveOn");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var saved = await MyNumberWorkflow.SaveProcedureAsync(db, db.Tenant.MunicipalityId!.Value, id, new ProcedureInput
        {
            Name = Input.Name,
            DepartmentId = Input.DepartmentId,
            Ordinance = Input.Ordinance,
            Row = Input.Row,
            Purpose = Input.Purpose,
            Sources = Input.Sources,
            UsesLinkage = Input.UsesLinkage,
            LinkageBasis = Input.LinkageBasis,
            AssessedBusinessId = Input.AssessedBusinessId,
            RegisterFileIds = Input.RegisterFileIds,
            AmendmentId = Input.AmendmentId,
            EffectiveOn = effective,
        }, Input.Version, ct);
        if (!saved.Ok)
        {
            AddErrors(saved);
            return await PrepareAsync(id, ct);
        }
        var p = saved.Value!;
        if (p.Pending == PendingChange.Change)
        {
            Flash($"「{p.Name}」の改正後の内容を保存しました。改正の施行の日に、今の内容と置き換わります。");
            return Redirect($"/mynumber/amendments/{p.AmendmentId}");
        }
        Flash(p.State == ProcedureState.Planned ? $"「{p.Name}」を条例改正で加える事務として登録しました。改正の施行の日から施行中になります。" : $"「{p.Name}」を保存しました。");
        return Redirect("/mynumber");
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Files = await Core.Features.Systems.SystemLinks.FilesAsync(db, ct);
        IsRevision = id is { } revised && await db.MyNumberProcedures.AnyAsync(p => p.Id == revised && p.ReplacesId != null && p.Pending != null, ct);
        Businesses = (await db.AssessedBusinesses.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct)).Select(b => (b.Id, b.Name)).ToList();
        Amendments = (await db.OrdinanceAmendments.AsNoTracking().Where(a => a.EnforcedOn == null || a.Id == Input.AmendmentId).OrderBy(a => a.Title)
            .Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title)).ToList();
        SetTitle(id is null ? "独自利用事務を登録する" : "独自利用事務を直す", new Crumb("独自利用事務", "/mynumber"));
        return Page();
    }
}
