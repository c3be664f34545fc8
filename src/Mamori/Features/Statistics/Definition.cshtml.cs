using Mamori.Core.Data;
using Mamori.Core.Features.Statistics;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Statistics;

/// <summary>
/// 統計の定義: a dataset the office defines without a release — its columns (inputs, sums, differences, rates,
/// ratios with their digits and rounding), what a row is, and which row is the municipality itself.
/// </summary>
[Authorize(Policy = Policies.StatisticsWrite)]
public sealed class DefinitionModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    /// <summary>The blank column rows offered below the existing ones.</summary>
    public const int BlankRows = 5;

    public sealed class Form
    {
        public string? Name { get; set; }
        public string? Description { get; set; }
        public PeriodKind PeriodKind { get; set; }
        public string? LabelName { get; set; }
        public string? OwnLabel { get; set; }
        public List<StatColumnInput> Columns { get; set; } = [];
    }

    [BindProperty] public Form Input { get; set; } = new();
    [BindProperty] public Guid? Version { get; set; }

    public string? Key { get; private set; }
    public int StoredRows { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? dataset, CancellationToken ct)
    {
        if (dataset is not null)
        {
            var existing = await db.StatDatasets.AsNoTracking().FirstOrDefaultAsync(d => d.Key == dataset, ct);
            if (existing is null)
            {
                return NotFound();
            }
            Key = existing.Key;
            Version = existing.Version;
            var columns = existing.Columns;
            Input = new Form
            {
                Name = existing.Name,
                Description = existing.Description,
                PeriodKind = existing.PeriodKind,
                LabelName = existing.LabelName,
                OwnLabel = existing.OwnLabel,
                Columns = columns.Select(c => new StatColumnInput
                {
                    Key = c.Key,
                    Name = c.Name,
                    Kind = c.Kind,
                    Operands = string.Join("、", c.Operands.Select(o => columns.FirstOrDefault(x => x.Key == o)?.Name ?? o)),
                    Digits = c.Digits,
                    Rounding = c.Rounding,
                }).ToList(),
            };
            StoredRows = await db.StatRows.CountAsync(r => r.Dataset == dataset, ct);
        }
        else
        {
            Input = new Form { PeriodKind = PeriodKind.AsOfDate, LabelName = "団体" };
        }
        Enter();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? dataset, CancellationToken ct)
    {
        Key = dataset;
        var input = new StatDatasetInput
        {
            Name = Input.Name,
            Description = Input.Description,
            PeriodKind = Input.PeriodKind,
            LabelName = Input.LabelName,
            OwnLabel = Input.OwnLabel,
            Columns = Input.Columns,
        };
        var outcome = await StatDatasets.SaveAsync(db, db.Tenant.MunicipalityId!.Value, dataset, input, Version, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            Enter();
            return Page();
        }
        Flash(dataset is null ? $"統計「{outcome.Value!.Name}」を定義しました。表を取り込んでください。" : "定義を保存しました。");
        return Redirect(dataset is null ? $"/statistics/{outcome.Value!.Key}/import" : $"/statistics/{outcome.Value!.Key}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? dataset, CancellationToken ct)
    {
        if (dataset is null)
        {
            return NotFound();
        }
        var outcome = await StatDatasets.DeleteAsync(db, dataset, ct);
        Flash(outcome, $"統計「{outcome.Value?.Name}」を、取り込んだ表とともに削除しました。");
        return outcome.Ok ? Redirect("/statistics") : Redirect($"/statistics/{dataset}/definition");
    }

    private void Enter()
    {
        // A new table starts with ten rows; an existing one gets five blank ones below its columns.
        var blanks = Key is null ? 2 * BlankRows : BlankRows;
        while (Input.Columns.Count(c => string.IsNullOrWhiteSpace(c.Name)) < blanks && Input.Columns.Count < StatDatasets.MaxColumns)
        {
            Input.Columns.Add(new StatColumnInput { Kind = StatColumnKind.Input });
        }
        SetTitle(Key is null ? "統計を定義する" : $"統計の定義：{Input.Name}", StatisticsPages.Root);
    }
}
