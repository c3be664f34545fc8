using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Staff;

[Authorize(Policy = Policies.StaffWrite)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? EmployeeNumber { get; set; }
        public string? Name { get; set; }
        public string? NameKana { get; set; }
        public Guid? DepartmentId { get; set; }
        public StaffStatus Status { get; set; }
        public string? StartDate { get; set; }
        public string? EndDate { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty]
    public string? AbsenceStart { get; set; }

    [BindProperty]
    public string? AbsenceEnd { get; set; }

    [BindProperty]
    public string? AbsenceReason { get; set; }

    public Guid? Id { get; private set; }
    public List<DepartmentNode> Departments { get; private set; } = [];
    public List<AbsencePeriod> Absences { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var s = await db.Staff.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (s is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                EmployeeNumber = s.EmployeeNumber,
                Name = s.Name,
                NameKana = s.NameKana,
                DepartmentId = s.DepartmentId,
                Status = s.Status,
                StartDate = s.StartDate is { } sd ? WarekiDate.Format(sd) : null,
                EndDate = s.EndDate is { } ed ? WarekiDate.Format(ed) : null,
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
        var start = ParseDate(Input.StartDate, "Input.StartDate");
        var end = ParseDate(Input.EndDate, "Input.EndDate");
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(id, ct);
        }
        var outcome = await SaveStaff.RunAsync(db, id,
            new StaffInput
            {
                EmployeeNumber = Input.EmployeeNumber,
                Name = Input.Name,
                NameKana = Input.NameKana,
                DepartmentId = Input.DepartmentId,
                Status = Input.Status,
                StartDate = start,
                EndDate = end,
                Version = Input.Version,
            }, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(id, ct);
        }
        Flash($"職員「{outcome.Value!.Name}」を保存しました。");
        return Redirect($"/organization/staff/{outcome.Value.Id}");
    }

    public async Task<IActionResult> OnPostAddAbsenceAsync(Guid? id, CancellationToken ct)
    {
        if (id is not { } staffId)
        {
            return NotFound();
        }
        // Only the absence form was posted: reload the staff fields instead of validating them.
        ModelState.Clear();
        var start = ParseDate(AbsenceStart, nameof(AbsenceStart));
        var end = ParseDate(AbsenceEnd, nameof(AbsenceEnd));
        if (ModelState.IsValid)
        {
            var outcome = await SaveStaff.AddAbsenceAsync(db, staffId, start, end, AbsenceReason, ct);
            if (outcome.Ok)
            {
                Flash("休職・休業期間を追加しました。");
                return Redirect($"/organization/staff/edit/{staffId}#absences");
            }
            AddErrors(outcome, prefix: string.Empty);
        }
        return await OnGetAsync(id, ct) is NotFoundResult ? NotFound() : Page();
    }

    private async Task<IActionResult> PrepareAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        SetTitle(id is null ? "職員の追加" : "職員の編集", new Crumb("職員", "/organization/staff"));
        Departments = await DepartmentTree.AssignableAsync(db, ct);
        if (id is { } staffId)
        {
            Absences = await db.AbsencePeriods.AsNoTracking().Where(a => a.StaffId == staffId).OrderBy(a => a.Start).ToListAsync(ct);
        }
        return Page();
    }
}
