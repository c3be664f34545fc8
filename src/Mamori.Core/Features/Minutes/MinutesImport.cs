using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Minutes;

/// <summary>What an import stored.</summary>
public sealed record ImportedMinutes(Guid MeetingId, Guid CouncilId, int Utterances, int Notes, bool NewCouncil, bool NewMeeting, IReadOnlyList<string> Decisions);

/// <summary>
/// How to import a file: its name, hash and kind, the council chosen (or a new one confirmed), and the
/// choice for each numbered agenda entry by its index in <see cref="ParsedMinutes.Agenda"/> (an entry without
/// a choice takes <see cref="AgendaPlan.Suggested"/>; a conflict has none and must be chosen).
/// </summary>
public sealed record MinutesImportRequest(string FileName, string Sha256, string Format, Guid? CouncilId, bool NewCouncil,
    IReadOnlyDictionary<int, AgendaChoice> Choices, DateTime ImportedAt)
{
    /// <summary>The hash that recognises a file when it comes again.</summary>
    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
}

/// <summary>
/// Stores parsed minutes into the council module as planned by <see cref="MinutesLinking"/>: the council
/// found by name or chosen (a new one only when confirmed), the meeting by council and date (created, or
/// its empty fields filled — what is recorded on it is never overwritten), each numbered 諮問・報告 linked,
/// created or left out as chosen (an existing item's title is never changed), every turn, and a record of
/// the file and the choices. One save: either all of it is stored or nothing is.
/// </summary>
public static class MinutesImport
{
    public static async Task<Outcome<ImportedMinutes>> RunAsync(AppDbContext db, Guid municipalityId, ParsedMinutes minutes, MinutesImportRequest request,
        CancellationToken ct)
    {
        var fileName = request.FileName;
        if (CheckLengths(minutes, fileName, request.CouncilId) is { Any: true } errors)
        {
            return errors.Fail<ImportedMinutes>();
        }
        var plan = await MinutesLinking.PlanAsync(db, municipalityId, minutes, request.CouncilId, request.Sha256, ct);
        if (request.CouncilId is not null && plan.Council is null)
        {
            return Outcome<ImportedMinutes>.Fail("CouncilId", "取込み先の審議会が見つかりません。一覧から選び直してください。");
        }
        if (plan.AlreadyImported is { } done)
        {
            return Outcome<ImportedMinutes>.Fail("File", $"{fileName} は取込み済みです（{done.FileName}、{done.ImportedAt.AddHours(9):yyyy年M月d日} 取込み）。同じファイルは二度取り込めません。");
        }
        if (plan.Council is null && !request.NewCouncil)
        {
            return Outcome<ImportedMinutes>.Fail("CouncilId",
                $"会議録の名称「{minutes.CouncilName}」の審議会は登録されていません。一覧から取込み先の審議会を選ぶか、新しい審議会として登録することを選んでください。");
        }
        if (plan.MinutesExist)
        {
            return Outcome<ImportedMinutes>.Fail("File",
                $"{fileName}：{plan.CouncilName}の{Japanese.WarekiDate.Format(minutes.HeldOn)}の会議録はすでにあります（{plan.Meeting!.Title}）。取り込み直すときは、先にその会議の会議録を削除してください。");
        }
        var choices = new Dictionary<AgendaPlan, AgendaChoice>();
        var missing = new FieldErrors();
        foreach (var entry in plan.Agenda)
        {
            var choice = request.Choices.TryGetValue(entry.Index, out var chosen) ? chosen : entry.Suggested;
            if (choice is null || choice == AgendaChoice.Link && entry.Existing is null)
            {
                missing.Add($"Choices[{entry.Index}]",
                    $"{entry.Label}：登録済みの「{entry.Existing?.Title}」と同じ議題か確かめられません（{entry.Doubt}）結び付ける・新しい議題にする・取り込まないのどれかを選んでください。");
                continue;
            }
            choices[entry] = choice.Value;
        }
        if (missing.Any)
        {
            return missing.Fail<ImportedMinutes>();
        }

        var decisions = new List<string>();
        var council = plan.Council is { } found ? await db.Councils.FirstAsync(c => c.Id == found.Id, ct) : null;
        decisions.Add(council is null ? $"審議会：新しく登録「{minutes.CouncilName}」" : $"審議会：登録済み「{council.Name}」");
        council ??= db.Councils.Add(new AdvisoryCouncil { MunicipalityId = municipalityId, Name = minutes.CouncilName, IsPublic = false }).Entity;
        var meeting = plan.Meeting is { } planned ? await db.Meetings.FirstAsync(m => m.Id == planned.Id, ct) : null;
        decisions.Add(meeting is null ? $"会議：新しく登録「{Truncate(minutes.MeetingTitle, 100)}」" : $"会議：登録済み「{meeting.Title}」（記録済みの項目は変更しない）");
        var newMeeting = meeting is null;
        meeting ??= db.Meetings.Add(new Meeting
        {
            MunicipalityId = municipalityId,
            CouncilId = council.Id,
            Title = Truncate(minutes.MeetingTitle, 100),
            HeldOn = minutes.HeldOn,
        }).Entity;
        FillMeeting(meeting, minutes, fileName);
        await PlaceAgendaAsync(db, municipalityId, council, meeting, newMeeting, minutes, choices, decisions, ct);
        AddTurns(db, municipalityId, council, meeting, minutes);
        db.MinutesImports.Add(new MinutesImportRecord
        {
            MunicipalityId = municipalityId,
            CouncilId = council.Id,
            MeetingId = meeting.Id,
            FileName = Truncate(fileName, 260),
            Sha256 = request.Sha256,
            Format = Truncate(request.Format, 20),
            Decisions = Truncate(string.Join("\n", decisions), 4000),
            ImportedAt = request.ImportedAt,
        });

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome<ImportedMinutes>.Fail("File", $"{fileName}：同じ会議録か同じ番号の諮問・報告が同時に登録されました。もう一度取り込んでください。");
        }
        return Outcome<ImportedMinutes>.Success(new ImportedMinutes(meeting.Id, council.Id, minutes.Utterances.Count(), minutes.Turns.Count(t => t.IsNote),
            plan.Council is null, newMeeting, decisions));
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

