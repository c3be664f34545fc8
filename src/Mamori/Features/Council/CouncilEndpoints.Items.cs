using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>/api/v1/council/items and /toshin: 諮問・報告 and 答申, numbered as on the pages.</summary>
public static partial class CouncilEndpoints
{
    public sealed record ItemRequest(Guid CouncilId, string? Kind, int? Number, string? Title, Guid? DepartmentId, string? SubmittedOn, string? About,
        Guid? RegisterFileId, Guid? ReviewRoundId, bool Unnumbered, string? SkipReason, Guid? Version);

    public sealed record ItemResponse(Guid Id, Guid CouncilId, string Kind, int? Number, string Title, Guid? DepartmentId, DateOnly? SubmittedOn, string? About,
        Guid? RegisterFileId, Guid? ReviewRoundId, string? NumberSkipReason, Guid Version);

    public sealed record ToshinRequest(Guid ItemId, int? Number, string? AnsweredOn, string? Addressee, string? Text, Guid? Version, string? SkipReason);

    public sealed record ToshinResponse(Guid Id, Guid ItemId, int Number, DateOnly? AnsweredOn, string? Addressee, string Text, string? NumberSkipReason, Guid Version);

    private static void MapItemEndpoints(RouteGroupBuilder g)
    {
        g.MapGet("/items", Items).RequireAuthorization(Policies.CouncilRead).WithSummary("諮問・報告の一覧（番号の新しい順。?councilId= ?kind= ?page= ?pageSize=）");
        g.MapGet("/items/{id:guid}", Item).RequireAuthorization(Policies.CouncilRead).WithSummary("諮問・報告");
        g.MapPost("/items", CreateItem).RequireAuthorization(Policies.CouncilManage).WithSummary("諮問・報告の登録（number を省くと次の番号）");
        g.MapPut("/items/{id:guid}", UpdateItem).RequireAuthorization(Policies.CouncilManage).WithSummary("諮問・報告の変更（version が違えば 409）");
        g.MapGet("/toshin/{id:guid}", GetToshin).RequireAuthorization(Policies.CouncilRead).WithSummary("答申");
        g.MapPost("/toshin", CreateToshin).RequireAuthorization(Policies.CouncilManage).WithSummary("答申の登録（number を省くと次の番号）");
        g.MapPut("/toshin/{id:guid}", UpdateToshin).RequireAuthorization(Policies.CouncilManage).WithSummary("答申の変更（version が違えば 409）");
    }

    private static ItemResponse ToResponse(AgendaItem i) => new(i.Id, i.CouncilId, i.Kind.ToString(), i.Number, i.Title, i.DepartmentId, i.SubmittedOn, i.About,
        i.RegisterFileId, i.ReviewRoundId, i.NumberSkipReason, i.Version);

    private static ToshinResponse ToResponse(Core.Features.Council.Toshin t) => new(t.Id, t.ItemId, t.Number, t.AnsweredOn, t.Addressee, t.Text, t.NumberSkipReason, t.Version);

    private static async Task<Results<Ok<ApiPage<ItemResponse>>, Refusal>> Items(Guid? councilId, string? kind, int? page, int? pageSize, AppDbContext db,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var k = ApiResults.ParseEnum<ItemKind>(kind, "kind", errors, x => x.JapaneseName());
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var query = db.AgendaItems.AsNoTracking()
            .Where(i => councilId == null || i.CouncilId == councilId)
            .Where(i => k == null || i.Kind == k)
            .OrderBy(i => i.Kind).ThenByDescending(i => i.Number).ThenBy(i => i.Id);
        return TypedResults.Ok(await ApiPaging.PageAsync(query, page, pageSize, ToResponse, ct));
    }

    private static async Task<Results<Ok<ItemResponse>, NotFound>> Item(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } i ? TypedResults.Ok(ToResponse(i)) : TypedResults.NotFound();

    private static async Task<Results<Created<ItemResponse>, Refusal>> CreateItem(ItemRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveItemAsync(db, null, body, ct), i => $"/api/v1/council/items/{i.Id}");

    private static async Task<Results<Ok<ItemResponse>, Refusal>> UpdateItem(Guid id, ItemRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveItemAsync(db, id, body, ct));

    private static async Task<Outcome<ItemResponse>> SaveItemAsync(AppDbContext db, Guid? id, ItemRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = ApiResults.ParseEnum<ItemKind>(body.Kind, "kind", errors, x => x.JapaneseName()) ?? ItemKind.Consultation;
        var submitted = ApiResults.ParseDate(body.SubmittedOn, "submittedOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<ItemResponse>.Fail(errors);
        }
        var saved = await CouncilWorkflow.SaveItemAsync(db, id, new ItemInput
        {
            CouncilId = body.CouncilId,
            Kind = kind,
            Number = body.Number,
            Title = body.Title,
            DepartmentId = body.DepartmentId,
            SubmittedOn = submitted,
            About = body.About,
            RegisterFileId = body.RegisterFileId,
            ReviewRoundId = body.ReviewRoundId,
            Unnumbered = body.Unnumbered,
            SkipReason = body.SkipReason,
            Version = body.Version,
        }, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<ToshinResponse>, NotFound>> GetToshin(Guid id, AppDbContext db, CancellationToken ct) =>
        await db.Toshins.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) is { } t ? TypedResults.Ok(ToResponse(t)) : TypedResults.NotFound();

    private static async Task<Results<Created<ToshinResponse>, Refusal>> CreateToshin(ToshinRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveToshinAsync(db, null, body, ct), t => $"/api/v1/council/toshin/{t.Id}");

    private static async Task<Results<Ok<ToshinResponse>, Refusal>> UpdateToshin(Guid id, ToshinRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveToshinAsync(db, id, body, ct));

    private static async Task<Outcome<ToshinResponse>> SaveToshinAsync(AppDbContext db, Guid? id, ToshinRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(body.AnsweredOn, "answeredOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<ToshinResponse>.Fail(errors);
        }
        var saved = await CouncilWorkflow.SaveToshinAsync(db, id, new ToshinInput(body.ItemId, body.Number, on, body.Addressee, body.Text, body.Version, body.SkipReason), ct);
        return saved.Map(ToResponse);
    }
}
