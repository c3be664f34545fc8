using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>セキュリティ点検: the checklist assessments by fiscal year with their scores, and the way to start one.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid? TemplateId { get; set; }
        public int? FiscalYear { get; set; }
        public Guid? DepartmentId { get; set; }
    }

    public sealed record Row(ChecklistAssessment Assessment, string Template, string Unit, ChecklistScores Scores);

    [BindProperty] public InputModel Input { get; set; } = new();
    public List<Row> Rows { get; private set; } = [];
    public List<ChecklistTemplate> Templates { get; private set; } = [];
    public List<DepartmentNode> Departments { get; private set; } = [];
    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input.FiscalYear = FiscalYear.Of(JapanTime.Today(clock)).StartYear;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var outcome = await Checklists.StartAsync(db, Input.TemplateId ?? Guid.Empty, Input.FiscalYear ?? 0, Input.DepartmentId, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            await LoadAsync(ct);
            return Page();
        }
        Flash("点検を始めました。各項目に回答と回答の根拠を入力してください。");
        return Redirect($"/security/assessments/{outcome.Value!.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("セキュリティ点検");
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        Templates = await db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Name).ThenByDescending(t => t.CreatedAt).ToListAsync(ct);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        Years = SecurityPages.FiscalYears(clock);
        var labels = Departments.ToDictionary(d => d.Id, d => d.Label);
        var assessments = await db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers)
            .OrderByDescending(a => a.FiscalYear).ToListAsync(ct);
        var templates = Templates.ToDictionary(t => t.Id);
        Rows = assessments.Select(a => new Row(a, templates[a.TemplateId].Name, a.DepartmentId is { } d ? labels.GetValueOrDefault(d, "") : "団体全体",
            ChecklistScore.Compute(templates[a.TemplateId].Items, a.Values))).ToList();
    }
}
