using Mamori.Core.Data;
using Mamori.Core.Features.Notices;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Notices;

/// <summary>Opens one of the user's notices (the link in the inbox and in mail): marks it read and goes on to the record.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class OpenModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var link = await Inbox.OpenAsync(db, db.Tenant.UserId!, id, clock.GetUtcNow().UtcDateTime, ct);
        // Only a path within Mamori: a stored link never sends anyone elsewhere.
        return link is null ? NotFound() : Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage("/Notices/Index");
    }
}
