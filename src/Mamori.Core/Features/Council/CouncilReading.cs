using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Council;

/// <summary>An item as it stands on one meeting's agenda.</summary>
public sealed record AgendaLine(MeetingItem Placement, AgendaItem Item, string? DepartmentName);

/// <summary>A written question or opinion with who sent it.</summary>
public sealed record OpinionLine(WrittenOpinion Opinion, string MemberName, string ItemLabel, string ItemTitle);

/// <summary>Everything a meeting page, its notice and its Q&amp;A table show.</summary>
public sealed record MeetingView(
    Meeting Meeting,
    AdvisoryCouncil Council,
    AdvisoryCouncil? Parent,
    IReadOnlyList<CouncilMember> InOffice,
    IReadOnlyDictionary<Guid, AttendanceStatus> Attendance,
    QuorumResult Quorum,
    IReadOnlyList<AgendaLine> Agenda,
    IReadOnlyList<OpinionLine> Opinions,
    IReadOnlyList<Material> Materials,
    IReadOnlyList<MinutesTurn> Minutes,
    IReadOnlyList<AdvisoryCouncil> Subcommittees)
{
    /// <summary>Members in office who have not answered a written meeting yet (督促の対象).</summary>
    public IReadOnlyList<CouncilMember> NotResponded =>
        InOffice.Where(m => !Attendance.TryGetValue(m.Id, out var s) || s != AttendanceStatus.Written).ToList();

    /// <summary>The chair in office on the meeting date (会長, or 委員長 of a subcommittee).</summary>
    public CouncilMember? Chair => InOffice.FirstOrDefault(m => m.Role is MemberRole.Chair or MemberRole.CommitteeChair);
}

/// <summary>An item with its history, 答申 and materials.</summary>
public sealed record ItemView(
    AgendaItem Item,
    AdvisoryCouncil Council,
    string? DepartmentName,
    IReadOnlyList<CouncilWorkflow.HistoryEntry> History,
    IReadOnlyDictionary<Guid, string> CouncilNameById,
    Toshin? Toshin,
    IReadOnlyList<Material> Materials,
    string? RegisterFileName,
    string? ReviewRoundTitle)
{
    public ItemOutcome? LastOutcome => History.LastOrDefault(h => h.Outcome is not null)?.Outcome;

    public string StatusName => global::Mamori.Core.Features.Council.CouncilNames.StatusName(History.Count > 0, LastOutcome);
}

