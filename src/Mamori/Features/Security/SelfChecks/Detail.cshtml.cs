using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.SelfChecks;

/// <summary>
/// One campaign: completion per department, results per question, the departments' 振り返り, and (セキュリティ担当)
/// the question sets. A 所管課 user sees and writes its own department only.
/// </summary>
[Authorize(Policy = Policies.SelfCheckResults)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class SetInput
    {
        public Guid? SetId { get; set; }
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Questions { get; set; }
    }

    public sealed class ReflectionInput
    {
        public Guid? DepartmentId { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public SetInput Set { get; set; } = new();
    [BindProperty] public ReflectionInput Reflection { get; set; } = new();
    public SelfCheckCampaign Campaign { get; private set; } = null!;
    public List<DepartmentProgress> Progress { get; private set; } = [];
    public List<(SelfCheckQuestionSet Set, List<QuestionResult> Results)> Results { get; private set; } = [];
    public List<DepartmentNode> Departments { get; private set; } = [];
    public Dictionary<Guid, string> Labels { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanReflect { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Set.Questions = StaffSelfChecks.DefaultQuestions;
        Reflection.DepartmentId = db.Tenant.DepartmentId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSetAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var outcome = await StaffSelfChecks.SaveSetAsync(db, id, Set.SetId, Set.Name, Set.DepartmentId, Set.Questions, ct);
        if (!outcome.Ok)
        {
            // Messages about an existing set belong to its own form, not to the fields of the one that adds a set.
            AddErrors(outcome, Set.SetId is null ? "Set" : "");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        Flash($"質問セット「{outcome.Value!.Name}」を保存しました。");
        return Redirect($"/security/self-checks/{id}#sets");
    }

    public async Task<IActionResult> OnPostReflectAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SelfCheckReflect))
        {
            return Forbid();
        }
        var department = db.Tenant.RestrictToDepartment ? db.Tenant.DepartmentId : Reflection.DepartmentId;
        if (department is null)
        {
            ModelState.AddModelError("Reflection.DepartmentId", "部署を選んでください。");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        var outcome = await StaffSelfChecks.ReflectAsync(db, id, department.Value, Reflection.Note, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome, "Reflection");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }
        Flash("振り返りを保存しました。");
        return Redirect($"/security/self-checks/{id}#progress");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.SelfCheckCampaigns.AsNoTracking().Include(c => c.Sets).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        CanManage = await AllowedAsync(authz, Policies.SecurityWrite);
        CanReflect = await AllowedAsync(authz, Policies.SelfCheckReflect);
        Progress = await StaffSelfChecks.ProgressAsync(db, id, ct);
        Results = await StaffSelfChecks.ResultsAsync(db, id, ct);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Labels = Departments.ToDictionary(d => d.Id, d => d.Label);
        SetTitle(campaign.Title, new Crumb("職員セルフチェック", "/security/self-checks"));
        return true;
    }
}
