using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reports;

/// <summary>A report template: its name and title, and its sections with their periods and starting words.</summary>
[Authorize(Policy = Policies.ReportsRead)]
public sealed class TemplateModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public ReportTemplate Template { get; private set; } = null!;
    public int Reports { get; private set; }
    public bool CanWrite { get; private set; }
    public IReadOnlyList<Core.Features.Statistics.DatasetDefinition> Datasets { get; private set; } = [];
    public SectionEditorView Editor => new(Template.Sections, $"/reports/templates/{Template.Id}", Template.Version, CanWrite, null, Datasets, FailedKey, Input);

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
        var template = await db.ReportTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return false;
        }
        Template = template;
        Reports = await db.AnnualReports.CountAsync(r => r.TemplateId == id, ct);
        CanWrite = await AllowedAsync(authz, Policies.ReportsWrite);
        Datasets = await Core.Features.Statistics.StatDatasets.AllAsync(db, db.Tenant.MunicipalityId!.Value, ct);
        SetTitle($"ひな形：{template.Name}", ReportsPages.Root);
        return true;
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? name, string? title, Guid? version, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        Flash(await AnnualReports.RenameTemplateAsync(db, id, name, title, version, clock, ct), "名称と表題を保存しました。");
        return Redirect($"/reports/templates/{id}");
    }

    public async Task<IActionResult> OnPostSectionAsync(Guid id, SectionAction act, Guid? key, Guid? version, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.EditTemplateAsync(db, id, act, key, Input, version, clock, ct);
        if (outcome.Kind == Core.FailureKind.Invalid)
        {
            return await RetypeAsync(id, key, outcome, ct);
        }
        Flash(outcome, act == SectionAction.Remove ? "章を削除しました。" : "章立てを保存しました。");
        return Redirect($"/reports/templates/{id}" + (key is { } k && act != SectionAction.Remove ? $"#section-{k.ToString("N")[..8]}" : ""));
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.DeleteTemplateAsync(db, id, ct);
        Flash(outcome, "ひな形を削除しました。");
        return outcome.Ok ? Redirect("/reports") : Redirect($"/reports/templates/{id}");
    }
}
