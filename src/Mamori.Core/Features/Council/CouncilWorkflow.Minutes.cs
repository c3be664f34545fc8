using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Council;

/// <summary>Minutes (confirmation, publication) and meeting materials.</summary>
public static partial class CouncilWorkflow
{
    /// <summary>Replaces a meeting's minutes with the turns typed in <paramref name="text"/>, while the minutes are not yet confirmed.</summary>
    public static async Task<Outcome<Meeting>> SaveMinutesAsync(AppDbContext db, Guid meetingId, string? text, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        if (meeting.Status == MeetingStatus.MinutesConfirmed)
        {
            return Outcome<Meeting>.Conflict("確定した会議録は変更できません。");
        }
        var turns = Minutes.MinutesParser.ParseTurns(text, (meeting.SecretariatText ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (turns.FirstOrDefault(t => t.Text.Length > 20000 || t.Speaker.Length > 100) is { } tooLong)
        {
            return Outcome<Meeting>.Fail("Text", $"「{tooLong.Speaker}」の発言が長すぎます（1発言20000文字まで）。発言を分けてください。");
        }
        var old = await db.MinutesTurns.Where(t => t.MeetingId == meetingId).ToListAsync(ct);
        // A turn marked 非公開 stays so when the text is saved again: the same speaker saying the same words.
        var closed = old.Where(t => t.IsClosed).Select(t => (t.Speaker, t.Text)).ToHashSet();
        db.MinutesTurns.RemoveRange(old);
        var seq = 0;
        foreach (var turn in turns)
        {
            db.MinutesTurns.Add(new MinutesTurn
            {
                IsClosed = closed.Contains((turn.Speaker, turn.Text)),
                MeetingId = meetingId,
                CouncilId = meeting.CouncilId,
                Seq = ++seq,
                Speaker = turn.Speaker,
                Text = turn.Text,
                IsNote = turn.IsNote,
                Role = turn.Role,
                Group = turn.Group,
            });
        }
        return await SaveAsync(db, meeting, ct);
    }

    /// <summary>
    /// 会議録確定: at a later meeting of the same council (前回の会議録の確認) or by the chair on a date.
    /// </summary>
    public static async Task<Outcome<Meeting>> ConfirmMinutesAsync(AppDbContext db, Guid meetingId, Guid? atMeetingId, DateOnly? byChairOn, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        if (meeting.Status != MeetingStatus.Held)
        {
            return Outcome<Meeting>.Conflict(meeting.Status == MeetingStatus.Planned ? "開催前の会議の会議録は確定できません。" : "会議録は既に確定しています。");
        }
        if (!await db.MinutesTurns.AnyAsync(t => t.MeetingId == meetingId, ct))
        {
            return Outcome<Meeting>.Fail("", "会議録の本文がありません。先に会議録を入力してください。");
        }
        if (atMeetingId is { } at)
        {
            var later = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == at && m.CouncilId == meeting.CouncilId, ct);
            if (later is null || later.HeldOn <= meeting.HeldOn)
            {
                return Outcome<Meeting>.Fail("MinutesConfirmedAtId", "確認した会議は、この会議より後の同じ審議会の会議から選んでください。");
            }
            meeting.MinutesConfirmedAtId = later.Id;
            meeting.MinutesConfirmedOn = later.HeldOn;
            meeting.MinutesConfirmedBy = $"{later.Title}の会議で確認";
        }
        else if (byChairOn is { } date)
        {
            if (date < meeting.HeldOn)
            {
                return Outcome<Meeting>.Fail("MinutesConfirmedOn", "確認日は開催日以降の日にしてください。");
            }
            meeting.MinutesConfirmedOn = date;
            meeting.MinutesConfirmedBy = "会長確認";
        }
        else
        {
            return Outcome<Meeting>.Fail("MinutesConfirmedOn", "確認した会議を選ぶか、会長が確認した日を入力してください。");
        }
        meeting.Status = MeetingStatus.MinutesConfirmed;
        return await SaveAsync(db, meeting, ct);
    }

    public static async Task<Outcome<Meeting>> PublishMinutesAsync(AppDbContext db, Guid meetingId, bool publish, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        if (publish && meeting.Status != MeetingStatus.MinutesConfirmed)
        {
            return Outcome<Meeting>.Conflict("確定した会議録だけを公開できます。");
        }
        meeting.MinutesPublished = publish;
        return await SaveAsync(db, meeting, ct);
    }


    /// <summary>Stores a checked upload as a material of a meeting or an item.</summary>
    public static async Task<Outcome<Material>> AddMaterialAsync(AppDbContext db, Guid? meetingId, Guid? itemId, string? title, string? fileName, byte[] content,
        bool isPublic, TimeProvider clock, CancellationToken ct)
    {
        Guid councilId;
        if (meetingId is { } mid)
        {
            var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mid, ct);
            if (meeting is null)
            {
                return Outcome<Material>.NotFound(MeetingNotFound);
            }
            councilId = meeting.CouncilId;
            if (itemId is { } placed && !await db.MeetingItems.AnyAsync(p => p.MeetingId == mid && p.ItemId == placed, ct))
            {
                return Outcome<Material>.Fail("ItemId", "この会議の議題を選んでください。");
            }
        }
        else if (itemId is { } iid)
        {
            var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == iid, ct);
            if (item is null)
            {
                return Outcome<Material>.NotFound(ItemNotFound);
            }
            councilId = item.CouncilId;
        }
        else
        {
            return Outcome<Material>.Fail("", "資料を登録する会議か議題を指定してください。");
        }
        var upload = UploadRules.Check(fileName, content);
        if (!upload.Ok)
        {
            return upload.Refused<Material>();
        }
        var label = Optional(title) ?? Path.GetFileNameWithoutExtension(upload.Value!.FileName);
        if (label.Length > 200)
        {
            return Outcome<Material>.Fail("Title", "資料名は200文字以内で入力してください。");
        }
        var file = StoredFile.From(upload.Value!.Content);
        db.StoredFiles.Add(file);
        var material = new Material
        {
            CouncilId = councilId,
            MeetingId = meetingId,
            ItemId = itemId,
            Title = label,
            FileName = upload.Value.FileName,
            ContentType = upload.Value.ContentType,
            Size = file.Size,
            FileId = file.Id,
            IsPublic = isPublic,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = db.Tenant.ActorName,
        };
        db.Materials.Add(material);
        return await SaveAsync(db, material, ct);
    }

    public static async Task<Outcome<Material>> DeleteMaterialAsync(AppDbContext db, Guid materialId, CancellationToken ct)
    {
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (material is null)
        {
            return Outcome<Material>.NotFound("資料が見つかりません。");
        }
        db.Materials.Remove(material);
        if (await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == material.FileId, ct) is { } file)
        {
            db.StoredFiles.Remove(file);
        }
        return await SaveAsync(db, material, ct);
    }
}
