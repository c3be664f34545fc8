using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Findings;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>
/// /api/v1/findings, the writing half: inspections and their findings (事務局), the department's response with evidence,
/// the office's closing check, and recurring tasks with their completion; the same use cases as the pages.
/// </summary>
public static partial class FindingsEndpoints
{
    public sealed record InspectionRequest(string? Source, string? Title, string? Inspector, string? StartOn, string? EndOn, string? Note,
        IReadOnlyList<Guid>? DepartmentIds, Guid? Version);

    public sealed record InspectionResponse(Guid Id, string Source, string Title, string? Inspector, DateOnly StartOn, DateOnly? EndOn, string? Note,
        IReadOnlyList<Guid> DepartmentIds, Guid Version);

    public sealed record FindingRequest(string? Law, int? Number, string? Heading, string? Provision, string? Text, Guid? DepartmentId, string? DueOn,
        string? Countermeasure, Guid? IncidentId, Guid? Version);

    public sealed record RespondRequest(string? Countermeasure, string? Owner, string? Status, string? DoneOn, Guid? Version);

    public sealed record CheckRequest(bool Confirm, string? CheckedOn, string? Note, Guid? Version);

    public sealed record FindingDetail(Guid Id, Guid InspectionId, string Law, int Number, string Heading, string? Provision, string Text, Guid DepartmentId,
        DateOnly? DueOn, string? Countermeasure, string? Owner, string Status, DateOnly? DoneOn, DateOnly? CheckedOn, string? CheckedBy, Guid Version);

    public sealed record EvidenceResponse(Guid Id, Guid FindingId, string Title);

    public sealed record TaskRequest(string? Title, Guid? DepartmentId, string? Frequency, string? FirstDueOn, string? EndOn, string? Note, Guid? FindingId,
        Guid? Version);

    public sealed record TaskResponse(Guid Id, string Title, Guid DepartmentId, string Frequency, DateOnly FirstDueOn, DateOnly? EndOn, Guid? FindingId, Guid Version);

    public sealed record CompleteRequest(string? DueOn, string? DoneOn, string? Note);

    private static void MapWriteEndpoints(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/findings").WithTags("指摘事項・漏えい等事案");
        g.MapPost("/inspections", CreateInspection).RequireAuthorization(Policies.FindingsManage).WithSummary("検査・監査の登録");
        g.MapPut("/inspections/{id:guid}", UpdateInspection).RequireAuthorization(Policies.FindingsManage).WithSummary("検査・監査の変更");
        g.MapDelete("/inspections/{id:guid}", DeleteInspection).RequireAuthorization(Policies.FindingsManage).WithSummary("検査・監査の削除（指摘事項がなければ）");
        g.MapPost("/inspections/{id:guid}/findings", CreateFinding).RequireAuthorization(Policies.FindingsManage).WithSummary("指摘事項の登録");
        g.MapGet("/{id:guid}", GetFinding).RequireAuthorization(Policies.FindingsRead).WithSummary("指摘事項");
        g.MapPut("/{id:guid}", UpdateFinding).RequireAuthorization(Policies.FindingsManage).WithSummary("指摘事項の変更");
        g.MapDelete("/{id:guid}", DeleteFinding).RequireAuthorization(Policies.FindingsManage).WithSummary("指摘事項の削除");
        g.MapPost("/{id:guid}/response", Respond).RequireAuthorization(Policies.FindingsRespond).WithSummary("所管課の対応（対策・担当・進捗）");
        g.MapPost("/{id:guid}/evidence", AddEvidence).RequireAuthorization(Policies.FindingsRespond).WithSummary("対応の証跡（multipart：file、title）");
        g.MapDelete("/evidence/{id:guid}", DeleteEvidence).RequireAuthorization(Policies.FindingsRespond).WithSummary("証跡の削除");
        g.MapPost("/{id:guid}/check", Check).RequireAuthorization(Policies.FindingsManage).WithSummary("事務局の確認（confirm=false で差し戻し）");
        g.MapPost("/tasks", CreateTask).RequireAuthorization(Policies.FindingsRespond).WithSummary("定期的な取組の登録");
        g.MapPut("/tasks/{id:guid}", UpdateTask).RequireAuthorization(Policies.FindingsRespond).WithSummary("定期的な取組の変更");
        g.MapPost("/tasks/{id:guid}/complete", CompleteTask).RequireAuthorization(Policies.FindingsRespond).WithSummary("定期的な取組の実施の記録");
    }

