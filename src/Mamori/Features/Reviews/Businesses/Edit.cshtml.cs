using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Businesses;

[Authorize(Policy = Policies.ReviewsWrite)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? JointDepartments { get; set; }
        public string? Summary { get; set; }
        public List<HandlingType> Types { get; set; } = [];
        public bool IsDiscontinued { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var b = await db.Businesses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (b is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Name = b.Name,
                DepartmentId = b.DepartmentId,
                JointDepartments = b.JointDepartments,
                Summary = b.Summary,
                Types = b.Types.ToList(),
                IsDiscontinued = b.IsDiscontinued,
                Version = b.Version,
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
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await ReviewWorkflow.SaveBusinessAsync(db, id, new BusinessInput(Input.Name, Input.DepartmentId, Input.JointDepartments, Input.Summary,
            Input.Types, Input.IsDiscontinued, Input.Version), ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash($"「{outcome.Value!.Name}」を保存しました。");
        return Redirect("/reviews/businesses");
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Departments = await DepartmentTree.AssignableAsync(db, ct);
        SetTitle(id is null ? "取扱事務の登録" : "取扱事務の編集", new Crumb("自己点検・部会審査", "/reviews"), new Crumb("取扱事務", "/reviews/businesses"));
        return Page();
    }
}
