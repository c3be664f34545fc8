using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Departments;

[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? ParentId { get; set; }
        public string? Code { get; set; }
        public int SortOrder { get; set; }
        public bool IsActive { get; set; } = true;
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<DepartmentNode> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var d = await db.Departments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (d is null)
            {
                return NotFound();
            }
            Input = new InputModel { Name = d.Name, ParentId = d.ParentId, Code = d.Code, SortOrder = d.SortOrder, IsActive = d.IsActive, Version = d.Version };
        }
        await PrepareAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await PrepareAsync(id, ct);
            return Page();
        }
        var outcome = await SaveDepartment.RunAsync(db, id,
            new DepartmentInput(Input.Name, Input.Code, Input.ParentId, Input.SortOrder, Input.IsActive, Input.Version), ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            await PrepareAsync(id, ct);
            return Page();
        }
        Flash($"部署「{outcome.Value!.Name}」を保存しました。");
        return Redirect("/organization/departments");
    }

    private async Task PrepareAsync(Guid? id, CancellationToken ct)
    {
        SetTitle(id is null ? "部署の追加" : "部署の編集", new Crumb("部署", "/organization/departments"));
        Parents = (await DepartmentTree.LoadAsync(db, ct)).Where(n => n.Depth == 0 && n.Id != id).ToList();
    }
}
