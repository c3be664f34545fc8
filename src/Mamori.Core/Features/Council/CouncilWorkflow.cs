using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Council;

/// <summary>A council or subcommittee as entered.</summary>
public sealed record CouncilInput(string? Name, Guid? ParentId, string? Basis, DateOnly? EstablishedOn, int? TermYears, QuorumRule Quorum,
    bool IsPublic, string? Contact, Guid? Version = null);

/// <summary>An appointment as entered. A 補欠 names its predecessor; the end of its term follows from them.</summary>
public sealed record MemberInput(string? Name, string? Affiliation, DateOnly? AppointedOn, DateOnly? TermStart, DateOnly? TermEnd, DateOnly? LeftOn,
    MemberRole Role, Guid? SubstituteForId, string? UserId, Guid? Version = null);

/// <summary>A meeting as entered.</summary>
public sealed record MeetingInput(Guid CouncilId, string? Title, MeetingKind Kind, DateOnly? HeldOn, TimeOnly? StartsAt, TimeOnly? EndsAt,
    string? Place, string? Url, int? Observers, DateOnly? ResponseDeadline, Guid? Version = null);

/// <summary>The 開催通知's own fields.</summary>
public sealed record NoticeInput(string? NoticeNumber, DateOnly? NoticeOn, string? NoticeTo, string? NoticeNote);

/// <summary>An agenda item as entered; an empty number takes the next of the series.</summary>
public sealed record ItemInput(Guid CouncilId, ItemKind Kind, int? Number, string? Title, Guid? DepartmentId, DateOnly? SubmittedOn, string? About,
    Guid? RegisterFileId = null, Guid? ReviewRoundId = null, Guid? Version = null);

/// <summary>What a meeting decided about an item.</summary>
public sealed record OutcomeInput(ItemOutcome? Outcome, string? Note, Guid? ReferredToId);

/// <summary>An 答申 as drafted; an empty number takes the next.</summary>
public sealed record ToshinInput(Guid ItemId, int? Number, DateOnly? AnsweredOn, string? Addressee, string? Text, Guid? Version = null);

/// <summary>A member's written question or opinion.</summary>
public sealed record OpinionInput(Guid ItemId, OpinionKind Kind, string? Location, string? Text);

/// <summary>
/// The council's work: councils and members, meetings with attendance, agenda items and their outcomes,
/// 答申, written questions and answers, minutes and materials. Who may call what is the caller's policy;
/// what the record allows is decided here.
/// </summary>
public static class CouncilWorkflow
{
    private const string CouncilNotFound = "審議会が見つかりません。";
    private const string MeetingNotFound = "会議が見つかりません。";
    private const string ItemNotFound = "議題が見つかりません。";

    // ---- councils and members ---------------------------------------------------------------------

