using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Mamori.Features.Security;

/// <summary>Answering a checklist: value and evidence per item, the improvement plans the answers require, 今回 / 前回, closing.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class AssessmentModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class AnswerRow
    {
        public string ItemNumber { get; set; } = "";
        public string? Value { get; set; }
        public string? Evidence { get; set; }
        public string? PlanMeasure { get; set; }
        public string? PlanOwner { get; set; }
        public string? PlanDueOn { get; set; }
    }

    [BindProperty] public List<AnswerRow> Answers { get; set; } = [];
    [BindProperty] public string? AnsweredOn { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    public AssessmentView View { get; private set; } = null!;
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Answers = View.Template.Items.Select(i =>
        {
            var a = View.AnswerOf(i.Number);
            return new AnswerRow
            {
                ItemNumber = i.Number,
                Value = a?.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Evidence = a?.Evidence,
                PlanMeasure = a?.PlanMeasure,
                PlanOwner = a?.PlanOwner,
                PlanDueOn = a?.PlanDueOn is { } due ? Core.Japanese.WarekiDate.Format(due) : null,
            };
        }).ToList();
        AnsweredOn = View.Assessment.AnsweredOn is { } on ? Core.Japanese.WarekiDate.Format(on) : null;
        Version = View.Assessment.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var inputs = new List<AnswerInput>();
        foreach (var (row, i) in Answers.Select((r, i) => (r, i)))
        {
            int? value = int.TryParse(row.Value, out var v) ? v : null;
            var due = ParseDate(row.PlanDueOn, $"Answers[{i}].PlanDueOn");
            inputs.Add(new AnswerInput(row.ItemNumber, value, row.Evidence, row.PlanMeasure, row.PlanOwner, due));
        }
        var answeredOn = ParseDate(AnsweredOn, nameof(AnsweredOn));
        if (ModelState.IsValid)
        {
            var outcome = await Checklists.SaveAnswersAsync(db, id, inputs, answeredOn, Version, ct);
            if (outcome.Ok)
            {
                Flash("回答を保存しました。");
                return Redirect($"/security/assessments/{id}#answers");
            }
            AddErrors(outcome, "");
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var outcome = await Checklists.CloseAsync(db, id, clock, ct);
        if (!outcome.Ok)
        {
            return await RefusedAsync(id, outcome, ct);
        }
        Flash("点検を完了しました。評点は年次報告に使われます。");
        return Redirect($"/security/assessments/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var outcome = await Checklists.ReopenAsync(db, id, ct);
        if (!outcome.Ok)
        {
            return await RefusedAsync(id, outcome, ct);
        }
        Flash("完了を取り消しました。回答を直したら、もう一度「完了にする」を押してください。");
        return Redirect($"/security/assessments/{id}");
    }

    /// <summary>The page as stored, with the reasons a close or reopen was refused.</summary>
    private async Task<IActionResult> RefusedAsync<T>(Guid id, Core.Outcome<T> outcome, CancellationToken ct)
    {
        var result = await OnGetAsync(id, ct);
        AddErrors(outcome, "");
        return result;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await AssessmentView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        SetTitle($"{view.Year.ToWareki()} {view.Template.Name}（{view.Unit}）", SecurityPages.Root);
        return true;
    }
}
