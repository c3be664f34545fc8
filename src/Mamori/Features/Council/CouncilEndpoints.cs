using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>
/// /api/v1/council: councils, meetings with their agenda, attendance, outcomes and materials, and agenda items, through the
/// same use cases as the pages (委員 read only the councils they sit on; the query filter decides, as on the pages).
/// </summary>
public static partial class CouncilEndpoints
{
    public sealed record CouncilResponse(Guid Id, string Name, Guid? ParentId, string? Basis, bool IsPublic, string Quorum, Guid Version);

    public sealed record MeetingRequest(Guid CouncilId, string? Title, string? Kind, string? HeldOn, TimeOnly? StartsAt, TimeOnly? EndsAt, string? Place,
        string? Url, int? Observers, string? ResponseDeadline, Guid? Version);

    public sealed record MeetingSummary(Guid Id, Guid CouncilId, string Title, string Kind, DateOnly HeldOn, string Status, Guid Version);

    public sealed record PlacedItem(Guid ItemId, int Order, string? Label, string Kind, int? Number, string Title, string? Outcome, string? Note, bool IsClosed);

    public sealed record MaterialResponse(Guid Id, Guid? ItemId, string Title, string FileName, long Size, bool IsPublic, string Download);

    public sealed record AttendanceResponse(Guid MemberId, string Name, string Status);

    public sealed record MeetingResponse(Guid Id, Guid CouncilId, string Title, string Kind, DateOnly HeldOn, TimeOnly? StartsAt, TimeOnly? EndsAt,
        string? Place, string? Url, string Status, int? Observers, DateOnly? ResponseDeadline, string? NoticeNumber, DateOnly? NoticeOn,
        DateOnly? MinutesConfirmedOn, bool MinutesPublished, IReadOnlyList<PlacedItem> Items, IReadOnlyList<AttendanceResponse> Attendance,
        IReadOnlyList<MaterialResponse> Materials, Guid Version);

    public sealed record PlaceRequest(Guid ItemId, string? Label);

    public sealed record OutcomeRequest(string? Outcome, string? Note, Guid? ReferredToId);

    public sealed record AttendanceRequest(IReadOnlyDictionary<Guid, string?>? Members, int? Observers);