    internal static async Task<InspectionResponse> ToResponseAsync(AppDbContext db, Inspection i, CancellationToken ct) =>
        new(i.Id, i.Source.ToString(), i.Title, i.Inspector, i.StartOn, i.EndOn, i.Note,
            await db.InspectionDepartments.AsNoTracking().Where(d => d.InspectionId == i.Id).Select(d => d.DepartmentId).ToListAsync(ct), i.Version);

    internal static FindingDetail ToDetail(Finding f) => new(f.Id, f.InspectionId, f.Law.ToString(), f.Number, f.Heading, f.Provision, f.Text, f.DepartmentId, f.DueOn,
        f.Countermeasure, f.Owner, f.Status.ToString(), f.DoneOn, f.CheckedOn, f.CheckedBy, f.Version);

    private static TaskResponse ToResponse(RecurringTask t) => new(t.Id, t.Title, t.DepartmentId, t.Frequency.ToString(), t.FirstDueOn, t.EndOn, t.FindingId, t.Version);

    private static async Task<Results<Created<InspectionResponse>, Refusal>> CreateInspection(InspectionRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveInspectionAsync(db, null, body, ct), i => $"/api/v1/findings/inspections/{i.Id}");

    private static async Task<Results<Ok<InspectionResponse>, Refusal>> UpdateInspection(Guid id, InspectionRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveInspectionAsync(db, id, body, ct));

