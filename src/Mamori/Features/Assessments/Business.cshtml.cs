using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Assessments;

/// <summary>A business: its しきい値判断, obligations, evaluations, 重要な変更 and document versions.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class BusinessModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class StartModel
    {
        public AssessmentKind Kind { get; set; } = AssessmentKind.Initial;
        public PiaLevel? Level { get; set; }
        public string? TargetOn { get; set; }
        public string? Trigger { get; set; }
    }

    public sealed class ChangeModel
    {
        public string? PlannedOn { get; set; }
        public string? Summary { get; set; }
        public string? Sections { get; set; }
    }

    [BindProperty]
    public StartModel Start { get; set; } = new();

    [BindProperty]
    public ChangeModel Change { get; set; } = new();

    public AssessmentQueries.BusinessView View { get; private set; } = null!;
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (View.Position.Last is not null)
        {
            Start.Kind = AssessmentKind.Reevaluation;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AssessmentsWrite))
        {
            return Forbid();
        }
        var target = ParseDate(Start.TargetOn, "Start.TargetOn");
        if (ModelState.IsValid)
        {
            var outcome = await AssessmentWorkflow.StartAsync(db, id, new StartInput(Start.Kind, Start.Level, target, Start.Trigger), clock, ct);
            if (outcome.Ok)
            {
                Flash($"{outcome.Value!.Kind.JapaneseName()}の評価（{outcome.Value.Level.JapaneseName()}）を始めました。手順ごとの期限を確認してください。");
                return Redirect($"/assessments/{outcome.Value.Id}");
            }
            AddErrors(outcome, "Start");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostChangeAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AssessmentsWrite))
        {
            return Forbid();
        }
        var planned = ParseDate(Change.PlannedOn, "Change.PlannedOn");
        if (ModelState.IsValid)
        {
            var outcome = await AssessmentWorkflow.RecordChangeAsync(db, id, new ChangeInput(planned, Change.Summary, Change.Sections), clock, ct);
            if (outcome.Ok)
            {
                Flash(outcome.Value!.AssessmentId is not null
                    ? "重要な変更を記録しました。事前の項目があるため、変更の前に評価を再実施します。"
                    : "変更を記録しました（事後の項目のみのため、変更後に評価書を修正して提出します）。");
                return Redirect(outcome.Value.AssessmentId is { } a ? $"/assessments/{a}" : $"/assessments/businesses/{id}");
            }
            AddErrors(outcome, "Change");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>The contracts the business is carried out under (null when the user may not read contracts).</summary>
    public IReadOnlyList<Core.Features.Contracts.LinkedContract>? Contracts { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Today = JapanTime.Today(clock);
        var view = await AssessmentQueries.BusinessAsync(db, id, Today, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        CanWrite = await AllowedAsync(authz, Policies.AssessmentsWrite);
        Contracts = await AllowedAsync(authz, Policies.ContractsRead) ? await Core.Features.Contracts.ContractLinks.ForAssessedBusinessAsync(db, id, Today, ct) : null;
        SetTitle(view.Business.Name, new Crumb("特定個人情報保護評価", "/assessments"));
        return true;
    }
}
