using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Standardization;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Standardization;

/// <summary>/api/v1/standardization: the 業務 moving to 標準準拠システム and the 重要な変更 each move is, through the pages' use cases.</summary>
public static class StandardizationEndpoints
{
    public sealed record TargetRequest(string? Name, Guid? DepartmentId, string? CurrentSystem, string? CurrentVendor, string? TargetSystem, string? TargetVendor,
        string? Model, string? Cloud, bool IsmapListed, string? PlannedOn, string? MigratedOn, string? Phase, Guid? AssessedBusinessId,
        bool ChangesSpecificPersonalInfo, string? Note, Guid? Version);

    public sealed record TargetResponse(Guid Id, string Name, Guid DepartmentId, string? CurrentSystem, string? CurrentVendor, string? TargetSystem,
        string? TargetVendor, string? Model, string? Cloud, bool IsmapListed, DateOnly? PlannedOn, DateOnly? MigratedOn, string Phase, Guid? AssessedBusinessId,
        bool ChangesSpecificPersonalInfo, Guid? AssessmentChangeId, bool NeedsPiaChange, string? Note, Guid Version);

    public sealed record SeedRequest(Guid? DepartmentId);

    public sealed record SeedResponse(int Added);

    public sealed record PiaChangeRequest(string? Sections);

    public static RouteGroupBuilder MapStandardizationEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/standardization").WithTags("標準準拠システムへの移行");
        g.MapGet("", List).RequireAuthorization(Policies.AssessmentsRead).WithSummary("移行の対象業務（段階・移行予定日の順。所管課は自課の分）");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.AssessmentsRead).WithSummary("移行の対象業務");
        g.MapPost("", Create).RequireAuthorization(Policies.AssessmentsWrite)
            .WithSummary("対象業務を加える（phase：NotStarted・Planning・Procurement・Building・Testing・Migrated、model：Shared 共同利用方式・Dedicated 単独利用方式）");
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("対象業務の変更（version が違えば 409）");
        g.MapPost("/seed", Seed).RequireAuthorization(Policies.CouncilManage).WithSummary("標準化の20業務のうち、まだない業務を加える（事務局）");
        g.MapPost("/{id:guid}/pia-change", PiaChange).RequireAuthorization(Policies.AssessmentsWrite)
            .WithSummary("移行を特定個人情報保護評価の重要な変更として記録する（sections を省くと委託・保管の事前の変更）");
        return api;
    }

    private static TargetResponse ToResponse(StandardizationTarget t) => new(t.Id, t.Name, t.DepartmentId, t.CurrentSystem, t.CurrentVendor, t.TargetSystem,
        t.TargetVendor, t.Model?.ToString(), t.Cloud, t.IsmapListed, t.PlannedOn, t.MigratedOn, t.Phase.ToString(), t.AssessedBusinessId,
        t.ChangesSpecificPersonalInfo, t.AssessmentChangeId, StandardizationWorkflow.NeedsPiaChange(t), t.Note, t.Version);

    private static async Task<Ok<List<TargetResponse>>> List(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.StandardizationTargets.AsNoTracking().ToListAsync(ct))
            .OrderBy(t => t.Phase).ThenBy(t => t.PlannedOn ?? DateOnly.MaxValue).ThenBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id).Select(ToResponse).ToList());

    private static async Task<Results<Ok<TargetResponse>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.StandardizationTargets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(ToResponse(t)) : TypedResults.NotFound();

    private static async Task<Results<Created<TargetResponse>, Refusal>> Create(TargetRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveAsync(null, body, db, ct), t => $"/api/v1/standardization/{t.Id}");

    private static async Task<Results<Ok<TargetResponse>, Refusal>> Update(Guid id, TargetRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveAsync(id, body, db, ct));

    private static async Task<Outcome<TargetResponse>> SaveAsync(Guid? id, TargetRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var model = ApiResults.ParseEnum<ProvisionModel>(body.Model, "model", errors, m => m.JapaneseName());
        var phase = ApiResults.ParseEnum<MigrationPhase>(body.Phase, "phase", errors, p => p.JapaneseName());
        var planned = ApiResults.ParseDate(body.PlannedOn, "plannedOn", errors);
        var migrated = ApiResults.ParseDate(body.MigratedOn, "migratedOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<TargetResponse>.Fail(errors);
        }
        var saved = await StandardizationWorkflow.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, new TargetInput
        {
            Name = body.Name,
            DepartmentId = body.DepartmentId,
            CurrentSystem = body.CurrentSystem,
            CurrentVendor = body.CurrentVendor,
            TargetSystem = body.TargetSystem,
            TargetVendor = body.TargetVendor,
            Model = model,
            Cloud = body.Cloud,
            IsmapListed = body.IsmapListed,
            PlannedOn = planned,
            MigratedOn = migrated,
            Phase = phase ?? MigrationPhase.NotStarted,
            AssessedBusinessId = body.AssessedBusinessId,
            ChangesSpecificPersonalInfo = body.ChangesSpecificPersonalInfo,
            Note = body.Note,
        }, body.Version, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<SeedResponse>, Refusal>> Seed(SeedRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await StandardizationWorkflow.SeedAsync(db, db.Tenant.MunicipalityId!.Value, body.DepartmentId, ct)).Map(n => new SeedResponse(n)));

    private static async Task<Results<Ok<TargetResponse>, Refusal>> PiaChange(Guid id, PiaChangeRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed((await StandardizationWorkflow.RecordPiaChangeAsync(db, id, body.Sections, clock, ct)).Map(ToResponse));
}
