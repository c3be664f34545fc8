using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.MyNumber;

/// <summary>/api/v1/mynumber: 独自利用事務 and the amendments of the ordinance, through the pages' use cases.</summary>
public static class MyNumberEndpoints
{
    public sealed record ProcedureRequest(string? Name, Guid? DepartmentId, string? Ordinance, string? Row, string? Purpose, string? Sources, bool UsesLinkage,
        string? LinkageBasis, Guid? AssessedBusinessId, IReadOnlyList<Guid>? RegisterFileIds, Guid? AmendmentId, string? EffectiveOn, Guid? Version);

    public sealed record ProcedureResponse(Guid Id, string Name, Guid DepartmentId, string Ordinance, string Row, string Purpose, string? Sources, bool UsesLinkage,
        string? LinkageBasis, Guid? AssessedBusinessId, IReadOnlyList<Guid> RegisterFileIds, string State, Guid? AmendmentId, string? Pending, Guid? ReplacesId,
        DateOnly? EffectiveOn, DateOnly? RepealedOn, Guid Version);

    public sealed record AmendmentRequest(string? Title, Guid? Version);

    public sealed record AmendmentResponse(Guid Id, string Title, DateOnly? DraftedOn, DateOnly? PublicCommentOn, DateOnly? CouncilOn, Guid? CouncilItemId,
        DateOnly? SubmittedOn, DateOnly? PassedOn, DateOnly? PromulgatedOn, DateOnly? EnforcedOn, string? Next, Guid Version);

    public sealed record StepRequest(string? On, Guid? CouncilId, bool Consult, Guid? Version);

    public sealed record ProcedureRef(Guid? ProcedureId);

