using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// /api/v1/access: the alerts of access-log monitoring and their triage, the finding made from an alert, and the
/// allowlist, through the pages' use cases. Residents stay pseudonymous here as on the pages.
/// </summary>
public static partial class AccessEndpoints
{
    public sealed record AlertResponse(Guid Id, string Rule, string UserId, string? UserDept, DateOnly Day, string? ResidentId, string Severity, long Count,
        string Status, string? Outcome, string? Supervisor, Guid? FindingId, DateTime DetectedAt, DateTime? ClosedAt, string Explanation, Guid Version);

    public sealed record MoveRequest(string? To, string? Outcome, string? Supervisor, string? Comment, Guid? Version);

    public sealed record AlertVersion(Guid Id, Guid? Version);

    public sealed record BulkMoveRequest(IReadOnlyList<AlertVersion>? Alerts, string? To, string? Outcome, string? Supervisor, string? Comment);

    public sealed record BulkMoveResponse(int Moved);

    public sealed record FindingRequest(Guid? DepartmentId, string? DueOn);

    public sealed record AllowlistRequest(string? Rule, string? UserId, string? ResidentId, string? Reason, string? ApprovedBy, string? ExpiresOn);

    public sealed record AllowlistResponse(Guid Id, string Rule, string UserId, bool ForOneResident, string Reason, string ApprovedBy, DateOnly ExpiresOn);

