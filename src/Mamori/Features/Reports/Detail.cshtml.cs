using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reports;

/// <summary>
/// A 年度's report: its sections (the words written here, a period changed for this year only), the way to print it
/// and to hand it to the council as the material of a 報告 item.
/// </summary>
[Authorize(Policy = Policies.ReportsRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public sealed record ItemChoice(Guid Id, string Label);

    public AnnualReport Report { get; private set; } = null!;
    public string? TemplateName { get; private set; }
    public string? CarriedFrom { get; private set; }
    public IReadOnlyList<ItemChoice> Items { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public IReadOnlyList<Core.Features.Statistics.DatasetDefinition> Datasets { get; private set; } = [];
    public SectionEditorView Editor => new(Report.Sections, $"/reports/{Report.Id}", Report.Version, CanWrite, Report.Year, Datasets, FailedKey, Input);
    public bool CanAttach { get; private set; }

    [BindProperty] public SectionInput? Input { get; set; }

    /// <summary>The section whose edit was refused for its input (shown again as typed).</summary>
    public Guid? FailedKey { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The page again with the refused section as typed and the messages above it.</summary>
    private async Task<IActionResult> RetypeAsync<T>(Guid id, Guid? key, Core.Outcome<T> refused, CancellationToken ct)
    {
        ModelState.Clear();
        AddErrors(refused, "");
        FailedKey = key;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return false;
        }
        Report = report;
        TemplateName = await db.ReportTemplates.Where(t => t.Id == report.TemplateId).Select(t => t.Name).FirstOrDefaultAsync(ct);
        if (report.CarriedFromId is { } from)
        {
            CarriedFrom = (await db.AnnualReports.Where(r => r.Id == from).Select(r => (int?)r.FiscalYear).FirstOrDefaultAsync(ct)) is { } y
                ? new Core.Japanese.FiscalYear(y).ToWareki() : null;
        }
        CanWrite = await AllowedAsync(authz, Policies.ReportsWrite);
        Datasets = await Core.Features.Statistics.StatDatasets.AllAsync(db, db.Tenant.MunicipalityId!.Value, ct);
        CanAttach = CanWrite && await AllowedAsync(authz, Policies.CouncilManage);
        if (CanAttach)
        {
            Items = (await db.AgendaItems.AsNoTracking().OrderByDescending(i => i.SubmittedOn).ThenByDescending(i => i.Number).Take(200).ToListAsync(ct))
                .OrderBy(i => i.Kind != ItemKind.Report).Select(i => new ItemChoice(i.Id, $"{i.Label()}　{i.Title}")).ToList();
        }
        SetTitle($"{report.Year.ToWareki()} {report.Title.Replace("\n", "", StringComparison.Ordinal)}", ReportsPages.Root);
        return true;
    }

    public async Task<IActionResult> OnPostSectionAsync(Guid id, SectionAction act, Guid? key, Guid? version, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.EditAsync(db, id, act, key, Input, version, db.Tenant.ActorName, clock, ct);
        if (outcome.Kind == Core.FailureKind.Invalid)
        {
            return await RetypeAsync(id, key, outcome, ct);
        }
        Flash(outcome, act == SectionAction.Remove ? "章を削除しました。" : "保存しました。");
        return Redirect($"/reports/{id}" + (key is { } k && act != SectionAction.Remove ? $"#section-{k.ToString("N")[..8]}" : ""));
    }

    /// <summary>Stores the report's .docx as a material of a council item.</summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid id, Guid? itemId, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite) || !await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.AttachAsync(db, id, itemId, clock, ct);
        Flash(outcome, "報告書（Word）を議題の資料にしました。");
        return outcome.Ok ? Redirect($"/council/items/{itemId}") : Redirect($"/reports/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.DeleteAsync(db, id, ct);
        Flash(outcome, "報告書を削除しました。");
        return outcome.Ok ? Redirect("/reports") : Redirect($"/reports/{id}");
    }
}
