using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>
/// /api/v1/security/self-checks: the staff self-check campaigns, their question sets, each department's progress and
/// 振り返り, through the pages' use cases. A 所管課 caller reads and writes its own department only. Answering is left
/// to each member of staff on the page.
/// </summary>
public static partial class SecurityEndpoints
{
    public sealed record CampaignRequest(string? Title, string? StartOn, string? EndOn, string? Note, Guid? Version);

    public sealed record SetRequest(string? Name, Guid? DepartmentId, string? Questions);

    public sealed record QuestionResponse(string Key, string Text, IReadOnlyList<string> Options);

    public sealed record SetResponse(Guid Id, string Name, Guid? DepartmentId, IReadOnlyList<QuestionResponse> Questions);

    public sealed record ProgressResponse(Guid DepartmentId, string Department, int Staff, int Answered, decimal? Rate, string? Reflection);

    public sealed record CampaignResponse(Guid Id, string Title, DateOnly StartOn, DateOnly EndOn, string? Note, IReadOnlyList<SetResponse> Sets, Guid Version);

    public sealed record ReflectionRequest(Guid? DepartmentId, string? Note);

    public sealed record ReflectionResponse(Guid Id, Guid CampaignId, Guid DepartmentId, string Note, Guid Version);

    private static void MapSelfCheckEndpoints(RouteGroupBuilder g)
    {
        g.MapGet("/self-checks", Campaigns).RequireAuthorization(Policies.SelfCheckResults).WithSummary("職員セルフチェックの一覧（回答期間の新しい順）");
        g.MapPost("/self-checks", CreateCampaign).RequireAuthorization(Policies.SecurityWrite).WithSummary("セルフチェックを作る（全職員用の質問セットが付く）");
        g.MapGet("/self-checks/{id:guid}", Campaign).RequireAuthorization(Policies.SelfCheckResults).WithSummary("セルフチェックと質問セット");
        g.MapPut("/self-checks/{id:guid}", UpdateCampaign).RequireAuthorization(Policies.SecurityWrite).WithSummary("セルフチェックの変更（version が違えば 409）");
        g.MapPost("/self-checks/{id:guid}/sets", AddSet).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("質問セットを加える（questions は1行1問、選択肢は「質問｜はい／いいえ」）");
        g.MapPut("/self-checks/{id:guid}/sets/{setId:guid}", ChangeSet).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("質問セットを直す（回答のあるセットの質問は変えられない）");
        g.MapGet("/self-checks/{id:guid}/progress", Progress).RequireAuthorization(Policies.SelfCheckResults).WithSummary("部署ごとの回答状況と振り返り");
        g.MapPost("/self-checks/{id:guid}/reflections", Reflect).RequireAuthorization(Policies.SelfCheckReflect)
            .WithSummary("部署の振り返りを保存する（所管課は自課だけ）");
    }

    private static SetResponse ToResponse(SelfCheckQuestionSet s) =>
        new(s.Id, s.Name, s.DepartmentId, s.Questions.Select(q => new QuestionResponse(q.Key, q.Text, q.Options)).ToList());

    private static CampaignResponse ToResponse(SelfCheckCampaign c) =>
        new(c.Id, c.Title, c.StartOn, c.EndOn, c.Note, c.Sets.OrderBy(s => s.SortOrder).Select(ToResponse).ToList(), c.Version);

    private static async Task<Ok<List<CampaignResponse>>> Campaigns(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.SelfCheckCampaigns.AsNoTracking().Include(c => c.Sets).OrderByDescending(c => c.StartOn).ThenBy(c => c.Id).ToListAsync(ct))
            .Select(ToResponse).ToList());

    private static async Task<Results<Ok<CampaignResponse>, NotFound>> Campaign(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.SelfCheckCampaigns.AsNoTracking().Include(c => c.Sets).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c
            ? TypedResults.Ok(ToResponse(c)) : TypedResults.NotFound();

    private static async Task<Results<Created<CampaignResponse>, Refusal>> CreateCampaign(CampaignRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveCampaignAsync(null, body, db, ct), c => $"/api/v1/security/self-checks/{c.Id}");

    private static async Task<Results<Ok<CampaignResponse>, Refusal>> UpdateCampaign(Guid id, CampaignRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveCampaignAsync(id, body, db, ct));

    private static async Task<Outcome<CampaignResponse>> SaveCampaignAsync(Guid? id, CampaignRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ApiResults.ParseDate(body.StartOn, "startOn", errors);
        var end = ApiResults.ParseDate(body.EndOn, "endOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<CampaignResponse>.Fail(errors);
        }
        var saved = await StaffSelfChecks.SaveCampaignAsync(db, db.Tenant.MunicipalityId!.Value, id, body.Title, start, end, body.Note, body.Version, ct);
        if (saved.Value is { } c)
        {
            await db.Entry(c).Collection(x => x.Sets).LoadAsync(ct);
        }
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Created<SetResponse>, Refusal>> AddSet(Guid id, SetRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created((await StaffSelfChecks.SaveSetAsync(db, id, null, body.Name, body.DepartmentId, body.Questions ?? StaffSelfChecks.DefaultQuestions, ct))
            .Map(ToResponse), s => $"/api/v1/security/self-checks/{id}");

    private static async Task<Results<Ok<SetResponse>, Refusal>> ChangeSet(Guid id, Guid setId, SetRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await StaffSelfChecks.SaveSetAsync(db, id, setId, body.Name, body.DepartmentId, body.Questions, ct)).Map(ToResponse));

    private static async Task<Results<Ok<List<ProgressResponse>>, NotFound>> Progress(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.SelfCheckCampaigns.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok((await StaffSelfChecks.ProgressAsync(db, id, ct))
            .Select(p => new ProgressResponse(p.DepartmentId, p.Department, p.Staff, p.Answered, p.Rate, p.Reflection)).ToList());
    }

    private static async Task<Results<Ok<ReflectionResponse>, Refusal>> Reflect(Guid id, ReflectionRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        // A 所管課 caller writes for its own department whatever the body names, as on the page.
        var department = db.Tenant.RestrictToDepartment ? db.Tenant.DepartmentId : body.DepartmentId;
        if (department is null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["departmentId"] = ["departmentId（振り返りをする部署）を指定してください。"] });
        }
        var saved = await StaffSelfChecks.ReflectAsync(db, id, department.Value, body.Note, clock, ct);
        return ApiResults.Changed(saved.Map(r => new ReflectionResponse(r.Id, r.CampaignId, r.DepartmentId, r.Note, r.Version)));
    }
}
