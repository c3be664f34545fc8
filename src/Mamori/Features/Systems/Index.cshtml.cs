using Mamori.Core.Data;
using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Systems;

/// <summary>情報システム台帳: every system the user may see (a 所管課 its own), with its account check at a glance.</summary>
[Authorize(Policy = Policies.SystemsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public AccountCheckReport Report { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Report = await AccountCheckReport.BuildAsync(db, JapanTime.Today(clock), null, ct);
        CanWrite = await AllowedAsync(authz, Policies.SystemsWrite);
        SetTitle("情報システム台帳");
        return Page();
    }
}
