using Mamori.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Shared;

/// <summary>Files in and out of the pages: reading an upload within a size limit, serving a stored file as a download.</summary>
public static class Uploads
{
    /// <summary>
    /// The bytes of an uploaded file (empty when none was chosen), or a Japanese message when it is larger
    /// than <paramref name="maxBytes"/>; a file that is too large is not read.
    /// </summary>
    public static async Task<(byte[] Content, string? Error)> ReadAsync(IFormFile? file, long maxBytes, CancellationToken ct)
    {
        if (file is null)
        {
            return ([], null);
        }
        if (file.Length > maxBytes)
        {
            var mb = maxBytes / 1024 / 1024;
            return ([], $"「{Path.GetFileName(file.FileName)}」は{mb}MBを超えています。{mb}MB以下のファイルにしてください。");
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (buffer.ToArray(), null);
    }

    /// <summary>Sends a stored file as an attachment (never rendered inline), kept out of shared caches.</summary>
    public static async Task<IActionResult> ServeAsync(PageModel page, AppDbContext db, Guid fileId, string contentType, string fileName, CancellationToken ct)
    {
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).FirstAsync(ct);
        page.Response.Headers.CacheControl = "private, no-store";
        return page.File(content, contentType, fileName);
    }
}
