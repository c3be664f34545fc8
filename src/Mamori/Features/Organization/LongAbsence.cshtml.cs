using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Features.Organization;

[Authorize(Policy = Policies.AccountReview)]
public sealed class LongAbsenceModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public IReadOnlyList<LongAbsenceCandidate> Candidates { get; private set; } = [];
    public bool CanSuspend { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("長期不在チェック");
        Today = JapanTime.Today(clock);
        Candidates = await ListLongAbsence.RunAsync(db, clock, ct);
        CanSuspend = (await authz.AuthorizeAsync(User, Policies.AccountSuspend)).Succeeded;
    }
}
