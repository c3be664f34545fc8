using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Advisories;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Advisories;

/// <summary>/api/v1/advisories: national notices and vendor advisories, their checks and results, through the pages' use cases.</summary>
public static class AdvisoriesEndpoints
{
    public sealed record AdvisoryRequest(string? Source, string? SourceName, string? Number, string? IssuedOn, string? Title, string? Requirement, string? DueOn,
        Guid? Version);

    public sealed record TaskResponse(Guid Id, Guid DepartmentId, Guid? SystemId, Guid? TerminalId, string? Outcome, string? Note, DateOnly? DoneOn, string? DoneBy, string? EvidenceName,
        Guid Version);

    public sealed record AdvisoryResponse(Guid Id, string Source, string? SourceName, string? Number, DateOnly IssuedOn, string Title, string Requirement,
        DateOnly? DueOn, string? FileName, DateOnly? ClosedOn, Guid? CouncilItemId, IReadOnlyList<TaskResponse> Tasks, Guid Version);

    public sealed record AssignRequest(IReadOnlyList<Guid>? SystemIds, IReadOnlyList<Guid>? DepartmentIds, IReadOnlyList<Guid>? TerminalIds);

    public sealed record CloseRequest(bool Close);

    public sealed record ReportRequest(Guid? CouncilId);

