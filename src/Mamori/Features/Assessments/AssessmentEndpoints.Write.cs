using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Files;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Assessments;

/// <summary>
/// /api/v1/assessments, the writing half: businesses and their しきい値判断 inputs, evaluations and their steps in order,
/// 重要な変更, versions of the evaluation document and their publication, and the council consultation; the pages' use cases.
/// </summary>
public static partial class AssessmentEndpoints
{
    public sealed record BusinessRequest(string? Name, Guid? DepartmentId, string? Summary, long? SubjectCount, int? StaffHandlers, int? ContractorHandlers,
        string? SeriousIncidentOn, string? SeriousIncidentNote, string? ChosenLevel, IReadOnlyList<Guid>? FileIds, Guid? Version);

    public sealed record BusinessResponse(Guid Id, string Name, Guid DepartmentId, string? Summary, long SubjectCount, int StaffHandlers, int ContractorHandlers,
        DateOnly? SeriousIncidentOn, string? ChosenLevel, Guid Version);

    public sealed record StartRequest(string? Kind, string? Level, string? TargetOn, string? Trigger);

    public sealed record ChangeRequest(string? PlannedOn, string? Summary, string? Sections);

    public sealed record StepRequest(string? DueOn, string? DoneOn, string? MeetingName, string? CommentStartOn, string? CommentEndOn, int? CommentOpinions,
        string? CommentResponses, string? PublishedUrl, string? ReviewNote, Guid? Version);

    public sealed record ConsultRequest(Guid? CouncilId, Guid? ItemId);

    public sealed record PublishRequest(bool Publish);

    public sealed record EvaluationResponse(Guid Id, Guid BusinessId, string Kind, string Level, string? Trigger, DateOnly StartedOn, DateOnly? DraftDoneOn,
        DateOnly? MeetingDoneOn, DateOnly? CommentStartOn, DateOnly? CommentEndOn, Guid? ConsultationItemId, DateOnly? SubmittedOn, DateOnly? PublishedOn,
        Guid Version);

    public sealed record DocumentResponse(Guid Id, Guid AssessmentId, int Number, string Sections, string FileName);

    private static void MapWriteEndpoints(RouteGroupBuilder g)
    {
        g.MapPost("/businesses", CreateBusiness).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("評価対象の事務の登録");
        g.MapPut("/businesses/{id:guid}", UpdateBusiness).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("評価対象の事務の変更（version が違えば 409）");
        g.MapPost("/businesses/{id:guid}/evaluations", Start).RequireAuthorization(Policies.AssessmentsWrite)
            .WithSummary("評価を始める（kind：Initial 新規・Reevaluation 再評価・PeriodicReview 見直し）");
        g.MapPost("/businesses/{id:guid}/changes", Change).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("重要な変更の記録（再評価が要る）");
        g.MapGet("/{id:guid}", Evaluation).RequireAuthorization(Policies.AssessmentsRead).WithSummary("評価");
        g.MapPut("/{id:guid}/steps/{step}", Step).RequireAuthorization(Policies.AssessmentsWrite)
            .WithSummary("評価の段階（Draft・InternalMeeting・PublicComment・ThirdPartyReview・Submission・Publication…、順番どおりに）");
        g.MapPost("/{id:guid}/documents", Upload).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("評価書の版（multipart：file、sections、note）");
        g.MapPost("/documents/{id:guid}/publish", Publish).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("評価書の公表・取下げ");
        g.MapPost("/{id:guid}/consultation", Consult).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("第三者点検の諮問（councilId で諮問を作る、itemId で既存の諮問に結び付ける）");
    }

    private static BusinessResponse ToResponse(AssessedBusiness b) => new(b.Id, b.Name, b.DepartmentId, b.Summary, b.SubjectCount, b.StaffHandlers,
        b.ContractorHandlers, b.SeriousIncidentOn, b.ChosenLevel?.Code(), b.Version);

    private static EvaluationResponse ToResponse(Assessment a) => new(a.Id, a.BusinessId, a.Kind.ToString(), a.Level.Code(), a.Trigger, a.StartedOn,
        a.DraftDoneOn, a.MeetingDoneOn, a.CommentStartOn, a.CommentEndOn, a.ConsultationItemId, a.SubmittedOn, a.PublishedOn, a.Version);

    private static Outcome<EvaluationResponse> Evaluated(Outcome<Assessment> step) =>
        step.Map(ToResponse);

    /// <summary>A level by its code (none, basic, focused, full) or its Japanese name; null with a message when it is neither.</summary>
    private static PiaLevel? ParseLevel(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var typed = text.Trim();
        foreach (var level in Enum.GetValues<PiaLevel>())
        {
            if (string.Equals(level.Code(), typed, StringComparison.OrdinalIgnoreCase) || level.JapaneseName() == typed)
            {
                return level;
            }
        }
        errors[field] = [$"評価の種類「{typed}」は使えません。none・basic・focused・full のいずれかです。"];
        return null;
    }

