using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>Downloads a material. Always an attachment, never rendered by the browser.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class MaterialModel(AppDbContext db) : MamoriPageModel
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => MaterialDownload.ServeAsync(this, db, id, publicOnly: false, ct);
}

/// <summary>Serves a stored material as a download with headers that keep the browser from running it.</summary>
public static class MaterialDownload
{
    public static async Task<IActionResult> ServeAsync(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, AppDbContext db, Guid id, bool publicOnly, CancellationToken ct)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && (!publicOnly || m.IsPublic), ct);
        if (material is null)
        {
            return page.NotFound();
        }
        if (publicOnly && !await db.Councils.AnyAsync(c => c.Id == material.CouncilId && c.IsPublic, ct))
        {
            return page.NotFound();
        }
        // A material of an item deliberated in closed session (非公開) is never served to the public, even if marked public.
        if (publicOnly && material.ItemId is { } item && await db.MeetingItems.AnyAsync(p => p.ItemId == item && p.IsClosed, ct))
        {
            return page.NotFound();
        }
        return await Uploads.ServeAsync(page, db, material.FileId, material.ContentType, material.FileName, ct);
    }
}
