using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
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
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Every file on one page, for printing the whole list.</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    /// <summary>Files per page: a large city holds a thousand and more; the page shows a hundred, the CSV all.</summary>
    public const int PageSize = 100;

    /// <summary>The files of this page.</summary>
    public List<RegisterRow> Rows { get; private set; } = [];

    /// <summary>How many files match the filters.</summary>
    public int Total { get; private set; }

    public Pager Pager => new(PageNumber, Total, All ? Math.Max(1, Total) : PageSize, "/register", QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["department"] = Department?.ToString(),
        ["status"] = Status?.ToString(),
        ["statutory"] = Statutory?.ToString().ToLowerInvariant(),
        ["specific"] = Specific?.ToString().ToLowerInvariant(),
        ["sensitive"] = Sensitive?.ToString().ToLowerInvariant(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString());
    public List<DepartmentNode> Departments { get; private set; } = [];
    public bool CanWrite { get; private set; }

    /// <summary>委員 see the published register only.</summary>
    public bool PublishedOnly => User.Role() == UserRole.Member;

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("個人情報ファイル簿");
        Departments = await DepartmentTree.LoadAsync(db, ct);
        CanWrite = (await authz.AuthorizeAsync(User, Policies.RegisterWrite)).Succeeded;
        var all = PublishedOnly
            ? (await RegisterQueries.PublishedAsync(db, new RegisterFilter(Q, Department, null, Statutory, Specific, Sensitive), ct)).Select(RegisterRow.Of).ToList()
            : await RegisterQueries.ListAsync(db, new RegisterFilter(Q, Department, Status, Statutory, Specific, Sensitive), ct);
        Total = all.Count;
        PageNumber = Pager.Current;
        Rows = all.Skip(Pager.Skip).Take(Pager.Size).ToList();
    }
}
