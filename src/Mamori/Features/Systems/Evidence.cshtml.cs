using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Systems;

/// <summary>Downloads the evidence of a closed account listing the user may see. Always an attachment.</summary>
[Authorize(Policy = Policies.SystemsRead)]
public sealed class EvidenceModel(AppDbContext db) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var listing = await db.AccountListings.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id && l.EvidenceFileId != null, ct);
        return listing is null ? NotFound() : await Uploads.ServeAsync(this, db, listing.EvidenceFileId!.Value, listing.EvidenceType!, listing.EvidenceName!, ct);
    }
}
