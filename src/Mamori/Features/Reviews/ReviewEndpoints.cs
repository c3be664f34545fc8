using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews;

/// <summary>/api/v1/reviews: businesses, rounds, cases and their record, the 別表 and the counts per type.</summary>
public static partial class ReviewEndpoints
{
    public sealed record BusinessRequest(string? Name, Guid? DepartmentId, string? JointDepartments, string? Summary, IReadOnlyList<string>? Types,
        bool IsDiscontinued, Guid? Version);

    public sealed record BusinessResponse(Guid Id, string Name, Guid DepartmentId, string? JointDepartments, string? Summary,
        IReadOnlyList<string> Types, bool IsDiscontinued, Guid Version);

    public sealed record RoundRequest(string? Title, string? Body, string? NoticeOn, string? DeadlineOn, IReadOnlyList<string>? PreConsultations,
        string? MeetingOn, string? ReportOn, string? ReportTo, int? FirstCaseNumber, Guid? Version);

    public sealed record RoundStatusRequest(string? Status);

    public sealed record RoundResponse(Guid Id, string Title, string? Body, DateOnly? NoticeOn, DateOnly? DeadlineOn, IReadOnlyList<DateOnly> PreConsultations,
        DateOnly? MeetingOn, DateOnly? ReportOn, string? ReportTo, string Status, string StatusName, Guid Version,
        int Businesses, int Inspections, IReadOnlyList<CaseSummary> Cases);

    public sealed record CaseSummary(Guid Id, int? Number, string Title, string? Departments, string Status, IReadOnlyList<string> Types, string? Result);

    public sealed record CaseRequest(Guid RoundId, Guid BusinessId, IReadOnlyList<string>? Types, string? Summary, string? Title, string? DepartmentsLabel);

    public sealed record InspectionRequest(Dictionary<string, string>? Answers, InspectionDetails? Details, bool HasSensitive, IReadOnlyList<string>? OrdinanceSensitive);

    public sealed record EntryRequest(string? Kind, string? Text, Guid? ReplyToId, IReadOnlyList<string>? Categories, string? OtherTopic, string? Response, string? ImprovementBy);

    public sealed record ResultRequest(string? Result, string? ResultText, string? Points, IReadOnlyList<string>? Responses, string? ImprovementBy);

    public sealed record TemplateRequest(IReadOnlyList<InspectionQuestion>? Questions);

    public sealed record TemplateResponse(string Type, string FormName, int Number, IReadOnlyList<InspectionQuestion> Questions);

    public sealed record QuestionResponse(string Key, string Text, string Kind, bool Required, string? Answer);

    public sealed record InspectionResponse(string Type, string TypeName, string FormName, int TemplateNumber, IReadOnlyList<QuestionResponse> Questions,
        InspectionDetails Details, bool HasSensitive, IReadOnlyList<string> OrdinanceSensitive, IReadOnlyList<string> MissingClauses);

    public sealed record EntryResponse(Guid Id, string Kind, string KindName, string Text, Guid? ReplyToId, IReadOnlyList<string> Categories, string? OtherTopic,
        string? Response, string? ImprovementBy, bool ByOffice, string AuthorName, DateTime At);

    public sealed record CaseResponse(Guid Id, int? Number, string Status, string StatusName, string Title, string? Departments, string Summary, string? Points,
        Guid RoundId, Guid BusinessId, IReadOnlyList<InspectionResponse> Inspections, IReadOnlyList<EntryResponse> Entries,
        string? Result, string? ResultName, string? ResultText, IReadOnlyList<string> Responses, string? ImprovementBy, IReadOnlyList<string> Missing, Guid Version);

    public sealed record MatrixRowResponse(string Group, string Label, IReadOnlyList<int> Cases);

    public sealed record MatrixResponse(IReadOnlyList<int> CaseNumbers, IReadOnlyList<MatrixRowResponse> Rows);

    public sealed record CountResponse(string Type, string TypeName, int Count, int Sensitive, int OrdinanceSensitive);

    public sealed record CountsResponse(DateOnly From, DateOnly To, int Cases, int Inspections, IReadOnlyList<CountResponse> Types);

