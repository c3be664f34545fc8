using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>
/// /api/v1/security, checklists: templates (the standard one, import from CSV / .xlsx, replacing the items while
/// unanswered) and assessments (start, answers with a version, close, reopen), through the pages' use cases.
/// </summary>
public static partial class SecurityEndpoints
{
    public sealed record TemplateRequest(string? Name);

    public sealed record ItemResponse(string Category, string Number, string Text, string? Guide, bool NeverPublished);

    public sealed record ScaleResponse(int Value, string Label);

    public sealed record TemplateResponse(Guid Id, string Name, IReadOnlyList<ItemResponse> Items, IReadOnlyList<ScaleResponse> Scale, Guid Version);

    public sealed record StartRequest(Guid? TemplateId, int? FiscalYear, Guid? DepartmentId);

    public sealed record AnswerRequest(string? ItemNumber, int? Value, string? Evidence, string? PlanMeasure, string? PlanOwner, string? PlanDueOn);

    public sealed record AnswersRequest(IReadOnlyList<AnswerRequest>? Answers, string? AnsweredOn, Guid? Version);

    public sealed record AnswerResponse(string ItemNumber, int? Value, string? Evidence, string? PlanMeasure, string? PlanOwner, DateOnly? PlanDueOn);

    public sealed record AssessmentResponse(Guid Id, Guid TemplateId, int FiscalYear, Guid? DepartmentId, DateOnly? AnsweredOn, DateTime? ClosedAt, string? ClosedBy,
        IReadOnlyList<AnswerResponse> Answers, Guid Version);

    private static void MapChecklistEndpoints(RouteGroupBuilder g)
    {
        g.MapGet("/templates", Templates).RequireAuthorization(Policies.SecurityRead).WithSummary("点検表のひな形の一覧");
        g.MapGet("/templates/{id:guid}", Template).RequireAuthorization(Policies.SecurityRead).WithSummary("ひな形（分類・項目・回答の選択肢）");
        g.MapPost("/templates/standard", Standard).RequireAuthorization(Policies.SecurityWrite).WithSummary("標準の分類と項目でひな形を作る");
        g.MapPost("/templates", ImportTemplate).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("ひな形の取込（CSV・.xlsx。multipart の file か本文と ?fileName=、name・scale は欄か ?name=&scale=（scale を省くと標準の選択肢）。誤りがあれば何も保存しない）");
        g.MapPut("/templates/{id:guid}", ReplaceTemplate).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("未回答のひな形の項目を取り込み直す（取込と同じ形式）");
        g.MapGet("/assessments", Assessments).RequireAuthorization(Policies.SecurityRead).WithSummary("点検の一覧（年度の新しい順）");
        g.MapPost("/assessments", StartAssessment).RequireAuthorization(Policies.SecurityWrite).WithSummary("点検を始める（ひな形・年度・部署）");
        g.MapGet("/assessments/{id:guid}", Assessment).RequireAuthorization(Policies.SecurityRead).WithSummary("点検と回答");
        g.MapPut("/assessments/{id:guid}/answers", SaveAnswers).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("回答（値・回答の根拠・改善計画）を保存する（version が違えば 409）");
        g.MapPost("/assessments/{id:guid}/close", CloseAssessment).RequireAuthorization(Policies.SecurityWrite).WithSummary("点検を完了にする");
        g.MapPost("/assessments/{id:guid}/reopen", ReopenAssessment).RequireAuthorization(Policies.SecurityWrite).WithSummary("完了を取り消す");
    }

    private static TemplateResponse ToResponse(ChecklistTemplate t) => new(t.Id, t.Name,
        t.Items.Select(i => new ItemResponse(i.Category, i.Number, i.Text, i.Guide, i.NeverPublished)).ToList(),
        t.Scale.Select(o => new ScaleResponse(o.Value, o.Label)).ToList(), t.Version);

    private static AssessmentResponse ToResponse(ChecklistAssessment a) => new(a.Id, a.TemplateId, a.FiscalYear, a.DepartmentId, a.AnsweredOn, a.ClosedAt,
        a.ClosedBy, a.Answers.OrderBy(x => x.ItemNumber, StringComparer.Ordinal)
            .Select(x => new AnswerResponse(x.ItemNumber, x.Value, x.Evidence, x.PlanMeasure, x.PlanOwner, x.PlanDueOn)).ToList(), a.Version);

