using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Register;

[Authorize(Policy = Policies.RegisterRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Department { get; set; }
    [BindProperty(SupportsGet = true)] public RegisterStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Statutory { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Specific { get; set; }
    [BindProperty(SupportsGet = true)] public bool? Sensitive { get; set; }

    public List<RegisterRow> Rows { get; private set; } = [];
    public List<DepartmentNode> Departments { get; private set; } = [];
    public bool CanWrite { get; private set; }

    /// <summary>委員 see the published register only.</summary>
    public bool PublishedOnly => User.Role() == UserRole.Member;

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("個人情報ファイル簿");
        Departments = await DepartmentTree.LoadAsync(db, ct);
        CanWrite = (await authz.AuthorizeAsync(User, Policies.RegisterWrite)).Succeeded;
        if (PublishedOnly)
        {
            var published = await RegisterQueries.PublishedAsync(db, new RegisterFilter(Q, Department, null, Statutory, Specific, Sensitive), ct);
            Rows = published.Select(RegisterRow.Of).ToList();
            return;
        }
        Rows = await RegisterQueries.ListAsync(db, new RegisterFilter(Q, Department, Status, Statutory, Specific, Sensitive), ct);
    }
}
