using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Minutes;

/// <summary>What an import stored.</summary>
public sealed record ImportedMinutes(Guid MeetingId, Guid CouncilId, int Utterances, int Notes, bool NewCouncil, bool NewMeeting);

/// <summary>
/// Stores parsed minutes into the council module: the council by its name (created when the
/// municipality does not have it yet), the meeting by council and date (created, or filled when it was
/// planned in Mamori and has no minutes yet), numbered 諮問・報告 by their number (created for past
/// numbers), and every turn. One save: either all of it is stored or nothing is.
/// </summary>
public static class MinutesImport
{
    public static async Task<Outcome<ImportedMinutes>> RunAsync(AppDbContext db, Guid municipalityId, ParsedMinutes minutes, string fileName, CancellationToken ct,
        Guid? councilId = null)
    {
        if (CheckLengths(minutes, fileName, councilId) is { Any: true } errors)
        {
            return errors.Fail<ImportedMinutes>();
        }
        var council = councilId is { } chosen
            ? await db.Councils.FirstOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.Id == chosen, ct)
            : await db.Councils.FirstOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.Name == minutes.CouncilName, ct);
        if (councilId is not null && council is null)
        {
            return Outcome<ImportedMinutes>.Fail("CouncilId", "取込み先の審議会が見つかりません。一覧から選び直してください。");
        }
        var newCouncil = council is null;
        council ??= db.Councils.Add(new AdvisoryCouncil { MunicipalityId = municipalityId, Name = minutes.CouncilName, IsPublic = false }).Entity;

        var meeting = newCouncil ? null : await db.Meetings.FirstOrDefaultAsync(m => m.CouncilId == council.Id && m.HeldOn == minutes.HeldOn, ct);
        if (meeting is not null && await db.MinutesTurns.AnyAsync(t => t.MeetingId == meeting.Id, ct))
        {
            return Outcome<ImportedMinutes>.Fail("File",
                $"{fileName}：{council.Name}の{Japanese.WarekiDate.Format(minutes.HeldOn)}の会議録はすでにあります（{meeting.Title}）。取り込み直すときは、先にその会議の会議録を削除してください。");
        }
        var newMeeting = meeting is null;
        meeting ??= db.Meetings.Add(new Meeting
        {
            MunicipalityId = municipalityId,
            CouncilId = council.Id,
            Title = Truncate(minutes.MeetingTitle, 100),
            HeldOn = minutes.HeldOn,
        }).Entity;
        FillMeeting(meeting, minutes, fileName);
        await PlaceAgendaAsync(db, municipalityId, council, meeting, newMeeting, minutes, ct);
        AddTurns(db, municipalityId, council, meeting, minutes);

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ImportedMinutes>.Fail("File", $"{fileName}：同じ会議録か同じ番号の諮問・報告が同時に登録されました。もう一度取り込んでください。");
        }
        return Outcome<ImportedMinutes>.Success(new ImportedMinutes(meeting.Id, council.Id, minutes.Utterances.Count(), minutes.Turns.Count(t => t.IsNote), newCouncil, newMeeting));
    }

    /// <summary>The limits of the columns the minutes go into, named by turn and speaker.</summary>
    private static FieldErrors CheckLengths(ParsedMinutes minutes, string fileName, Guid? councilId)
    {
        var errors = new FieldErrors();
        var councilName = minutes.CouncilName;
        if (councilId is null && councilName.Length > 100)
        {
            errors.Add("File", $"{fileName}：会議の名称が長すぎます（審議会の名称は100文字まで、今は{councilName.Length}文字）。");
        }
        var turnNumber = 0;
        foreach (var turn in minutes.Turns)
        {
            turnNumber++;
            if (turn.Text.Length > 20000)
            {
                errors.Add("File", $"{fileName}：{turnNumber}番目の発言（{turn.Speaker}）が長すぎます（1発言20000文字まで）。発言者の行が抜けていないか確かめてください。");
            }
            if (turn.Speaker.Length > 100)
            {
                errors.Add("File", $"{fileName}：{turnNumber}番目の発言者名「{turn.Speaker[..20]}…」が長すぎます（100文字まで）。");
            }
        }
        return errors;
    }

    /// <summary>The header of the minutes onto the meeting: what was planned in Mamori stays, the lists come from the minutes.</summary>
    private static void FillMeeting(Meeting meeting, ParsedMinutes minutes, string fileName)
    {
        meeting.StartsAt ??= minutes.StartTime;
        meeting.EndsAt ??= minutes.EndTime;
        meeting.Place ??= minutes.Place is null ? null : Truncate(minutes.Place, 200);
        meeting.AttendeesText = Joined(minutes.Attendees);
        meeting.AbsenteesText = Joined(minutes.Absentees);
        meeting.ExplainersText = Joined(minutes.Explainers);
        meeting.SecretariatText = Joined(minutes.Secretariat);
        meeting.ImportedFrom = Truncate(fileName, 260);
        // Minutes of a past meeting come as the record that was approved and published.
        meeting.Status = MeetingStatus.MinutesConfirmed;
        meeting.MinutesConfirmedBy ??= "会議録の取込み";
        meeting.Version = Guid.NewGuid();
    }

    /// <summary>Each numbered 諮問・報告 of the agenda: found by its number (or created for a past number) and placed on the meeting once.</summary>
    private static async Task PlaceAgendaAsync(AppDbContext db, Guid municipalityId, AdvisoryCouncil council, Meeting meeting, bool newMeeting,
        ParsedMinutes minutes, CancellationToken ct)
    {
        var placed = newMeeting ? [] : await db.MeetingItems.Where(x => x.MeetingId == meeting.Id).Select(x => x.ItemId).ToListAsync(ct);
        var order = placed.Count;
        foreach (var entry in minutes.Agenda.Where(a => a.Number is not null))
        {
            var kind = entry.Kind == AgendaKind.Consultation ? ItemKind.Consultation : ItemKind.Report;
            var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.MunicipalityId == municipalityId && i.Kind == kind && i.Number == entry.Number, ct)
                ?? db.AgendaItems.Local.FirstOrDefault(i => i.Kind == kind && i.Number == entry.Number);
            item ??= db.AgendaItems.Add(new AgendaItem
            {
                MunicipalityId = municipalityId,
                CouncilId = council.Id,
                Kind = kind,
                Number = entry.Number,
                Title = Truncate(entry.Title, 300),
                SubmittedOn = minutes.HeldOn,
            }).Entity;
            if (placed.Contains(item.Id))
            {
                continue;
            }
            placed.Add(item.Id);
            db.MeetingItems.Add(new MeetingItem { MunicipalityId = municipalityId, CouncilId = council.Id, MeetingId = meeting.Id, ItemId = item.Id, Order = ++order });
        }
    }

    private static void AddTurns(AppDbContext db, Guid municipalityId, AdvisoryCouncil council, Meeting meeting, ParsedMinutes minutes)
    {
        var seq = 0;
        foreach (var turn in minutes.Turns)
        {
            db.MinutesTurns.Add(new MinutesTurn
            {
                MunicipalityId = municipalityId,
                CouncilId = council.Id,
                MeetingId = meeting.Id,
                Seq = ++seq,
                Speaker = turn.Speaker,
                Role = turn.Role,
                Group = turn.Group,
                Text = turn.Text,
                IsNote = turn.IsNote,
            });
        }
    }

    /// <summary>Removes imported minutes (to import them again); the meeting stays, back to 開催済.</summary>
    public static async Task<Outcome<Meeting>> DeleteAsync(AppDbContext db, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<Meeting>.NotFound("会議が見つかりません。");
        }
        if (meeting.ImportedFrom is null)
        {
            return Outcome<Meeting>.Conflict("取り込んだ会議録ではないため削除できません。");
        }
        db.MinutesTurns.RemoveRange(await db.MinutesTurns.Where(t => t.MeetingId == meetingId).ToListAsync(ct));
        meeting.ImportedFrom = null;
        meeting.Status = MeetingStatus.Held;
        meeting.MinutesConfirmedBy = null;
        meeting.MinutesConfirmedOn = null;
        meeting.MinutesPublished = false;
        meeting.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<Meeting>.Success(meeting);
    }

    private static string? Joined(IReadOnlyList<string> names) => names.Count == 0 ? null : Truncate(string.Join("、", names), 2000);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>Turns as the search index holds them, read from the database.</summary>
