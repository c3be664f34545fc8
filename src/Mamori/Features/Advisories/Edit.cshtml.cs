using Mamori.Core.Data;
using Mamori.Core.Features.Advisories;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Advisories;

/// <summary>Records or corrects a notice: sender, number, date, what it requires, by when, and its document.</summary>
[Authorize(Policy = Policies.AdvisoriesManage)]
public sealed class EditModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public AdvisorySource? Source { get; set; }
        public string? SourceName { get; set; }
        public string? Number { get; set; }
        public string? IssuedOn { get; set; }
        public string? Title { get; set; }
        public string? Requirement { get; set; }
        public string? DueOn { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Upload { get; set; }
    public Guid? Id { get; private set; }
    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            var a = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing, ct);
            if (a is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Source = a.Source,
                SourceName = a.SourceName,
                Number = a.Number,
                IssuedOn = WarekiDate.Format(a.IssuedOn),
                Title = a.Title,
                Requirement = a.Requirement,
                DueOn = a.DueOn is { } d ? WarekiDate.Format(d) : null,
                Version = a.Version,
            };
            FileName = a.FileName;
        }
        return Prepare(id);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var issued = ParseDate(Input.IssuedOn, "Input.IssuedOn");
        var due = ParseDate(Input.DueOn, "Input.DueOn");
        var (content, tooLarge) = await Uploads.ReadAsync(Upload, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("Input.File", tooLarge);
        }
        if (!ModelState.IsValid)
        {
            return Prepare(id);
        }
        var saved = await AdvisoryWorkflow.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new AdvisoryInput(Input.Source, Input.SourceName, Input.Number, issued, Input.Title, Input.Requirement, due, Upload?.FileName, content), Input.Version, ct);
        if (!saved.Ok)
        {
            AddErrors(saved);
            return Prepare(id);
        }
        Flash(id is null ? $"「{saved.Value!.Title}」を登録しました。対象のシステム・部署に点検を割り当ててください。" : "保存しました。");
        return Redirect($"/advisories/{saved.Value!.Id}");
    }

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Prepare(Guid? id)
    {
        Id = id;
        SetTitle(id is null ? "通知・注意喚起を登録する" : "通知・注意喚起を直す", new Crumb("国の通知・注意喚起", "/advisories"));
        return Page();
    }
}
