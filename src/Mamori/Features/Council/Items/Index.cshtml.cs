using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace Mamori.Features.Council.Items;

/// <summary>諮問・報告: every item with its derived status and 答申.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public List<CouncilReading.ItemRow> Items { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("諮問・報告・答申", CouncilCrumbs.Top);
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        Items = await CouncilReading.ItemsAsync(db, null, ct);
    }
}
