using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.MyNumber;

/// <summary>公表ページ: the uses of the My Number the municipality's ordinance allows, in force today, by ordinance row, for anyone.</summary>
[AllowAnonymous]
public sealed class PublicModel(AppDbContext db) : MamoriPageModel
{
    public string MunicipalityName { get; private set; } = "";
    public List<MyNumberProcedure> Procedures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        MunicipalityName = m.Name;
        Procedures = (await db.MyNumberProcedures.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking()
            .Where(p => p.State == ProcedureState.InForce).ToListAsync(ct)).OrderBy(p => p.Row, StringComparer.Ordinal).ThenBy(p => p.Name).ToList();
        SetTitle($"{m.Name} 個人番号の独自利用事務");
        ViewData["Public"] = true;
        return Page();
    }
}