    private static async Task<Results<Created<BusinessResponse>, Refusal>> CreateBusiness(BusinessRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created(await SaveBusinessAsync(db, null, body, clock, ct), b => $"/api/v1/assessments/businesses/{b.Id}");

    private static async Task<Results<Ok<BusinessResponse>, Refusal>> UpdateBusiness(Guid id, BusinessRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ApiResults.Changed(await SaveBusinessAsync(db, id, body, clock, ct));

    private static async Task<Outcome<BusinessResponse>> SaveBusinessAsync(AppDbContext db, Guid? id, BusinessRequest body, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var incident = ApiResults.ParseDate(body.SeriousIncidentOn, "seriousIncidentOn", errors);
        var level = ParseLevel(body.ChosenLevel, "chosenLevel", errors);
        if (errors.Count > 0)
        {
            return Outcome<BusinessResponse>.Fail(errors);
        }
        var saved = await AssessmentWorkflow.SaveBusinessAsync(db, id, new AssessedBusinessInput
        {
            Name = body.Name,
            DepartmentId = body.DepartmentId,
            Summary = body.Summary,
            SubjectCount = body.SubjectCount,
            StaffHandlers = body.StaffHandlers,
            ContractorHandlers = body.ContractorHandlers,
            SeriousIncidentOn = incident,
            SeriousIncidentNote = body.SeriousIncidentNote,
            ChosenLevel = level,
            FileIds = body.FileIds,
            Version = body.Version,
        }, clock, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Created<EvaluationResponse>, Refusal>> Start(Guid id, StartRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<AssessmentKind>(body.Kind, "kind", errors, k => k.JapaneseName()) ?? AssessmentKind.Initial;
        var level = ParseLevel(body.Level, "level", errors);
        var target = ApiResults.ParseDate(body.TargetOn, "targetOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Created(Evaluated(await AssessmentWorkflow.StartAsync(db, id, new StartInput(kind, level, target, body.Trigger), clock, ct)),
            a => $"/api/v1/assessments/{a.Id}");
    }

    private static async Task<Results<Ok<BusinessResponse>, Refusal>> Change(Guid id, ChangeRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var planned = ApiResults.ParseDate(body.PlannedOn, "plannedOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var recorded = await AssessmentWorkflow.RecordChangeAsync(db, id, new ChangeInput(planned, body.Summary, body.Sections), clock, ct);
        if (!recorded.Ok)
        {
            return ApiResults.Refused(recorded);
        }
        return TypedResults.Ok(ToResponse(await db.AssessedBusinesses.AsNoTracking().FirstAsync(b => b.Id == id, ct)));
    }

    private static async Task<Results<Ok<EvaluationResponse>, NotFound>> Evaluation(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a ? TypedResults.Ok(ToResponse(a)) : TypedResults.NotFound();

    private static async Task<Results<Ok<EvaluationResponse>, Refusal>> Step(Guid id, string step, StepRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ApiResults.ParseEnum<AssessmentStep>(step, "step", errors, s => AssessmentObligations.StepName(s, AssessmentKind.Initial));
        var input = new StepInput
        {
            Step = which ?? AssessmentStep.Draft,
            DueOn = ApiResults.ParseDate(body.DueOn, "dueOn", errors),
            DoneOn = ApiResults.ParseDate(body.DoneOn, "doneOn", errors),
            MeetingName = body.MeetingName,
            CommentStartOn = ApiResults.ParseDate(body.CommentStartOn, "commentStartOn", errors),
            CommentEndOn = ApiResults.ParseDate(body.CommentEndOn, "commentEndOn", errors),
            CommentOpinions = body.CommentOpinions,
            CommentResponses = body.CommentResponses,
            PublishedUrl = body.PublishedUrl,
            ReviewNote = body.ReviewNote,
            Version = body.Version,
        };
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed(Evaluated(await AssessmentWorkflow.SaveStepAsync(db, id, input, clock, ct)));
    }

    private static async Task<Results<Ok<DocumentResponse>, Refusal>> Upload(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var added = await AssessmentWorkflow.AddDocumentAsync(db, id, form?["sections"], form?["note"], name, content, clock, ct);
        return ApiResults.Changed(added.Map(ToResponse));
    }

    private static DocumentResponse ToResponse(AssessmentDocument d) => new(d.Id, d.AssessmentId, d.Number, d.Sections, d.FileName);

    private static async Task<Results<Ok<DocumentResponse>, Refusal>> Publish(Guid id, PublishRequest body, AppDbContext db, CancellationToken ct)
    {
        var published = await AssessmentWorkflow.PublishDocumentAsync(db, id, body.Publish, ct);
        return ApiResults.Changed(published.Map(ToResponse));
    }

    private static async Task<Results<Ok<EvaluationResponse>, Refusal>> Consult(Guid id, ConsultRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (body.ItemId is { } item)
        {
            return ApiResults.Changed(Evaluated(await AssessmentWorkflow.LinkConsultationAsync(db, id, item, ct)));
        }
        if (body.CouncilId is { } council)
        {
            return ApiResults.Changed(Evaluated(await AssessmentWorkflow.ConsultAsync(db, id, council, clock, ct)));
        }
        return ApiResults.Invalid(new Dictionary<string, string[]> { ["councilId"] = ["諮問する審議会（councilId）か、結び付ける諮問（itemId）を指定してください。"] });
    }
}
