using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Register.Public;

[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublishedPageCache.Policy)]
public sealed class DetailModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;
    public PublishedEntry? Entry { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        Entry = m is null ? null : (await RegisterQueries.PublishedAsync(db, null, ct)).FirstOrDefault(e => e.FileId == id);
        if (Entry is null)
        {
            return NotFound();
        }
        Code = m!.Code;
        SetTitle(Entry.Content.Name, new Crumb($"{m.Name} 個人情報ファイル簿", $"/public/{m.Code}/register"));
        ViewData["Public"] = true;
        return Page();
    }
}
