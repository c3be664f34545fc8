using Mamori.Core;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Security;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>
/// /api/v1/security, records: drills, 統合端末 and their audits (and an audit's findings taken into the findings register),
/// and the server-room log (entries, CSV / .xlsx import all or nothing, the list of entry reasons), through the pages' use cases.
/// </summary>
public static partial class SecurityEndpoints
{
    public sealed record DrillRequest(string? Kind, string? Title, string? TargetGroup, string? HeldOn, string? HeldUntil, string? Content, string? Participants,
        int? ParticipantCount, string? Findings, Guid? Version);

    public sealed record DrillResponse(Guid Id, string Kind, string Title, string TargetGroup, DateOnly HeldOn, DateOnly? HeldUntil, string Content,
        string? Participants, int? ParticipantCount, string? Findings, Guid Version);

    public sealed record TerminalRequest(string? Code, string? Place, Guid? DepartmentId, string? Manager, string? Assistant, string? InstalledOn,
        string? WireLockCheckedOn, string? RemovedOn, string? Note, Guid? Version);

    public sealed record TerminalResponse(Guid Id, string Code, string Place, Guid? DepartmentId, string Manager, string? Assistant, DateOnly? InstalledOn,
        DateOnly? WireLockCheckedOn, DateOnly? RemovedOn, string? Note, Guid Version);

    public sealed record AuditRequest(string? AuditedOn, string? Auditor, IReadOnlyList<string>? Findings, string? OtherFindings, bool WireLockOk);

    public sealed record AuditResponse(Guid Id, Guid TerminalId, DateOnly AuditedOn, string Auditor, IReadOnlyList<string> Findings, bool WireLockOk);

    public sealed record RoomEntryRequest(string? EnteredAt, string? ExitedAt, string? Kind, string? Organization, string? Name, string? Reason, Guid? Version);

    public sealed record RoomEntryResponse(Guid Id, string EnteredAt, string? ExitedAt, string Kind, string Organization, string? Name, string Reason, Guid Version);

    public sealed record RoomImportResponse(int Imported, int AlreadyRegistered, int? LatestFiscalYear);

    public sealed record ReasonRequest(string? Name);

    public sealed record ReasonResponse(Guid Id, string Name, int SortOrder);

    private static void MapRecordEndpoints(RouteGroupBuilder g)
    {
        g.MapGet("/drills", DrillList).RequireAuthorization(Policies.SecurityRead).WithSummary("訓練の記録（実施日の新しい順）");
        g.MapPost("/drills", CreateDrill).RequireAuthorization(Policies.SecurityWrite).WithSummary("訓練を記録する（kind：Emergency・Csirt・Other または日本語名）");
        g.MapPut("/drills/{id:guid}", UpdateDrill).RequireAuthorization(Policies.SecurityWrite).WithSummary("訓練の記録を直す（version が違えば 409）");
        g.MapGet("/terminals", TerminalList).RequireAuthorization(Policies.SecurityRead).WithSummary("統合端末の一覧（端末番号順）");
        g.MapPost("/terminals", CreateTerminal).RequireAuthorization(Policies.SecurityWrite).WithSummary("統合端末を登録する");
        g.MapPut("/terminals/{id:guid}", UpdateTerminal).RequireAuthorization(Policies.SecurityWrite).WithSummary("統合端末の登録内容を直す（version が違えば 409）");
        g.MapPost("/terminals/{id:guid}/audits", Audit).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("監査の結果を記録する（findings は定型の指摘、otherFindings はその他）");
        g.MapPost("/terminals/audits/{auditId:guid}/findings", AuditFindings).RequireAuthorization(Policies.FindingsManage)
            .WithSummary("監査の指摘を指摘事項に登録する（事務局）");
        g.MapGet("/room/entries", RoomEntries).RequireAuthorization(Policies.SecurityRead).WithSummary("CSルームの入室記録（?fiscalYear= 入室の新しい順・ページ）");
        g.MapPost("/room/entries", CreateRoomEntry).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("入室を記録する（日時は「2024/04/01 09:00」や和暦、kind：Staff 職員・Vendor ベンダー等）");
        g.MapPut("/room/entries/{id:guid}", UpdateRoomEntry).RequireAuthorization(Policies.SecurityWrite).WithSummary("入室の記録を直す（version が違えば 409）");
        g.MapDelete("/room/entries/{id:guid}", DeleteRoomEntry).RequireAuthorization(Policies.SecurityWrite).WithSummary("入室の記録を削除する（監査ログに残る）");
        g.MapPost("/room/import", ImportRoom).RequireAuthorization(Policies.SecurityWrite)
            .WithSummary("入退室記録の取込（CSV・.xlsx。multipart の file か本文と ?fileName=。登録済みの記録は重ねない。誤りがあれば何も保存しない）");
        g.MapGet("/room/reasons", Reasons).RequireAuthorization(Policies.SecurityRead).WithSummary("入室理由の一覧");
        g.MapPost("/room/reasons", AddReason).RequireAuthorization(Policies.SecurityWrite).WithSummary("入室理由を一覧に加える");
        g.MapDelete("/room/reasons/{id:guid}", RemoveReason).RequireAuthorization(Policies.SecurityWrite).WithSummary("入室理由を一覧から外す（記録済みの入室はそのまま）");
    }