/// <summary>Read models of the council module. Scoping (municipality, a 委員's own councils) comes from the query filters.</summary>
public static class CouncilReading
{
    public static async Task<MeetingView?> MeetingAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return null;
        }
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == meeting.CouncilId, ct);
        var parent = council.ParentId is { } pid ? await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid, ct) : null;
        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == meeting.CouncilId).ToListAsync(ct);
        var inOffice = members.Where(m => m.InOfficeOn(meeting.HeldOn)).OrderBy(m => RoleOrder(m.Role)).ThenBy(m => m.GojuonKey, StringComparer.Ordinal).ToList();
        var attendance = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == id).ToDictionaryAsync(a => a.MemberId, a => a.Status, ct);
        var agenda = await (from p in db.MeetingItems.AsNoTracking()
                            join i in db.AgendaItems.AsNoTracking() on p.ItemId equals i.Id
                            join d in db.Departments.AsNoTracking() on i.DepartmentId equals d.Id into ds
                            from d in ds.DefaultIfEmpty()
                            where p.MeetingId == id
                            orderby p.Order
                            select new AgendaLine(p, i, d == null ? null : d.Name)).ToListAsync(ct);
        var opinions = await (from o in db.WrittenOpinions.AsNoTracking()
                              join m in db.CouncilMembers.AsNoTracking() on o.MemberId equals m.Id
                              join i in db.AgendaItems.AsNoTracking() on o.ItemId equals i.Id
                              where o.MeetingId == id
                              select new { o, m.Name, i }).ToListAsync(ct);
        var order = agenda.Select((a, n) => (a.Item.Id, n)).ToDictionary(x => x.Id, x => x.n);
        var lines = opinions.OrderBy(x => order.GetValueOrDefault(x.i.Id)).ThenBy(x => x.o.SubmittedAt)
            .Select(x => new OpinionLine(x.o, x.Name, x.i.Label(), x.i.Title)).ToList();
        var itemIds = agenda.Select(a => a.Item.Id).ToList();
        var materials = await db.Materials.AsNoTracking().Where(m => m.MeetingId == id || (m.MeetingId == null && m.ItemId != null && itemIds.Contains(m.ItemId.Value)))
            .OrderBy(m => m.UploadedAt).ToListAsync(ct);
        var minutes = await db.MinutesTurns.AsNoTracking().Where(t => t.MeetingId == id).OrderBy(t => t.Seq).ToListAsync(ct);
        var subcommittees = await db.Councils.AsNoTracking().Where(c => c.ParentId == (council.ParentId ?? council.Id)).OrderBy(c => c.Name).ToListAsync(ct);
        var quorum = Quorum.Evaluate(council.Quorum, meeting.Kind, meeting.HeldOn, members, attendance);
        return new MeetingView(meeting, council, parent, inOffice, attendance, quorum, agenda, lines, materials, minutes, subcommittees);
    }

    public static async Task<ItemView?> ItemAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return null;
        }
        var council = await db.Councils.AsNoTracking().FirstAsync(c => c.Id == item.CouncilId, ct);
        var department = item.DepartmentId is { } did
            ? await db.Departments.AsNoTracking().Where(d => d.Id == did).Select(d => d.Name).FirstOrDefaultAsync(ct)
            : null;
        var history = await CouncilWorkflow.HistoryAsync(db, id, ct);
        var names = await db.Councils.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var toshin = await db.Toshins.AsNoTracking().FirstOrDefaultAsync(t => t.ItemId == id, ct);
        var materials = await db.Materials.AsNoTracking().Where(m => m.ItemId == id).OrderBy(m => m.UploadedAt).ToListAsync(ct);
        var file = item.RegisterFileId is { } fid
            ? await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Where(f => f.Id == fid).Select(f => f.Name).FirstOrDefaultAsync(ct)
            : null;
        var round = item.ReviewRoundId is { } rid
            ? await db.ReviewRounds.AsNoTracking().Where(r => r.Id == rid).Select(r => r.Title).FirstOrDefaultAsync(ct)
            : null;
        return new ItemView(item, council, department, history, names, toshin, materials, file, round);
    }

    /// <summary>An item in a list, with its derived status.</summary>
    public sealed record ItemRow(AgendaItem Item, string CouncilName, string? DepartmentName, int Meetings, ItemOutcome? LastOutcome, DateOnly? LastMeetingOn,
        int? ToshinNumber)
    {
        public string StatusName => global::Mamori.Core.Features.Council.CouncilNames.StatusName(Meetings > 0, LastOutcome);
    }

    public static async Task<List<ItemRow>> ItemsAsync(AppDbContext db, Guid? councilId, CancellationToken ct)
    {
        var items = await db.AgendaItems.AsNoTracking().Where(i => councilId == null || i.CouncilId == councilId).ToListAsync(ct);
        var ids = items.Select(i => i.Id).ToList();
        var history = await (from p in db.MeetingItems.AsNoTracking()
                             join m in db.Meetings.AsNoTracking() on p.MeetingId equals m.Id
                             where ids.Contains(p.ItemId)
                             select new { p.ItemId, p.Outcome, m.HeldOn, m.StartsAt, m.Title }).ToListAsync(ct);
        var councils = await db.Councils.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var toshin = await db.Toshins.AsNoTracking().Where(t => ids.Contains(t.ItemId)).ToDictionaryAsync(t => t.ItemId, t => t.Number, ct);
        return items.Select(i =>
            {
                var h = history.Where(x => x.ItemId == i.Id).OrderBy(x => x.HeldOn).ThenBy(x => x.StartsAt).ThenBy(x => x.Title).ToList();
                return new ItemRow(i, councils.GetValueOrDefault(i.CouncilId, ""), i.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, h.Count,
                    h.LastOrDefault(x => x.Outcome is not null)?.Outcome, h.Count == 0 ? null : h[^1].HeldOn,
                    toshin.TryGetValue(i.Id, out var n) ? n : null);
            })
            .OrderBy(r => r.Item.Kind).ThenByDescending(r => r.Item.Number).ThenByDescending(r => r.Item.SubmittedOn).ToList();
    }

    public static int RoleOrder(MemberRole role) => role switch
    {
        MemberRole.Chair => 0,
        MemberRole.CommitteeChair => 0,
        MemberRole.ViceChair => 1,
        _ => 2,
    };
}
