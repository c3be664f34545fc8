using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Statistics.Public;

/// <summary>公開ページ: one public dataset's table (sortable), chart and CSV / Excel; a dataset not marked public answers 404.</summary>
[AllowAnonymous]
public sealed class DatasetModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = "";
    public StatReport Report { get; private set; } = null!;
    public string? Sort { get; private set; }
    public bool Descending { get; private set; }

    /// <summary>The page's address, for its sort links and downloads.</summary>
    public string PagePath => $"/public/{Code}/statistics/{Report.Definition.Key}";

    public async Task<IActionResult> OnGetAsync(string code, string dataset, string? period, string? sort, bool desc, CancellationToken ct) =>
        await LoadAsync(code, dataset, period, sort, desc, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(string code, string dataset, string? period, string? sort, bool desc, string? encoding, CancellationToken ct) =>
        await LoadAsync(code, dataset, period, sort, desc, ct) ? StatisticsPages.Csv(Report, encoding) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(string code, string dataset, string? period, string? sort, bool desc, CancellationToken ct) =>
        await LoadAsync(code, dataset, period, sort, desc, ct) ? StatisticsPages.Xlsx(Report) : NotFound();

    private async Task<bool> LoadAsync(string code, string dataset, string? period, string? sort, bool desc, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null || await StatDatasets.FindAsync(db, m.Id, dataset, ct) is not { } definition || !await StatisticsTables.IsPublicAsync(db, m.Id, definition, ct))
        {
            return false;
        }
        Code = m.Code;
        (Sort, Descending) = (sort, desc);
        Report = (await StatisticsTables.ReportAsync(db, m.Id, definition, period, ct)).SortedBy(sort, desc);
        ViewData["Public"] = true;
        SetTitle($"{m.Name} {definition.Name}", new Crumb("統計", $"/public/{m.Code}/statistics"));
        return true;
    }
}