    public static RouteGroupBuilder MapReviewEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/reviews").WithTags("自己点検・部会審査");
        g.MapGet("/businesses", ListBusinesses).RequireAuthorization(Policies.ReviewsRead).WithSummary("取扱事務の一覧");
        g.MapPost("/businesses", CreateBusiness).RequireAuthorization(Policies.ReviewsWrite).WithSummary("取扱事務の登録");
        g.MapPut("/businesses/{id:guid}", UpdateBusiness).RequireAuthorization(Policies.ReviewsWrite).WithSummary("取扱事務の変更");
        g.MapGet("/rounds", ListRounds).RequireAuthorization(Policies.ReviewsRead).WithSummary("審査の回の一覧");
        g.MapPost("/rounds", CreateRound).RequireAuthorization(Policies.ReviewsManage).WithSummary("審査の回の作成");
        g.MapGet("/rounds/{id:guid}", GetRound).RequireAuthorization(Policies.ReviewsRead).WithSummary("審査の回と案件");
        g.MapPut("/rounds/{id:guid}", UpdateRound).RequireAuthorization(Policies.ReviewsManage).WithSummary("審査の回の変更");
        g.MapPost("/rounds/{id:guid}/status", SetRoundStatus).RequireAuthorization(Policies.ReviewsManage).WithSummary("締切・再開・報告済み");
        g.MapGet("/rounds/{id:guid}/matrix", GetMatrix).RequireAuthorization(Policies.ReviewsRead).WithSummary("別表：質問・意見等の類型一覧");
        g.MapPost("/cases", CreateCase).RequireAuthorization(Policies.ReviewsWrite).WithSummary("案件（自己点検）の作成");
        g.MapGet("/cases/{id:guid}", GetCase).RequireAuthorization(Policies.ReviewsRead).WithSummary("案件");
        g.MapPut("/cases/{id:guid}/inspections/{type}", SaveInspection).RequireAuthorization(Policies.ReviewsWrite).WithSummary("自己点検表の回答");
        g.MapPost("/cases/{id:guid}/submit", SubmitCase).RequireAuthorization(Policies.ReviewsWrite).WithSummary("案件の提出");
        g.MapPost("/cases/{id:guid}/withdraw", WithdrawCase).RequireAuthorization(Policies.ReviewsWrite).WithSummary("案件の取下げ");
        g.MapPost("/cases/{id:guid}/entries", AddEntry).RequireAuthorization(Policies.ReviewsWrite).WithSummary("質問・回答・意見・部会後の処理");
        g.MapPost("/cases/{id:guid}/result", RecordResult).RequireAuthorization(Policies.ReviewsManage).WithSummary("部会の結果");
        MapDraftEndpoints(g);
        g.MapGet("/counts", GetCounts).RequireAuthorization(Policies.ReviewsManage).WithSummary("取扱類型ごとの件数");
        g.MapGet("/templates/{type}", GetTemplate).RequireAuthorization(Policies.ReviewsRead).WithSummary("自己点検表のひな形（現在の版）");
        g.MapPut("/templates/{type}", SaveTemplate).RequireAuthorization(Policies.ReviewsManage).WithSummary("自己点検表のひな形の変更（新しい版）");
        return api;
    }

    private static BusinessResponse ToResponse(Business b) =>
        new(b.Id, b.Name, b.DepartmentId, b.JointDepartments, b.Summary, b.Types.Select(t => t.ToString()).ToList(), b.IsDiscontinued, b.Version);

    private static async Task<Ok<List<BusinessResponse>>> ListBusinesses(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Businesses.AsNoTracking().OrderBy(b => b.Name).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<BusinessResponse>, Refusal>> CreateBusiness(BusinessRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveBusiness(null, body, db, ct), b => $"/api/v1/reviews/businesses/{b.Id}");

    private static async Task<Results<Ok<BusinessResponse>, Refusal>> UpdateBusiness(Guid id, BusinessRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveBusiness(id, body, db, ct));

    private static async Task<Outcome<BusinessResponse>> SaveBusiness(Guid? id, BusinessRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var types = ApiResults.ParseEnums<HandlingType>(body.Types, "types", errors, ReviewNames.JapaneseName);
        if (errors.Count > 0)
        {
            return Outcome<BusinessResponse>.Fail(errors);
        }
        var outcome = await ReviewWorkflow.SaveBusinessAsync(db, id, new BusinessInput(body.Name, body.DepartmentId, body.JointDepartments, body.Summary, types,
            body.IsDiscontinued, body.Version), ct);
        return outcome.Ok ? Outcome<BusinessResponse>.Success(ToResponse(outcome.Value!)) : outcome.Refused<BusinessResponse>();
    }

    private static async Task<Ok<List<RoundResponse>>> ListRounds(AppDbContext db, CancellationToken ct)
    {
        var rounds = await db.ReviewRounds.AsNoTracking().OrderByDescending(r => r.DeadlineOn).ToListAsync(ct);
        return TypedResults.Ok(rounds.Select(r => ToResponse(r, null)).ToList());
    }

    private static RoundResponse ToResponse(ReviewRound r, RoundReport? report) =>
        new(r.Id, r.Title, r.Body, r.NoticeOn, r.DeadlineOn, r.PreConsultations, r.MeetingOn, r.ReportOn, r.ReportTo, r.Status.ToString(), r.Status.JapaneseName(),
            r.Version, report?.Businesses ?? 0, report?.Inspections ?? 0,
            report?.Cases.Select(c => new CaseSummary(c.Id, c.Number, c.Title, c.DepartmentsLabel, c.Status.ToString(),
                c.Inspections.OrderBy(i => i.Type).Select(i => i.Type.ToString()).ToList(), c.Result?.ToString())).ToList() ?? []);

    private static async Task<Results<Ok<RoundResponse>, NotFound>> GetRound(Guid id, AppDbContext db, CancellationToken ct)
    {
        var report = await ReviewReports.RoundAsync(db, id, ct);
        return report is null ? TypedResults.NotFound() : TypedResults.Ok(ToResponse(report.Round, report));
    }

    private static async Task<Results<Created<RoundResponse>, Refusal>> CreateRound(RoundRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveRound(null, body, db, ct), r => $"/api/v1/reviews/rounds/{r.Id}");

    private static async Task<Results<Ok<RoundResponse>, Refusal>> UpdateRound(Guid id, RoundRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveRound(id, body, db, ct));

    private static async Task<Outcome<RoundResponse>> SaveRound(Guid? id, RoundRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var pre = new List<DateOnly>();
        foreach (var text in body.PreConsultations ?? [])
        {
            if (ApiResults.ParseDate(text, "preConsultations", errors) is { } d)
            {
                pre.Add(d);
            }
        }
        var input = new RoundInput
        {
            Title = body.Title,
            Body = body.Body,
            NoticeOn = ApiResults.ParseDate(body.NoticeOn, "noticeOn", errors),
            DeadlineOn = ApiResults.ParseDate(body.DeadlineOn, "deadlineOn", errors),
            PreConsultations = pre,
            MeetingOn = ApiResults.ParseDate(body.MeetingOn, "meetingOn", errors),
            ReportOn = ApiResults.ParseDate(body.ReportOn, "reportOn", errors),
            ReportTo = body.ReportTo,
            FirstCaseNumber = body.FirstCaseNumber,
            Version = body.Version,
        };
        if (errors.Count > 0)
        {
            return Outcome<RoundResponse>.Fail(errors);
        }
        var outcome = await ReviewWorkflow.SaveRoundAsync(db, id, input, ct);
        return outcome.Ok ? Outcome<RoundResponse>.Success(ToResponse(outcome.Value!, null)) : outcome.Refused<RoundResponse>();
    }

    private static async Task<Results<Ok<RoundResponse>, Refusal>> SetRoundStatus(Guid id, RoundStatusRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (ApiResults.ParseEnum<RoundStatus>(body.Status, "status", errors, ReviewWorkflow.JapaneseName) is not { } status)
        {
            return ApiResults.Invalid(errors.Count > 0 ? errors : new Dictionary<string, string[]> { ["status"] = ["status（Open・Closed・Reported）を指定してください。"] });
        }
        var outcome = await ReviewWorkflow.SetRoundStatusAsync(db, id, status, clock, ct);
        return outcome.Ok ? TypedResults.Ok(ToResponse(outcome.Value!, null)) : ApiResults.Refused(outcome);
    }

    private static async Task<Results<Ok<MatrixResponse>, NotFound>> GetMatrix(Guid id, AppDbContext db, CancellationToken ct)
    {
        var report = await ReviewReports.RoundAsync(db, id, ct);
        if (report is null)
        {
            return TypedResults.NotFound();
        }
        var matrix = ReviewReports.Matrix(report.Cases);
        return TypedResults.Ok(new MatrixResponse(matrix.CaseNumbers, matrix.Rows.Select(r => new MatrixRowResponse(r.Group, r.Label, r.Cases.Order().ToList())).ToList()));
    }

    private static async Task<Results<Created<CaseResponse>, Refusal>> CreateCase(CaseRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var types = ApiResults.ParseEnums<HandlingType>(body.Types, "types", errors, ReviewNames.JapaneseName);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var outcome = await ReviewWorkflow.CreateCaseAsync(db, new CaseInput(body.RoundId, body.BusinessId, types, body.Summary, body.Title, body.DepartmentsLabel), ct);
        if (!outcome.Ok)
        {
            return ApiResults.Refused(outcome);
        }
        return TypedResults.Created($"/api/v1/reviews/cases/{outcome.Value!.Id}", (await LoadAsync(db, outcome.Value.Id, ct))!);
    }

    /// <summary>The case as the API shows it: questions with answers, the record, and what is still missing.</summary>
    public static async Task<CaseResponse?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var c = await CaseReading.LoadAsync(db, id, ct);
        if (c is null)
        {
            return null;
        }
        var templates = await CaseReading.TemplatesAsync(db, c, ct);
        var missing = c.Status == CaseStatus.Draft ? await ReviewWorkflow.MissingAsync(db, c, ct) : [];
        return new CaseResponse(c.Id, c.Number, c.Status.ToString(), c.Status.JapaneseName(), c.Title, c.DepartmentsLabel, c.Summary, c.Points, c.RoundId, c.BusinessId,
            c.Inspections.OrderBy(i => i.Type).Select(i =>
            {
                var template = templates[i.TemplateId];
                var answers = i.Answers;
                return new InspectionResponse(i.Type.ToString(), i.Type.JapaneseName(), i.Type.FormName(), template.Number,
                    template.Questions.Select(q => new QuestionResponse(q.Key, q.Text, q.Kind.ToString(), q.Required, answers.GetValueOrDefault(q.Key))).ToList(),
                    i.Details, i.HasSensitive, Core.Features.Register.RegisterContent.Lines(i.OrdinanceSensitive), ReviewRules.MissingClauses(i.Type, i.Details));
            }).ToList(),
            c.Entries.OrderBy(e => e.At).Select(e => new EntryResponse(e.Id, e.Kind.ToString(), e.Kind.JapaneseName(), e.Text, e.ReplyToId,
                e.Categories.Select(x => x.ToString()).ToList(), e.OtherTopic, e.Response?.ToString(), e.ImprovementBy?.ToString(), e.ByOffice, e.AuthorName, e.At)).ToList(),
            c.Result?.ToString(), c.Result?.JapaneseName(), c.ResultText, ReviewNames.FromMask<ResponseCategory>(c.ResponseMask).Select(r => r.ToString()).ToList(),
            c.ImprovementBy?.ToString(), missing, c.Version);
    }

    private static async Task<Results<Ok<CaseResponse>, NotFound>> GetCase(Guid id, AppDbContext db, CancellationToken ct)
    {
        var response = await LoadAsync(db, id, ct);
        return response is null ? TypedResults.NotFound() : TypedResults.Ok(response);
    }

    /// <summary>The case as the API shows it after a step, or the step's refusal.</summary>
    private static async Task<Results<Ok<CaseResponse>, Refusal>> Step<T>(Guid id, AppDbContext db, Task<Outcome<T>> step, CancellationToken ct)
    {
        var outcome = await step;
        return outcome.Ok ? TypedResults.Ok((await LoadAsync(db, id, ct))!) : ApiResults.Refused(outcome);
    }

    private static Task<Results<Ok<CaseResponse>, Refusal>> SaveInspection(Guid id, string type, InspectionRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (ApiResults.ParseEnum<HandlingType>(type, "type", errors, ReviewNames.JapaneseName) is not { } handling)
        {
            return Task.FromResult<Results<Ok<CaseResponse>, Refusal>>(ApiResults.Invalid(errors));
        }
        var input = new InspectionInput(body.Answers ?? [], body.Details ?? new InspectionDetails(), body.HasSensitive,
            body.OrdinanceSensitive is null ? null : string.Join('\n', body.OrdinanceSensitive));
        return Step(id, db, ReviewWorkflow.SaveInspectionAsync(db, id, handling, input, ct), ct);
    }

    private static Task<Results<Ok<CaseResponse>, Refusal>> SubmitCase(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        Step(id, db, ReviewWorkflow.SubmitCaseAsync(db, id, clock, ct), ct);

    /// <summary>取下げ of a submitted case (200 with the case); a case still being written is deleted (204).</summary>
    private static async Task<Results<Ok<CaseResponse>, NoContent, Refusal>> WithdrawCase(Guid id, AppDbContext db, CancellationToken ct)
    {
        var outcome = await ReviewWorkflow.WithdrawCaseAsync(db, id, ct);
        if (!outcome.Ok)
        {
            return ApiResults.Refused(outcome);
        }
        return await LoadAsync(db, id, ct) is { } withdrawn ? TypedResults.Ok(withdrawn) : TypedResults.NoContent();
    }

    private static Task<Results<Ok<CaseResponse>, Refusal>> AddEntry(Guid id, EntryRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<EntryKind>(body.Kind, "kind", errors, ReviewNames.JapaneseName);
        var categories = ApiResults.ParseEnums<QuestionCategory>(body.Categories, "categories", errors, ReviewNames.JapaneseName);
        var response = ApiResults.ParseEnum<ResponseCategory>(body.Response, "response", errors, ReviewNames.JapaneseName);
        var by = ApiResults.ParseEnum<ImprovementBy>(body.ImprovementBy, "improvementBy", errors, ReviewNames.JapaneseName);
        if (kind is null && !errors.ContainsKey("kind"))
        {
            errors["kind"] = ["kind（Question・Answer・Opinion・FollowUp）を指定してください。"];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Results<Ok<CaseResponse>, Refusal>>(ApiResults.Invalid(errors));
        }
        return Step(id, db, ReviewWorkflow.AddEntryAsync(db, id, new EntryInput(kind!.Value, body.Text, body.ReplyToId, categories, body.OtherTopic, response, by), clock, ct), ct);
    }

    private static Task<Results<Ok<CaseResponse>, Refusal>> RecordResult(Guid id, ResultRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var result = ApiResults.ParseEnum<ReviewResult>(body.Result, "result", errors, ReviewNames.JapaneseName);
        var responses = ApiResults.ParseEnums<ResponseCategory>(body.Responses, "responses", errors, ReviewNames.JapaneseName);
        var by = ApiResults.ParseEnum<ImprovementBy>(body.ImprovementBy, "improvementBy", errors, ReviewNames.JapaneseName);
        if (errors.Count > 0)
        {
            return Task.FromResult<Results<Ok<CaseResponse>, Refusal>>(ApiResults.Invalid(errors));
        }
        return Step(id, db, ReviewWorkflow.RecordResultAsync(db, id, new ResultInput(result, body.ResultText, body.Points, responses, by), clock, ct), ct);
    }

    private static async Task<Results<Ok<CountsResponse>, Refusal>> GetCounts(string? from, string? to, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ApiResults.ParseDate(from, "from", errors);
        var end = ApiResults.ParseDate(to, "to", errors);
        if (errors.Count > 0 || start is null || end is null)
        {
            return ApiResults.Invalid(errors.Count > 0 ? errors : new Dictionary<string, string[]> { ["from"] = ["期間の開始日 from と終了日 to を指定してください（例：2023-04-01）。"] });
        }
        var counts = await ReviewReports.CountsAsync(db, start.Value, end.Value, ct);
        return TypedResults.Ok(new CountsResponse(counts.From, counts.To, counts.Cases, counts.Inspections,
            counts.Types.Select(t => new CountResponse(t.Type.ToString(), t.Type.JapaneseName(), t.Count, t.Sensitive, t.OrdinanceSensitive)).ToList()));
    }

    private static async Task<Results<Ok<TemplateResponse>, Refusal>> GetTemplate(string type, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (ApiResults.ParseEnum<HandlingType>(type, "type", errors, ReviewNames.JapaneseName) is not { } handling)
        {
            return ApiResults.Invalid(errors);
        }
        var template = await InspectionTemplates.PeekAsync(db, handling, ct);
        return TypedResults.Ok(new TemplateResponse(handling.ToString(), handling.FormName(), template.Number, template.Questions));
    }

    private static async Task<Results<Ok<TemplateResponse>, Refusal>> SaveTemplate(string type, TemplateRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (ApiResults.ParseEnum<HandlingType>(type, "type", errors, ReviewNames.JapaneseName) is not { } handling)
        {
            return ApiResults.Invalid(errors);
        }
        var outcome = await InspectionTemplates.SaveAsync(db, handling, body.Questions ?? [], db.Tenant.ActorName, ct);
        return outcome.Ok
            ? TypedResults.Ok(new TemplateResponse(handling.ToString(), handling.FormName(), outcome.Value!.Number, outcome.Value.Questions))
            : ApiResults.Refused(outcome);
    }
}
