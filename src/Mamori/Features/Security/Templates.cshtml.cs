using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>点検表のひな形: the list, a template from the standard categories, and import from CSV / .xlsx.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class TemplatesModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Scale { get; set; } = Checklists.FormatScale(ChecklistTemplate.DefaultScale);
    }

    public sealed record Row(ChecklistTemplate Template, int Items, int Categories, int Assessments);

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public List<Row> Rows { get; private set; } = [];
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string FileName { get; private set; } = "";
    public bool CanWrite { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostStandardAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var name = string.IsNullOrWhiteSpace(Input.Name) ? "住基ネット調査表" : Input.Name;
        var outcome = await Checklists.SaveTemplateAsync(db, db.Tenant.MunicipalityId!.Value, null, name, ChecklistTemplate.DefaultItems,
            ChecklistTemplate.DefaultScale, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            await LoadAsync(ct);
            return Page();
        }
        Flash($"「{outcome.Value!.Name}」を標準の分類と項目で作成しました。項目は Excel に書き出して直し、取り込み直せます。");
        return Redirect($"/security/templates/{outcome.Value.Id}");
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var upload = await TemplateImport.RunAsync(this, db, null, Input.Name, Input.Scale, Upload, clock, ct);
        if (upload.Saved is not { } saved)
        {
            (FileName, Problems) = (upload.FileName, upload.Problems);
            await LoadAsync(ct);
            return Page();
        }
        Flash($"「{saved.Name}」を取り込みました（{saved.Items.Count}項目）。");
        return Redirect($"/security/templates/{saved.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("点検表のひな形", SecurityPages.Root);
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        var templates = await db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Name).ThenByDescending(t => t.CreatedAt).ToListAsync(ct);
        var used = await db.ChecklistAssessments.AsNoTracking().GroupBy(a => a.TemplateId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Rows = templates.Select(t => new Row(t, t.Items.Count, t.Items.Select(i => i.Category).Distinct().Count(),
            used.FirstOrDefault(u => u.Key == t.Id)?.Count ?? 0)).ToList();
    }
}

/// <summary>What a template upload came to: the saved template, or the file's problems (ModelState holds the rest).</summary>
internal sealed record TemplateUpload(ChecklistTemplate? Saved, string FileName, IReadOnlyList<ImportProblem> Problems);

/// <summary>A template upload from the list and detail pages, through <see cref="ChecklistTemplateImport"/>.</summary>
internal static class TemplateImport
{
    /// <summary>Imports and saves; when nothing was saved the messages are in ModelState or in the problems.</summary>
    public static async Task<TemplateUpload> RunAsync(MamoriPageModel page, AppDbContext db, Guid? id, string? name, string? scaleText, IFormFile? upload,
        TimeProvider clock, CancellationToken ct)
    {
        var (bytes, tooLarge) = await Uploads.ReadAsync(upload, 5 * 1024 * 1024, ct);
        var fileName = upload is null ? "" : Path.GetFileName(upload.FileName);
        if (tooLarge is not null)
        {
            page.ModelState.AddModelError("Upload", tooLarge);
            return new TemplateUpload(null, fileName, []);
        }
        var result = await ChecklistTemplateImport.RunAsync(db, db.Tenant.MunicipalityId!.Value, id, name, scaleText, bytes, fileName, clock, ct);
        if (result.Problems.Count > 0 || result.Outcome.Ok)
        {
            return new TemplateUpload(result.Outcome.Value, fileName, result.Problems);
        }
        foreach (var (field, messages) in result.Outcome.Errors)
        {
            foreach (var m in messages)
            {
                page.ModelState.AddModelError(field is "Upload" or "" ? field : "Input." + field, m);
            }
        }
        return new TemplateUpload(null, fileName, []);
    }
}
