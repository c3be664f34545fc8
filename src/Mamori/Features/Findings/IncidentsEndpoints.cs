using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>
/// /api/v1/incidents: 漏えい等事案 with their reporting clock, progress and the 速報・確報 to the PPC, through the same use
/// cases as the pages (所管課 its own department's; only the office judges a 重大事故).
/// </summary>
public static class IncidentsEndpoints
{
    public sealed record IncidentRequest(string? Title, Guid? DepartmentId, string? Kind, bool IsSuspected, string? OccurredOn, string? LearnedOn, string? Summary,
        string? DataItems, int? AffectedCount, bool HasSensitive, bool HasOrdinanceSensitive, bool PropertyDamageRisk, bool Unauthorized, bool HasSpecific,
        bool InNumberSystem, bool PublicExposure, bool ReportVoluntarily, bool IsSerious, string? RootCause, string? Measures, string? Discovery,
        bool? SecondaryHarm, string? SecondaryHarmNote, string? PublicationNote, string? ReportNote, Guid? Version);

    public sealed record ProgressRequest(string? PreliminaryReportedOn, string? FinalReportedOn, string? NotifiedOn, string? NotificationNote, string? ClosedOn,
        Guid? Version);

    public sealed record ReportRequest(string? Kind, string? SentOn);

    public sealed record IncidentResponse(Guid Id, int Number, string Title, Guid DepartmentId, string Kind, bool IsSuspected, DateOnly? OccurredOn,
        DateOnly LearnedOn, string Summary, int? AffectedCount, bool IsSerious, DateOnly? PreliminaryDueOn, DateOnly? PreliminaryReportedOn,
        DateOnly? FinalDueOn, DateOnly? FinalReportedOn, DateOnly? NotifiedOn, DateOnly? ClosedOn, Guid Version);

    public sealed record ReportResponse(Guid Id, Guid IncidentId, string Kind, int Number, DateOnly SentOn);

