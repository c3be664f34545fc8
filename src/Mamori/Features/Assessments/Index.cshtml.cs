using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Features.Assessments;

/// <summary>The PIA dashboard: per business, the level, the last evaluation and the next obligation, overdue first.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public List<DashboardRow> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = JapanTime.Today(clock);
        Rows = await AssessmentQueries.DashboardAsync(db, Today, ct);
        CanWrite = await AllowedAsync(authz, Policies.AssessmentsWrite);
        SetTitle("特定個人情報保護評価");
    }
}
