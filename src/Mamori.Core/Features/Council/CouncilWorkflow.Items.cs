using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Council;

/// <summary>The council's work on agenda items: 諮問・報告, their place on meetings, outcomes and 答申.</summary>
public static partial class CouncilWorkflow
{
    /// <summary>The number the next item of a series would take (the municipality's highest + 1).</summary>
    public static async Task<int> NextNumberAsync(AppDbContext db, ItemKind kind, CancellationToken ct) =>
        (await db.AgendaItems.IgnoreQueryFilters([AppDbContext.CouncilFilter]).Where(i => i.Kind == kind).MaxAsync(i => i.Number, ct) ?? 0) + 1;

    /// <summary>
    /// Creates or changes an item. A number, when given, must be the next of the series (gaps and duplicates are
    /// refused; the first item of a series may start anywhere, to continue the paper numbering); without one the
    /// next is taken, and two items created at the same moment never share it.
    /// </summary>
    public static async Task<Outcome<AgendaItem>> SaveItemAsync(AppDbContext db, Guid? id, ItemInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!await db.Councils.AnyAsync(c => c.Id == input.CouncilId && c.ParentId == null, ct))
        {
            errors.Add("CouncilId", "諮問・報告先の審議会を選んでください（小委員会へは審議会から付託します）。");
        }
        if (errors.Required("Title", input.Title, "件名"))
        {
            errors.MaxLength("Title", input.Title, 300, "件名");
        }
        errors.MaxLength("About", input.About, 2000, "内容");
        if (input.DepartmentId is { } dept && !await db.Departments.AnyAsync(d => d.Id == dept, ct))
        {
            errors.Add("DepartmentId", "所管課を選び直してください。");
        }
        if (input.RegisterFileId is { } fileId && !await db.PersonalInfoFiles.AnyAsync(f => f.Id == fileId, ct))
        {
            errors.Add("RegisterFileId", "関連する個人情報ファイルが見つかりません。");
        }
        if (input.ReviewRoundId is { } roundId && !await db.ReviewRounds.AnyAsync(r => r.Id == roundId, ct))
        {
            errors.Add("ReviewRoundId", "関連する審査の回が見つかりません。");
        }
        if (input.Kind == ItemKind.Other && input.Number is not null)
        {
            errors.Add("Number", "「その他」の議題には番号を付けません。");
        }
        if (input.Unnumbered && input.Kind != ItemKind.Report)
        {
            errors.Add("Unnumbered", "番号を付けずに登録できるのは報告だけです。");
        }
        else if (input.Unnumbered && input.Number is not null)
        {
            errors.Add("Number", "「番号を付けない」を選んだときは番号を空欄にしてください。");
        }
        if (input.Number is < 1)
        {
            errors.Add("Number", "番号は1以上にしてください。");
        }
        AgendaItem? item = null;
        if (id is { } existing)
        {
            item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == existing, ct);
            if (item is null)
            {
                return Outcome<AgendaItem>.NotFound(ItemNotFound);
            }
            if (item.Kind != input.Kind || (input.Number is not null && input.Number != item.Number))
            {
                errors.Add("Number", $"{item.Label()}の種別と番号は変更できません。誤りなら取下げにして、正しい番号で登録し直してください。");
            }
        }
        else if (input.Number is { } number && input.Kind != ItemKind.Other)
        {
            await CheckNumberAsync(db, input.Kind, number, Optional(input.SkipReason), errors, ct);
        }
        if (errors.Any)
        {
            return errors.Fail<AgendaItem>();
        }
        var isNew = item is null;
        if (item is null)
        {
            item = new AgendaItem { Title = input.Title!.Trim(), Kind = input.Kind };
            db.AgendaItems.Add(item);
        }
        else if (input.Version is { } version)
        {
            db.Entry(item).Property(i => i.Version).OriginalValue = version;
        }
        item.CouncilId = input.CouncilId;
        item.Title = input.Title!.Trim();
        item.DepartmentId = input.DepartmentId;
        item.SubmittedOn = input.SubmittedOn;
        item.About = Optional(input.About);
        item.RegisterFileId = input.RegisterFileId;
        item.ReviewRoundId = input.ReviewRoundId;
        if (!isNew || input.Kind == ItemKind.Other || input.Unnumbered)
        {
            return await SaveAsync(db, item, ct);
        }
        item.Number = input.Number;
        item.NumberSkipReason = input.Number is not null ? Optional(input.SkipReason) : null;
        return await NumberedSave.SaveAsync(db, item, nameof(AgendaItem.Number),
            input.Number is null ? async () => item.Number = await NextNumberAsync(db, input.Kind, ct) : null, ct, TakenMessage(CouncilNames.Label(input.Kind, input.Number)));
    }

    private static async Task CheckNumberAsync(AppDbContext db, ItemKind kind, int number, string? skipReason, FieldErrors errors, CancellationToken ct)
    {
        // The next number first: when another save lands between the two queries, the number reads as taken, not as a gap.
        var next = await NextNumberAsync(db, kind, ct);
        var taken = await db.AgendaItems.IgnoreQueryFilters([AppDbContext.CouncilFilter]).Where(i => i.Kind == kind && i.Number == number)
            .Select(i => i.Title).FirstOrDefaultAsync(ct);
        if (taken is not null)
        {
            next = Math.Max(next, await NextNumberAsync(db, kind, ct));
            errors.Add("Number", $"{CouncilNames.Label(kind, number)}は既に使われています（「{taken}」）。次の番号は{CouncilNames.Label(kind, next)}です。");
        }
        else if (next > 1 && number < next)
        {
            errors.Add("Number", $"番号を戻すことはできません。次の番号は{CouncilNames.Label(kind, next)}です。");
        }
        else if (next > 1 && number > next && skipReason is null)
        {
            errors.Add("Number", $"{CouncilNames.Label(kind, next)}から番号を飛ばします。Mamori の外で使った番号なら、「番号を飛ばす理由」に書いてください（例：{CouncilNames.Label(kind, next)}は書面で諮問した）。");
        }
        else if (skipReason is { Length: > 200 })
        {
            errors.Add("SkipReason", "番号を飛ばす理由は200文字以内で入力してください。");
        }
    }

    /// <summary>Puts an item on a meeting's agenda (議事), after those already there.</summary>
    public static async Task<Outcome<MeetingItem>> PlaceItemAsync(AppDbContext db, Guid meetingId, Guid itemId, string? label, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (meeting is null || item is null)
        {
            return Outcome<MeetingItem>.NotFound(meeting is null ? MeetingNotFound : ItemNotFound);
        }
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == meeting.CouncilId, ct);
        if (meeting.CouncilId != item.CouncilId && council.ParentId != item.CouncilId)
        {
            return Outcome<MeetingItem>.Fail("ItemId", $"{item.Label()}は別の審議会の議題です。");
        }
        var history = await HistoryAsync(db, itemId, ct);
        if (history.Any(h => h.MeetingId == meetingId))
        {
            return Outcome<MeetingItem>.Fail("ItemId", $"{item.Label()}は既にこの会議の議題です。");
        }
        if (history.LastOrDefault(h => h.Outcome is not null) is { Outcome: { } last } && last.IsFinal())
        {
            return Outcome<MeetingItem>.Fail("ItemId", $"{item.Label()}は{CouncilNames.StatusName(true, last)}のため、新しい会議の議題にできません。");
        }
        if (Optional(label) is { Length: > 50 })
        {
            return Outcome<MeetingItem>.Fail("Label", "資料番号は50文字以内で入力してください。");
        }
        var order = await db.MeetingItems.Where(p => p.MeetingId == meetingId).MaxAsync(p => (int?)p.Order, ct) ?? 0;
        var placement = new MeetingItem { MeetingId = meetingId, ItemId = itemId, CouncilId = meeting.CouncilId, Order = order + 1, Label = Optional(label) };
        db.MeetingItems.Add(placement);
        return await SaveAsync(db, placement, ct);
    }

    /// <summary>Takes an item off a meeting that has not decided anything about it yet.</summary>
    public static async Task<Outcome<MeetingItem>> RemoveItemAsync(AppDbContext db, Guid meetingId, Guid itemId, CancellationToken ct)
    {
        var placement = await db.MeetingItems.FirstOrDefaultAsync(p => p.MeetingId == meetingId && p.ItemId == itemId, ct);
        if (placement is null)
        {
            return Outcome<MeetingItem>.NotFound(ItemNotFound);
        }
        if (placement.Outcome is not null || await db.WrittenOpinions.AnyAsync(o => o.MeetingId == meetingId && o.ItemId == itemId, ct))
        {
            return Outcome<MeetingItem>.Conflict("審議結果または質問・意見のある議題は外せません。");
        }
        db.MeetingItems.Remove(placement);
        return await SaveAsync(db, placement, ct);
    }

    /// <summary>One entry of an item's history: a meeting it was on and what that meeting decided.</summary>
    public sealed record HistoryEntry(Guid MeetingId, Guid CouncilId, string MeetingTitle, DateOnly HeldOn, MeetingKind Kind, string? Label,
        ItemOutcome? Outcome, string? Note, Guid? ReferredToId);

    /// <summary>The meetings an item was on, in date order, with the outcomes.</summary>
    public static async Task<List<HistoryEntry>> HistoryAsync(AppDbContext db, Guid itemId, CancellationToken ct) =>
        await (from p in db.MeetingItems.AsNoTracking()
               join m in db.Meetings.AsNoTracking() on p.MeetingId equals m.Id
               where p.ItemId == itemId
               orderby m.HeldOn, m.StartsAt, m.Title
               select new HistoryEntry(m.Id, m.CouncilId, m.Title, m.HeldOn, m.Kind, p.Label, p.Outcome, p.Note, p.ReferredToId)).ToListAsync(ct);

    /// <summary>
    /// Records what a held meeting decided about an item. Later meetings must not have decided already (the
    /// history stays in order); 小委員会付託 names a subcommittee of the council.
    /// </summary>
    public static async Task<Outcome<MeetingItem>> RecordOutcomeAsync(AppDbContext db, Guid meetingId, Guid itemId, OutcomeInput input, TimeProvider clock,
        CancellationToken ct)
    {
        var placement = await db.MeetingItems.FirstOrDefaultAsync(p => p.MeetingId == meetingId && p.ItemId == itemId, ct);
        if (placement is null)
        {
            return Outcome<MeetingItem>.NotFound(ItemNotFound);
        }
        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        var item = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
        if (meeting.Status == MeetingStatus.Planned)
        {
            return Outcome<MeetingItem>.Conflict("会議を「開催済」にしてから審議結果を記録してください。");
        }
        if (input.Outcome is not { } outcome)
        {
            return Outcome<MeetingItem>.Fail("Outcome", "審議結果を選んでください。");
        }
        if (!CouncilNames.OutcomesFor(item.Kind).Contains(outcome))
        {
            return Outcome<MeetingItem>.Fail("Outcome",
                $"{item.Kind.JapaneseName()}の議題の結果は{string.Join("・", CouncilNames.OutcomesFor(item.Kind).Select(o => o.JapaneseName()))}のいずれかです。");
        }
        Guid? referredTo = null;
        if (outcome == ItemOutcome.Referred)
        {
            if (input.ReferredToId is not { } sub || !await db.Councils.AnyAsync(c => c.Id == sub && c.ParentId == item.CouncilId, ct))
            {
                return Outcome<MeetingItem>.Fail("ReferredToId", "付託する小委員会を選んでください（審議会の下に小委員会を登録しておく必要があります）。");
            }
            referredTo = sub;
        }
        if (Optional(input.Note) is { Length: > 1000 })
        {
            return Outcome<MeetingItem>.Fail("Note", "備考は1000文字以内で入力してください。");
        }
        // 答申 as the outcome means the council answered: the answer (答申書) is recorded first.
        if (outcome == ItemOutcome.Answered && !await db.Toshins.AnyAsync(t => t.ItemId == itemId, ct))
        {
            return Outcome<MeetingItem>.Fail("Outcome", $"{item.Label()}の答申（本文）がまだありません。先に答申を作成してから、結果を「答申」にしてください。");
        }
        var history = await HistoryAsync(db, itemId, ct);
        var index = history.FindIndex(h => h.MeetingId == meetingId);
        if (history.Skip(index + 1).FirstOrDefault(h => h.Outcome is not null) is { } later)
        {
            return Outcome<MeetingItem>.Fail("Outcome", $"後の会議（{later.MeetingTitle}）で既に結果が記録されています。後の会議の結果を先に消してください。");
        }
        if (history.Take(index).LastOrDefault(h => h.Outcome is not null) is { Outcome: { } earlier } && earlier.IsFinal())
        {
            return Outcome<MeetingItem>.Fail("Outcome", $"前の会議で既に{earlier.JapaneseName()}となっています。");
        }
        placement.Outcome = outcome;
        placement.Note = Optional(input.Note);
        placement.ReferredToId = referredTo;
        placement.RecordedAt = clock.GetUtcNow().UtcDateTime;
        placement.RecordedBy = db.Tenant.ActorName;
        return await SaveAsync(db, placement, ct);
    }


    public static async Task<int> NextToshinNumberAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Toshins.IgnoreQueryFilters([AppDbContext.CouncilFilter]).MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;

    public static async Task<Outcome<Toshin>> SaveToshinAsync(AppDbContext db, Guid? id, ToshinInput input, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == input.ItemId, ct);
        if (item is null)
        {
            return Outcome<Toshin>.NotFound(ItemNotFound);
        }
        var errors = new FieldErrors();
        if (item.Kind != ItemKind.Consultation)
        {
            errors.Add("ItemId", "答申は諮問に対してだけ作成します。");
        }
        if (errors.Required("Text", input.Text, "答申の本文"))
        {
            errors.MaxLength("Text", input.Text, 20000, "答申の本文");
        }
        errors.MaxLength("Addressee", input.Addressee, 200, "宛先");
        Toshin? toshin = null;
        if (id is { } existing)
        {
            toshin = await db.Toshins.FirstOrDefaultAsync(t => t.Id == existing, ct);
            if (toshin is null)
            {
                return Outcome<Toshin>.NotFound("答申が見つかりません。");
            }
            if (input.Number is { } n && n != toshin.Number)
            {
                errors.Add("Number", "答申の番号は変更できません。");
            }
        }
        else
        {
            if (await db.Toshins.AnyAsync(t => t.ItemId == input.ItemId, ct))
            {
                errors.Add("ItemId", $"{item.Label()}の答申は既にあります。その答申を編集してください。");
            }
            if (input.Number is { } number)
            {
                var next = await NextToshinNumberAsync(db, ct);
                if (number < 1)
                {
                    errors.Add("Number", "番号は1以上にしてください。");
                }
                else if (await db.Toshins.IgnoreQueryFilters([AppDbContext.CouncilFilter]).AnyAsync(t => t.Number == number, ct))
                {
                    errors.Add("Number", $"{CouncilNames.ToshinLabel(number)}は既に使われています。次の番号は{CouncilNames.ToshinLabel(next)}です。");
                }
                else if (next > 1 && number < next)
                {
                    errors.Add("Number", $"番号を戻すことはできません。次の番号は{CouncilNames.ToshinLabel(next)}です。");
                }
                else if (next > 1 && number > next && Optional(input.SkipReason) is null)
                {
                    errors.Add("Number", $"{CouncilNames.ToshinLabel(next)}から番号を飛ばします。Mamori の外で使った番号なら、「番号を飛ばす理由」に書いてください。");
                }
            }
        }
        if (errors.Any)
        {
            return errors.Fail<Toshin>();
        }
        var isNew = toshin is null;
        if (toshin is null)
        {
            toshin = new Toshin { ItemId = item.Id, CouncilId = item.CouncilId, Text = input.Text!.Trim() };
            db.Toshins.Add(toshin);
        }
        else if (input.Version is { } version)
        {
            db.Entry(toshin).Property(t => t.Version).OriginalValue = version;
        }
        toshin.Text = input.Text!.Trim();
        toshin.AnsweredOn = input.AnsweredOn;
        toshin.Addressee = Optional(input.Addressee);
        if (!isNew)
        {
            return await SaveAsync(db, toshin, ct);
        }
        toshin.Number = input.Number ?? 0;
        toshin.NumberSkipReason = input.Number is not null ? Optional(input.SkipReason) : null;
        return await NumberedSave.SaveAsync(db, toshin, nameof(Toshin.Number),
            input.Number is null ? async () => toshin.Number = await NextToshinNumberAsync(db, ct) : null, ct, TakenMessage(CouncilNames.ToshinLabel(toshin.Number)));
    }

    /// <summary>The message when a number the user chose was taken by another save a moment before.</summary>
    private static string TakenMessage(string label) => $"{label}は、たった今ほかの人が登録しました。番号を空欄にするか次の番号で登録してください。";
}
