using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Organization.Staff;

[Authorize(Policy = Policies.OrganizationRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public StaffStatus? Status { get; set; }

    public List<StaffRow> Rows { get; private set; } = [];
    public List<DepartmentNode> Departments { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public string ExportQuery => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["department"] = Department?.ToString(),
        ["status"] = Status?.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("職員");
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Rows = await StaffList.LoadAsync(db, Q, Department, Status, JapanTime.Today(clock), ct);
        CanEdit = (await authz.AuthorizeAsync(User, Policies.StaffWrite)).Succeeded;
    }
}