    public static RouteGroupBuilder MapAdvisoriesEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/advisories").WithTags("国の通知・注意喚起");
        g.MapGet("", List).RequireAuthorization(Policies.AdvisoriesRead).WithSummary("通知・注意喚起の一覧（?state=open|closed|all ?q= 語句、発出日の新しい順・ページ）");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AdvisoriesRead).WithSummary("通知と点検（所管課は自課の点検だけ）");
        g.MapPost("", Create).RequireAuthorization(Policies.AdvisoriesManage)
            .WithSummary("通知・注意喚起の登録（source：Soumu 総務省・Digital デジタル庁・Ppc 個人情報保護委員会・Jlis・Vendor 事業者・Other）");
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.AdvisoriesManage).WithSummary("通知・注意喚起の変更（version が違えば 409）");
        g.MapPost("/{id:guid}/document", Document).RequireAuthorization(Policies.AdvisoriesManage).WithSummary("通知の文書（multipart の file）");
        g.MapPost("/{id:guid}/tasks", Assign).RequireAuthorization(Policies.AdvisoriesManage).WithSummary("システム（所管課が点検）・統合端末（設置課が点検）・部署に点検を割り当てる");
        g.MapPost("/tasks/{taskId:guid}/result", Record).RequireAuthorization(Policies.AdvisoriesCheck)
            .WithSummary("点検の結果（multipart：outcome＝NotApplicable・Checked・Corrected・PatchConfirmed、note、doneOn、version、file＝証跡）");
        g.MapPost("/{id:guid}/close", Close).RequireAuthorization(Policies.AdvisoriesManage).WithSummary("完了にする（すべての点検に結果があるとき）・取り消す");
        g.MapPost("/{id:guid}/council-report", Report).RequireAuthorization(Policies.AdvisoriesManage, Policies.CouncilManage)
            .WithSummary("審議会への報告案件にする");
        return api;
    }

    private static TaskResponse ToResponse(AdvisoryTask t) =>
        new(t.Id, t.DepartmentId, t.SystemId, t.TerminalId, t.Outcome?.ToString(), t.Note, t.DoneOn, t.DoneBy, t.EvidenceName, t.Version);

    private static AdvisoryResponse ToResponse(Advisory a, IEnumerable<AdvisoryTask> tasks) => new(a.Id, a.Source.ToString(), a.SourceName, a.Number, a.IssuedOn,
        a.Title, a.Requirement, a.DueOn, a.FileName, a.ClosedOn, a.CouncilItemId, tasks.OrderBy(t => t.Id).Select(ToResponse).ToList(), a.Version);

    private static async Task<AdvisoryResponse?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a
            ? ToResponse(a, await db.AdvisoryTasks.AsNoTracking().Where(t => t.AdvisoryId == id).ToListAsync(ct)) : null;

    private static async Task<Outcome<AdvisoryResponse>> ThenLoadAsync<T>(AppDbContext db, Outcome<T> step, Guid id, CancellationToken ct) =>
        step.Ok ? Outcome<AdvisoryResponse>.Success((await LoadAsync(db, id, ct))!) : step.Refused<AdvisoryResponse>();

    private static async Task<Ok<ApiPage<AdvisoryResponse>>> List(string? state, string? q, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var query = db.Advisories.AsNoTracking()
            .Where(a => state == "all" || (state == "closed" ? a.ClosedOn != null : a.ClosedOn == null))
            .Where(a => q == null || a.Title.Contains(q) || a.Requirement.Contains(q) || (a.Number != null && a.Number.Contains(q)))
            .OrderByDescending(a => a.IssuedOn).ThenBy(a => a.Id);
        return TypedResults.Ok(await ApiPaging.PageAsync(query, page, pageSize, a => ToResponse(a, []), ct));
    }

    private static async Task<Results<Ok<AdvisoryResponse>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } a ? TypedResults.Ok(a) : TypedResults.NotFound();

    private static async Task<Results<Created<AdvisoryResponse>, Refusal>> Create(AdvisoryRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveAsync(null, body, db, ct), a => $"/api/v1/advisories/{a.Id}");

    private static async Task<Results<Ok<AdvisoryResponse>, Refusal>> Update(Guid id, AdvisoryRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveAsync(id, body, db, ct));

    private static async Task<Outcome<AdvisoryResponse>> SaveAsync(Guid? id, AdvisoryRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var source = ApiResults.ParseEnum<AdvisorySource>(body.Source, "source", errors, s => s.JapaneseName());
        var issued = ApiResults.ParseDate(body.IssuedOn, "issuedOn", errors);
        var due = ApiResults.ParseDate(body.DueOn, "dueOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<AdvisoryResponse>.Fail(errors);
        }
        var saved = await AdvisoryWorkflow.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new AdvisoryInput(source, body.SourceName, body.Number, issued, body.Title, body.Requirement, due), body.Version, ct);
        return await ThenLoadAsync(db, saved, saved.Value?.Id ?? Guid.Empty, ct);
    }

    private static async Task<Results<Ok<AdvisoryResponse>, Refusal>> Document(Guid id, HttpRequest request, AppDbContext db, CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        var current = await db.Advisories.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (current is null)
        {
            return ApiResults.Refused(Outcome<AdvisoryResponse>.NotFound(AdvisoryWorkflow.NotFound));
        }
        // The document goes through the same save as the page's form, with the notice as it stands.
        var saved = await AdvisoryWorkflow.SaveAsync(db, current.MunicipalityId, id, new AdvisoryInput(current.Source, current.SourceName, current.Number,
            current.IssuedOn, current.Title, current.Requirement, current.DueOn, name, content), current.Version, ct);
        return ApiResults.Changed(await ThenLoadAsync(db, saved, id, ct));
    }

    private static async Task<Results<Ok<AdvisoryResponse>, Refusal>> Assign(Guid id, AssignRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await AdvisoryWorkflow.AssignAsync(db, id,
            new CheckTargets(body.SystemIds ?? [], body.TerminalIds ?? [], body.DepartmentIds ?? []), ct), id, ct));

    private static async Task<Results<Ok<TaskResponse>, Refusal>> Record(Guid taskId, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var outcome = ApiResults.ParseEnum<AdvisoryOutcome>(await Uploads.FieldAsync(request, "outcome", ct), "outcome", errors, o => o.JapaneseName());
        var done = ApiResults.ParseDate(await Uploads.FieldAsync(request, "doneOn", ct), "doneOn", errors);
        Guid? version = Guid.TryParse(await Uploads.FieldAsync(request, "version", ct), out var v) ? v : null;
        byte[]? evidence = null;
        string? evidenceName = null;
        if (request.HasFormContentType && (await request.ReadFormAsync(ct)).Files.Count > 0)
        {
            var (content, name, error) = await Uploads.ReadRequestAsync(request, null, Core.Features.Files.UploadRules.MaxBytes, ct);
            if (error is not null)
            {
                errors["file"] = [error];
            }
            (evidence, evidenceName) = (content, name);
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var recorded = await AdvisoryWorkflow.RecordAsync(db, taskId, new CheckResult(outcome, await Uploads.FieldAsync(request, "note", ct), done, evidenceName, evidence),
            version, clock, ct);
        return ApiResults.Changed(new Outcome<TaskResponse>(recorded.Ok ? ToResponse(recorded.Value!) : null,
            recorded.Errors.ToDictionary(e => e.Key == "Evidence" ? "File" : e.Key, e => e.Value), recorded.Kind));
    }

    private static async Task<Results<Ok<AdvisoryResponse>, Refusal>> Close(Guid id, CloseRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await AdvisoryWorkflow.CloseAsync(db, id, body.Close, clock, ct), id, ct));

    private static async Task<Results<Ok<AdvisoryResponse>, Refusal>> Report(Guid id, ReportRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await AdvisoryWorkflow.ReportAsync(db, id, body.CouncilId ?? Guid.Empty, clock, ct), id, ct));
}