public static class MinutesIndexing
{
    /// <summary>The turns of one meeting with its date, council and agenda numbers.</summary>
    public static async Task<List<IndexedTurn>> MeetingAsync(AppDbContext db, Guid meetingId, CancellationToken ct)
    {
        // Most meetings have no minutes: their turns first, and nothing else to read then.
        var turns = await db.MinutesTurns.IgnoreQueryFilters().AsNoTracking().Where(t => t.MeetingId == meetingId).OrderBy(t => t.Seq).ToListAsync(ct);
        var meeting = turns.Count == 0 ? null : await db.Meetings.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return [];
        }
        var keys = await AgendaKeysAsync(db, [meetingId], ct);
        return turns.Select(t => ToIndexed(t, meeting, keys.GetValueOrDefault(meetingId, []))).ToList();
    }

    /// <summary>Every turn of every municipality, meeting by meeting (for <c>minutes reindex</c>).</summary>
    public static async IAsyncEnumerable<IndexedTurn> AllAsync(AppDbContext db, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var meetings = await db.Meetings.IgnoreQueryFilters().AsNoTracking().ToListAsync(ct);
        var keys = await AgendaKeysAsync(db, null, ct);
        foreach (var meeting in meetings)
        {
            var turns = await db.MinutesTurns.IgnoreQueryFilters().AsNoTracking().Where(t => t.MeetingId == meeting.Id).OrderBy(t => t.Seq).ToListAsync(ct);
            foreach (var t in turns)
            {
                yield return ToIndexed(t, meeting, keys.GetValueOrDefault(meeting.Id, []));
            }
        }
    }

    /// <summary>The filter key of an agenda number ("consultation:76").</summary>
    public static string AgendaKey(ItemKind kind, int number) => $"{kind.ToString().ToLowerInvariant()}:{number}";

    private static IndexedTurn ToIndexed(MinutesTurn t, Meeting meeting, List<string> keys) =>
        new(t.Id, t.MeetingId, t.CouncilId, t.MunicipalityId, meeting.HeldOn, t.Seq, t.Speaker, t.Group, keys, t.Text);

    private static async Task<Dictionary<Guid, List<string>>> AgendaKeysAsync(AppDbContext db, Guid[]? meetingIds, CancellationToken ct)
    {
        var query = from mi in db.MeetingItems.IgnoreQueryFilters().AsNoTracking()
                    join i in db.AgendaItems.IgnoreQueryFilters().AsNoTracking() on mi.ItemId equals i.Id
                    where i.Number != null
                    select new { mi.MeetingId, i.Kind, i.Number };
        if (meetingIds is not null)
        {
            query = query.Where(x => meetingIds.Contains(x.MeetingId));
        }
        var rows = await query.ToListAsync(ct);
        return rows.GroupBy(r => r.MeetingId).ToDictionary(g => g.Key, g => g.Select(r => AgendaKey(r.Kind, r.Number!.Value)).ToList());
    }
}
