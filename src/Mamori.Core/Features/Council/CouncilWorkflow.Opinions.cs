using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Council;

/// <summary>Written questions and opinions of members and the office's answers.</summary>
public static partial class CouncilWorkflow
{
    /// <summary>The acting account's appointment on the meeting's council on the meeting date.</summary>
    public static Task<CouncilMember?> OwnMemberAsync(AppDbContext db, Meeting meeting, CancellationToken ct) =>
        OwnMemberAsync(db, meeting.CouncilId, meeting.HeldOn, ct);

    /// <summary>The signed-in user's membership of a council in office on a day (null for anyone else).</summary>
    public static async Task<CouncilMember?> OwnMemberAsync(AppDbContext db, Guid councilId, DateOnly on, CancellationToken ct)
    {
        var userId = db.Tenant.UserId;
        if (userId is null)
        {
            return null;
        }
        var rows = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == councilId && m.UserId == userId).ToListAsync(ct);
        return rows.FirstOrDefault(m => m.InOfficeOn(on));
    }

    /// <summary>Whether members may still send or change written questions and opinions.</summary>
    public static bool AcceptsOpinions(Meeting meeting, TimeProvider clock) =>
        meeting.ResponseDeadline is { } deadline && JapanTime.Today(clock) <= deadline && meeting.Status == MeetingStatus.Planned;

    private static async Task<(Meeting? Meeting, CouncilMember? Member, string? Error)> ForMemberAsync(AppDbContext db, Guid meetingId, TimeProvider clock,
        CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return (null, null, MeetingNotFound);
        }
        var member = await OwnMemberAsync(db, meeting, ct);
        if (member is null)
        {
            return (meeting, null, "このアカウントは、開催日に在任中のこの審議会の委員として登録されていません。事務局に連絡してください。");
        }
        if (!AcceptsOpinions(meeting, clock))
        {
            return (meeting, member, meeting.ResponseDeadline is { } d
                ? $"提出期限（{WarekiDate.Format(d)}）を過ぎたため、質問・意見は提出・変更できません。事務局に連絡してください。"
                : "この会議は書面での質問・意見を受け付けていません。");
        }
        return (meeting, member, null);
    }

    private static Outcome<WrittenOpinion>? CheckOpinion(OpinionInput input)
    {
        var errors = new FieldErrors();
        if (errors.Required("Text", input.Text, "質問・意見の内容"))
        {
            errors.MaxLength("Text", input.Text, 4000, "質問・意見の内容");
        }
        errors.MaxLength("Location", input.Location, 200, "記載箇所");
        return errors.Any ? errors.Fail<WrittenOpinion>() : null;
    }

    /// <summary>A member sends a question or opinion on an item; at a written meeting this is their written response.</summary>
    public static async Task<Outcome<WrittenOpinion>> SubmitOpinionAsync(AppDbContext db, Guid meetingId, OpinionInput input, TimeProvider clock, CancellationToken ct)
    {
        var (meeting, member, error) = await ForMemberAsync(db, meetingId, clock, ct);
        if (error is not null)
        {
            return meeting is null ? Outcome<WrittenOpinion>.NotFound(error) : Outcome<WrittenOpinion>.Fail("", error);
        }
        if (!await db.MeetingItems.AnyAsync(p => p.MeetingId == meetingId && p.ItemId == input.ItemId, ct))
        {
            return Outcome<WrittenOpinion>.Fail("ItemId", "議題を選んでください。");
        }
        if (CheckOpinion(input) is { } invalid)
        {
            return invalid;
        }
        var opinion = new WrittenOpinion
        {
            MeetingId = meetingId,
            CouncilId = meeting!.CouncilId,
            ItemId = input.ItemId,
            MemberId = member!.Id,
            Kind = input.Kind,
            Location = Optional(input.Location),
            Text = input.Text!.Trim(),
            SubmittedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.WrittenOpinions.Add(opinion);
        await MarkRespondedAsync(db, meeting, member, ct);
        return await SaveAsync(db, opinion, ct);
    }

    /// <summary>A member who has nothing to ask still answers a written meeting (意見・質問なし).</summary>
    public static async Task<Outcome<Meeting>> RespondWithoutOpinionAsync(AppDbContext db, Guid meetingId, TimeProvider clock, CancellationToken ct)
    {
        var (meeting, member, error) = await ForMemberAsync(db, meetingId, clock, ct);
        if (error is not null)
        {
            return meeting is null ? Outcome<Meeting>.NotFound(error) : Outcome<Meeting>.Fail("", error);
        }
        await MarkRespondedAsync(db, meeting!, member!, ct);
        return await SaveAsync(db, meeting!, ct);
    }

    private static async Task MarkRespondedAsync(AppDbContext db, Meeting meeting, CouncilMember member, CancellationToken ct)
    {
        if (meeting.Kind != MeetingKind.Written)
        {
            return;
        }
        var row = await db.Attendances.FirstOrDefaultAsync(a => a.MeetingId == meeting.Id && a.MemberId == member.Id, ct);
        if (row is null)
        {
            db.Attendances.Add(new Attendance { MeetingId = meeting.Id, CouncilId = meeting.CouncilId, MemberId = member.Id, Status = AttendanceStatus.Written });
        }
        else
        {
            row.Status = AttendanceStatus.Written;
        }
    }

    /// <summary>A member changes their own question or opinion, before the deadline and before it is answered.</summary>
    public static async Task<Outcome<WrittenOpinion>> UpdateOpinionAsync(AppDbContext db, Guid opinionId, OpinionInput input, TimeProvider clock, CancellationToken ct)
    {
        var (opinion, error) = await OwnOpinionAsync(db, opinionId, clock, ct);
        if (error is not null)
        {
            return Outcome<WrittenOpinion>.Fail("", error);
        }
        if (CheckOpinion(input) is { } invalid)
        {
            return invalid;
        }
        opinion!.Kind = input.Kind;
        opinion.Location = Optional(input.Location);
        opinion.Text = input.Text!.Trim();
        return await SaveAsync(db, opinion, ct);
    }

    public static async Task<Outcome<WrittenOpinion>> DeleteOpinionAsync(AppDbContext db, Guid opinionId, TimeProvider clock, CancellationToken ct)
    {
        var (opinion, error) = await OwnOpinionAsync(db, opinionId, clock, ct);
        if (error is not null)
        {
            return Outcome<WrittenOpinion>.Fail("", error);
        }
        db.WrittenOpinions.Remove(opinion!);
        return await SaveAsync(db, opinion!, ct);
    }

    private static async Task<(WrittenOpinion? Opinion, string? Error)> OwnOpinionAsync(AppDbContext db, Guid opinionId, TimeProvider clock, CancellationToken ct)
    {
        var opinion = await db.WrittenOpinions.FirstOrDefaultAsync(o => o.Id == opinionId, ct);
        if (opinion is null)
        {
            return (null, "質問・意見が見つかりません。");
        }
        var (_, member, error) = await ForMemberAsync(db, opinion.MeetingId, clock, ct);
        if (member is null || member.Id != opinion.MemberId)
        {
            return (null, "自分の質問・意見だけを変更できます。");
        }
        if (error is not null)
        {
            return (null, error);
        }
        return opinion.Answer is not null ? (null, "回答済みの質問・意見は変更できません。") : (opinion, null);
    }

    /// <summary>事務局 answers a question or opinion (区の回答).</summary>
    public static async Task<Outcome<WrittenOpinion>> AnswerOpinionAsync(AppDbContext db, Guid opinionId, string? answer, TimeProvider clock, CancellationToken ct)
    {
        var opinion = await db.WrittenOpinions.FirstOrDefaultAsync(o => o.Id == opinionId, ct);
        if (opinion is null)
        {
            return Outcome<WrittenOpinion>.NotFound("質問・意見が見つかりません。");
        }
        var errors = new FieldErrors();
        if (errors.Required("Answer", answer, "回答"))
        {
            errors.MaxLength("Answer", answer, 4000, "回答");
        }
        if (errors.Any)
        {
            return errors.Fail<WrittenOpinion>();
        }
        opinion.Answer = answer!.Trim();
        opinion.AnsweredAt = clock.GetUtcNow().UtcDateTime;
        opinion.AnsweredBy = db.Tenant.ActorName;
        return await SaveAsync(db, opinion, ct);
    }

    public static async Task<Outcome<Meeting>> PublishQaAsync(AppDbContext db, Guid meetingId, bool publish, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound(MeetingNotFound);
        }
        if (publish)
        {
            var unanswered = await db.WrittenOpinions.CountAsync(o => o.MeetingId == meetingId && o.Answer == null, ct);
            if (unanswered > 0)
            {
                return Outcome<Meeting>.Conflict($"回答していない質問・意見が{unanswered}件あります。すべてに回答してから公開してください。");
            }
        }
        meeting.QaPublished = publish;
        return await SaveAsync(db, meeting, ct);
    }
}