    public static async Task<Outcome<AdvisoryCouncil>> SaveCouncilAsync(AppDbContext db, Guid? id, CouncilInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "名称"))
        {
            errors.MaxLength("Name", input.Name, 100, "名称");
        }
        errors.MaxLength("Basis", input.Basis, 200, "設置根拠");
        errors.MaxLength("Contact", input.Contact, 200, "問合せ先");
        if (input.TermYears is < 1 or > 10)
        {
            errors.Add("TermYears", "任期は1年から10年の間で入力してください。");
        }
        var name = input.Name?.Trim();
        if (name is not null && await db.Councils.AnyAsync(c => c.Name == name && c.Id != id, ct))
        {
            errors.Add("Name", $"「{name}」は既に登録されています。");
        }
        if (input.ParentId is { } parentId)
        {
            var parent = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, ct);
            if (parent is null || parent.ParentId is not null || parentId == id)
            {
                errors.Add("ParentId", "親となる審議会を選び直してください（小委員会の下に小委員会は作れません）。");
            }
        }
        AdvisoryCouncil? council = null;
        if (id is { } existing)
        {
            council = await db.Councils.FirstOrDefaultAsync(c => c.Id == existing, ct);
            if (council is null)
            {
                return Outcome<AdvisoryCouncil>.Fail("", CouncilNotFound);
            }
            if (input.ParentId != council.ParentId)
            {
                errors.Add("ParentId", "審議会と小委員会の関係は作成後に変更できません。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<AdvisoryCouncil>();
        }
        if (council is null)
        {
            council = new AdvisoryCouncil { Name = name!, ParentId = input.ParentId };
            db.Councils.Add(council);
        }
        else if (input.Version is { } version)
        {
            db.Entry(council).Property(c => c.Version).OriginalValue = version;
        }
        council.Name = name!;
        council.Basis = Optional(input.Basis);
        council.EstablishedOn = input.EstablishedOn;
        council.TermYears = input.TermYears ?? 2;
        council.Quorum = input.Quorum;
        council.IsPublic = input.IsPublic;
        council.Contact = Optional(input.Contact);
        return await SaveAsync(db, council, ct);
    }

    /// <summary>Saves, turning a concurrent edit into a message that says what to do.</summary>
    private static Task<Outcome<T>> SaveAsync<T>(AppDbContext db, T value, CancellationToken ct) => OptimisticSave.SaveAsync(db, value, ct);

    public static async Task<Outcome<CouncilMember>> SaveMemberAsync(AppDbContext db, Guid councilId, Guid? id, MemberInput input, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null)
        {
            return Outcome<CouncilMember>.Fail("", CouncilNotFound);
        }
        CouncilMember? member = null;
        if (id is { } existing)
        {
            member = await db.CouncilMembers.FirstOrDefaultAsync(m => m.Id == existing && m.CouncilId == councilId, ct);
            if (member is null)
            {
                return Outcome<CouncilMember>.Fail("", "委員が見つかりません。");
            }
        }
        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "氏名"))
        {
            errors.MaxLength("Name", input.Name, 100, "氏名");
        }
        errors.MaxLength("Affiliation", input.Affiliation, 200, "所属・推薦団体");
        var start = input.TermStart;
        var end = input.TermEnd;
        if (input.SubstituteForId is { } predecessorId)
        {
            var predecessor = await db.CouncilMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == predecessorId && m.CouncilId == councilId, ct);
            if (predecessor is null || predecessorId == id)
            {
                errors.Add("SubstituteForId", "前任の委員を選び直してください。");
            }
            else if (predecessor.LeftOn is null)
            {
                errors.Add("SubstituteForId", $"{predecessor.Name}委員の退任日が登録されていません。先に退任日を入力してください。");
            }
            else
            {
                // 補欠委員の任期は前任者の残任期間.
                start ??= predecessor.LeftOn.Value.AddDays(1);
                if (end is { } given && given != predecessor.TermEnd)
                {
                    errors.Add("TermEnd", $"補欠委員の任期は前任者の残任期間です。任期の終わりは{WarekiDate.Format(predecessor.TermEnd)}になります。");
                }
                end = predecessor.TermEnd;
                if (start <= predecessor.LeftOn)
                {
                    errors.Add("TermStart", $"補欠委員の任期は前任者の退任日（{WarekiDate.Format(predecessor.LeftOn.Value)}）の翌日以降から始めてください。");
                }
            }
        }
        if (start is null)
        {
            errors.Add("TermStart", "任期の始まりを入力してください。");
        }
        else
        {
            end ??= start.Value.AddYears(council.TermYears).AddDays(-1);
            if (end < start)
            {
                errors.Add("TermEnd", "任期の終わりは始まりより後の日にしてください。");
            }
            if (input.LeftOn is { } left && (left < start || left > end))
            {
                errors.Add("LeftOn", "退任日は任期の間の日にしてください。");
            }
        }
        var userId = Optional(input.UserId);
        if (userId is not null && !await db.Users.AnyAsync(u => u.Id == userId && u.MunicipalityId == db.Tenant.MunicipalityId && u.Role == UserRole.Member, ct))
        {
            errors.Add("UserId", "連携するアカウントは、この団体の「委員」ロールのアカウントから選んでください。");
        }
        if (input.Role is MemberRole.Chair or MemberRole.ViceChair or MemberRole.CommitteeChair && start is { } s && end is { } e)
        {
            var lastDay = input.LeftOn is { } l && l < e ? l : e;
            var others = await db.CouncilMembers.AsNoTracking()
                .Where(m => m.CouncilId == councilId && m.Role == input.Role && m.Id != id && m.TermStart <= lastDay && m.TermEnd >= s)
                .ToListAsync(ct);
            var clash = others.FirstOrDefault(m => m.LastDay >= s);
            if (clash is not null)
            {
                errors.Add("Role", $"同じ期間の{input.Role.JapaneseName()}は{clash.Name}委員です。先に{clash.Name}委員の役職か退任日を変更してください。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<CouncilMember>();
        }
        if (member is null)
        {
            member = new CouncilMember { Name = input.Name!.Trim(), CouncilId = councilId };
            db.CouncilMembers.Add(member);
        }
        else if (input.Version is { } version)
        {
            db.Entry(member).Property(m => m.Version).OriginalValue = version;
        }
        member.Name = input.Name!.Trim();
        member.Affiliation = Optional(input.Affiliation);
        member.TermStart = start!.Value;
        member.TermEnd = end!.Value;
        member.AppointedOn = input.AppointedOn ?? start.Value;
        member.LeftOn = input.LeftOn;
        member.Role = input.Role;
        member.SubstituteForId = input.SubstituteForId;
        member.UserId = userId;
        return await SaveAsync(db, member, ct);
    }

    /// <summary>再任: a new appointment for the term that follows, with the same name, affiliation, role and account.</summary>
    public static async Task<Outcome<CouncilMember>> ReappointAsync(AppDbContext db, Guid memberId, DateOnly? appointedOn, CancellationToken ct)
    {
        var previous = await db.CouncilMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (previous is null)
        {
            return Outcome<CouncilMember>.Fail("", "委員が見つかりません。");
        }
        if (previous.LeftOn is { } left && left < previous.TermEnd)
        {
            return Outcome<CouncilMember>.Fail("", $"{previous.Name}委員は任期の途中で退任しています。再任ではなく新しい委嘱として登録してください。");
        }
        if (await db.CouncilMembers.AnyAsync(m => m.ReappointedFromId == memberId, ct))
        {
            return Outcome<CouncilMember>.Fail("", $"{previous.Name}委員は既に次の任期に再任されています。");
        }
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == previous.CouncilId, ct);
        var start = previous.TermEnd.AddDays(1);
        var outcome = await SaveMemberAsync(db, previous.CouncilId, null, new MemberInput(previous.Name, previous.Affiliation, appointedOn ?? start, start,
            start.AddYears(council.TermYears).AddDays(-1), null, previous.Role, null, previous.UserId), ct);
        if (outcome.Ok)
        {
            outcome.Value!.ReappointedFromId = previous.Id;
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }

    // ---- meetings -----------------------------------------------------------------------------------

    public static async Task<Outcome<Meeting>> SaveMeetingAsync(AppDbContext db, Guid? id, MeetingInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (!await db.Councils.AnyAsync(c => c.Id == input.CouncilId, ct))
        {
            return Outcome<Meeting>.Fail("", CouncilNotFound);
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
                return Outcome<Meeting>.Fail("", MeetingNotFound);
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
            return Outcome<Meeting>.Fail("", MeetingNotFound);
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
            return Outcome<Meeting>.Fail("", MeetingNotFound);
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
            return Outcome<Meeting>.Fail("", MeetingNotFound);
        }
        if (meeting.Status != MeetingStatus.Planned)
        {
            return Outcome<Meeting>.Fail("", $"この会議は既に{meeting.Status.JapaneseName()}です。");
        }
        var today = JapanTime.Today(clock);
        if (meeting.HeldOn > today)
        {
            return Outcome<Meeting>.Fail("", $"開催日（{WarekiDate.Format(meeting.HeldOn)}）より前には開催済にできません。");
        }
        meeting.Status = MeetingStatus.Held;
        return await SaveAsync(db, meeting, ct);
    }

    // ---- agenda items -------------------------------------------------------------------------------

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
                return Outcome<AgendaItem>.Fail("", ItemNotFound);
            }
            if (item.Kind != input.Kind || (input.Number is not null && input.Number != item.Number))
            {
                errors.Add("Number", $"{item.Label()}の種別と番号は変更できません。誤りなら取下げにして、正しい番号で登録し直してください。");
            }
        }
        else if (input.Number is { } number && input.Kind != ItemKind.Other)
        {
            await CheckNumberAsync(db, input.Kind, number, errors, ct);
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
        if (!isNew || input.Kind == ItemKind.Other)
        {
            return await SaveAsync(db, item, ct);
        }
        return await SaveNumberedAsync(db, item, input.Number, n => item.Number = n, () => NextNumberAsync(db, input.Kind, ct),
            CouncilNames.Label(input.Kind, input.Number), ct);
    }

    private static async Task CheckNumberAsync(AppDbContext db, ItemKind kind, int number, FieldErrors errors, CancellationToken ct)
    {
        var taken = await db.AgendaItems.IgnoreQueryFilters([AppDbContext.CouncilFilter]).Where(i => i.Kind == kind && i.Number == number)
            .Select(i => i.Title).FirstOrDefaultAsync(ct);
        var next = await NextNumberAsync(db, kind, ct);
        if (taken is not null)
        {
            errors.Add("Number", $"{CouncilNames.Label(kind, number)}は既に使われています（「{taken}」）。次の番号は{CouncilNames.Label(kind, next)}です。");
        }
        else if (next > 1 && number != next)
        {
            errors.Add("Number", $"番号を飛ばしたり戻したりはできません。次の番号は{CouncilNames.Label(kind, next)}です。");
        }
    }

    /// <summary>
    /// Saves a new numbered record. A number chosen by the user that another save took meanwhile is refused;
    /// a number taken automatically is taken again, so concurrent saves get consecutive numbers.
    /// </summary>
    private static async Task<Outcome<T>> SaveNumberedAsync<T>(AppDbContext db, T entity, int? chosen, Action<int> setNumber, Func<Task<int>> next,
        string chosenLabel, CancellationToken ct) where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            setNumber(chosen ?? await next());
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<T>.Success(entity);
            }
            catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
            {
                if (chosen is not null)
                {
                    db.Entry(entity).State = EntityState.Detached;
                    return Outcome<T>.Fail("Number", $"{chosenLabel}は、たった今ほかの人が登録しました。番号を空欄にするか次の番号で登録してください。");
                }
                if (attempt >= 10)
                {
                    throw;
                }
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), ct);
            }
        }
    }

    /// <summary>Puts an item on a meeting's agenda (議事), after those already there.</summary>
    public static async Task<Outcome<MeetingItem>> PlaceItemAsync(AppDbContext db, Guid meetingId, Guid itemId, string? label, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (meeting is null || item is null)
        {
            return Outcome<MeetingItem>.Fail("", meeting is null ? MeetingNotFound : ItemNotFound);
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
            return Outcome<MeetingItem>.Fail("", ItemNotFound);
        }
        if (placement.Outcome is not null || await db.WrittenOpinions.AnyAsync(o => o.MeetingId == meetingId && o.ItemId == itemId, ct))
        {
            return Outcome<MeetingItem>.Fail("", "審議結果または質問・意見のある議題は外せません。");
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
            return Outcome<MeetingItem>.Fail("", ItemNotFound);
        }
        var meeting = await db.Meetings.AsNoTracking().FirstAsync(m => m.Id == meetingId, ct);
        var item = await db.AgendaItems.AsNoTracking().FirstAsync(i => i.Id == itemId, ct);
        if (meeting.Status == MeetingStatus.Planned)
        {
            return Outcome<MeetingItem>.Fail("", "会議を「開催済」にしてから審議結果を記録してください。");
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

    // ---- 答申 ---------------------------------------------------------------------------------------

    public static async Task<int> NextToshinNumberAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Toshins.IgnoreQueryFilters([AppDbContext.CouncilFilter]).MaxAsync(t => (int?)t.Number, ct) ?? 0) + 1;

    public static async Task<Outcome<Toshin>> SaveToshinAsync(AppDbContext db, Guid? id, ToshinInput input, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == input.ItemId, ct);
        if (item is null)
        {
            return Outcome<Toshin>.Fail("", ItemNotFound);
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
                return Outcome<Toshin>.Fail("", "答申が見つかりません。");
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
                else if (next > 1 && number != next)
                {
                    errors.Add("Number", $"番号を飛ばしたり戻したりはできません。次の番号は{CouncilNames.ToshinLabel(next)}です。");
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
        return isNew
            ? await SaveNumberedAsync(db, toshin, input.Number, n => toshin.Number = n, () => NextToshinNumberAsync(db, ct),
                CouncilNames.ToshinLabel(input.Number ?? 0), ct)
            : await SaveAsync(db, toshin, ct);
    }

    // ---- written questions and opinions -------------------------------------------------------------

    /// <summary>The acting account's appointment on the meeting's council on the meeting date.</summary>
    public static async Task<CouncilMember?> OwnMemberAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        var userId = db.Tenant.UserId;
        if (userId is null)
        {
            return null;
        }
        var rows = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == meeting.CouncilId && m.UserId == userId).ToListAsync(ct);
        return rows.FirstOrDefault(m => m.InOfficeOn(meeting.HeldOn));
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
            return Outcome<WrittenOpinion>.Fail("", error);
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
            return Outcome<Meeting>.Fail("", error);
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
            return Outcome<WrittenOpinion>.Fail("", "質問・意見が見つかりません。");
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
            return Outcome<Meeting>.Fail("", MeetingNotFound);
        }
        if (publish)
        {
            var unanswered = await db.WrittenOpinions.CountAsync(o => o.MeetingId == meetingId && o.Answer == null, ct);
            if (unanswered > 0)
            {
                return Outcome<Meeting>.Fail("", $"回答していない質問・意見が{unanswered}件あります。すべてに回答してから公開してください。");
            }
        }
        meeting.QaPublished = publish;
        return await SaveAsync(db, meeting, ct);
    }

    // ---- minutes ------------------------------------------------------------------------------------

    /// <summary>Replaces a meeting's minutes with the turns given, while the minutes are not yet confirmed.</summary>
    public static async Task<Outcome<Meeting>> SaveMinutesAsync(AppDbContext db, Guid meetingId, IReadOnlyList<MinutesText.Turn> turns, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.Fail("", MeetingNotFound);
        }
        if (meeting.Status == MeetingStatus.MinutesConfirmed)
        {
            return Outcome<Meeting>.Fail("", "確定した会議録は変更できません。");
        }
        if (turns.FirstOrDefault(t => t.Text.Length > 20000 || t.Speaker.Length > 100) is { } tooLong)
        {
            return Outcome<Meeting>.Fail("Text", $"「{tooLong.Speaker}」の発言が長すぎます（1発言20000文字まで）。発言を分けてください。");
        }
        db.MinutesTurns.RemoveRange(await db.MinutesTurns.Where(t => t.MeetingId == meetingId).ToListAsync(ct));
        var seq = 0;
        foreach (var turn in turns)
        {
            db.MinutesTurns.Add(new MinutesTurn
            {
                MeetingId = meetingId,
                CouncilId = meeting.CouncilId,
                Seq = ++seq,
                Speaker = turn.Speaker,
                Text = turn.Text,
                IsNote = turn.IsNote,
                Role = turn.IsNote ? null : Minutes.MinutesParser.RoleOf(turn.Speaker),
                Group = turn.IsNote ? Minutes.SpeakerGroup.Unknown
                    : Minutes.MinutesParser.GroupOf(turn.Speaker, Minutes.MinutesParser.RoleOf(turn.Speaker), (meeting.SecretariatText ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal)),
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
            return Outcome<Meeting>.Fail("", MeetingNotFound);
        }
        if (meeting.Status != MeetingStatus.Held)
        {
            return Outcome<Meeting>.Fail("", meeting.Status == MeetingStatus.Planned ? "開催前の会議の会議録は確定できません。" : "会議録は既に確定しています。");
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
            return Outcome<Meeting>.Fail("", MeetingNotFound);
        }
        if (publish && meeting.Status != MeetingStatus.MinutesConfirmed)
        {
            return Outcome<Meeting>.Fail("", "確定した会議録だけを公開できます。");
        }
        meeting.MinutesPublished = publish;
        return await SaveAsync(db, meeting, ct);
    }

    // ---- materials ----------------------------------------------------------------------------------

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
                return Outcome<Material>.Fail("", MeetingNotFound);
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
                return Outcome<Material>.Fail("", ItemNotFound);
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
            return Outcome<Material>.Fail(upload.Errors);
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
            return Outcome<Material>.Fail("", "資料が見つかりません。");
        }
        db.Materials.Remove(material);
        if (await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == material.FileId, ct) is { } file)
        {
            db.StoredFiles.Remove(file);
        }
        return await SaveAsync(db, material, ct);
    }
}
