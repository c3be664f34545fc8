using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.SelfChecks;

/// <summary>職員セルフチェック: the campaigns, the ones open for the signed-in member of staff to answer, and (セキュリティ担当) new ones.</summary>
[Authorize(Policy = Policies.SelfCheckAnswer)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(SelfCheckCampaign Campaign, bool Open, bool Answered);

    public List<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool HasStaff { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanSeeResults { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("職員セルフチェック");
        Today = JapanTime.Today(clock);
        CanManage = await AllowedAsync(authz, Policies.SecurityWrite);
        CanSeeResults = await AllowedAsync(authz, Policies.SelfCheckResults);
        var staff = await CurrentStaff.FindAsync(db, ct);
        HasStaff = staff is not null;
        var answered = staff is null ? [] : await db.SelfCheckResponses.AsNoTracking().IgnoreQueryFilters([AppDbContext.DepartmentFilter])
            .Where(r => r.StaffId == staff.Id).Select(r => r.CampaignId).ToListAsync(ct);
        var campaigns = await db.SelfCheckCampaigns.AsNoTracking().OrderByDescending(c => c.StartOn).ToListAsync(ct);
        Rows = campaigns.Select(c => new Row(c, c.IsOpen(Today), answered.Contains(c.Id))).ToList();
    }
}
