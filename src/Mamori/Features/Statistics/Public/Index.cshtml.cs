using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Statistics.Public;

/// <summary>公開ページ: the statistics the municipality has marked public, each with its table and chart.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = "";
    public IReadOnlyList<StatReport> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        Code = m.Code;
        var reports = new List<StatReport>();
        foreach (var o in (await StatisticsTables.OverviewAsync(db, m.Id, ct)).Where(o => o.IsPublic && o.Periods.Count > 0))
        {
            reports.Add(await StatisticsTables.ReportAsync(db, m.Id, o.Definition, null, ct));
        }
        Reports = reports;
        ViewData["Public"] = true;
        SetTitle($"{m.Name} 統計");
        return Page();
    }
}
