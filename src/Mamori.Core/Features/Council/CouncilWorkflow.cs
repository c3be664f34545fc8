using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Council;

/// <summary>A council or subcommittee as entered.</summary>
public sealed record CouncilInput
{
    public string? Name { get; init; }
    public Guid? ParentId { get; init; }
    public string? Basis { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public int? TermYears { get; init; }
    public QuorumRule Quorum { get; init; }
    public bool IsPublic { get; init; }
    public string? Contact { get; init; }
    public string? NoticeSender { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>An appointment as entered. A 補欠 names its predecessor; the end of its term follows from them.</summary>
public sealed record MemberInput
{
    public string? Name { get; init; }
    public string? NameKana { get; init; }

    /// <summary>小委員会: the council member the chair nominated (their name, reading, affiliation and account are taken over).</summary>
    public Guid? NominatedFromId { get; init; }
    public string? Affiliation { get; init; }
    public DateOnly? AppointedOn { get; init; }
    public DateOnly? TermStart { get; init; }
    public DateOnly? TermEnd { get; init; }
    public DateOnly? LeftOn { get; init; }
    public MemberRole Role { get; init; }
    public Guid? SubstituteForId { get; init; }
    public string? UserId { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>A meeting as entered.</summary>
public sealed record MeetingInput
{
    public Guid CouncilId { get; init; }
    public string? Title { get; init; }
    public MeetingKind Kind { get; init; }
    public DateOnly? HeldOn { get; init; }
    public TimeOnly? StartsAt { get; init; }
    public TimeOnly? EndsAt { get; init; }
    public string? Place { get; init; }
    public string? Url { get; init; }
    public int? Observers { get; init; }
    public DateOnly? ResponseDeadline { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>The 開催通知's own fields.</summary>
public sealed record NoticeInput(string? NoticeNumber, DateOnly? NoticeOn, string? NoticeTo, string? NoticeNote);

/// <summary>An agenda item as entered; an empty number takes the next of the series.</summary>
public sealed record ItemInput
{
    public Guid CouncilId { get; init; }
    public ItemKind Kind { get; init; }
    public int? Number { get; init; }
    public string? Title { get; init; }
    public Guid? DepartmentId { get; init; }
    public DateOnly? SubmittedOn { get; init; }
    public string? About { get; init; }
    public Guid? RegisterFileId { get; init; }
    public Guid? ReviewRoundId { get; init; }

    /// <summary>A 報告 the council takes without a number (many councils number only 諮問).</summary>
    public bool Unnumbered { get; init; }

    /// <summary>
    /// Why the numbers before this one are skipped (used outside Mamori: 書面で処理した諮問, 別の会議体): a number past
    /// the next one is accepted with a reason, and the reason is kept with the item.
    /// </summary>
    public string? SkipReason { get; init; }

    public Guid? Version { get; init; }
}

/// <summary>What a meeting decided about an item.</summary>
public sealed record OutcomeInput(ItemOutcome? Outcome, string? Note, Guid? ReferredToId);

/// <summary>An 答申 as drafted; an empty number takes the next.</summary>
public sealed record ToshinInput(Guid ItemId, int? Number, DateOnly? AnsweredOn, string? Addressee, string? Text, Guid? Version = null, string? SkipReason = null);

/// <summary>A member's written question or opinion.</summary>
public sealed record OpinionInput(Guid ItemId, OpinionKind Kind, string? Location, string? Text);

/// <summary>
/// The council's work: councils and members, meetings with attendance, agenda items and their outcomes,
/// 答申, written questions and answers, minutes and materials. Who may call what is the caller's policy;
/// what the record allows is decided here.
/// </summary>
public static partial class CouncilWorkflow
{
    private const string CouncilNotFound = "審議会が見つかりません。";
    public const string MeetingNotFound = "会議が見つかりません。";
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
        errors.MaxLength("NoticeSender", input.NoticeSender, 100, "開催通知の発信者");
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
                return Outcome<AdvisoryCouncil>.NotFound(CouncilNotFound);
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
        council.NoticeSender = Optional(input.NoticeSender);
        return await SaveAsync(db, council, ct);
    }

    /// <summary>Saves, turning a concurrent edit into a message that says what to do.</summary>
    private static Task<Outcome<T>> SaveAsync<T>(AppDbContext db, T value, CancellationToken ct) => OptimisticSave.SaveAsync(db, value, ct);

    public static async Task<Outcome<CouncilMember>> SaveMemberAsync(AppDbContext db, Guid councilId, Guid? id, MemberInput input, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == councilId, ct);
        if (council is null)
        {
            return Outcome<CouncilMember>.NotFound(CouncilNotFound);
        }
        CouncilMember? member = null;
        if (id is { } existing)
        {
            member = await db.CouncilMembers.FirstOrDefaultAsync(m => m.Id == existing && m.CouncilId == councilId, ct);
            if (member is null)
            {
                return Outcome<CouncilMember>.NotFound("委員が見つかりません。");
            }
        }
        var errors = new FieldErrors();
        if (input.NominatedFromId is { } nominatedFrom)
        {
            // 小委員会の委員は会長が審議会の委員から指名する: the nominee must sit on the council on the day of the
            // appointment (which may be a past day being recorded now), not on the day it is entered.
            var parent = council.ParentId is { } parentId
                ? await db.CouncilMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == nominatedFrom && m.CouncilId == parentId, ct)
                : null;
            var day = input.AppointedOn ?? input.TermStart;
            if (parent is null)
            {
                errors.Add("NominatedFromId", "指名する委員を、親の審議会の委員から選んでください。");
            }
            else if (day is { } d && !parent.InOfficeOn(d))
            {
                errors.Add("NominatedFromId", $"{parent.Name}委員は、委嘱日（{Japanese.WarekiDate.Format(d)}）に審議会の委員ではありません（任期 {Japanese.WarekiDate.Format(parent.TermStart)}～{Japanese.WarekiDate.Format(parent.LastDay)}）。委嘱日を確かめてください。");
            }
            else
            {
                input = input with
                {
                    Name = parent.Name,
                    NameKana = input.NameKana ?? parent.NameKana,
                    Affiliation = input.Affiliation ?? parent.Affiliation,
                    UserId = input.UserId ?? parent.UserId,
                    TermEnd = input.TermEnd ?? parent.LastDay,
                };
            }
        }
        if (errors.Required("Name", input.Name, "氏名"))
        {
            errors.MaxLength("Name", input.Name, 100, "氏名");
        }
        errors.MaxLength("Affiliation", input.Affiliation, 200, "所属・推薦団体");
        if (Optional(input.NameKana) is { } kana && (kana.Length > 100 || !GojuonOrder.IsKana(kana)))
        {
            errors.Add("NameKana", "ふりがなは、ひらがなかカタカナで100文字以内で入力してください（例：やまだ たろう）。");
        }
        var (start, end) = await TermAsync(db, councilId, id, input, council.TermYears, errors, ct);
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
        member.NameKana = Optional(input.NameKana);
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

    /// <summary>
    /// The term as given; a 補欠 serves the rest of the predecessor's term (from the day after they left); without an
    /// end, the council's term length from the start.
    /// </summary>
    private static async Task<(DateOnly? Start, DateOnly? End)> TermAsync(AppDbContext db, Guid councilId, Guid? id, MemberInput input, int termYears,
        FieldErrors errors, CancellationToken ct)
    {
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
            end ??= start.Value.AddYears(termYears).AddDays(-1);
            if (end < start)
            {
                errors.Add("TermEnd", "任期の終わりは始まりより後の日にしてください。");
            }
            if (input.LeftOn is { } left && (left < start || left > end))
            {
                errors.Add("LeftOn", "退任日は任期の間の日にしてください。");
            }
        }
        return (start, end);
    }

    /// <summary>再任: a new appointment for the term that follows, with the same name, affiliation, role and account.</summary>
    public static async Task<Outcome<CouncilMember>> ReappointAsync(AppDbContext db, Guid memberId, DateOnly? appointedOn, CancellationToken ct)
    {
        var previous = await db.CouncilMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId, ct);
        if (previous is null)
        {
            return Outcome<CouncilMember>.NotFound("委員が見つかりません。");
        }
        if (previous.LeftOn is { } left && left < previous.TermEnd)
        {
            return Outcome<CouncilMember>.Conflict($"{previous.Name}委員は任期の途中で退任しています。再任ではなく新しい委嘱として登録してください。");
        }
        if (await db.CouncilMembers.AnyAsync(m => m.ReappointedFromId == memberId, ct))
        {
            return Outcome<CouncilMember>.Conflict($"{previous.Name}委員は既に次の任期に再任されています。");
        }
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == previous.CouncilId, ct);
        var start = previous.TermEnd.AddDays(1);
        var outcome = await SaveMemberAsync(db, previous.CouncilId, null, new MemberInput
        {
            Name = previous.Name,
            NameKana = previous.NameKana,
            Affiliation = previous.Affiliation,
            AppointedOn = appointedOn ?? start,
            TermStart = start,
            TermEnd = start.AddYears(council.TermYears).AddDays(-1),
            Role = previous.Role,
            UserId = previous.UserId,
        }, ct);
        if (outcome.Ok)
        {
            outcome.Value!.ReappointedFromId = previous.Id;
            await db.SaveChangesAsync(ct);
        }
        return outcome;
    }
}