    public static RouteGroupBuilder MapIncidentsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents").WithTags("指摘事項・漏えい等事案");
        g.MapGet("", List).RequireAuthorization(Policies.IncidentsRead).WithSummary("漏えい等事案の一覧（番号の新しい順。?page= ?pageSize=。所管課は自課のみ）");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.IncidentsRead).WithSummary("漏えい等事案");
        g.MapPost("", Create).RequireAuthorization(Policies.IncidentsWrite).WithSummary("漏えい等事案の登録（速報・確報の期限はこのとき決まる）");
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.IncidentsWrite).WithSummary("漏えい等事案の訂正（version が違えば 409）");
        g.MapPost("/{id:guid}/progress", Progress).RequireAuthorization(Policies.IncidentsWrite).WithSummary("報告・通知・終結の日付");
        g.MapPost("/{id:guid}/reports", Report).RequireAuthorization(Policies.IncidentsWrite)
            .WithSummary("速報（Preliminary）・確報（Final）を送ったとして記録する（様式の項目が欠けていれば項目名を挙げて断る）");
        return api;
    }

    private static IncidentResponse ToResponse(Incident i) => new(i.Id, i.Number, i.Title, i.DepartmentId, i.Kind.ToString(), i.IsSuspected, i.OccurredOn,
        i.LearnedOn, i.Summary, i.AffectedCount, i.IsSerious, i.PreliminaryDueOn, i.PreliminaryReportedOn, i.FinalDueOn, i.FinalReportedOn, i.NotifiedOn,
        i.ClosedOn, i.Version);

    private static async Task<Ok<ApiPage<IncidentResponse>>> List(int? page, int? pageSize, AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ApiPaging.PageAsync(db.Incidents.AsNoTracking().OrderByDescending(i => i.Number).ThenBy(i => i.Id), page, pageSize, ToResponse, ct));

    private static async Task<Results<Ok<IncidentResponse>, NotFound>> Get(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } i ? TypedResults.Ok(ToResponse(i)) : TypedResults.NotFound();

    private static async Task<Results<Created<IncidentResponse>, Refusal>> Create(IncidentRequest body, HttpContext http, AppDbContext db, IAuthorizationService authz,
        TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created(await SaveAsync(null, body, http, db, authz, clock, ct), i => $"/api/v1/incidents/{i.Id}");

    private static async Task<Results<Ok<IncidentResponse>, Refusal>> Update(Guid id, IncidentRequest body, HttpContext http, AppDbContext db,
        IAuthorizationService authz, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await SaveAsync(id, body, http, db, authz, clock, ct));

    private static async Task<Outcome<IncidentResponse>> SaveAsync(Guid? id, IncidentRequest body, HttpContext http, AppDbContext db, IAuthorizationService authz,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<IncidentKind>(body.Kind, "kind", errors, k => k.JapaneseName()) ?? IncidentKind.Leak;
        var occurred = ApiResults.ParseDate(body.OccurredOn, "occurredOn", errors);
        var learned = ApiResults.ParseDate(body.LearnedOn, "learnedOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<IncidentResponse>.Fail(errors);
        }
        var input = new IncidentInput
        {
            Title = body.Title,
            DepartmentId = body.DepartmentId,
            Kind = kind,
            IsSuspected = body.IsSuspected,
            OccurredOn = occurred,
            LearnedOn = learned,
            Summary = body.Summary,
            DataItems = body.DataItems,
            AffectedCount = body.AffectedCount,
            HasSensitive = body.HasSensitive,
            HasOrdinanceSensitive = body.HasOrdinanceSensitive,
            PropertyDamageRisk = body.PropertyDamageRisk,
            Unauthorized = body.Unauthorized,
            HasSpecific = body.HasSpecific,
            InNumberSystem = body.InNumberSystem,
            PublicExposure = body.PublicExposure,
            ReportVoluntarily = body.ReportVoluntarily,
            IsSerious = body.IsSerious,
            RootCause = body.RootCause,
            Measures = body.Measures,
            Discovery = body.Discovery,
            SecondaryHarm = body.SecondaryHarm,
            SecondaryHarmNote = body.SecondaryHarmNote,
            PublicationNote = body.PublicationNote,
            ReportNote = body.ReportNote,
        };
        var mayJudgeSerious = (await authz.AuthorizeAsync(http.User, Policies.FindingsManage)).Succeeded;
        var saved = await Core.Features.Findings.Incidents.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, input, body.Version, mayJudgeSerious, clock, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<IncidentResponse>, Refusal>> Progress(Guid id, ProgressRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var progress = new IncidentProgress(
            ApiResults.ParseDate(body.PreliminaryReportedOn, "preliminaryReportedOn", errors),
            ApiResults.ParseDate(body.FinalReportedOn, "finalReportedOn", errors),
            ApiResults.ParseDate(body.NotifiedOn, "notifiedOn", errors),
            body.NotificationNote,
            ApiResults.ParseDate(body.ClosedOn, "closedOn", errors));
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var saved = await Core.Features.Findings.Incidents.RecordProgressAsync(db, id, progress, body.Version, clock, ct);
        return ApiResults.Changed(saved.Map(ToResponse));
    }

    private static async Task<Results<Ok<ReportResponse>, Refusal>> Report(Guid id, ReportRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<IncidentReportKind>(body.Kind, "kind", errors, k => k.JapaneseName());
        var sentOn = ApiResults.ParseDate(body.SentOn, "sentOn", errors);
        if (kind is null && !errors.ContainsKey("kind"))
        {
            errors["kind"] = ["kind に Preliminary（速報）か Final（確報）を指定してください。"];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var recorded = await IncidentReportForm.RecordAsync(db, id, kind!.Value, sentOn, clock, ct);
        return ApiResults.Changed(recorded.Ok
            ? Outcome<ReportResponse>.Success(new ReportResponse(recorded.Value!.Id, id, recorded.Value.Kind.ToString(), recorded.Value.Number, recorded.Value.SentOn))
            : recorded.Refused<ReportResponse>());
    }
}