    public static RouteGroupBuilder MapAccessEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/access").WithTags("アクセスログ監視");
        g.MapGet("/alerts", Alerts).RequireAuthorization(Policies.AccessRead)
            .WithSummary("アラートの一覧（検知の新しい順。?status=New|Investigating|SupervisorReview|Closed ?rule= ?page= ?pageSize=）");
        g.MapGet("/alerts/{id:guid}", Alert).RequireAuthorization(Policies.AccessRead).WithSummary("アラート");
        g.MapPost("/alerts/{id:guid}/move", Move).RequireAuthorization(Policies.AccessWrite)
            .WithSummary("アラートの対応を進める（to：Investigating・SupervisorReview・Closed、閉じるときは outcome、コメント）");
        g.MapPost("/alerts/move", MoveMany).RequireAuthorization(Policies.AccessWrite)
            .WithSummary($"選んだアラートをまとめて進める（alerts：[{{id, version}}] を{AccessAlerts.MaxBulk}件まで、to・outcome・supervisor・comment は1件と同じ。1件でも進められなければ何も変えない）");
        g.MapPost("/alerts/{id:guid}/finding", Finding).RequireAuthorization(Policies.AccessWrite).WithSummary("違反のアラートを指摘事項にする");
        g.MapGet("/allowlist", Allowlist).RequireAuthorization(Policies.AccessRead).WithSummary("許可リスト");
        g.MapPost("/allowlist", Allow).RequireAuthorization(Policies.AccessWrite).WithSummary("許可リストに加える（承認者と1年以内の期限が必要。residentId は仮名にして保存）");
        g.MapDelete("/allowlist/{id:guid}", Disallow).RequireAuthorization(Policies.AccessWrite).WithSummary("許可リストから外す");
        MapDataEndpoints(g);
        return api;
    }

    private static AlertResponse ToResponse(AccessAlert a) => new(a.Id, a.Rule, a.UserId, a.UserDept, a.Day, a.ResidentId, a.Severity, a.Count, a.Status.ToString(),
        a.Outcome?.ToString(), a.Supervisor, a.FindingId, a.DetectedAt, a.ClosedAt, AlertExplanation.For(a), a.Version);

    private static async Task<Results<Ok<ApiPage<AlertResponse>>, Refusal>> Alerts(string? status, string? rule, int? page, int? pageSize, AppDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ApiResults.ParseEnum<AlertStatus>(status, "status", errors, s => s.JapaneseName());
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var query = db.AccessAlerts.AsNoTracking()
            .Where(a => which == null || a.Status == which)
            .Where(a => rule == null || a.Rule == rule)
            .OrderByDescending(a => a.DetectedAt).ThenBy(a => a.Id);
        return TypedResults.Ok(await ApiPaging.PageAsync(query, page, pageSize, ToResponse, ct));
    }

    private static async Task<Results<Ok<AlertResponse>, NotFound>> Alert(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.AccessAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } a ? TypedResults.Ok(ToResponse(a)) : TypedResults.NotFound();

    private static async Task<Results<Ok<AlertResponse>, Refusal>> Move(Guid id, MoveRequest body, AppDbContext db, CurrentTenant tenant, TimeProvider clock,
        CancellationToken ct)
    {
        var (move, errors) = ParseMove(body.To, body.Outcome, body.Supervisor, body.Comment);
        if (move is null)
        {
            return ApiResults.Invalid(errors);
        }
        var moved = await AccessAlerts.MoveAsync(db, id, body.Version, move, tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        return ApiResults.Changed(moved.Map(ToResponse));
    }

    private static async Task<Results<Ok<BulkMoveResponse>, Refusal>> MoveMany(BulkMoveRequest body, AppDbContext db, CurrentTenant tenant, TimeProvider clock,
        CancellationToken ct)
    {
        var (move, errors) = ParseMove(body.To, body.Outcome, body.Supervisor, body.Comment);
        if (move is null)
        {
            return ApiResults.Invalid(errors);
        }
        var moved = await AccessAlerts.MoveManyAsync(db, (body.Alerts ?? []).Select(a => new AlertRef(a.Id, a.Version)).ToList(), move, tenant.ActorName,
            clock.GetUtcNow().UtcDateTime, ct);
        return ApiResults.Changed(moved.Map(n => new BulkMoveResponse(n)));
    }

    private static (AlertMove? Move, Dictionary<string, string[]> Errors) ParseMove(string? toText, string? outcomeText, string? supervisor, string? comment)
    {
        var errors = new Dictionary<string, string[]>();
        var to = ApiResults.ParseEnum<AlertStatus>(toText, "to", errors, s => s.JapaneseName());
        var outcome = ApiResults.ParseEnum<AlertOutcome>(outcomeText, "outcome", errors, o => o.JapaneseName());
        if (to is null && !errors.ContainsKey("to"))
        {
            errors["to"] = ["to（次の状態）を指定してください：Investigating・SupervisorReview・Closed。"];
        }
        return (errors.Count > 0 ? null : new AlertMove(to!.Value, outcome, supervisor, comment), errors);
    }

    private static async Task<Results<Created<Findings.FindingsEndpoints.FindingDetail>, Refusal>> Finding(Guid id, FindingRequest body, AppDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var due = ApiResults.ParseDate(body.DueOn, "dueOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var made = await AccessAlerts.CreateFindingAsync(db, id, body.DepartmentId, due, ct);
        return ApiResults.Created(made.Ok ? Outcome<Findings.FindingsEndpoints.FindingDetail>.Success(Findings.FindingsEndpoints.ToDetail(made.Value!))
            : made.Refused<Findings.FindingsEndpoints.FindingDetail>(), f => $"/api/v1/findings/{f.Id}");
    }

    private static AllowlistResponse ToResponse(AccessAllowlistEntry e) =>
        new(e.Id, e.Rule, e.UserId, e.ResidentId is not null, e.Reason, e.ApprovedBy, e.ExpiresOn);

    private static async Task<Ok<List<AllowlistResponse>>> Allowlist(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.AccessAllowlist.AsNoTracking().OrderBy(e => e.Rule).ThenBy(e => e.UserId).ThenBy(e => e.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<AllowlistResponse>, Refusal>> Allow(AllowlistRequest body, AppDbContext db, CurrentTenant tenant,
        AccessLogFolders folders, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var expires = ApiResults.ParseDate(body.ExpiresOn, "expiresOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        // A resident is kept only as the pseudonym the logs use, as on the page.
        var pseudonym = string.IsNullOrWhiteSpace(body.ResidentId) ? null : folders.Store(tenant.MunicipalityId!.Value).Pseudonym(body.ResidentId.Trim());
        var added = await AccessAlerts.AddAllowlistAsync(db, tenant.MunicipalityId!.Value,
            new AllowlistInput(body.Rule, body.UserId, pseudonym, body.Reason, body.ApprovedBy, expires), tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        return ApiResults.Created(added.Map(ToResponse),
            e => $"/api/v1/access/allowlist/{e.Id}");
    }

    private static async Task<Results<Ok<AllowlistResponse>, Refusal>> Disallow(Guid id, AppDbContext db, CancellationToken ct)
    {
        var removed = await AccessAlerts.RemoveAllowlistAsync(db, id, ct);
        return ApiResults.Changed(removed.Map(ToResponse));
    }
}
