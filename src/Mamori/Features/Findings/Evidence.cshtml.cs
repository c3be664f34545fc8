using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>Downloads an evidence file of a finding the user may see. Always an attachment.</summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class EvidenceModel(AppDbContext db) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var evidence = await db.FindingEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        return evidence is null ? NotFound() : await Uploads.ServeAsync(this, db, evidence.FileId, evidence.ContentType, evidence.FileName, ct);
    }
}