    /// <summary>The header of the minutes onto the meeting: only what the meeting does not record yet; what it records stays.</summary>
    private static void FillMeeting(Meeting meeting, ParsedMinutes minutes, string fileName)
    {
        meeting.StartsAt ??= minutes.StartTime;
        meeting.EndsAt ??= minutes.EndTime;
        meeting.Place ??= minutes.Place is null ? null : Truncate(minutes.Place, 200);
        meeting.AttendeesText ??= Joined(minutes.Attendees);
        meeting.AbsenteesText ??= Joined(minutes.Absentees);
        meeting.ExplainersText ??= Joined(minutes.Explainers);
        meeting.SecretariatText ??= Joined(minutes.Secretariat);
        meeting.ImportedFrom = Truncate(fileName, 260);
        // Minutes of a past meeting come as the record that was approved and published.
        meeting.Status = MeetingStatus.MinutesConfirmed;
        meeting.MinutesConfirmedBy ??= "会議録の取込み";
        meeting.Version = Guid.NewGuid();
    }

    /// <summary>Each numbered 諮問・報告 of the agenda as chosen: linked to the existing item, a new item, or left out.</summary>
    private static async Task PlaceAgendaAsync(AppDbContext db, Guid municipalityId, AdvisoryCouncil council, Meeting meeting, bool newMeeting,
        ParsedMinutes minutes, Dictionary<AgendaPlan, AgendaChoice> choices, List<string> decisions, CancellationToken ct)
    {
        var placed = newMeeting ? [] : await db.MeetingItems.Where(x => x.MeetingId == meeting.Id).Select(x => x.ItemId).ToListAsync(ct);
        var order = placed.Count;
        foreach (var (entry, choice) in choices)
        {
            AgendaItem item;
            if (choice == AgendaChoice.Skip)
            {
                decisions.Add($"{entry.Label}：取り込まない（{(entry.Existing is null ? "新しい議題にしない" : $"登録済み「{entry.Existing.Title}」とは結び付けない")}）");
                continue;
            }
            if (choice == AgendaChoice.Link)
            {
                item = db.AgendaItems.Local.FirstOrDefault(i => i.Id == entry.Existing!.Id) ?? await db.AgendaItems.FirstAsync(i => i.Id == entry.Existing!.Id, ct);
                decisions.Add($"{entry.Label}：登録済みの議題に結び付け「{item.Title}」（会議録の件名「{entry.Entry.Title}」、件名の類似度 {entry.Similarity:0.00}）");
            }
            else
            {
                var kind = entry.Entry.Kind == AgendaKind.Consultation ? ItemKind.Consultation : ItemKind.Report;
                // The number belongs to another item: the new one keeps the number in its title only.
                var taken = entry.Existing is not null || db.AgendaItems.Local.Any(i => i.Kind == kind && i.Number == entry.Entry.Number);
                item = db.AgendaItems.Add(new AgendaItem
                {
                    MunicipalityId = municipalityId,
                    CouncilId = council.Id,
                    Kind = kind,
                    Number = taken ? null : entry.Entry.Number,
                    Title = Truncate(taken ? $"{entry.Label}（{Japanese.WarekiDate.Format(minutes.HeldOn)}の会議）{entry.Entry.Title}" : entry.Entry.Title, 300),
                    SubmittedOn = minutes.HeldOn,
                }).Entity;
                decisions.Add(taken
                    ? $"{entry.Label}：新しい議題（番号は登録済みの「{entry.Existing?.Title}」が使っているため、番号なしで登録）「{entry.Entry.Title}」"
                    : $"{entry.Label}：新しい議題「{entry.Entry.Title}」");
            }
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
        // The file may come again once its minutes are gone.
        db.MinutesImports.RemoveRange(await db.MinutesImports.Where(r => r.MeetingId == meetingId).ToListAsync(ct));
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
        new(t.Id, t.MeetingId, t.CouncilId, t.MunicipalityId, meeting.HeldOn, t.Seq, t.Speaker, t.Group, keys, t.Text,
            IsPublic: meeting.MinutesPublished && !t.IsClosed);

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
