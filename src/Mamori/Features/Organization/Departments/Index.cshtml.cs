using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Features.Organization.Departments;

[Authorize(Policy = Policies.OrganizationRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public List<DepartmentNode> Nodes { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("部署");
        Nodes = await DepartmentTree.LoadAsync(db, ct);
        CanEdit = (await authz.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }
}
