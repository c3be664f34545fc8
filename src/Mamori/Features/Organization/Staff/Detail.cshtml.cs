using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Staff;

[Authorize(Policy = Policies.OrganizationRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public Core.Features.Organization.Staff? Staff { get; private set; }
    public string DepartmentLabel { get; private set; } = string.Empty;
    public List<string> Accounts { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Staff = await db.Staff.AsNoTracking().Include(s => s.Absences).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (Staff is null)
        {
            return NotFound();
        }
        SetTitle(Staff.Name, new Crumb("職員", "/organization/staff"));
        DepartmentLabel = (await DepartmentTree.LoadAsync(db, ct)).FirstOrDefault(d => d.Id == Staff.DepartmentId)?.Label ?? string.Empty;
        Accounts = await db.TenantUsers().Where(u => u.StaffId == id).Select(u => u.UserName!).ToListAsync(ct);
        CanEdit = (await authz.AuthorizeAsync(User, Policies.StaffWrite)).Succeeded;
        return Page();
    }
}