    public static RouteGroupBuilder MapMyNumberEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/mynumber").WithTags("独自利用事務");
        g.MapGet("/procedures", Procedures).RequireAuthorization(Policies.AssessmentsRead).WithSummary("独自利用事務（条例の項の順）");
        g.MapPost("/procedures", CreateProcedure).RequireAuthorization(Policies.AssessmentsWrite)
            .WithSummary("独自利用事務の登録（amendmentId で改正で加える事務、なければ effectiveOn から施行中の事務）");
        g.MapPut("/procedures/{id:guid}", UpdateProcedure).RequireAuthorization(Policies.AssessmentsWrite).WithSummary("独自利用事務の変更（version が違えば 409）");
        g.MapGet("/procedures.xlsx", Export).RequireAuthorization(Policies.AssessmentsRead).WithSummary("施行中の独自利用事務の一覧（.xlsx、取込と同じ列）");
        g.MapPost("/procedures/import", Import).RequireAuthorization(Policies.AssessmentsWrite)
            .WithSummary("施行中の独自利用事務の一覧の取込（CSV・.xlsx。multipart の file か本文と ?fileName=。条例の項と名称で照合、誤りがあれば何も保存しない）");
        g.MapGet("/amendments", Amendments).RequireAuthorization(Policies.AssessmentsRead).WithSummary("条例改正の一覧");
        g.MapPost("/amendments", CreateAmendment).RequireAuthorization(Policies.CouncilManage).WithSummary("条例改正を始める");
        g.MapPut("/amendments/{id:guid}", UpdateAmendment).RequireAuthorization(Policies.CouncilManage).WithSummary("条例改正の件名");
        g.MapPost("/amendments/{id:guid}/steps/{step}", Step).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("手続の日を順に記録する（Drafted・PublicComment・Council＝councilId の審議会に報告、consult=true なら諮問の案件を作る・Submitted・Passed・Promulgated・Enforced＝事務を反映）");
        g.MapPost("/amendments/{id:guid}/repeals", Repeal).RequireAuthorization(Policies.CouncilManage).WithSummary("施行中の事務を、この改正で廃止する事務にする");
        g.MapPost("/amendments/{id:guid}/revisions", Revise).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("施行中の事務を、この改正で内容を変える事務にする（新しい内容の記録を返す。PUT /procedures/{id} で直し、施行の日に置き換わる）");
        g.MapPost("/amendments/{id:guid}/withdrawals", Withdraw).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("施行前の改正から事務を外す（追加・変更の記録は削除、廃止は取消し）");
        return api;
    }

    private static ProcedureResponse ToResponse(MyNumberProcedure p) => new(p.Id, p.Name, p.DepartmentId, p.Ordinance, p.Row, p.Purpose, p.Sources, p.UsesLinkage,
        p.LinkageBasis, p.AssessedBusinessId, p.RegisterFileIds, p.State.ToString(), p.AmendmentId, p.Pending?.ToString(), p.ReplacesId, p.EffectiveOn, p.RepealedOn,
        p.Version);

    private static AmendmentResponse ToResponse(OrdinanceAmendment a) => new(a.Id, a.Title, a.DraftedOn, a.PublicCommentOn, a.CouncilOn, a.CouncilItemId, a.SubmittedOn,
        a.PassedOn, a.PromulgatedOn, a.EnforcedOn, a.Next?.ToString(), a.Version);

    private static async Task<Ok<List<ProcedureResponse>>> Procedures(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.MyNumberProcedures.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.Row, StringComparer.Ordinal).ThenBy(p => p.Id).Select(ToResponse).ToList());

    private static async Task<Results<Created<ProcedureResponse>, Refusal>> CreateProcedure(ProcedureRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveProcedureAsync(null, body, db, ct), p => $"/api/v1/mynumber/procedures/{p.Id}");

    private static async Task<Results<Ok<ProcedureResponse>, Refusal>> UpdateProcedure(Guid id, ProcedureRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveProcedureAsync(id, body, db, ct));

    private static async Task<Outcome<ProcedureResponse>> SaveProcedureAsync(Guid? id, ProcedureRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var effective = ApiResults.ParseDate(body.EffectiveOn, "effectiveOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<ProcedureResponse>.Fail(errors);
        }
        return (await MyNumberWorkflow.SaveProcedureAsync(db, db.Tenant.MunicipalityId!.Value, id, new ProcedureInput
        {
            Name = body.Name,
            DepartmentId = body.DepartmentId,
            Ordinance = body.Ordinance,
            Row = body.Row,
            Purpose = body.Purpose,
            Sources = body.Sources,
            UsesLinkage = body.UsesLinkage,
            LinkageBasis = body.LinkageBasis,
            AssessedBusinessId = body.AssessedBusinessId,
            RegisterFileIds = body.RegisterFileIds ?? [],
            AmendmentId = body.AmendmentId,
            EffectiveOn = effective,
        }, body.Version, ct)).Map(ToResponse);
    }

    private static async Task<Ok<List<AmendmentResponse>>> Amendments(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.OrdinanceAmendments.AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<AmendmentResponse>, Refusal>> CreateAmendment(AmendmentRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created((await MyNumberWorkflow.SaveAmendmentAsync(db, db.Tenant.MunicipalityId!.Value, null, body.Title, null, ct)).Map(ToResponse),
            a => $"/api/v1/mynumber/amendments/{a.Id}");

    private static async Task<Results<Ok<AmendmentResponse>, Refusal>> UpdateAmendment(Guid id, AmendmentRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await MyNumberWorkflow.SaveAmendmentAsync(db, db.Tenant.MunicipalityId!.Value, id, body.Title, body.Version, ct)).Map(ToResponse));

    private static async Task<Results<Ok<AmendmentResponse>, Refusal>> Step(Guid id, string step, StepRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var which = ApiResults.ParseEnum<AmendmentStep>(step, "step", errors, s => s.JapaneseName());
        var on = ApiResults.ParseDate(body.On, "on", errors);
        if (which is null && !errors.ContainsKey("step"))
        {
            errors["step"] = ["step（Drafted・PublicComment・Council・Submitted・Passed・Promulgated・Enforced）を指定してください。"];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed((await MyNumberWorkflow.StepAsync(db, id, which!.Value, on, new CouncilChoice(body.CouncilId, body.Consult), body.Version, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<ProcedureResponse>, Refusal>> Repeal(Guid id, ProcedureRef body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await MyNumberWorkflow.RepealByAsync(db, id, body.ProcedureId ?? Guid.Empty, ct)).Map(ToResponse));

    private static async Task<Results<Created<ProcedureResponse>, Refusal>> Revise(Guid id, ProcedureRef body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created((await MyNumberWorkflow.ReviseByAsync(db, id, body.ProcedureId ?? Guid.Empty, ct)).Map(ToResponse), p => $"/api/v1/mynumber/procedures/{p.Id}");

    private static async Task<Results<Ok<ProcedureResponse>, Refusal>> Withdraw(Guid id, ProcedureRef body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await MyNumberWorkflow.WithdrawAsync(db, id, body.ProcedureId ?? Guid.Empty, ct)).Map(ToResponse));

    private static async Task<FileContentHttpResult> Export(HttpContext context, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var procedures = await db.MyNumberProcedures.AsNoTracking().Where(p => p.State == ProcedureState.InForce).ToListAsync(ct);
        await context.RecordExportAsync("独自利用事務の一覧（Excel）", procedures.Count);
        return TypedResults.File(MyNumberImport.ToXlsx(procedures, await Core.Features.Organization.DepartmentTree.LabelsAsync(db, ct)), Reports.ReportsPages.XlsxType,
            $"独自利用事務_{Core.Japanese.JapanTime.Today(clock):yyyyMMdd}.xlsx");
    }

    public sealed record ImportResponse(int Created, int Updated, int Unchanged);

    private static async Task<Results<Ok<ImportResponse>, Refusal>> Import(HttpRequest request, string? fileName, AppDbContext db, CancellationToken ct)
    {
        var (content, name, error) = await Features.Shared.Uploads.ReadRequestAsync(request, fileName, 5 * 1024 * 1024, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        ProcedureImportResult result;
        try
        {
            result = await MyNumberImport.RunAsync(db, db.Tenant.MunicipalityId!.Value, Core.Csv.TableFile.Read(new MemoryStream(content), name), ct);
        }
        catch (Core.Csv.CsvFormatException ex)
        {
            return ApiResults.Unreadable(ex.Message);
        }
        return result.Ok ? TypedResults.Ok(new ImportResponse(result.Created, result.Updated, result.Unchanged)) : ApiResults.ImportRefused(name, result.Problems);
    }
}
