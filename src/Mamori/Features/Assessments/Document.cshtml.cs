using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Assessments;

/// <summary>Downloads a version of an evaluation document. Always an attachment, never rendered by the browser.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class DocumentModel(AppDbContext db) : MamoriPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var d = await db.AssessmentDocuments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is null ? NotFound() : await Uploads.ServeAsync(this, db, d.FileId, d.ContentType, d.FileName, ct);
    }
}
