using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Council;

/// <summary>
/// /api/v1/council, the office's work around a meeting: the 開催通知, minutes typed in, closed parts, confirmation and
/// publication, answers to written questions and their publication, promises made at the meeting, members' proposed
/// topics, the members' confirmation of a 答申 and an item's materials — the pages' use cases. What a member does
/// (opinions, proposals, agreeing to a 答申) stays on the member's own pages.
/// </summary>
public static partial class CouncilEndpoints
{
    public sealed record NoticeRequest(string? NoticeNumber, string? NoticeOn, string? NoticeTo, string? NoticeNote);

    public sealed record MinutesRequest(string? Text);

    public sealed record ClosedTurnsRequest(int? FromSeq, int? ToSeq, bool Closed);

    public sealed record ClosedTurnsResponse(Guid MeetingId, int Turns, bool Closed);

    public sealed record ClosedItemRequest(bool Closed);

    public sealed record ConfirmRequest(Guid? ConfirmedAtId, string? ConfirmedOn);

    public sealed record PublishBody(bool Publish);

    public sealed record AnswerRequest(string? Answer);

    public sealed record OpinionResponse(Guid Id, Guid MeetingId, Guid ItemId, Guid MemberId, string Kind, string? Location, string Text, string? Answer, Guid Version);

    public sealed record ActionRequest(int? TurnSeq, string? Text, string? Owner, string? DueOn);

    public sealed record DoneRequest(string? DoneOn, string? DoneNote, Guid? Version);

    public sealed record ActionResponse(Guid Id, Guid MeetingId, int? TurnSeq, string Text, string Owner, DateOnly? DueOn, DateOnly? DoneOn, string? DoneNote, Guid Version);

    public sealed record TopicReviewRequest(string? Status, int? FiscalYear, string? OfficeNote, Guid? Version);

    public sealed record TopicResponse(Guid Id, Guid CouncilId, string Title, string? Detail, string Status, int? FiscalYear, string? OfficeNote, Guid Version);

    public sealed record ConfirmationRequest(string? DueOn);