    private static async Task<Ok<List<TemplateResponse>>> Templates(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.ChecklistTemplates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Ok<TemplateResponse>, NotFound>> Template(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(ToResponse(t)) : TypedResults.NotFound();

    private static async Task<Results<Created<TemplateResponse>, Refusal>> Standard(TemplateRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(body.Name) ? "住基ネット調査表" : body.Name;
        var saved = await Checklists.SaveTemplateAsync(db, db.Tenant.MunicipalityId!.Value, null, name, ChecklistTemplate.DefaultItems, ChecklistTemplate.DefaultScale,
            clock, ct);
        return ApiResults.Created(saved.Map(ToResponse), t => $"/api/v1/security/templates/{t.Id}");
    }

    private static async Task<Results<Created<TemplateResponse>, Refusal>> ImportTemplate(HttpRequest request, string? fileName, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ApiResults.Created(await ImportAsync(request, null, fileName, db, clock, ct), t => $"/api/v1/security/templates/{t.Id}");

    private static async Task<Results<Ok<TemplateResponse>, Refusal>> ReplaceTemplate(Guid id, HttpRequest request, string? fileName, AppDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await ImportAsync(request, id, fileName, db, clock, ct));

    private static async Task<Outcome<TemplateResponse>> ImportAsync(HttpRequest request, Guid? id, string? fileName, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, fileName, 5 * 1024 * 1024, ct);
        if (error is not null)
        {
            return Outcome<TemplateResponse>.Fail("File", error);
        }
        // Without a scale the template keeps its own, and a new one takes the standard scale, as the forms are filled in.
        var scale = await Uploads.FieldAsync(request, "scale", ct);
        if (string.IsNullOrWhiteSpace(scale))
        {
            var current = id is null ? null : await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
            scale = Checklists.FormatScale(current?.Scale ?? ChecklistTemplate.DefaultScale);
        }
        var result = await ChecklistTemplateImport.RunAsync(db, db.Tenant.MunicipalityId!.Value, id, await Uploads.FieldAsync(request, "name", ct), scale, content,
            name, clock, ct);
        return result.Outcome.Ok ? result.Outcome.Map(ToResponse)
            : new Outcome<TemplateResponse>(null, result.Outcome.Errors.ToDictionary(e => e.Key == "Upload" ? "File" : e.Key, e => e.Value), result.Outcome.Kind);
    }

    private static async Task<Ok<ApiPage<AssessmentResponse>>> Assessments(int? fiscalYear, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var query = db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers).Where(a => fiscalYear == null || a.FiscalYear == fiscalYear)
            .OrderByDescending(a => a.FiscalYear).ThenBy(a => a.Id);
        return TypedResults.Ok(await ApiPaging.PageAsync(query, page, pageSize, ToResponse, ct));
    }

    private static async Task<Results<Created<AssessmentResponse>, Refusal>> StartAssessment(StartRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created((await Checklists.StartAsync(db, body.TemplateId ?? Guid.Empty, body.FiscalYear ?? 0, body.DepartmentId, ct)).Map(ToResponse),
            a => $"/api/v1/security/assessments/{a.Id}");

    private static async Task<Results<Ok<AssessmentResponse>, NotFound>> Assessment(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? TypedResults.Ok(ToResponse(a)) : TypedResults.NotFound();

    private static async Task<Results<Ok<AssessmentResponse>, Refusal>> SaveAnswers(Guid id, AnswersRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var inputs = (body.Answers ?? []).Select((a, i) => new AnswerInput(a.ItemNumber ?? "", a.Value, a.Evidence, a.PlanMeasure, a.PlanOwner,
            ApiResults.ParseDate(a.PlanDueOn, $"answers[{i}].planDueOn", errors))).ToList();
        var answeredOn = ApiResults.ParseDate(body.AnsweredOn, "answeredOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed((await Checklists.SaveAnswersAsync(db, id, inputs, answeredOn, body.Version, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<AssessmentResponse>, Refusal>> CloseAssessment(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await WithAnswersAsync(db, await Checklists.CloseAsync(db, id, clock, ct), ct));

    private static async Task<Results<Ok<AssessmentResponse>, Refusal>> ReopenAssessment(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await WithAnswersAsync(db, await Checklists.ReopenAsync(db, id, ct), ct));

    /// <summary>The answer with the assessment's answers, which a close or reopen does not load.</summary>
    private static async Task<Outcome<AssessmentResponse>> WithAnswersAsync(AppDbContext db, Outcome<ChecklistAssessment> outcome, CancellationToken ct)
    {
        if (outcome.Value is { } a)
        {
            await db.Entry(a).Collection(x => x.Answers).LoadAsync(ct);
        }
        return outcome.Map(ToResponse);
    }
}
