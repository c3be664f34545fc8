using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Features.Council.Toshin;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Public;

/// <summary>An issued 答申 on the public page.</summary>
[AllowAnonymous]
public sealed class ToshinModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;
    public PrintDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        Code = m.Code;
        var toshin = await db.Toshins.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && t.AnsweredOn != null, ct);
        if (toshin is null || !await db.Councils.AnyAsync(c => c.Id == toshin.CouncilId && c.IsPublic, ct))
        {
            return NotFound();
        }
        Document = await ToshinDocument.BuildAsync(db, toshin, clock, ct);
        SetTitle(Document.Title, new Crumb($"{m.Name} 審議会", $"/public/{m.Code}/council"));
        ViewData["Public"] = true;
        return Page();
    }
}
