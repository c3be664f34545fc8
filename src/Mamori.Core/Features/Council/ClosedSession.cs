using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Council;

/// <summary>
/// 非公開: the parts of a meeting deliberated in a closed session (審査請求, a person's case). The office marks an
/// agenda item or a run of minutes turns; the public page, the public search and the public Q&amp;A leave them out,
/// while the office and the members read them as they are.
/// </summary>
public static class ClosedSession
{
    /// <summary>What the public page says in place of a run of closed turns.</summary>
    public const string ClosedNote = "（この部分は非公開の審議のため掲載していません）";

    /// <summary>What the public page shows in place of a closed item's title.</summary>
    public const string ClosedTitle = "非公開の議題";

    /// <summary>Marks the turns numbered <paramref name="fromSeq"/> to <paramref name="toSeq"/> closed (or open again).</summary>
    public static async Task<Outcome<int>> SetTurnsAsync(AppDbContext db, Guid meetingId, int? fromSeq, int? toSeq, bool closed, CancellationToken ct)
    {
        if (!await db.Meetings.AnyAsync(m => m.Id == meetingId, ct))
        {
            return Outcome<int>.NotFound(CouncilWorkflow.MeetingNotFound);
        }
        if (fromSeq is not { } from || toSeq is not { } to || from < 1 || to < from)
        {
            return Outcome<int>.Fail("", "非公開にする発言の範囲（何番目から何番目まで）を、小さい番号から入力してください。");
        }
        var turns = await db.MinutesTurns.Where(t => t.MeetingId == meetingId && t.Seq >= from && t.Seq <= to).ToListAsync(ct);
        if (turns.Count == 0)
        {
            return Outcome<int>.Fail("", $"{from}番目から{to}番目の発言はありません。会議録の番号を確かめてください。");
        }
        foreach (var t in turns)
        {
            t.IsClosed = closed;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(turns.Count);
    }

    /// <summary>Marks an item of a meeting deliberated in closed session (or open again).</summary>
    public static async Task<Outcome<MeetingItem>> SetItemAsync(AppDbContext db, Guid meetingId, Guid itemId, bool closed, CancellationToken ct)
    {
        var placed = await db.MeetingItems.FirstOrDefaultAsync(p => p.MeetingId == meetingId && p.ItemId == itemId, ct);
        if (placed is null)
        {
            return Outcome<MeetingItem>.NotFound("この会議の議題が見つかりません。");
        }
        placed.IsClosed = closed;
        await db.SaveChangesAsync(ct);
        return Outcome<MeetingItem>.Success(placed);
    }

    /// <summary>
    /// The meeting as the public sees it: closed runs of turns replaced by one note each, closed items named only as
    /// 非公開の議題, and the materials, written opinions and agenda numbers of closed items left out.
    /// </summary>
    public static MeetingView ForPublic(MeetingView view)
    {
        var closedItems = view.Agenda.Where(a => a.Placement.IsClosed).Select(a => a.Item.Id).ToHashSet();
        var minutes = new List<MinutesTurn>();
        foreach (var turn in view.Minutes)
        {
            if (!turn.IsClosed)
            {
                minutes.Add(turn);
            }
            else if (minutes.Count == 0 || !minutes[^1].IsClosed)
            {
                minutes.Add(new MinutesTurn { MeetingId = turn.MeetingId, CouncilId = turn.CouncilId, Seq = turn.Seq, Text = ClosedNote, IsNote = true, IsClosed = true });
            }
        }
        return view with
        {
            Agenda = view.Agenda.Select(a => a.Placement.IsClosed
                ? a with { Item = new AgendaItem { Id = a.Item.Id, CouncilId = a.Item.CouncilId, Kind = ItemKind.Other, Number = null, Title = ClosedTitle } }
                : a).ToList(),
            Minutes = minutes,
            Materials = view.Materials.Where(m => m.ItemId is not { } item || !closedItems.Contains(item)).ToList(),
            Opinions = view.Opinions.Where(o => !closedItems.Contains(o.Opinion.ItemId)).ToList(),
        };
    }

}
