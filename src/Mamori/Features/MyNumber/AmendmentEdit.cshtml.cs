using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.MyNumber;

/// <summary>Starts an amendment of the ordinance (or renames it); its steps are recorded on its own page.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class AmendmentEditModel(AppDbContext db) : MamoriPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var a = await db.OrdinanceAmendments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (a is null)
            {
                return NotFound();
            }
            (Title, Version) = (a.Title, a.Version);
        }
        return Prepare(id);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var saved = await MyNumberWorkflow.SaveAmendmentAsync(db, db.Tenant.MunicipalityId!.Value, id, Title, Version, ct);
        if (!saved.Ok)
        {
            AddErrors(saved, "");
            return Prepare(id);
        }
        Flash(id is null ? "条例改正を登録しました。起案から順に手続の日を記録してください。" : "保存しました。");
        return Redirect($"/mynumber/amendments/{saved.Value!.Id}");
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Prepare(Guid? id)
    {
        Id = id;
        SetTitle(id is null ? "条例改正を始める" : "条例改正の件名を直す", new Crumb("独自利用事務", "/mynumber"));
        return Page();
    }
}
