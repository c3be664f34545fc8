using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Contracts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Contracts;

/// <summary>/api/v1/contracts: 委託契約, 再委託 with their evidence and decisions, 返還・廃棄, the clause template and the exceptions report.</summary>
public static class ContractsEndpoints
{
    public sealed record CertificationBody(string? Name, string? Number, string? ExpiresOn);

    public sealed record ContractRequest(string? Title, string? Contractor, Guid? DepartmentId, string? StartOn, string? EndOn, IReadOnlyList<Guid>? SystemIds,
        IReadOnlyList<Guid>? RegisterFileIds, IReadOnlyList<Guid>? AssessedBusinessIds, IReadOnlyList<Guid>? ReviewCaseIds, IReadOnlyList<string>? WorkKinds,
        string? WorkPlace, IReadOnlyList<string>? Clauses, string? HandlingManager,
        IReadOnlyList<string>? Handlers, IReadOnlyList<CertificationBody>? Certifications, Guid? Version);

    public sealed record CertificationResponse(string Name, string? Number, DateOnly? ExpiresOn, bool InForce);

    public sealed record DocumentResponse(Guid Id, Guid? ReconsignmentId, string Kind, string FileName, DateTime UploadedAt, string? UploadedBy);

    public sealed record ReconsignmentRequest(Guid? ParentId, string? Subcontractor, string? Work, string? Reason, string? Responsibility, string? Measures,
        string? StartOn, Guid? Version);

    public sealed record ReconsignmentResponse(Guid Id, Guid ContractId, Guid? ParentId, string Subcontractor, string Work, string? Reason, string? Responsibility,
        string? Measures, DateOnly? StartOn, string Status, DateOnly? DecidedOn, string? DecidedBy, string? DecisionNote, bool Unapproved,
        IReadOnlyList<string> MissingForApproval, Guid Version);

    public sealed record DecisionRequest(bool Approve, string? DecidedOn, string? Note, Guid? Version);

    public sealed record ContractResponse(Guid Id, string Title, string Contractor, Guid DepartmentId, string Department, DateOnly StartOn, DateOnly EndOn,
        IReadOnlyList<Guid> SystemIds, IReadOnlyList<Guid> RegisterFileIds, IReadOnlyList<Guid> AssessedBusinessIds, IReadOnlyList<Guid> ReviewCaseIds,
        IReadOnlyList<string> WorkKinds, string WorkPlace, IReadOnlyList<string> Clauses,
        IReadOnlyList<string> MissingClauses, string? HandlingManager, IReadOnlyList<string> Handlers, IReadOnlyList<CertificationResponse> Certifications,
        DateOnly? ReturnedOn, string? ReturnNote, IReadOnlyList<string> Problems, IReadOnlyList<ReconsignmentResponse> Reconsignments,
        IReadOnlyList<DocumentResponse> Documents, IReadOnlyList<VisitResponse> Visits, Guid Version);

    public sealed record VisitRequest(string? Kind, Guid? ReconsignmentId, string? HeldOn, string? Summary);

    public sealed record VisitResponse(Guid Id, Guid ContractId, Guid? ReconsignmentId, string Kind, DateOnly HeldOn, string Summary, Guid InspectionId);

    public sealed record ClausesBody(IReadOnlyList<string>? Required, Guid? Version);

