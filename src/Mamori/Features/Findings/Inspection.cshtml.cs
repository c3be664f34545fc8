using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>One inspection: its dates and departments, and its findings grouped by law with their state.</summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class InspectionModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public Inspection Inspection { get; private set; } = null!;
    public IReadOnlyList<Finding> Findings { get; private set; } = [];
    public Dictionary<Guid, string> Labels { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Departments).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return NotFound();
        }
        Inspection = inspection;
        // Law is stored by name; the table order is the enum's (個人情報保護法 first), so sort after loading.
        Findings = (await db.Findings.AsNoTracking().Where(f => f.InspectionId == id).ToListAsync(ct)).OrderBy(f => f.Law).ThenBy(f => f.Number).ToList();
        if (db.Tenant.RestrictToDepartment && Findings.Count == 0)
        {
            return NotFound();
        }
        Labels = await DepartmentTree.LabelsAsync(db, ct);
        Today = JapanTime.Today(clock);
        CanManage = await AllowedAsync(authz, Policies.FindingsManage);
        CanReport = await AllowedAsync(authz, Policies.FindingsReport);
        SetTitle(inspection.Title, FindingsPages.Root, FindingsPages.Inspections);
        return Page();
    }
}
