using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Register.Public;

/// <summary>The published register for printing on A4: the 単票, one file per page, or the 一覧, one file per row (landscape).</summary>
[AllowAnonymous]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = PublishedPageCache.Policy)]
public sealed class PrintModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;
    public string MunicipalityName { get; private set; } = string.Empty;
    public List<PublishedEntry> Entries { get; private set; } = [];
    public bool List { get; private set; }

    /// <summary>The 一覧's headings: the 単票's items and the revision date.</summary>
    public IReadOnlyList<string> ListHeaders { get; } = RegisterContent.Empty.Fields().Select(f => f.Label).Append("改訂日").ToList();

    public async Task<IActionResult> OnGetAsync(string code, string? layout, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, MunicipalityName) = (m.Code, m.Name);
        Entries = await RegisterQueries.PublishedAsync(db, null, ct);
        List = layout == "list";
        SetTitle(List ? "個人情報ファイル簿（一覧）" : "個人情報ファイル簿（単票）");
        ViewData["Public"] = true;
        return Page();
    }
}