    public static RouteGroupBuilder MapContractsEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/contracts").WithTags("委託契約");
        g.MapGet("", List).RequireAuthorization(Policies.ContractsRead).WithSummary("委託契約の一覧（所管課は自課のみ）");
        g.MapGet("/{id:guid}", Get).RequireAuthorization(Policies.ContractsRead).WithSummary("委託契約（再委託・書類・確認事項つき）");
        g.MapPost("", Create).RequireAuthorization(Policies.ContractsWrite).WithSummary("委託契約の登録");
        g.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.ContractsWrite).WithSummary("委託契約の変更");
        g.MapPost("/{id:guid}/reconsignments", CreateReconsignment).RequireAuthorization(Policies.ContractsWrite).WithSummary("再委託の承認申請の登録");
        g.MapPut("/{id:guid}/reconsignments/{rid:guid}", UpdateReconsignment).RequireAuthorization(Policies.ContractsWrite).WithSummary("再委託の承認申請の変更（申請中のみ）");
        g.MapPost("/reconsignments/{rid:guid}/documents", AddEvidence).RequireAuthorization(Policies.ContractsWrite)
            .WithSummary("再委託の証跡（?kind=Responsibility|Measures、multipart の file）");
        g.MapPost("/{id:guid}/documents", AddDocument).RequireAuthorization(Policies.ContractsWrite).WithSummary("契約の書類（契約書・仕様書など。multipart の file）");
        g.MapPost("/reconsignments/{rid:guid}/decision", Decide).RequireAuthorization(Policies.ContractsWrite).WithSummary("再委託の承認・不承認");
        g.MapPost("/{id:guid}/return", RecordReturn).RequireAuthorization(Policies.ContractsWrite)
            .WithSummary("返還・廃棄の記録（multipart：returnedOn、note、version、file=廃棄証明書）");
        g.MapPost("/{id:guid}/visits", RecordVisit).RequireAuthorization(Policies.ContractsWrite)
            .WithSummary("実地調査・報告徴収の記録（指摘事項の「検査・監査」が開かれる）");
        g.MapGet("/clauses", Clauses).RequireAuthorization(Policies.ContractsRead).WithSummary("必須の特記事項");
        g.MapPut("/clauses", SaveClauses).RequireAuthorization(Policies.ContractsManage).WithSummary("必須の特記事項の変更");
        g.MapGet("/exceptions.xlsx", ExceptionsXlsx).RequireAuthorization(Policies.ContractsRead).WithSummary("委託契約の確認事項（.xlsx）");
        return api;
    }

    private static async Task<Ok<List<ContractResponse>>> List(bool? exceptions, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var o = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), db.Contracts, ct);
        return TypedResults.Ok(o.Contracts.Where(c => exceptions != true || o.Problems(c).Count > 0).Select(c => ToResponse(o, c)).ToList());
    }

    private static async Task<Results<Ok<ContractResponse>, NotFound>> Get(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        await LoadAsync(db, id, clock, ct) is { } r ? TypedResults.Ok(r) : TypedResults.NotFound();

    private static async Task<Results<Created<ContractResponse>, Refusal>> Create(ContractRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created(await SaveAsync(null, body, db, clock, ct), c => $"/api/v1/contracts/{c.Id}");

    private static async Task<Results<Ok<ContractResponse>, Refusal>> Update(Guid id, ContractRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await SaveAsync(id, body, db, clock, ct));

    private static async Task<Outcome<ContractResponse>> SaveAsync(Guid? id, ContractRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ApiResults.ParseDate(body.StartOn, "startOn", errors);
        var end = ApiResults.ParseDate(body.EndOn, "endOn", errors);
        var place = ApiResults.ParseEnum<WorkPlace>(body.WorkPlace, "workPlace", errors, p => p.JapaneseName()) ?? WorkPlace.Office;
        var certifications = (body.Certifications ?? []).Select((c, i) => new CertificationInput(c.Name, c.Number,
            ApiResults.ParseDate(c.ExpiresOn, $"certifications[{i}].expiresOn", errors))).ToList();
        if (errors.Count > 0)
        {
            return Outcome<ContractResponse>.Fail(errors);
        }
        var outcome = await SaveContract.RunAsync(db, id, new ContractInput
        {
            Title = body.Title,
            Contractor = body.Contractor,
            DepartmentId = body.DepartmentId,
            StartOn = start,
            EndOn = end,
            SystemIds = body.SystemIds ?? [],
            RegisterFileIds = body.RegisterFileIds ?? [],
            AssessedBusinessIds = body.AssessedBusinessIds ?? [],
            ReviewCaseIds = body.ReviewCaseIds ?? [],
            WorkKinds = body.WorkKinds ?? [],
            WorkPlace = place,
            Clauses = body.Clauses ?? [],
            HandlingManager = body.HandlingManager,
            Handlers = body.Handlers ?? [],
            Certifications = certifications,
            Version = body.Version,
        }, ct);
        return outcome.Ok ? Outcome<ContractResponse>.Success((await LoadAsync(db, outcome.Value!.Id, clock, ct))!) : outcome.Refused<ContractResponse>();
    }

    private static async Task<Results<Created<ReconsignmentResponse>, Refusal>> CreateReconsignment(Guid id, ReconsignmentRequest body, AppDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ApiResults.Created(await SaveReconsignmentAsync(id, null, body, db, clock, ct), r => $"/api/v1/contracts/{id}");

    private static async Task<Results<Ok<ReconsignmentResponse>, Refusal>> UpdateReconsignment(Guid id, Guid rid, ReconsignmentRequest body, AppDbContext db,
        TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await SaveReconsignmentAsync(id, rid, body, db, clock, ct));

    private static async Task<Outcome<ReconsignmentResponse>> SaveReconsignmentAsync(Guid id, Guid? rid, ReconsignmentRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ApiResults.ParseDate(body.StartOn, "startOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<ReconsignmentResponse>.Fail(errors);
        }
        var outcome = await Reconsignments.SaveAsync(db, id, rid, new ReconsignmentInput
        {
            ParentId = body.ParentId,
            Subcontractor = body.Subcontractor,
            Work = body.Work,
            Reason = body.Reason,
            Responsibility = body.Responsibility,
            Measures = body.Measures,
            StartOn = start,
            Version = body.Version,
        }, ct);
        return await ReconsignmentOutcomeAsync(db, outcome, clock, ct);
    }

    private static async Task<Results<Ok<DocumentResponse>, Refusal>> AddEvidence(Guid rid, string? kind, HttpRequest request, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = ApiResults.ParseEnum<ContractDocumentKind>(kind, "kind", errors, k => k.JapaneseName());
        if (parsed is null && errors.Count == 0)
        {
            errors["kind"] = ["kind に Responsibility（責任体制）か Measures（安全管理措置）を指定してください。"];
        }
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            errors["file"] = [error];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var contractId = await db.Reconsignments.Where(r => r.Id == rid).Select(r => (Guid?)r.ContractId).FirstOrDefaultAsync(ct);
        if (contractId is null)
        {
            return ApiResults.Refused(Outcome<DocumentResponse>.NotFound(Reconsignments.NotFoundMessage));
        }
        var outcome = await ContractFiles.AddDocumentAsync(db, contractId.Value, rid, parsed!.Value, name, content, clock, ct);
        return ApiResults.Changed(outcome.Ok ? Outcome<DocumentResponse>.Success(ToResponse(outcome.Value!)) : outcome.Refused<DocumentResponse>());
    }

    private static async Task<Results<Ok<DocumentResponse>, Refusal>> AddDocument(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        return ApiResults.Changed((await ContractFiles.AddDocumentAsync(db, id, null, ContractDocumentKind.Other, name, content, clock, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<ReconsignmentResponse>, Refusal>> Decide(Guid rid, DecisionRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(body.DecidedOn, "decidedOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var outcome = await Reconsignments.DecideAsync(db, rid, body.Approve, on, body.Note, body.Version, clock, ct);
        return ApiResults.Changed(await ReconsignmentOutcomeAsync(db, outcome, clock, ct));
    }

    private static async Task<Results<Ok<ContractResponse>, Refusal>> RecordReturn(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { [""] = ["multipart/form-data で送ってください（returnedOn、note、version、file）。"] });
        }
        var form = await request.ReadFormAsync(ct);
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(form["returnedOn"], "returnedOn", errors);
        byte[]? content = null;
        string? name = null;
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            var (bytes, tooLarge) = await Uploads.ReadAsync(file, UploadRules.MaxBytes, ct);
            if (tooLarge is not null)
            {
                errors["file"] = [tooLarge];
            }
            (content, name) = (bytes, Path.GetFileName(file.FileName));
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var outcome = await ContractFiles.RecordReturnAsync(db, id, on, form["note"], name, content, Guid.TryParse(form["version"], out var v) ? v : null, clock, ct);
        return ApiResults.Changed(outcome.Ok ? Outcome<ContractResponse>.Success((await LoadAsync(db, id, clock, ct))!) : outcome.Refused<ContractResponse>());
    }

    private static async Task<Results<Created<VisitResponse>, Refusal>> RecordVisit(Guid id, VisitRequest body, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<VisitKind>(body.Kind, "kind", errors, k => k.JapaneseName()) ?? VisitKind.OnSite;
        var on = ApiResults.ParseDate(body.HeldOn, "heldOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var outcome = await ContractVisits.RecordAsync(db, id, body.ReconsignmentId, kind, on, body.Summary, clock, ct);
        return ApiResults.Created(outcome.Ok
            ? Outcome<VisitResponse>.Success(new VisitResponse(outcome.Value!.Id, id, outcome.Value.ReconsignmentId, outcome.Value.Kind.ToString(), outcome.Value.HeldOn,
                outcome.Value.Summary, outcome.Value.InspectionId))
            : outcome.Refused<VisitResponse>(), v => $"/api/v1/contracts/{id}");
    }

    private static async Task<Ok<ClausesBody>> Clauses(AppDbContext db, CancellationToken ct) => TypedResults.Ok(new ClausesBody(
        await ClauseTemplate.RequiredAsync(db, ct), await db.ClauseTemplates.AsNoTracking().Select(t => (Guid?)t.Version).FirstOrDefaultAsync(ct)));

    private static async Task<Results<Ok<ClausesBody>, Refusal>> SaveClauses(ClausesBody body, AppDbContext db, CancellationToken ct)
    {
        var outcome = await ClauseTemplate.SaveAsync(db, body.Required ?? [], body.Version, ct);
        return ApiResults.Changed(outcome.Ok ? Outcome<ClausesBody>.Success(new ClausesBody(outcome.Value!.Required, outcome.Value.Version)) : outcome.Refused<ClausesBody>());
    }

    private static async Task<FileContentHttpResult> ExceptionsXlsx(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var o = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), db.Contracts, ct);
        return TypedResults.File(o.ExceptionsXlsx(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"委託契約の確認事項_{o.Today:yyyyMMdd}.xlsx");
    }

    private static async Task<Outcome<ReconsignmentResponse>> ReconsignmentOutcomeAsync(AppDbContext db, Outcome<Reconsignment> outcome, TimeProvider clock,
        CancellationToken ct)
    {
        if (!outcome.Ok)
        {
            return outcome.Refused<ReconsignmentResponse>();
        }
        var documents = await db.ContractDocuments.AsNoTracking().Where(d => d.ReconsignmentId == outcome.Value!.Id).ToListAsync(ct);
        return Outcome<ReconsignmentResponse>.Success(ToResponse(outcome.Value!, documents, JapanTime.Today(clock)));
    }

    private static async Task<ContractResponse?> LoadAsync(AppDbContext db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var o = await ContractOverview.BuildAsync(db, JapanTime.Today(clock), id, ct);
        return o.Contracts.Count == 0 ? null : ToResponse(o, o.Contracts[0]);
    }

    private static ContractResponse ToResponse(ContractOverview o, Contract c) => new(c.Id, c.Title, c.Contractor, c.DepartmentId, o.Department(c), c.StartOn, c.EndOn,
        c.SystemIds, c.RegisterFileIds, c.AssessedBusinessIds, c.ReviewCaseIds, c.WorkKinds, c.WorkPlace.ToString(), c.Clauses, ClauseTemplate.Missing(o.Required, c.Clauses), c.HandlingManager, c.Handlers,
        c.Certifications.Select(x => new CertificationResponse(x.Name, x.Number, x.ExpiresOn, x.InForceOn(o.Today))).ToList(), c.ReturnedOn, c.ReturnNote, o.Problems(c),
        o.Reconsignments.Where(r => r.ContractId == c.Id).Select(r => ToResponse(r, o.Documents, o.Today)).ToList(),
        o.Documents.Where(d => d.ContractId == c.Id).Select(ToResponse).ToList(),
        o.Visits.Where(v => v.Visit.ContractId == c.Id).Select(v => new VisitResponse(v.Visit.Id, c.Id, v.Visit.ReconsignmentId, v.Visit.Kind.ToString(), v.Visit.HeldOn,
            v.Visit.Summary, v.Visit.InspectionId)).ToList(), c.Version);

    private static ReconsignmentResponse ToResponse(Reconsignment r, IEnumerable<ContractDocument> documents, DateOnly today) => new(r.Id, r.ContractId, r.ParentId,
        r.Subcontractor, r.Work, r.Reason, r.Responsibility, r.Measures, r.StartOn, r.Status.ToString(), r.DecidedOn, r.DecidedBy, r.DecisionNote, r.IsUnapproved(today),
        Reconsignments.MissingForApproval(r, documents), r.Version);

    private static DocumentResponse ToResponse(ContractDocument d) => new(d.Id, d.ReconsignmentId, d.Kind.ToString(), d.FileName, d.UploadedAt, d.UploadedBy);
}
