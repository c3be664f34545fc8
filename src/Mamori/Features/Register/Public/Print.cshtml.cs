using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Register.Public;

/// <summary>The published register for printing on A4, one file per page.</summary>
[AllowAnonymous]
public sealed class PrintModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;
    public string MunicipalityName { get; private set; } = string.Empty;
    public List<PublishedEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, MunicipalityName) = (m.Code, m.Name);
        Entries = await RegisterQueries.PublishedAsync(db, null, ct);
        SetTitle($"{m.Name} 個人情報ファイル簿（印刷用）");
        ViewData["Public"] = true;
        return Page();
    }
}
