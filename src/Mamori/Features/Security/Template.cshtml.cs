using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>One checklist template: its items by category and scale, export as CSV / .xlsx, and replacing the items while unanswered.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class TemplateModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Scale { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public ChecklistTemplate Template { get; private set; } = null!;
    public int Assessments { get; private set; }
    public bool CanWrite { get; private set; }
    public IReadOnlyList<ImportProblem> Problems { get; private set; } = [];
    public string FileName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new InputModel { Name = Template.Name, Scale = Checklists.FormatScale(Template.Scale) };
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, string? encoding, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var enc = CsvEncodings.FromName(encoding);
        return File(Checklists.TemplateCsv(Template, enc), CsvEncodings.ContentType(enc), $"{Template.Name}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return File(Checklists.TemplateXlsx(Template), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Template.Name}.xlsx");
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var upload = await TemplateImport.RunAsync(this, db, id, Input.Name, Input.Scale, Upload, clock, ct);
        if (upload.Saved is not { } saved)
        {
            (FileName, Problems) = (upload.FileName, upload.Problems);
            return Page();
        }
        Flash($"「{saved.Name}」の項目を差し替えました（{saved.Items.Count}項目）。");
        return Redirect($"/security/templates/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (template is null)
        {
            return false;
        }
        Template = template;
        Assessments = await db.ChecklistAssessments.CountAsync(a => a.TemplateId == id, ct);
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        SetTitle(template.Name, SecurityPages.Root, new Crumb("点検表のひな形", "/security/templates"));
        return true;
    }
}