    public static RouteGroupBuilder MapCouncilEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/council").WithTags("審議会");
        g.MapGet("", Councils).RequireAuthorization(Policies.CouncilRead).WithSummary("審議会・小委員会の一覧");
        g.MapGet("/meetings", Meetings).RequireAuthorization(Policies.CouncilRead)
            .WithSummary("会議の一覧（開催日の新しい順。?councilId= ?from= ?to= ?page= ?pageSize=）");
        g.MapGet("/meetings/{id:guid}", Meeting).RequireAuthorization(Policies.CouncilRead).WithSummary("会議（議題・出席・資料とともに）");
        g.MapPost("/meetings", CreateMeeting).RequireAuthorization(Policies.CouncilManage).WithSummary("会議の登録");
        g.MapPut("/meetings/{id:guid}", UpdateMeeting).RequireAuthorization(Policies.CouncilManage).WithSummary("会議の変更（version が違えば 409）");
        g.MapPost("/meetings/{id:guid}/items", Place).RequireAuthorization(Policies.CouncilManage).WithSummary("会議に議題を加える");
        g.MapDelete("/meetings/{id:guid}/items/{itemId:guid}", Unplace).RequireAuthorization(Policies.CouncilManage).WithSummary("会議から議題を外す");
        g.MapPost("/meetings/{id:guid}/items/{itemId:guid}/outcome", RecordOutcome).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("審議結果（Consented 了承・Continued 継続審議・Toshin 答申 など）");
        g.MapPost("/meetings/{id:guid}/held", Held).RequireAuthorization(Policies.CouncilManage).WithSummary("開催済にする");
        g.MapPut("/meetings/{id:guid}/attendance", Attendance).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("出席状況（members は委員 id → Present 出席・Absent 欠席・Online オンライン、null で未記録）");
        g.MapPost("/meetings/{id:guid}/materials", AddMaterial).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("資料の登録（multipart：file、title、itemId、isPublic）");
        g.MapGet("/materials/{id:guid}", Download).RequireAuthorization(Policies.CouncilRead).WithSummary("資料のダウンロード（常に添付ファイルとして）");
        g.MapDelete("/materials/{id:guid}", DeleteMaterial).RequireAuthorization(Policies.CouncilManage).WithSummary("資料の削除");
        MapItemEndpoints(g);
        MapMemberEndpoints(g);
        MapProceedingEndpoints(g);
        MapOpinionSheetEndpoints(g);
        return api;
    }

    private static async Task<Ok<List<CouncilResponse>>> Councils(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Councils.AsNoTracking().OrderBy(c => c.ParentId != null).ThenBy(c => c.Name).ToListAsync(ct))
            .Select(c => new CouncilResponse(c.Id, c.Name, c.ParentId, c.Basis, c.IsPublic, c.Quorum.ToString(), c.Version)).ToList());

    private static async Task<Results<Ok<ApiPage<MeetingSummary>>, Refusal>> Meetings(Guid? councilId, string? from, string? to, int? page, int? pageSize,
        AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (since, until) = (ApiResults.ParseDate(from, "from", errors), ApiResults.ParseDate(to, "to", errors));
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var query = db.Meetings.AsNoTracking()
            .Where(m => councilId == null || m.CouncilId == councilId)
            .Where(m => since == null || m.HeldOn >= since)
            .Where(m => until == null || m.HeldOn <= until)
            .OrderByDescending(m => m.HeldOn).ThenBy(m => m.Id);
        return TypedResults.Ok(await ApiPaging.PageAsync(query, page, pageSize,
            m => new MeetingSummary(m.Id, m.CouncilId, m.Title, m.Kind.ToString(), m.HeldOn, m.Status.ToString(), m.Version), ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, NotFound>> Meeting(Guid id, AppDbContext db, CancellationToken ct) =>
        await LoadAsync(db, id, ct) is { } m ? TypedResults.Ok(m) : TypedResults.NotFound();

    private static async Task<Results<Created<MeetingResponse>, Refusal>> CreateMeeting(MeetingRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveMeetingAsync(db, null, body, ct), m => $"/api/v1/council/meetings/{m.Id}");

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> UpdateMeeting(Guid id, MeetingRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveMeetingAsync(db, id, body, ct));

    private static async Task<Outcome<MeetingResponse>> SaveMeetingAsync(AppDbContext db, Guid? id, MeetingRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<MeetingKind>(body.Kind, "kind", errors, k => k.JapaneseName()) ?? MeetingKind.InPerson;
        var heldOn = ApiResults.ParseDate(body.HeldOn, "heldOn", errors);
        var deadline = ApiResults.ParseDate(body.ResponseDeadline, "responseDeadline", errors);
        if (errors.Count > 0)
        {
            return Outcome<MeetingResponse>.Fail(errors);
        }
        var outcome = await CouncilWorkflow.SaveMeetingAsync(db, id, new MeetingInput
        {
            CouncilId = body.CouncilId,
            Title = body.Title,
            Kind = kind,
            HeldOn = heldOn,
            StartsAt = body.StartsAt,
            EndsAt = body.EndsAt,
            Place = body.Place,
            Url = body.Url,
            Observers = body.Observers,
            ResponseDeadline = deadline,
            Version = body.Version,
        }, ct);
        return await ThenLoadAsync(db, outcome, m => m.Id, ct);
    }

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Place(Guid id, PlaceRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.PlaceItemAsync(db, id, body.ItemId, body.Label, ct), _ => id, ct));

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Unplace(Guid id, Guid itemId, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.RemoveItemAsync(db, id, itemId, ct), _ => id, ct));

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> RecordOutcome(Guid id, Guid itemId, OutcomeRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var outcome = ApiResults.ParseEnum<ItemOutcome>(body.Outcome, "outcome", errors, o => o.JapaneseName());
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var recorded = await CouncilWorkflow.RecordOutcomeAsync(db, id, itemId, new OutcomeInput(outcome, body.Note, body.ReferredToId), clock, ct);
        return ApiResults.Changed(await ThenLoadAsync(db, recorded, _ => id, ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Held(Guid id, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.MarkHeldAsync(db, id, clock, ct), m => m.Id, ct));

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Attendance(Guid id, AttendanceRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = new Dictionary<Guid, AttendanceStatus?>();
        foreach (var (member, text) in body.Members ?? new Dictionary<Guid, string?>())
        {
            statuses[member] = string.IsNullOrWhiteSpace(text) ? null : ApiResults.ParseEnum<AttendanceStatus>(text, "members", errors, s => s.JapaneseName());
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.SetAttendanceAsync(db, id, statuses, body.Observers, ct), m => m.Id, ct));
    }

    private static async Task<Results<Ok<MaterialResponse>, Refusal>> AddMaterial(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        Guid? itemId = Guid.TryParse(form?["itemId"], out var parsed) ? parsed : null;
        var added = await CouncilWorkflow.AddMaterialAsync(db, id, itemId, form?["title"], name, content, string.Equals(form?["isPublic"].ToString(), "true", StringComparison.OrdinalIgnoreCase), clock, ct);
        return ApiResults.Changed(added.Map(ToResponse));
    }

    private static async Task<Results<Ok<MaterialResponse>, Refusal>> DeleteMaterial(Guid id, AppDbContext db, CancellationToken ct)
    {
        var deleted = await CouncilWorkflow.DeleteMaterialAsync(db, id, ct);
        return ApiResults.Changed(deleted.Map(ToResponse));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> Download(Guid id, AppDbContext db, HttpResponse response, CancellationToken ct)
    {
        var m = await db.Materials.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return TypedResults.NotFound();
        }
        var content = await db.StoredFiles.AsNoTracking().Where(f => f.Id == m.FileId).Select(f => f.Content).FirstAsync(ct);
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(content, m.ContentType, m.FileName);
    }

    private static MaterialResponse ToResponse(Material m) =>
        new(m.Id, m.ItemId, m.Title, m.FileName, m.Size, m.IsPublic, $"/api/v1/council/materials/{m.Id}");

    /// <summary>The meeting as it is after a step, or the step's refusal.</summary>
    private static async Task<Outcome<MeetingResponse>> ThenLoadAsync<T>(AppDbContext db, Outcome<T> step, Func<T, Guid> meeting, CancellationToken ct) =>
        step.Ok ? Outcome<MeetingResponse>.Success((await LoadAsync(db, meeting(step.Value!), ct))!) : step.Refused<MeetingResponse>();

    private static async Task<MeetingResponse?> LoadAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
        {
            return null;
        }
        var items = await (from mi in db.MeetingItems.AsNoTracking()
                           where mi.MeetingId == id
                           join i in db.AgendaItems on mi.ItemId equals i.Id
                           orderby mi.Order
                           select new { mi, i }).ToListAsync(ct);
        var attendance = await (from a in db.Attendances.AsNoTracking()
                                where a.MeetingId == id
                                join member in db.CouncilMembers on a.MemberId equals member.Id
                                orderby member.Name
                                select new AttendanceResponse(member.Id, member.Name, a.Status.ToString())).ToListAsync(ct);
        var materials = await db.Materials.AsNoTracking().Where(x => x.MeetingId == id).OrderBy(x => x.UploadedAt).ToListAsync(ct);
        return new MeetingResponse(m.Id, m.CouncilId, m.Title, m.Kind.ToString(), m.HeldOn, m.StartsAt, m.EndsAt, m.Place, m.Url, m.Status.ToString(),
            m.Observers, m.ResponseDeadline, m.NoticeNumber, m.NoticeOn, m.MinutesConfirmedOn, m.MinutesPublished,
            items.Select(x => new PlacedItem(x.i.Id, x.mi.Order, x.mi.Label, x.i.Kind.ToString(), x.i.Number, x.i.Title, x.mi.Outcome?.ToString(), x.mi.Note, x.mi.IsClosed)).ToList(),
            attendance, materials.Select(ToResponse).ToList(), m.Version);
    }
}
