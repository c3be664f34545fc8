using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization.Accounts;

[Authorize(Policy = Policies.AccountReview)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(string Id, string UserName, string DisplayName, UserRole Role, string Department, string Staff, DateTime? LastLoginAt, bool Suspended, bool TwoFactor);

    public List<Row> Rows { get; private set; } = [];
    public bool CanAdminister { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("アカウント");
        var departments = (await DepartmentTree.LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Label);
        var staff = await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        Rows = (await db.TenantUsers().AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct))
            .Select(u => new Row(u.Id, u.UserName ?? string.Empty, u.DisplayName, u.Role,
                u.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : "",
                u.StaffId is { } s ? staff.GetValueOrDefault(s, "") : "",
                u.LastLoginAt, u.SuspendedAt is not null, u.TwoFactorEnabled))
            .ToList();
        CanAdminister = (await authz.AuthorizeAsync(User, Policies.Administer)).Succeeded;
    }
}
