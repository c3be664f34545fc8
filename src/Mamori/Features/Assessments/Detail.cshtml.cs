using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Assessments;

/// <summary>An evaluation: its steps in order with due and done dates, the council consultation, and the document versions.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class StepForm
    {
        public AssessmentStep Step { get; set; }
        public string? DueOn { get; set; }
        public string? DoneOn { get; set; }
        public string? MeetingName { get; set; }
        public string? CommentStartOn { get; set; }
        public string? CommentEndOn { get; set; }
        public int? CommentOpinions { get; set; }
        public string? CommentResponses { get; set; }
        public string? PublishedUrl { get; set; }
        public string? ReviewNote { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed record ConsultationView(Guid ItemId, string Label, string Title, Toshin? Toshin);

    public sealed record DocumentRow(AssessmentDocument Document, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

    [BindProperty]
    public StepForm Input { get; set; } = new();

    /// <summary>The upload form's fields, kept when the upload is refused.</summary>
    [BindProperty]
    public string? Sections { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Assessment Assessment { get; private set; } = null!;
    public AssessedBusiness Business { get; private set; } = null!;
    public IReadOnlyList<StepView> Steps { get; private set; } = [];
    public ConsultationView? Consultation { get; private set; }
    public List<AdvisoryCouncil> Councils { get; private set; } = [];
    public List<(Guid Id, string Label)> OpenConsultations { get; private set; } = [];
    public List<DocumentRow> Documents { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanConsult { get; private set; }

    /// <summary>The step whose form failed, so that its values are shown again.</summary>
    public AssessmentStep? FailedStep { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AssessmentsWrite))
        {
            return Forbid();
        }
        var input = new StepInput
        {
            Step = Input.Step,
            DueOn = ParseDate(Input.DueOn, "Input.DueOn"),
            DoneOn = ParseDate(Input.DoneOn, "Input.DoneOn"),
            MeetingName = Input.MeetingName,
            CommentStartOn = ParseDate(Input.CommentStartOn, "Input.CommentStartOn"),
            CommentEndOn = ParseDate(Input.CommentEndOn, "Input.CommentEndOn"),
            CommentOpinions = Input.CommentOpinions,
            CommentResponses = Input.CommentResponses,
            PublishedUrl = Input.PublishedUrl,
            ReviewNote = Input.ReviewNote,
            Version = Input.Version,
        };
        if (ModelState.IsValid)
        {
            var outcome = await AssessmentWorkflow.SaveStepAsync(db, id, input, clock, ct);
            if (outcome.Ok)
            {
                Flash($"「{AssessmentObligations.StepName(Input.Step, outcome.Value!.Kind)}」を保存しました。");
                return Redirect($"/assessments/{id}#step-{Input.Step.ToString().ToLowerInvariant()}");
            }
            AddErrors(outcome);
        }
        FailedStep = Input.Step;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostConsultAsync(Guid id, Guid? councilId, Guid? itemId, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = itemId is { } item
            ? await AssessmentWorkflow.LinkConsultationAsync(db, id, item, ct)
            : councilId is { } council
                ? await AssessmentWorkflow.ConsultAsync(db, id, council, clock, ct)
                : Core.Outcome<Assessment>.Fail("", "諮問先の審議会か、既にある諮問を選んでください。");
        if (outcome.Ok)
        {
            Flash("第三者点検のための諮問を登録しました。審議会の答申を受けると、この手順が完了します。");
            return Redirect($"/assessments/{id}#step-thirdpartyreview");
        }
        AddErrors(outcome, "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AssessmentsWrite))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(file, Core.Features.Files.UploadRules.MaxBytes, ct);
        var outcome = tooLarge is not null
            ? Core.Outcome<AssessmentDocument>.Fail("File", tooLarge)
            : await AssessmentWorkflow.AddDocumentAsync(db, id, Sections, Note, file?.FileName, content, clock, ct);
        if (outcome.Ok)
        {
            Flash($"評価書 第{outcome.Value!.Number}版（{outcome.Value.FileName}）を登録しました。");
            return Redirect($"/assessments/{id}#documents");
        }
        AddErrors(outcome, "");
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id, Guid documentId, bool publish, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AssessmentsWrite))
        {
            return Forbid();
        }
        var outcome = await AssessmentWorkflow.PublishDocumentAsync(db, documentId, publish, ct);
        if (outcome.Ok)
        {
            Flash(publish ? $"第{outcome.Value!.Number}版を公開ページに掲載しました。" : $"第{outcome.Value!.Number}版を公開ページから外しました。");
            return Redirect($"/assessments/{id}#documents");
        }
        AddErrors(outcome, "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return false;
        }
        Assessment = a;
        Today = JapanTime.Today(clock);
        Business = await db.AssessedBusinesses.AsNoTracking().FirstAsync(b => b.Id == a.BusinessId, ct);
        var answered = await AssessmentWorkflow.AnsweredOnAsync(db, [a], ct);
        Steps = AssessmentObligations.Steps(a, a.ConsultationItemId is { } ci && answered.TryGetValue(ci, out var on) ? on : null);
        CanWrite = await AllowedAsync(authz, Policies.AssessmentsWrite);
        CanConsult = await AllowedAsync(authz, Policies.CouncilManage);
        if (a.ConsultationItemId is { } itemId)
        {
            var item = await db.AgendaItems.IgnoreQueryFilters([AppDbContext.CouncilFilter]).AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
            var toshin = await db.Toshins.IgnoreQueryFilters([AppDbContext.CouncilFilter]).AsNoTracking().FirstOrDefaultAsync(t => t.ItemId == itemId, ct);
            Consultation = new ConsultationView(item.Id, item.Label(), item.Title, toshin);
        }
        else if (CanConsult && a.Steps.Contains(AssessmentStep.ThirdPartyReview))
        {
            Councils = await db.Councils.AsNoTracking().Where(c => c.ParentId == null).OrderBy(c => c.Name).ToListAsync(ct);
            var linked = db.Assessments.Where(x => x.ConsultationItemId != null).Select(x => x.ConsultationItemId);
            OpenConsultations = (await db.AgendaItems.AsNoTracking().Where(i => i.Kind == ItemKind.Consultation && !linked.Contains(i.Id))
                .OrderByDescending(i => i.Number).Take(50).ToListAsync(ct)).Select(i => (i.Id, $"{i.Label()} {i.Title}")).ToList();
        }
        var documents = await db.AssessmentDocuments.AsNoTracking().Where(d => d.BusinessId == a.BusinessId).OrderBy(d => d.Number).ToListAsync(ct);
        Documents = documents.Select((d, i) =>
        {
            var (added, removed) = AssessmentWorkflow.CompareSections(i == 0 ? null : documents[i - 1], d);
            return new DocumentRow(d, i == 0 ? [] : added, removed);
        }).Where(r => r.Document.AssessmentId == a.Id).Reverse().ToList();
        if (FailedStep is null)
        {
            Input = new StepForm { Version = a.Version };
        }
        else
        {
            Input.Version = a.Version;
        }
        SetTitle($"{Business.Name}　{a.Kind.JapaneseName()}の評価（{a.Level.JapaneseName()}）", new Crumb("特定個人情報保護評価", "/assessments"),
            new Crumb(Business.Name, $"/assessments/businesses/{Business.Id}"));
        return true;
    }

    /// <summary>The value a step form shows: what was typed when that form failed, otherwise the record's.</summary>
    public string? Show(AssessmentStep step, string? typed, DateOnly? stored) =>
        FailedStep == step ? typed : stored is { } d ? WarekiDate.Format(d) : null;

    public string? ShowText(AssessmentStep step, string? typed, string? stored) => FailedStep == step ? typed : stored;
}
