using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>Registers or corrects a 委託契約: contractor, period, systems and files, work, place, 特記事項, certifications, handlers.</summary>
[Authorize(Policy = Policies.ContractsWrite)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class CertificationRow
    {
        public string? Name { get; set; }
        public string? Number { get; set; }
        public string? ExpiresOn { get; set; }
    }

    public sealed class InputModel
    {
        public string? Title { get; set; }
        public string? Contractor { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? StartOn { get; set; }
        public string? EndOn { get; set; }
        public List<Guid> SystemIds { get; set; } = [];
        public List<Guid> RegisterFileIds { get; set; } = [];
        public List<Guid> AssessedBusinessIds { get; set; } = [];
        public List<Guid> ReviewCaseIds { get; set; } = [];
        public List<string> WorkKinds { get; set; } = [];
        public WorkPlace WorkPlace { get; set; }
        public List<string> Clauses { get; set; } = [];
        public string? OtherClauses { get; set; }
        public string? HandlingManager { get; set; }
        public string? Handlers { get; set; }
        public List<CertificationRow> Certifications { get; set; } = [];
        public Guid? Version { get; set; }
    }

    /// <summary>Rows offered for certifications on the form.</summary>
    public const int CertificationRows = 3;

    [BindProperty] public InputModel Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public IReadOnlyList<DepartmentNode> Departments { get; private set; } = [];
    public IReadOnlyList<string> Required { get; private set; } = [];
    public Dictionary<Guid, string> Systems { get; private set; } = [];
    public Dictionary<Guid, string> Files { get; private set; } = [];
    public Dictionary<Guid, string> Businesses { get; private set; } = [];
    public Dictionary<Guid, string> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var c = await db.Contracts.AsNoTracking().Include(x => x.Certifications).FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (c is null)
            {
                return NotFound();
            }
            var required = await ClauseTemplate.RequiredAsync(db, ct);
            Input = new InputModel
            {
                Title = c.Title,
                Contractor = c.Contractor,
                DepartmentId = c.DepartmentId,
                StartOn = WarekiDate.Format(c.StartOn),
                EndOn = WarekiDate.Format(c.EndOn),
                SystemIds = c.SystemIds,
                RegisterFileIds = c.RegisterFileIds,
                AssessedBusinessIds = c.AssessedBusinessIds,
                ReviewCaseIds = c.ReviewCaseIds,
                WorkKinds = c.WorkKinds,
                WorkPlace = c.WorkPlace,
                Clauses = c.Clauses.Where(required.Contains).ToList(),
                OtherClauses = string.Join("\n", c.Clauses.Where(x => !required.Contains(x))),
                HandlingManager = c.HandlingManager,
                Handlers = string.Join("\n", c.Handlers),
                Certifications = c.Certifications.Select(x => new CertificationRow { Name = x.Name, Number = x.Number, ExpiresOn = x.ExpiresOn is { } e ? WarekiDate.Format(e) : null }).ToList(),
                Version = c.Version,
            };
        }
        else if (db.Tenant.RestrictToDepartment)
        {
            Input.DepartmentId = db.Tenant.DepartmentId;
        }
        return await PrepareAsync(id, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var start = ParseDate(Input.StartOn, "Input.StartOn");
        var end = ParseDate(Input.EndOn, "Input.EndOn");
        var certifications = Input.Certifications.Select((c, i) => new CertificationInput(c.Name, c.Number, ParseDate(c.ExpiresOn, $"Input.Certifications[{i}].ExpiresOn"))).ToList();
        if (ModelState.IsValid)
        {
            var outcome = await SaveContract.RunAsync(db, id, new ContractInput
            {
                Title = Input.Title,
                Contractor = Input.Contractor,
                DepartmentId = Input.DepartmentId,
                StartOn = start,
                EndOn = end,
                SystemIds = Input.SystemIds,
                RegisterFileIds = Input.RegisterFileIds,
                AssessedBusinessIds = Input.AssessedBusinessIds,
                ReviewCaseIds = Input.ReviewCaseIds,
                WorkKinds = Input.WorkKinds,
                WorkPlace = Input.WorkPlace,
                Clauses = [.. Input.Clauses, .. Lines(Input.OtherClauses)],
                HandlingManager = Input.HandlingManager,
                Handlers = Lines(Input.Handlers),
                Certifications = certifications,
                Version = Input.Version,
            }, ct);
            if (outcome.Ok)
            {
                Flash($"委託契約「{outcome.Value!.Title}」を保存しました。");
                return Redirect($"/contracts/{outcome.Value.Id}");
            }
            AddErrors(outcome);
        }
        return await PrepareAsync(id, ct);
    }

    private static List<string> Lines(string? text) => (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Required = await ClauseTemplate.RequiredAsync(db, ct);
        (Systems, Files) = await ContractsPages.LinksAsync(db, ct);
        Businesses = await Core.Features.Systems.SystemLinks.BusinessesAsync(db, ct);
        Cases = await ContractLinks.ReviewCasesAsync(db, ct);
        while (Input.Certifications.Count < CertificationRows)
        {
            Input.Certifications.Add(new CertificationRow());
        }
        SetTitle(id is null ? "委託契約を登録する" : "委託契約を直す", ContractsPages.Root);
        return Page();
    }
}
