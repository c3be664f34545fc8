using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Meetings;

/// <summary>
/// A meeting: quorum and attendance, the agenda with outcomes, materials, written questions and answers,
/// and the minutes. 事務局 records; a 委員 reads and sends their own questions and opinions by the deadline.
/// </summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public MeetingView View { get; private set; } = null!;
    public bool CanManage { get; private set; }
    public IReadOnlyList<ActionItem> ActionsMade { get; private set; } = [];
    public IReadOnlyList<(ActionItem Item, Meeting Meeting)> ActionsOpen { get; private set; } = [];
    public CouncilMember? OwnMember { get; private set; }
    public bool AcceptsOpinions { get; private set; }
    public List<AgendaItem> Placeable { get; private set; } = [];
    public List<Meeting> LaterMeetings { get; private set; } = [];

    [BindProperty] public Dictionary<Guid, AttendanceStatus?> Attendance { get; set; } = [];
    [BindProperty] public int? Observers { get; set; }
    [BindProperty] public Guid? ItemId { get; set; }
    [BindProperty] public string? Label { get; set; }
    [BindProperty] public ItemOutcome? Outcome { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid? ReferredToId { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? MaterialTitle { get; set; }
    [BindProperty] public bool IsPublic { get; set; }
    [BindProperty] public Guid? MaterialId { get; set; }
    [BindProperty] public OpinionKind Kind { get; set; }
    [BindProperty] public string? Location { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid? OpinionId { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public bool Publish { get; set; }
    [BindProperty] public Guid? ConfirmedAtId { get; set; }
    [BindProperty] public string? ConfirmedOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostHeldAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.MarkHeldAsync(db, id, clock, ct), _ => "開催済にしました。出席と審議結果を記録してください。", ct);

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.SetAttendanceAsync(db, id, Attendance, Observers, ct), _ => "出席状況を保存しました。", ct);

    public Task<IActionResult> OnPostPlaceAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => ItemId is { } item ? CouncilWorkflow.PlaceItemAsync(db, id, item, Label, ct) : Task.FromResult(Outcome<MeetingItem>.Fail("ItemId", "追加する議題を選んでください。")),
            _ => "議題に追加しました。", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.RemoveItemAsync(db, id, ItemId ?? Guid.Empty, ct), _ => "議題から外しました。", ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.RecordOutcomeAsync(db, id, ItemId ?? Guid.Empty, new OutcomeInput(Outcome, Note, ReferredToId), clock, ct),
            p => $"審議結果（{p.Outcome!.Value.JapaneseName()}）を記録しました。", ct);

    public async Task<IActionResult> OnPostUploadAsync(Guid id, CancellationToken ct)
    {
        var (content, tooLarge) = await Uploads.ReadAsync(Upload, Core.Features.Files.UploadRules.MaxBytes, ct);
        if (tooLarge is not null)
        {
            return await ShowAsync(id, Outcome<Material>.Fail("File", tooLarge), ct);
        }
        return await ManageAsync(id, () => CouncilWorkflow.AddMaterialAsync(db, id, ItemId, MaterialTitle, Upload?.FileName, content, IsPublic, clock, ct),
            m => $"資料「{m.Title}」を登録しました。", ct);
    }

    public Task<IActionResult> OnPostDeleteMaterialAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.DeleteMaterialAsync(db, MaterialId ?? Guid.Empty, ct), m => $"資料「{m.Title}」を削除しました。", ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.AnswerOpinionAsync(db, OpinionId ?? Guid.Empty, Answer, clock, ct), _ => "回答を保存しました。", ct);

    public Task<IActionResult> OnPostPublishQaAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.PublishQaAsync(db, id, Publish, ct), m => m.QaPublished ? "質問・意見と回答を公開しました。" : "公開をやめました。", ct);

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, CancellationToken ct)
    {
        if (!Core.Japanese.WarekiDate.TryParse(ConfirmedOn ?? "", out var parsed, out var error) && !string.IsNullOrWhiteSpace(ConfirmedOn))
        {
            return await ShowAsync(id, Outcome<Meeting>.Fail(nameof(ConfirmedOn), error!), ct);
        }
        DateOnly? on = string.IsNullOrWhiteSpace(ConfirmedOn) ? null : parsed;
        return await ManageAsync(id, () => CouncilWorkflow.ConfirmMinutesAsync(db, id, ConfirmedAtId, on, ct), m => $"会議録を確定しました（{m.MinutesConfirmedBy}）。", ct);
    }

    public Task<IActionResult> OnPostDeleteImportedMinutesAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => MinutesImport.DeleteAsync(db, id, ct), _ => "取り込んだ会議録を削除しました。取り込み直すことができます。", ct);

    public Task<IActionResult> OnPostPublishMinutesAsync(Guid id, CancellationToken ct) =>
        ManageAsync(id, () => CouncilWorkflow.PublishMinutesAsync(db, id, Publish, ct), m => m.MinutesPublished ? "会議録を公開しました。" : "会議録の公開をやめました。", ct);

    public Task<IActionResult> OnPostOpinionAsync(Guid id, CancellationToken ct) =>
        RespondAsync(id, () => CouncilWorkflow.SubmitOpinionAsync(db, id, new OpinionInput(ItemId ?? Guid.Empty, Kind, Location, Text), clock, ct),
            o => $"{o.Kind.JapaneseName()}を提出しました。提出期限までは修正・取消しができます。", ct);

    public Task<IActionResult> OnPostEditOpinionAsync(Guid id, CancellationToken ct) =>
        RespondAsync(id, () => CouncilWorkflow.UpdateOpinionAsync(db, OpinionId ?? Guid.Empty, new OpinionInput(ItemId ?? Guid.Empty, Kind, Location, Text), clock, ct),
            _ => "修正しました。", ct);

    public Task<IActionResult> OnPostDeleteOpinionAsync(Guid id, CancellationToken ct) =>
        RespondAsync(id, () => CouncilWorkflow.DeleteOpinionAsync(db, OpinionId ?? Guid.Empty, clock, ct), _ => "取り消しました。", ct);

    public Task<IActionResult> OnPostNoOpinionAsync(Guid id, CancellationToken ct) =>
        RespondAsync(id, () => CouncilWorkflow.RespondWithoutOpinionAsync(db, id, clock, ct), _ => "「意見・質問なし」で回答しました。", ct);

    private async Task<IActionResult> ManageAsync<T>(Guid id, Func<Task<Outcome<T>>> action, Func<T, string> done, CancellationToken ct) =>
        await AllowedAsync(authz, Policies.CouncilManage) ? await RunAsync(id, action, done, ct) : Forbid();

    private async Task<IActionResult> RespondAsync<T>(Guid id, Func<Task<Outcome<T>>> action, Func<T, string> done, CancellationToken ct) =>
        await AllowedAsync(authz, Policies.CouncilRespond) ? await RunAsync(id, action, done, ct) : Forbid();

    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<Outcome<T>>> action, Func<T, string> done, CancellationToken ct)
    {
        var outcome = await action();
        if (!outcome.Ok)
        {
            return await ShowAsync(id, outcome, ct);
        }
        Flash(done(outcome.Value!));
        return Redirect($"/council/meetings/{id}");
    }

    private async Task<IActionResult> ShowAsync<T>(Guid id, Outcome<T> failed, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // Every handler binds the whole page's fields; only this handler's failure is the user's to fix.
        ModelState.Clear();
        AddErrors(failed, "");
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        OwnMember = await CouncilWorkflow.OwnMemberAsync(db, view.Meeting, ct);
        (ActionsMade, ActionsOpen) = await ActionItems.ForMeetingAsync(db, view.Meeting, ct);
        AcceptsOpinions = CouncilWorkflow.AcceptsOpinions(view.Meeting, clock);
        if (CanManage)
        {
            var itemCouncil = view.Council.ParentId ?? view.Council.Id;
            var onMeeting = view.Agenda.Select(a => a.Item.Id).ToHashSet();
            var rows = await CouncilReading.ItemsAsync(db, itemCouncil, ct);
            Placeable = rows.Where(r => !onMeeting.Contains(r.Item.Id) && (r.LastOutcome is not { } o || !o.IsFinal())).Select(r => r.Item).ToList();
            LaterMeetings = await db.Meetings.AsNoTracking().Where(m => m.CouncilId == view.Meeting.CouncilId && m.HeldOn > view.Meeting.HeldOn)
                .OrderBy(m => m.HeldOn).ToListAsync(ct);
            if (Attendance.Count == 0)
            {
                Attendance = view.Attendance.ToDictionary(a => a.Key, a => (AttendanceStatus?)a.Value);
            }
            Observers ??= view.Meeting.Observers;
        }
        SetTitle($"{view.Council.Name} {view.Meeting.Title}", CouncilCrumbs.Top, new Crumb(view.Council.Name, $"/council/{view.Council.Id}"));
        return true;
    }
}
