using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Council;

/// <summary>The council's work on meetings: planning, holding, attendance and notices.</summary>
public static partial class CouncilWorkflow
{
    public static async Task<Outcome<Meeting>> SaveMeetingAsync(AppDbContext db, Guid? id, MeetingInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!await db.Councils.AnyAsync(c => c.Id == input.CouncilId, ct))
        {
            return Outcome<Meeting>.NotFound(CouncilNotFound);
        }
        if (errors.Required("Title", input.Title, "会議の名称（回）"))
        {
            errors.MaxLength("Title", input.Title, 100, "会議の名称（回）");
        }
        if (input.HeldOn is null)
        {
            errors.Add("HeldOn", input.Kind == MeetingKind.Written ? "開催日（書面開催の場合は開催とみなす日）を入力してください。" : "開催日を入力してください。");
        }
        if (input.StartsAt is { } from && input.EndsAt is { } to && to <= from)
        {
            errors.Add("EndsAt", "終了時刻は開始時刻より後にしてください。");
        }
        errors.MaxLength("Place", input.Place, 200, "場所");
        errors.MaxLength("Url", input.Url, 500, "URL");
        if (input.Kind == MeetingKind.Online && Optional(input.Url) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            errors.Add("Url", "URLは https:// から始まる形で入力してください。");
        }
        if (input.Kind == MeetingKind.Written && input.ResponseDeadline is null)
        {
            errors.Add("ResponseDeadline", "書面開催では、質問・意見の提出期限を入力してください。");
        }
        if (input.ResponseDeadline is { } deadline && input.HeldOn is { } held && deadline > held)
        {
            errors.Add("ResponseDeadline", "質問・意見の提出期限は開催日までの日にしてください。");
        }
        if (input.Observers is < 0)
        {
            errors.Add("Observers", "傍聴者の数は0以上で入力してください。");
        }
        var title = input.Title?.Trim();
        if (title is not null && await db.Meetings.AnyAsync(m => m.CouncilId == input.CouncilId && m.Title == title && m.Id != id, ct))
        {
            errors.Add("Title", $"「{title}」は既に登録されています。");
        }
        Meeting? meeting = null;
        if (id is { } existing)
        {
            meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == existing, ct);
            if (meeting is null)
            {
                return Outcome<Meeting>.NotFound(MeetingNotFound);
            }
            if (meeting.CouncilId != input.CouncilId)
            {
                errors.Add("CouncilId", "会議の審議会は変更できません。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<Meeting>();
        }
        if (meeting is null)
        {
            meeting = new Meeting { Title = title!, CouncilId = input.CouncilId, NoticeTo = "委員各位" };
            db.Meetings.Add(meeting);
        }
        else if (input.Version is { } version)
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        }
        meeting.Title = title!;
        meeting.Kind = input.Kind;
        meeting.HeldOn = input.HeldOn!.Value;
        meeting.StartsAt = input.StartsAt;
        meeting.EndsAt = input.EndsAt;
        meeting.Place = Optional(input.Place);
        meeting.Url = Optional(input.Url);
        meeting.Observers = input.Observers;
        meeting.ResponseDeadline = input.ResponseDeadline;
        return await SaveAsync(db, meeting, ct);
    }

    public static async Task<Outcome<Meeting>> SaveNoticeAsync(AppDbContext db, Guid meetingId, NoticeInput input, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        var errors = new FieldErrors();
        errors.MaxLength("NoticeNumber", input.NoticeNumber, 50, "文書番号");
        errors.MaxLength("NoticeTo", input.NoticeTo, 100, "宛先");
        errors.MaxLength("NoticeNote", input.NoticeNote, 1000, "備考");
        if (errors.Any)
        {
            return errors.Fail<Meeting>();
        }
        meeting.NoticeNumber = Optional(input.NoticeNumber);
        meeting.NoticeOn = input.NoticeOn;
        meeting.NoticeTo = Optional(input.NoticeTo) ?? "委員各位";
        meeting.NoticeNote = Optional(input.NoticeNote);
        return await SaveAsync(db, meeting, ct);
    }

    /// <summary>
    /// Records attendance for the members in office on the meeting date; a member left out is cleared.
    /// Members not in office that day are refused by name.
    /// </summary>
    public static async Task<Outcome<Meeting>> SetAttendanceAsync(AppDbContext db, Guid meetingId, IReadOnlyDictionary<Guid, AttendanceStatus?> attendance,
        int? observers, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        if (observers is < 0)
        {
            return Outcome<Meeting>.Fail("Observers", "傍聴者の数は0以上で入力してください。");
        }
        var members = await db.CouncilMembers.Where(m => m.CouncilId == meeting.CouncilId).ToDictionaryAsync(m => m.Id, ct);
        var errors = new FieldErrors();
        foreach (var memberId in attendance.Keys)
        {
            if (!members.TryGetValue(memberId, out var member))
            {
                errors.Add("", "この審議会の委員ではない人が含まれています。画面を開き直してください。");
            }
            else if (!member.InOfficeOn(meeting.HeldOn))
            {
                errors.Add("", $"{member.Name}委員は開催日（{WarekiDate.Format(meeting.HeldOn)}）に在任していません。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<Meeting>();
        }
        var existing = await db.Attendances.Where(a => a.MeetingId == meetingId).ToListAsync(ct);
        foreach (var (memberId, status) in attendance)
        {
            var row = existing.FirstOrDefault(a => a.MemberId == memberId);
            if (status is null)
            {
                if (row is not null)
                {
                    db.Attendances.Remove(row);
                }
            }
            else if (row is null)
            {
                db.Attendances.Add(new Attendance { MeetingId = meetingId, CouncilId = meeting.CouncilId, MemberId = memberId, Status = status.Value });
            }
            else
            {
                row.Status = status.Value;
            }
        }
        meeting.Observers = observers ?? meeting.Observers;
        return await SaveAsync(db, meeting, ct);
    }

    /// <summary>開催済: on or after the meeting date (a written meeting counts as held on its set date).</summary>
    public static async Task<Outcome<Meeting>> MarkHeldAsync(AppDbContext db, Guid meetingId, TimeProvider clock, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        if (meeting.Status != MeetingStatus.Planned)
        {
            return Outcome<Meeting>.Conflict($"この会議は既に{meeting.Status.JapaneseName()}です。");
        }
        var today = JapanTime.Today(clock);
        if (meeting.HeldOn > today)
        {
            return Outcome<Meeting>.Conflict($"開催日（{WarekiDate.Format(meeting.HeldOn)}）より前には開催済にできません。");
        }
        meeting.Status = MeetingStatus.Held;
        return await SaveAsync(db, meeting, ct);
    }
}
