using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>Downloads a contract's document the user may see. Always an attachment.</summary>
[Authorize(Policy = Policies.ContractsRead)]
public sealed class DocumentModel(AppDbContext db) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var document = await db.ContractDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        return document is null ? NotFound() : await Uploads.ServeAsync(this, db, document.FileId, document.ContentType, document.FileName, ct);
    }
}
