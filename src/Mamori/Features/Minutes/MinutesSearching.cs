using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Minutes;

/// <summary>The turn that answers a member's question, or the question an answer replies to.</summary>
public sealed record TurnPair(int Seq, string Speaker, string Text, bool IsAnswer);

/// <summary>One search result as the page and the API show it: the hit with its council and meeting, and its question or answer.</summary>
public sealed record MinutesResultRow(MinutesHit Hit, string CouncilName, string MeetingTitle, TurnPair? Pair = null)
{
    /// <summary>The turn in the meeting's minutes page.</summary>
    public string Url => $"/council/meetings/{Hit.MeetingId}/minutes#turn-{Hit.Seq}";
}

/// <summary>A page of hits, the total, and the words the municipality's synonyms widened (with what else they found).</summary>
public sealed record MinutesResultPage(int Total, IReadOnlyList<MinutesResultRow> Rows, IReadOnlyList<(string Word, IReadOnlyList<string> Also)> Widened);

/// <summary>
/// A minutes search for the signed-in user: always within the user's municipality and, for 委員,
/// within the councils they sit on; a chosen council narrows further; the municipality's synonyms widen words. Hits whose meeting the user
/// cannot read (deleted since indexing) are dropped.
/// </summary>
public static class MinutesSearching
{
    public const int PageSize = 20;

    public static async Task<MinutesResultPage> RunAsync(AppDbContext db, CurrentTenant tenant, MinutesIndex index, MinutesFilters filters,
        string? text, Guid? councilId, bool byDate, int skip, int take, CancellationToken ct)
    {
        if (tenant.MunicipalityId is not { } municipalityId)
        {
            return new MinutesResultPage(0, [], []);
        }
        IReadOnlyCollection<Guid>? councils = tenant.CouncilIds;
        if (councilId is { } chosen)
        {
            councils = councils is null || councils.Contains(chosen) ? [chosen] : [];
        }
        var query = filters.ToQuery(municipalityId, text, councils, byDate, Math.Max(0, skip), Math.Clamp(take, 1, 100))
            with
        { Synonyms = await MinutesSynonyms.ListAsync(db, municipalityId, ct) };
        var result = index.Search(query);
        var meetingIds = result.Hits.Select(h => h.MeetingId).Distinct().ToList();
        var meetings = await (from m in db.Meetings.AsNoTracking()
                              join c in db.Councils.AsNoTracking() on m.CouncilId equals c.Id
                              where meetingIds.Contains(m.Id)
                              select new { m.Id, m.Title, Council = c.Name }).ToDictionaryAsync(m => m.Id, ct);
        var pairs = await PairsAsync(db, result.Hits, ct);
        var rows = result.Hits.Where(h => meetings.ContainsKey(h.MeetingId))
            .Select(h => new MinutesResultRow(h, meetings[h.MeetingId].Council, meetings[h.MeetingId].Title, pairs.GetValueOrDefault(h.TurnId))).ToList();
        return new MinutesResultPage(result.Total, rows, MinutesSynonyms.Widened(text, query));
    }

    /// <summary>Each hit's question or answer (<see cref="MinutesPairs"/>), read in two queries for the whole page.</summary>
    private static async Task<Dictionary<Guid, TurnPair>> PairsAsync(AppDbContext db, IReadOnlyList<MinutesHit> hits, CancellationToken ct)
    {
        var meetingIds = hits.Select(h => h.MeetingId).Distinct().ToList();
        if (meetingIds.Count == 0)
        {
            return [];
        }
        var speech = (await db.MinutesTurns.AsNoTracking().Where(t => meetingIds.Contains(t.MeetingId) && !t.IsNote)
                .Select(t => new { t.Id, t.MeetingId, t.Seq, t.Group }).ToListAsync(ct))
            .GroupBy(t => t.MeetingId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.Seq).ToList());
        var chosen = new Dictionary<Guid, (Guid PairId, bool IsAnswer)>();
        foreach (var hit in hits)
        {
            if (speech.TryGetValue(hit.MeetingId, out var turns) && turns.FindIndex(t => t.Seq == hit.Seq) is var at and >= 0
                && MinutesPairs.Find(turns.Select(t => t.Group).ToList(), at) is { } pair)
            {
                chosen[hit.TurnId] = (turns[pair.Index].Id, pair.IsAnswer);
            }
        }
        var ids = chosen.Values.Select(c => c.PairId).ToList();
        var texts = await db.MinutesTurns.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Seq, t.Speaker, t.Text }).ToDictionaryAsync(t => t.Id, ct);
        return chosen.Where(c => texts.ContainsKey(c.Value.PairId)).ToDictionary(c => c.Key, c =>
        {
            var t = texts[c.Value.PairId];
            return new TurnPair(t.Seq, t.Speaker, t.Text.Length > 200 ? t.Text[..200] + "…" : t.Text, c.Value.IsAnswer);
        });
    }
}
