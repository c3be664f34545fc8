using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Statistics;

/// <summary>
/// One dataset: the computed table for a reference date (or every year), sortable, the own municipality highlighted,
/// a chart, CSV / Excel, print; the office imports, removes a period and chooses whether the dataset is public.
/// </summary>
[Authorize(Policy = Policies.StatisticsRead)]
public sealed class DatasetModel(AppDbContext db, IAuthorizationService authz) : MamoriPageModel
{
    public StatReport Report { get; private set; } = null!;
    public bool IsPublic { get; private set; }
    public bool CanWrite { get; private set; }
    public string? Sort { get; private set; }
    public bool Descending { get; private set; }

    /// <summary>The page's address, for its sort links and downloads.</summary>
    public string PagePath => $"/statistics/{Report.Definition.Key}";
    public string Code { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string dataset, string? period, string? sort, bool desc, CancellationToken ct) =>
        await LoadAsync(dataset, period, sort, desc, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(string dataset, string? period, string? sort, bool desc, string? encoding, CancellationToken ct) =>
        await LoadAsync(dataset, period, sort, desc, ct) ? StatisticsPages.Csv(Report, encoding) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(string dataset, string? period, string? sort, bool desc, CancellationToken ct) =>
        await LoadAsync(dataset, period, sort, desc, ct) ? StatisticsPages.Xlsx(Report) : NotFound();

    public async Task<IActionResult> OnPostPublicAsync(string dataset, bool isPublic, CancellationToken ct)
    {
        if (await StatDatasets.FindAsync(db, db.Tenant.MunicipalityId!.Value, dataset, ct) is not { } definition)
        {
            return NotFound();
        }
        if (!await AllowedAsync(authz, Policies.StatisticsWrite))
        {
            return Forbid();
        }
        await StatisticsTables.SetPublicAsync(db, db.Tenant.MunicipalityId!.Value, definition, isPublic, ct);
        Flash(isPublic ? $"{definition.Name}を公開ページに掲載しました。" : $"{definition.Name}を公開ページから外しました。");
        return Redirect($"/statistics/{definition.Key}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string dataset, string? period, CancellationToken ct)
    {
        if (await StatDatasets.FindAsync(db, db.Tenant.MunicipalityId!.Value, dataset, ct) is not { } definition)
        {
            return NotFound();
        }
        if (!await AllowedAsync(authz, Policies.StatisticsWrite))
        {
            return Forbid();
        }
        if (string.IsNullOrEmpty(period))
        {
            Flash("削除する基準日・年度を選んでください。", error: true);
            return Redirect($"/statistics/{definition.Key}");
        }
        var removed = await StatisticsTables.DeletePeriodAsync(db, db.Tenant.MunicipalityId!.Value, definition, period, ct);
        Flash(removed == 0
            ? "削除する行はありませんでした（すでに削除されています）。"
            : $"{definition.Name}（{StatisticsTables.FormatPeriod(definition, period)}）の {removed} 行を削除しました。");
        return Redirect($"/statistics/{definition.Key}");
    }

    private async Task<bool> LoadAsync(string dataset, string? period, string? sort, bool desc, CancellationToken ct)
    {
        if (await StatDatasets.FindAsync(db, db.Tenant.MunicipalityId!.Value, dataset, ct) is not { } definition)
        {
            return false;
        }
        var municipalityId = db.Tenant.MunicipalityId!.Value;
        (Sort, Descending) = (sort, desc);
        Report = (await StatisticsTables.ReportAsync(db, municipalityId, definition, period, ct)).SortedBy(sort, desc);
        IsPublic = await StatisticsTables.IsPublicAsync(db, municipalityId, definition, ct);
        CanWrite = await AllowedAsync(authz, Policies.StatisticsWrite);
        Code = await db.Municipalities.Where(m => m.Id == municipalityId).Select(m => m.Code).FirstAsync(ct);
        SetTitle(definition.Name, StatisticsPages.Root);
        return true;
    }
}
