using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reports;

/// <summary>報告書: the templates, the reports made from them, and making a 年度's report.</summary>
[Authorize(Policy = Policies.ReportsRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public sealed record TemplateLine(Guid Id, string Name, string? BuiltIn, int Sections, DateTime UpdatedAt);
    public sealed record ReportLine(Guid Id, int FiscalYear, string Title, string Template, DateTime UpdatedAt, string? UpdatedBy);

    public IReadOnlyList<TemplateLine> Templates { get; private set; } = [];
    public IReadOnlyList<ReportLine> Reports { get; private set; } = [];
    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("報告書");
        CanWrite = await AllowedAsync(authz, Policies.ReportsWrite);
        Years = ReportsPages.Years(clock);
        var templates = await db.ReportTemplates.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        Templates = templates.Select(t => new TemplateLine(t.Id, t.Name, t.BuiltIn, t.Sections.Count, t.UpdatedAt)).ToList();
        var names = templates.ToDictionary(t => t.Id, t => t.Name);
        Reports = (await db.AnnualReports.AsNoTracking().OrderByDescending(r => r.FiscalYear).ThenBy(r => r.Title)
            .Select(r => new { r.Id, r.FiscalYear, r.Title, r.TemplateId, r.UpdatedAt, r.UpdatedBy }).ToListAsync(ct))
            .Select(r => new ReportLine(r.Id, r.FiscalYear, r.Title, names.GetValueOrDefault(r.TemplateId, ""), r.UpdatedAt, r.UpdatedBy)).ToList();
    }

    /// <summary>Copies a built-in template for the office to edit.</summary>
    public async Task<IActionResult> OnPostCopyAsync(string? builtIn, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.CopyBuiltInAsync(db, db.Tenant.MunicipalityId!.Value, builtIn, clock, ct);
        Flash(outcome, $"ひな形「{outcome.Value?.Name}」を作りました。章と期間を確かめてください。");
        return outcome.Ok ? Redirect($"/reports/templates/{outcome.Value!.Id}") : RedirectToPage();
    }

    /// <summary>Makes the 年度's report from a template, carrying over last year's words.</summary>
    public async Task<IActionResult> OnPostCreateAsync(Guid templateId, int? fiscalYear, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.ReportsWrite))
        {
            return Forbid();
        }
        var outcome = await AnnualReports.CreateAsync(db, db.Tenant.MunicipalityId!.Value, templateId, fiscalYear, db.Tenant.ActorName, clock, ct);
        Flash(outcome, outcome.Value?.CarriedFromId is null
            ? "報告書を作りました。文章の章を書いてください。"
            : "報告書を作りました。文章は前年度の報告書から引き継いでいます（「前年度のまま」の章を確かめてください）。");
        return outcome.Ok ? Redirect($"/reports/{outcome.Value!.Id}") : RedirectToPage();
    }
}
