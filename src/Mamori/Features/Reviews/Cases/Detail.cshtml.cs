using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Cases;

/// <summary>
/// A case: its self-inspections, the record of questions, answers, opinions and follow-ups, and the
/// result. 所管課 submits and answers; 事務局 asks, classifies and records the result.
/// </summary>
[Authorize(Policy = Policies.ReviewsRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public ReviewCase Case { get; private set; } = null!;
    public ReviewRound Round { get; private set; } = null!;
    public Dictionary<Guid, InspectionTemplate> Templates { get; private set; } = [];
    public List<string> Missing { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanManage { get; private set; }

    [BindProperty] public EntryKind Kind { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid? ReplyToId { get; set; }
    [BindProperty] public Guid? EntryId { get; set; }
    [BindProperty] public List<QuestionCategory> Categories { get; set; } = [];
    [BindProperty] public string? OtherTopic { get; set; }
    [BindProperty(Name = "Response")] public ResponseCategory? EntryResponse { get; set; }
    [BindProperty] public ImprovementBy? ImprovementBy { get; set; }
    [BindProperty] public ReviewResult? Result { get; set; }
    [BindProperty] public string? ResultText { get; set; }
    [BindProperty] public string? Points { get; set; }
    [BindProperty] public List<ResponseCategory> Responses { get; set; } = [];
    [BindProperty] public List<HandlingType> Types { get; set; } = [];
    [BindProperty] public string? Summary { get; set; }

    /// <summary>The new question/opinion form: empty, or what was typed when saving it failed.</summary>
    public (string, IReadOnlyList<QuestionCategory>, string?) BlankCategories =>
        Typed(Kind, null) is not null && Kind is EntryKind.Question or EntryKind.Opinion ? ("new", Categories, OtherTopic) : ("new", [], null);

    /// <summary>The text typed into the entry form that failed (<paramref name="kind"/>, replying to <paramref name="replyTo"/>), so it comes back.</summary>
    public string? Typed(EntryKind kind, Guid? replyTo) => !ModelState.IsValid && EntryId is null && Kind == kind && ReplyToId == replyTo ? Text : null;

    public (string, ResponseCategory?, ImprovementBy?) BlankResponse(Guid questionId) => ($"ans-{questionId}", null, null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>The contracts a contracting case rests on (null for other cases, or when the user may not read contracts).</summary>
    public IReadOnlyList<Core.Features.Contracts.LinkedContract>? Contracts { get; private set; }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var reviewCase = await CaseReading.LoadAsync(db, id, ct);
        if (reviewCase is null)
        {
            return false;
        }
        Case = reviewCase;
        Round = await db.ReviewRounds.AsNoTracking().FirstAsync(r => r.Id == reviewCase.RoundId, ct);
        Templates = await CaseReading.TemplatesAsync(db, reviewCase, ct);
        var own = CaseReading.IsOwn(db, reviewCase);
        CanWrite = own && (await authz.AuthorizeAsync(User, Policies.ReviewsWrite)).Succeeded;
        CanManage = (await authz.AuthorizeAsync(User, Policies.ReviewsManage)).Succeeded;
        if (reviewCase.Status == CaseStatus.Draft)
        {
            Missing = await ReviewWorkflow.MissingAsync(db, reviewCase, ct);
        }
        Result ??= reviewCase.Result;
        ResultText ??= reviewCase.ResultText;
        Points ??= reviewCase.Points;
        if (Responses.Count == 0)
        {
            Responses = ReviewNames.FromMask<ResponseCategory>(reviewCase.ResponseMask).ToList();
        }
        ImprovementBy ??= reviewCase.ImprovementBy;
        Summary ??= reviewCase.Summary;
        if (Types.Count == 0)
        {
            Types = reviewCase.Inspections.Select(i => i.Type).ToList();
        }
        if (reviewCase.Inspections.Any(i => i.Type.IsContracting()) && (await authz.AuthorizeAsync(User, Policies.ContractsRead)).Succeeded)
        {
            Contracts = await Core.Features.Contracts.ContractLinks.ForReviewCaseAsync(db, id, Core.Japanese.JapanTime.Today(clock), ct);
        }
        SetTitle($"{ReviewCase.NumberLabel(reviewCase.Number)} {reviewCase.Title}", new Crumb("自己点検・部会審査", "/reviews"), new Crumb(Round.Title, $"/reviews/rounds/{Round.Id}"));
        return true;
    }

    public Task<IActionResult> OnPostSubmitAsync(Guid id, CancellationToken ct) =>
        Step(id, Policies.ReviewsWrite, () => ReviewWorkflow.SubmitCaseAsync(db, id, clock, ct), c => $"提出しました。案件番号は{ReviewCase.NumberLabel(c.Number)}です。", ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        var draft = await db.ReviewCases.AnyAsync(c => c.Id == id && c.Status == CaseStatus.Draft, ct);
        var result = await Step(id, Policies.ReviewsWrite, () => ReviewWorkflow.WithdrawCaseAsync(db, id, ct),
            _ => draft ? "作成中の案件を削除しました。" : "取り下げました。案件番号は欠番になります。", ct);
        return draft && result is RedirectResult ? Redirect("/reviews") : result;
    }

    public Task<IActionResult> OnPostDraftAsync(Guid id, CancellationToken ct) =>
        Step(id, Policies.ReviewsWrite, () => ReviewWorkflow.UpdateDraftAsync(db, id, Types, Summary, ct), _ => "概要と取扱類型を保存しました。", ct);

    public Task<IActionResult> OnPostEntryAsync(Guid id, CancellationToken ct) =>
        Step(id, Policies.ReviewsWrite,
            () => ReviewWorkflow.AddEntryAsync(db, id, new EntryInput(Kind, Text, ReplyToId, Categories, OtherTopic, EntryResponse, ImprovementBy), clock, ct),
            e => $"{e.Kind.JapaneseName()}を記録しました。", ct);

    public Task<IActionResult> OnPostClassifyAsync(Guid id, CancellationToken ct) =>
        Step(id, Policies.ReviewsManage,
            () => ReviewWorkflow.ClassifyEntryAsync(db, EntryId ?? Guid.Empty, Categories, OtherTopic, EntryResponse, ImprovementBy, ct), _ => "類型を記録しました。", ct);

    public Task<IActionResult> OnPostResultAsync(Guid id, CancellationToken ct) =>
        Step(id, Policies.ReviewsManage,
            () => ReviewWorkflow.RecordResultAsync(db, id, new ResultInput(Result, ResultText, Points, Responses, ImprovementBy), clock, ct),
            c => $"結果「{c.Result?.JapaneseName()}」を記録しました。", ct);

    /// <summary>Runs a step; on failure the page is shown again with the messages and what was typed.</summary>
    private async Task<IActionResult> Step<T>(Guid id, string policy, Func<Task<Outcome<T>>> step, Func<T, string> done, CancellationToken ct)
    {
        if (!(await authz.AuthorizeAsync(User, policy)).Succeeded)
        {
            return Forbid();
        }
        ModelState.Clear();
        var outcome = await step();
        if (outcome.Ok)
        {
            Flash(done(outcome.Value!));
            return Redirect($"/reviews/cases/{id}");
        }
        AddErrors(outcome, prefix: "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }
}