    private static async Task<Outcome<InspectionResponse>> SaveInspectionAsync(AppDbContext db, Guid? id, InspectionRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var source = ApiResults.ParseEnum<FindingSource>(body.Source, "source", errors, s => s.JapaneseName()) ?? FindingSource.InternalAudit;
        var (start, end) = (ApiResults.ParseDate(body.StartOn, "startOn", errors), ApiResults.ParseDate(body.EndOn, "endOn", errors));
        if (errors.Count > 0)
        {
            return Outcome<InspectionResponse>.Fail(errors);
        }
        var saved = await FindingWorkflow.SaveInspectionAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new InspectionInput(source, body.Title, body.Inspector, start, end, body.Note, body.DepartmentIds ?? []), body.Version, ct);
        return saved.Ok ? Outcome<InspectionResponse>.Success(await ToResponseAsync(db, saved.Value!, ct)) : saved.Refused<InspectionResponse>();
    }

    private static async Task<Results<Ok<InspectionResponse>, Refusal>> DeleteInspection(Guid id, AppDbContext db, CancellationToken ct)
    {
        var deleted = await FindingWorkflow.DeleteInspectionAsync(db, id, ct);
        return ApiResults.Changed(deleted.Ok ? Outcome<InspectionResponse>.Success(await ToResponseAsync(db, deleted.Value!, ct)) : deleted.Refused<InspectionResponse>());
    }

    private static async Task<Results<Ok<FindingDetail>, NotFound>> GetFinding(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is { } f ? TypedResults.Ok(ToDetail(f)) : TypedResults.NotFound();

    private static async Task<Results<Created<FindingDetail>, Refusal>> CreateFinding(Guid id, FindingRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveFindingAsync(db, id, null, body, ct), f => $"/api/v1/findings/{f.Id}");

    private static async Task<Results<Ok<FindingDetail>, Refusal>> UpdateFinding(Guid id, FindingRequest body, AppDbContext db, CancellationToken ct)
    {
        var inspection = await db.Findings.AsNoTracking().Where(f => f.Id == id).Select(f => (Guid?)f.InspectionId).FirstOrDefaultAsync(ct);
        return ApiResults.Changed(inspection is { } i ? await SaveFindingAsync(db, i, id, body, ct) : Outcome<FindingDetail>.NotFound("指摘事項が見つかりません。"));
    }

    private static async Task<Outcome<FindingDetail>> SaveFindingAsync(AppDbContext db, Guid inspectionId, Guid? id, FindingRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var law = ApiResults.ParseEnum<FindingLaw>(body.Law, "law", errors, l => l.JapaneseName()) ?? FindingLaw.Other;
        var due = ApiResults.ParseDate(body.DueOn, "dueOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<FindingDetail>.Fail(errors);
        }
        var saved = await FindingWorkflow.SaveFindingAsync(db, inspectionId, id, new FindingInput
        {
            Law = law,
            Number = body.Number,
            Heading = body.Heading,
            Provision = body.Provision,
            Text = body.Text,
            DepartmentId = body.DepartmentId,
            DueOn = due,
            Countermeasure = body.Countermeasure,
            IncidentId = body.IncidentId,
        }, body.Version, ct);
        return saved.Map(ToDetail);
    }

    private static async Task<Results<Ok<FindingDetail>, Refusal>> DeleteFinding(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(Detail(await FindingWorkflow.DeleteFindingAsync(db, id, ct)));

    private static Outcome<FindingDetail> Detail(Outcome<Finding> step) => step.Map(ToDetail);

    private static async Task<Results<Ok<FindingDetail>, Refusal>> Respond(Guid id, RespondRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var status = ApiResults.ParseEnum<FindingStatus>(body.Status, "status", errors, s => s.JapaneseName()) ?? FindingStatus.InProgress;
        var done = ApiResults.ParseDate(body.DoneOn, "doneOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed(Detail(await FindingWorkflow.RespondAsync(db, id, new Core.Features.Findings.FindingResponse(body.Countermeasure, body.Owner, status, done), body.Version, clock, ct)));
    }

    private static async Task<Results<Ok<FindingDetail>, Refusal>> Check(Guid id, CheckRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(body.CheckedOn, "checkedOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed(Detail(await FindingWorkflow.CheckAsync(db, id, body.Confirm, on, body.Note, body.Version, clock, ct)));
    }

    private static async Task<Results<Ok<EvidenceResponse>, Refusal>> AddEvidence(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        var added = await FindingWorkflow.AddEvidenceAsync(db, id, form?["title"], name, content, clock, ct);
        return ApiResults.Changed(added.Ok ? Outcome<EvidenceResponse>.Success(new EvidenceResponse(added.Value!.Id, id, added.Value.Title)) : added.Refused<EvidenceResponse>());
    }

    private static async Task<Results<Ok<EvidenceResponse>, Refusal>> DeleteEvidence(Guid id, AppDbContext db, CancellationToken ct)
    {
        var deleted = await FindingWorkflow.DeleteEvidenceAsync(db, id, ct);
        return ApiResults.Changed(deleted.Ok
            ? Outcome<EvidenceResponse>.Success(new EvidenceResponse(deleted.Value!.Id, deleted.Value.FindingId, deleted.Value.Title))
            : deleted.Refused<EvidenceResponse>());
    }

    private static async Task<Results<Created<TaskResponse>, Refusal>> CreateTask(TaskRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveTaskAsync(db, null, body, ct), t => $"/api/v1/findings/tasks/{t.Id}");

    private static async Task<Results<Ok<TaskResponse>, Refusal>> UpdateTask(Guid id, TaskRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveTaskAsync(db, id, body, ct));

    private static async Task<Outcome<TaskResponse>> SaveTaskAsync(AppDbContext db, Guid? id, TaskRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var frequency = ApiResults.ParseEnum<TaskFrequency>(body.Frequency, "frequency", errors, f => f.JapaneseName()) ?? TaskFrequency.Monthly;
        var (first, end) = (ApiResults.ParseDate(body.FirstDueOn, "firstDueOn", errors), ApiResults.ParseDate(body.EndOn, "endOn", errors));
        if (errors.Count > 0)
        {
            return Outcome<TaskResponse>.Fail(errors);
        }
        var saved = await RecurringTasks.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new RecurringTaskInput(body.Title, body.DepartmentId, frequency, first, end, body.Note, body.FindingId), body.Version, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<TaskResponse>, Refusal>> CompleteTask(Guid id, CompleteRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (due, done) = (ApiResults.ParseDate(body.DueOn, "dueOn", errors), ApiResults.ParseDate(body.DoneOn, "doneOn", errors));
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var completed = await RecurringTasks.CompleteAsync(db, id, due, done, body.Note, clock, ct);
        if (!completed.Ok)
        {
            return ApiResults.Refused(completed);
        }
        var task = await db.RecurringTasks.AsNoTracking().FirstAsync(t => t.Id == id, ct);
        return TypedResults.Ok(ToResponse(task));
    }
}