    private static DrillResponse ToResponse(Drill d) => new(d.Id, d.Kind.ToString(), d.Title, d.TargetGroup, d.HeldOn, d.HeldUntil, d.Content, d.Participants,
        d.ParticipantCount, d.Findings, d.Version);

    private static async Task<Ok<List<DrillResponse>>> DrillList(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Drills.AsNoTracking().OrderByDescending(d => d.HeldOn).ThenBy(d => d.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<DrillResponse>, Refusal>> CreateDrill(DrillRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveDrillAsync(null, body, db, ct), d => $"/api/v1/security/drills/{d.Id}");

    private static async Task<Results<Ok<DrillResponse>, Refusal>> UpdateDrill(Guid id, DrillRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveDrillAsync(id, body, db, ct));

    private static async Task<Outcome<DrillResponse>> SaveDrillAsync(Guid? id, DrillRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<DrillKind>(body.Kind, "kind", errors, k => k.JapaneseName());
        if (kind is null && !errors.ContainsKey("kind"))
        {
            errors["kind"] = ["kind（訓練の種類）を指定してください：" + string.Join("、", Enum.GetValues<DrillKind>().Select(k => $"{k.JapaneseName()}（{k}）")) + "。"];
        }
        var heldOn = ApiResults.ParseDate(body.HeldOn, "heldOn", errors);
        var heldUntil = ApiResults.ParseDate(body.HeldUntil, "heldUntil", errors);
        if (errors.Count > 0)
        {
            return Outcome<DrillResponse>.Fail(errors);
        }
        var saved = await Drills.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, new DrillInput
        {
            Kind = kind!.Value,
            Title = body.Title,
            TargetGroup = body.TargetGroup,
            HeldOn = heldOn,
            HeldUntil = heldUntil,
            Content = body.Content,
            Participants = body.Participants,
            ParticipantCount = body.ParticipantCount,
            Findings = body.Findings,
        }, body.Version, ct);
        return saved.Map(ToResponse);
    }

    private static TerminalResponse ToResponse(Terminal t) => new(t.Id, t.Code, t.Place, t.DepartmentId, t.Manager, t.Assistant, t.InstalledOn,
        t.WireLockCheckedOn, t.RemovedOn, t.Note, t.Version);

    private static async Task<Ok<List<TerminalResponse>>> TerminalList(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Terminals.AsNoTracking().OrderBy(t => t.Code).ThenBy(t => t.Id).ToListAsync(ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<TerminalResponse>, Refusal>> CreateTerminal(TerminalRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveTerminalAsync(null, body, db, ct), t => $"/api/v1/security/terminals/{t.Id}");

    private static async Task<Results<Ok<TerminalResponse>, Refusal>> UpdateTerminal(Guid id, TerminalRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveTerminalAsync(id, body, db, ct));

    private static async Task<Outcome<TerminalResponse>> SaveTerminalAsync(Guid? id, TerminalRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var input = new TerminalInput
        {
            Code = body.Code,
            Place = body.Place,
            DepartmentId = body.DepartmentId,
            Manager = body.Manager,
            Assistant = body.Assistant,
            InstalledOn = ApiResults.ParseDate(body.InstalledOn, "installedOn", errors),
            WireLockCheckedOn = ApiResults.ParseDate(body.WireLockCheckedOn, "wireLockCheckedOn", errors),
            RemovedOn = ApiResults.ParseDate(body.RemovedOn, "removedOn", errors),
            Note = body.Note,
        };
        return errors.Count > 0 ? Outcome<TerminalResponse>.Fail(errors)
            : (await Terminals.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id, input, body.Version, ct)).Map(ToResponse);
    }

    private static async Task<Results<Created<AuditResponse>, Refusal>> Audit(Guid id, AuditRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(body.AuditedOn, "auditedOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var audited = await Terminals.AuditAsync(db, id, on, body.Auditor, body.Findings ?? [], body.OtherFindings, body.WireLockOk, ct);
        return ApiResults.Created(audited.Map(a => new AuditResponse(a.Id, a.TerminalId, a.AuditedOn, a.Auditor, a.FindingLines, a.WireLockOk)),
            a => $"/api/v1/security/terminals/{a.TerminalId}");
    }

    private static async Task<Results<Created<Findings.FindingsEndpoints.InspectionResponse>, Refusal>> AuditFindings(Guid auditId, AppDbContext db,
        CancellationToken ct)
    {
        var taken = await FindingWorkflow.FromTerminalAuditAsync(db, auditId, ct);
        var response = taken.Ok ? Outcome<Findings.FindingsEndpoints.InspectionResponse>.Success(await Findings.FindingsEndpoints.ToResponseAsync(db, taken.Value!, ct))
            : taken.Refused<Findings.FindingsEndpoints.InspectionResponse>();
        return ApiResults.Created(response, i => $"/api/v1/findings/inspections/{i.Id}");
    }

    private static RoomEntryResponse ToResponse(RoomEntry e) => new(e.Id, RoomAccess.FormatJst(e.EnteredAt), e.ExitedAt is { } x ? RoomAccess.FormatJst(x) : null,
        e.Kind.ToString(), e.Organization, e.Name, e.Reason, e.Version);

    private static async Task<Ok<ApiPage<RoomEntryResponse>>> RoomEntries(int? fiscalYear, int? page, int? pageSize, AppDbContext db, CancellationToken ct)
    {
        var (from, to) = fiscalYear is { } fy
            ? (StartOfFiscalYearUtc(fy), StartOfFiscalYearUtc(fy + 1))
            : (DateTime.MinValue, DateTime.MaxValue);
        var query = db.RoomEntries.AsNoTracking().Where(e => e.EnteredAt >= from && e.EnteredAt < to).OrderByDescending(e => e.EnteredAt).ThenBy(e => e.Id);
        return TypedResults.Ok(await ApiPaging.PageAsync(query, page, pageSize, ToResponse, ct));
    }

    /// <summary>1 April 0:00 in Japan, as the UTC the entries are stored in.</summary>
    private static DateTime StartOfFiscalYearUtc(int year) => DateTime.SpecifyKind(new DateTime(year, 4, 1).AddHours(-9), DateTimeKind.Utc);

    private static async Task<Results<Created<RoomEntryResponse>, Refusal>> CreateRoomEntry(RoomEntryRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ApiResults.Created(await SaveRoomEntryAsync(null, body, db, clock, ct), e => $"/api/v1/security/room/entries/{e.Id}");

    private static async Task<Results<Ok<RoomEntryResponse>, Refusal>> UpdateRoomEntry(Guid id, RoomEntryRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ApiResults.Changed(await SaveRoomEntryAsync(id, body, db, clock, ct));

    private static async Task<Outcome<RoomEntryResponse>> SaveRoomEntryAsync(Guid? id, RoomEntryRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        DateTime? When(string? text, string field, bool required)
        {
            if (string.IsNullOrWhiteSpace(text) && !required)
            {
                return null;
            }
            if (RoomAccess.TryParseDateTime(text, out var value, out var error))
            {
                return value;
            }
            errors[field] = [error!];
            return null;
        }
        var entered = When(body.EnteredAt, "enteredAt", required: true);
        var exited = When(body.ExitedAt, "exitedAt", required: false);
        var kind = ApiResults.ParseEnum<RoomEntryKind>(body.Kind, "kind", errors, k => k.JapaneseName());
        if (errors.Count > 0)
        {
            return Outcome<RoomEntryResponse>.Fail(errors);
        }
        var saved = await RoomAccess.SaveAsync(db, db.Tenant.MunicipalityId!.Value, id,
            new RoomEntryInput(entered, exited, kind, body.Organization, body.Name, body.Reason), body.Version, clock, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<RoomEntryResponse>, Refusal>> DeleteRoomEntry(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await RoomRecords.DeleteAsync(db, id, ct)).Map(ToResponse));

    private static async Task<Results<Ok<RoomImportResponse>, Refusal>> ImportRoom(HttpRequest request, string? fileName, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, fileName, 20 * 1024 * 1024, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        RoomImportResult result;
        try
        {
            result = await RoomAccess.ImportAsync(db, db.Tenant.MunicipalityId!.Value, TableFile.Read(new MemoryStream(content), name), clock, ct);
        }
        catch (CsvFormatException ex)
        {
            return ApiResults.Unreadable(ex.Message);
        }
        if (!result.Ok)
        {
            return ApiResults.ImportRefused(name, result.Problems);
        }
        return TypedResults.Ok(new RoomImportResponse(result.Imported, result.AlreadyRegistered, result.LatestYear?.StartYear));
    }

    private static ReasonResponse ToResponse(RoomReason r) => new(r.Id, r.Name, r.SortOrder);

    private static async Task<Ok<List<ReasonResponse>>> Reasons(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await RoomRecords.ReasonsAsync(db, ct)).Select(ToResponse).ToList());

    private static async Task<Results<Created<ReasonResponse>, Refusal>> AddReason(ReasonRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created((await RoomRecords.AddReasonAsync(db, db.Tenant.MunicipalityId!.Value, body.Name, ct)).Map(ToResponse), _ => "/api/v1/security/room/reasons");

    private static async Task<Results<Ok<ReasonResponse>, Refusal>> RemoveReason(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await RoomRecords.RemoveReasonAsync(db, id, ct)).Map(ToResponse));
}
