using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Statistics;

/// <summary>推移: one column of a dataset across its 年度 or 基準日, as a table and a chart.</summary>
[Authorize(Policy = Policies.StatisticsRead)]
public sealed class SeriesModel(AppDbContext db) : MamoriPageModel
{
    public DatasetDefinition Definition { get; private set; } = null!;
    public StatColumn Column { get; private set; } = null!;
    public string? Label { get; private set; }
    public IReadOnlyList<string> Labels { get; private set; } = [];
    public IReadOnlyList<(string Period, decimal? Value)> Points { get; private set; } = [];
    public PrintBlock? Chart { get; private set; }

    public async Task<IActionResult> OnGetAsync(string dataset, string? column, string? label, CancellationToken ct)
    {
        var municipalityId = db.Tenant.MunicipalityId!.Value;
        if (await StatDatasets.FindAsync(db, municipalityId, dataset, ct) is not { } definition)
        {
            return NotFound();
        }
        Definition = definition;
        Column = definition.Columns.FirstOrDefault(c => c.Key == column) ?? definition.Computed.FirstOrDefault(c => c.IsPercent) ?? definition.Columns[^1];
        if (definition.PeriodKind == PeriodKind.AsOfDate)
        {
            Labels = await db.StatRows.AsNoTracking().Where(r => r.Dataset == definition.Key).Select(r => r.Label).Distinct().OrderBy(l => l).ToListAsync(ct);
            Label = label is not null && Labels.Contains(label) ? label : null;
        }
        Points = await StatisticsTables.SeriesAsync(db, municipalityId, definition, Column, Label, ct);
        var shown = Points.Where(p => p.Value is not null).ToList();
        var caption = $"{definition.Name} {Column.Heading}の推移" + (Label is { } l ? $"（{l}）" : "");
        Chart = shown.Count == 0 ? null
            : Column.IsInput || (Column.Digits == 0 && !Column.IsPercent)
                ? new PrintBarChart(caption, shown.Select(p => p.Period).ToList(), [new ChartSeries(Column.Name, shown.Select(p => (int)Math.Clamp(p.Value!.Value, int.MinValue, int.MaxValue)).ToList())])
                : new PrintRateChart(caption, shown.Select(p => p.Period).ToList(), [new RateSeries(Column.Name, shown.Select(p => p.Value!.Value).ToList())], []);
        SetTitle($"{definition.Name}の推移", StatisticsPages.Root, new Crumb(definition.Name, $"/statistics/{definition.Key}"));
        return Page();
    }
}
