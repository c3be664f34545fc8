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

    /// <summary>
    /// The file a program sent to the API: the first file of a multipart form (field <c>file</c> preferred), or
    /// the request body itself with its name in <c>?fileName=</c>. Nothing beyond <paramref name="maxBytes"/> is read.
    /// </summary>
    public static async Task<(byte[] Content, string FileName, string? Error)> ReadRequestAsync(HttpRequest request, string? fileName, long maxBytes,
        CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
            if (file is null || file.Length == 0)
            {
                return ([], "", "ファイルがありません。multipart/form-data の file にファイルを入れて送ってください。");
            }
            var (content, error) = await ReadAsync(file, maxBytes, ct);
            return (content, Path.GetFileName(file.FileName), error);
        }
        var name = string.IsNullOrWhiteSpace(fileName) ? "ファイル" : Path.GetFileName(fileName.Trim());
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                var mb = maxBytes / 1024 / 1024;
                return ([], name, $"「{name}」は{mb}MBを超えています。{mb}MB以下のファイルにしてください。");
            }
        }
        return buffer.Length == 0
            ? ([], name, "ファイルがありません。本文にファイルの中身を入れるか、multipart/form-data の file で送ってください。")
            : (buffer.ToArray(), name, null);
    }

    /// <summary>Sends a stored file as an attachment (never rendered inline), kept out of shared caches.</summary>
    public static async Task<IActionResult> ServeAsync(PageModel page, AppDbContext db, Guid fileId, string contentType, string fileName, CancellationToken ct)
    {
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == fileId).Select(f => f.Content).FirstAsync(ct);
        page.Response.Headers.CacheControl = "private, no-store";
        return page.File(content, contentType, fileName);
    }

    /// <summary>A field sent beside an uploaded file: the form field of a multipart request, otherwise the query string's.</summary>
    public static async Task<string?> FieldAsync(HttpRequest request, string name, CancellationToken ct)
    {
        if (request.HasFormContentType && (await request.ReadFormAsync(ct)).TryGetValue(name, out var field))
        {
            return field.ToString();
        }
        return request.Query.TryGetValue(name, out var query) ? query.ToString() : null;
    }
}
