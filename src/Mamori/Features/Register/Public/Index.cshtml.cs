using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Register.Public;

/// <summary>公表ページ: the published register of one municipality, for anyone.</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublishedPageCache.Policy)]
public sealed class IndexModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public string Code { get; private set; } = string.Empty;
    public string MunicipalityName { get; private set; } = string.Empty;
    public List<PublishedEntry> Entries { get; private set; } = [];
    public DateOnly? LastChange { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, MunicipalityName) = (m.Code, m.Name);
        Entries = await RegisterQueries.PublishedAsync(db, new RegisterFilter(Q), ct);
        LastChange = Entries.Count == 0 ? null : Entries.Max(e => e.RevisedOn);
        SetTitle($"{m.Name} 個人情報ファイル簿");
        ViewData["Public"] = true;
        return Page();
    }
}
