using Mamori.Core.Data;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Assessments.Public;

/// <summary>Downloads a published evaluation document; other versions are not found.</summary>
[AllowAnonymous]
public sealed class DocumentModel(AppDbContext db) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct)
    {
        if (await PublicMunicipality.EnterAsync(db, code, ct) is null)
        {
            return NotFound();
        }
        var d = await db.AssessmentDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.IsPublished, ct);
        return d is null ? NotFound() : await Uploads.ServeAsync(this, db, d.FileId, d.ContentType, d.FileName, ct);
    }
}
