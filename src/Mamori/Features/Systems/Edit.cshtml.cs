using Mamori.Core.Data;
using Mamori.Core.Features.Systems;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Systems;

/// <summary>Registers or corrects a business system: its 所管課 and 利用課, what it holds, where it runs, who administers it.</summary>
[Authorize(Policy = Policies.SystemsWrite)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public Guid? DepartmentId { get; set; }
        public string? Vendor { get; set; }
        public SystemHosting Hosting { get; set; }
        public bool HoldsMyNumber { get; set; }
        public string? Holds { get; set; }
        public List<Guid> RegisterFileIds { get; set; } = [];
        public Guid? AssessedBusinessId { get; set; }
        public string? AccessLogSource { get; set; }
        public List<Guid> UsingDepartmentIds { get; set; } = [];
        public List<string> AdministratorIds { get; set; } = [];
        public int? UnusedDays { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new() { UnusedDays = AccountCheck.DefaultUnusedDays };
    public Guid? Id { get; private set; }
    public SystemLinks Links { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var s = await db.BusinessSystems.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (s is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Name = s.Name,
                DepartmentId = s.DepartmentId,
                Vendor = s.Vendor,
                Hosting = s.Hosting,
                HoldsMyNumber = s.HoldsMyNumber,
                Holds = s.Holds,
                RegisterFileIds = s.RegisterFileIds,
                AssessedBusinessId = s.AssessedBusinessId,
                AccessLogSource = s.AccessLogSource,
                UsingDepartmentIds = s.UsingDepartmentIds,
                AdministratorIds = s.AdministratorIds,
                UnusedDays = s.UnusedDays,
                Version = s.Version,
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
        if (ModelState.IsValid)
        {
            var outcome = await SaveSystem.RunAsync(db, id, new SystemInput
            {
                Name = Input.Name,
                DepartmentId = Input.DepartmentId,
                Vendor = Input.Vendor,
                Hosting = Input.Hosting,
                HoldsMyNumber = Input.HoldsMyNumber,
                Holds = Input.Holds,
                RegisterFileIds = Input.RegisterFileIds,
                AssessedBusinessId = Input.AssessedBusinessId,
                AccessLogSource = Input.AccessLogSource,
                UsingDepartmentIds = Input.UsingDepartmentIds,
                AdministratorIds = Input.AdministratorIds,
                UnusedDays = Input.UnusedDays,
                Version = Input.Version,
            }, ct);
            if (outcome.Ok)
            {
                Flash($"情報システム「{outcome.Value!.Name}」を保存しました。");
                return Redirect($"/systems/{outcome.Value.Id}");
            }
            AddErrors(outcome);
        }
        return await PrepareAsync(id, ct);
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        Links = await SystemLinks.LoadAsync(db, ct);
        SetTitle(id is null ? "情報システムを登録する" : "情報システムを直す", SystemsPages.Root);
        return Page();
    }
}
