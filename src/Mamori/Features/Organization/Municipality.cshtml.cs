using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization;

/// <summary>The own municipality: its code (fixed) and name (correctable by 管理者).</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class MunicipalityModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? OrdinanceSensitiveCategories { get; set; }

    [BindProperty]
    public int? IncidentPreliminaryDays { get; set; }

    [BindProperty]
    public int? IncidentPeopleThreshold { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var m = await db.Municipalities.AsNoTracking().FirstOrDefaultAsync(ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, Name, OrdinanceSensitiveCategories) = (m.Code, m.Name, m.OrdinanceSensitiveCategories);
        (IncidentPreliminaryDays, IncidentPeopleThreshold) = (m.IncidentPreliminaryDays, m.IncidentPeopleThreshold);
        SetTitle("団体");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        SetTitle("団体");
        var saved = await SaveMunicipality.RunAsync(db, new MunicipalitySettings(Name, OrdinanceSensitiveCategories, IncidentPreliminaryDays, IncidentPeopleThreshold), ct);
        if (saved.Kind == Core.FailureKind.NotFound)
        {
            return NotFound();
        }
        Code = await db.Municipalities.Select(m => m.Code).FirstAsync(ct);
        if (!saved.Ok)
        {
            AddErrors(saved, "");
            return Page();
        }
        Flash("団体の設定を保存しました。");
        return RedirectToPage();
    }
}