    private static void MapProceedingEndpoints(RouteGroupBuilder g)
    {
        g.MapPut("/meetings/{id:guid}/notice", Notice).RequireAuthorization(Policies.CouncilManage).WithSummary("開催通知（文書番号・通知日・宛先・備考）");
        g.MapPut("/meetings/{id:guid}/minutes", Minutes).RequireAuthorization(Policies.CouncilManage).WithSummary("会議録の本文（発言者の行「○会長」から始まる形）");
        g.MapDelete("/meetings/{id:guid}/minutes", DeleteImportedMinutes).RequireAuthorization(Policies.CouncilManage).WithSummary("取り込んだ会議録を削除する");
        g.MapPost("/meetings/{id:guid}/minutes/closed-turns", ClosedTurns).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("発言の範囲（fromSeq〜toSeq）を非公開・公開にする");
        g.MapPut("/meetings/{id:guid}/items/{itemId:guid}/closed", ClosedItem).RequireAuthorization(Policies.CouncilManage).WithSummary("議題を非公開・公開にする");
        g.MapPost("/meetings/{id:guid}/minutes/confirm", Confirm).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("会議録を確定する（confirmedAtId＝承認した会議、または confirmedOn＝会長の確認日）");
        g.MapPut("/meetings/{id:guid}/minutes/publication", PublishMinutes).RequireAuthorization(Policies.CouncilManage).WithSummary("会議録の公開・取りやめ");
        g.MapPost("/opinions/{opinionId:guid}/answer", Answer).RequireAuthorization(Policies.CouncilManage).WithSummary("書面会議の質問・意見に回答する");
        g.MapPut("/meetings/{id:guid}/qa/publication", PublishQa).RequireAuthorization(Policies.CouncilManage).WithSummary("質問・意見と回答の公開・取りやめ");
        g.MapPost("/meetings/{id:guid}/actions", AddAction).RequireAuthorization(Policies.CouncilManage).WithSummary("会議での約束（宿題）を記録する");
        g.MapPost("/actions/{actionId:guid}/done", ActionDone).RequireAuthorization(Policies.CouncilManage).WithSummary("約束を果たしたことを記録する（version が違えば 409）");
        g.MapPost("/topics/{topicId:guid}/review", ReviewTopic).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("委員が提案した議題を採り上げる・見送る（status：Accepted・Declined）");
        g.MapPost("/toshin/{id:guid}/confirmation", RequestConfirmation).RequireAuthorization(Policies.CouncilManage).WithSummary("答申案の確認を委員に依頼する（dueOn）");
        g.MapPost("/items/{id:guid}/materials", AddItemMaterial).RequireAuthorization(Policies.CouncilManage)
            .WithSummary("諮問・報告の資料（multipart：file、title、isPublic）");
    }

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Notice(Guid id, NoticeRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(body.NoticeOn, "noticeOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var saved = await CouncilWorkflow.SaveNoticeAsync(db, id, new NoticeInput(body.NoticeNumber, on, body.NoticeTo, body.NoticeNote), ct);
        return ApiResults.Changed(await ThenLoadAsync(db, saved, m => m.Id, ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Minutes(Guid id, MinutesRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.SaveMinutesAsync(db, id, body.Text, ct), m => m.Id, ct));

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> DeleteImportedMinutes(Guid id, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await MinutesImport.DeleteAsync(db, id, ct), m => m.Id, ct));

    private static async Task<Results<Ok<ClosedTurnsResponse>, Refusal>> ClosedTurns(Guid id, ClosedTurnsRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed((await ClosedSession.SetTurnsAsync(db, id, body.FromSeq, body.ToSeq, body.Closed, ct)).Map(n => new ClosedTurnsResponse(id, n, body.Closed)));

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> ClosedItem(Guid id, Guid itemId, ClosedItemRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await ClosedSession.SetItemAsync(db, id, itemId, body.Closed, ct), _ => id, ct));

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> Confirm(Guid id, ConfirmRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var on = ApiResults.ParseDate(body.ConfirmedOn, "confirmedOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.ConfirmMinutesAsync(db, id, body.ConfirmedAtId, on, ct), m => m.Id, ct));
    }

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> PublishMinutes(Guid id, PublishBody body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.PublishMinutesAsync(db, id, body.Publish, ct), m => m.Id, ct));

    private static async Task<Results<Ok<OpinionResponse>, Refusal>> Answer(Guid opinionId, AnswerRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct) =>
        ApiResults.Changed((await CouncilWorkflow.AnswerOpinionAsync(db, opinionId, body.Answer, clock, ct)).Map(ToResponse));

    private static OpinionResponse ToResponse(WrittenOpinion o) =>
        new(o.Id, o.MeetingId, o.ItemId, o.MemberId, o.Kind.ToString(), o.Location, o.Text, o.Answer, o.Version);

    private static async Task<Results<Ok<MeetingResponse>, Refusal>> PublishQa(Guid id, PublishBody body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await ThenLoadAsync(db, await CouncilWorkflow.PublishQaAsync(db, id, body.Publish, ct), m => m.Id, ct));

    private static ActionResponse ToResponse(ActionItem a) => new(a.Id, a.MeetingId, a.TurnSeq, a.Text, a.Owner, a.DueOn, a.DoneOn, a.DoneNote, a.Version);

    private static async Task<Results<Created<ActionResponse>, Refusal>> AddAction(Guid id, ActionRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var due = ApiResults.ParseDate(body.DueOn, "dueOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Created((await ActionItems.AddAsync(db, id, body.TurnSeq, body.Text, body.Owner, due, ct)).Map(ToResponse),
            a => $"/api/v1/council/meetings/{a.MeetingId}");
    }

    private static async Task<Results<Ok<ActionResponse>, Refusal>> ActionDone(Guid actionId, DoneRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var done = ApiResults.ParseDate(body.DoneOn, "doneOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed((await ActionItems.DoneAsync(db, actionId, done, body.DoneNote, body.Version, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<TopicResponse>, Refusal>> ReviewTopic(Guid topicId, TopicReviewRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var status = ApiResults.ParseEnum<TopicStatus>(body.Status, "status", errors, s => s.JapaneseName());
        if (status is null && !errors.ContainsKey("status"))
        {
            errors["status"] = ["status（Accepted 採り上げる・Declined 見送る）を指定してください。"];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var reviewed = await TopicProposals.ReviewAsync(db, topicId, status!.Value, body.FiscalYear, body.OfficeNote, body.Version, ct);
        return ApiResults.Changed(reviewed.Map(t => new TopicResponse(t.Id, t.CouncilId, t.Title, t.Detail, t.Status.ToString(), t.FiscalYear, t.OfficeNote, t.Version)));
    }

    private static async Task<Results<Ok<ToshinResponse>, Refusal>> RequestConfirmation(Guid id, ConfirmationRequest body, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var due = ApiResults.ParseDate(body.DueOn, "dueOn", errors);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        return ApiResults.Changed((await ToshinConfirmations.RequestAsync(db, id, due, clock, ct)).Map(ToResponse));
    }

    private static async Task<Results<Ok<MaterialResponse>, Refusal>> AddItemMaterial(Guid id, HttpRequest request, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var (content, name, error) = await Uploads.ReadRequestAsync(request, null, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (error is not null)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = [error] });
        }
        var isPublic = string.Equals(await Uploads.FieldAsync(request, "isPublic", ct), "true", StringComparison.OrdinalIgnoreCase);
        var added = await CouncilWorkflow.AddMaterialAsync(db, null, id, await Uploads.FieldAsync(request, "title", ct), name, content, isPublic, clock, ct);
        return ApiResults.Changed(added.Map(ToResponse));
    }
}
