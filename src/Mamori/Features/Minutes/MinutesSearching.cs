using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Minutes;

/// <summary>One search result as the page and the API show it: the hit with its council and meeting.</summary>
public sealed record MinutesResultRow(MinutesHit Hit, string CouncilName, string MeetingTitle)
{
    /// <summary>The turn in the meeting's minutes page.</summary>
    public string Url => $"/council/meetings/{Hit.MeetingId}/minutes#turn-{Hit.Seq}";
}

public sealed record MinutesResultPage(int Total, IReadOnlyList<MinutesResultRow> Rows);

/// <summary>
/// A minutes search for the signed-in user: always within the user's municipality and, for 委員,
/// within the councils they sit on; a chosen council narrows further. Hits whose meeting the user
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
            return new MinutesResultPage(0, []);
        }
        IReadOnlyCollection<Guid>? councils = tenant.CouncilIds;
        if (councilId is { } chosen)
        {
            councils = councils is null || councils.Contains(chosen) ? [chosen] : [];
        }
        var result = index.Search(filters.ToQuery(municipalityId, text, councils, byDate, Math.Max(0, skip), Math.Clamp(take, 1, 100)));
        var meetingIds = result.Hits.Select(h => h.MeetingId).Distinct().ToList();
        var meetings = await (from m in db.Meetings.AsNoTracking()
                              join c in db.Councils.AsNoTracking() on m.CouncilId equals c.Id
                              where meetingIds.Contains(m.Id)
                              select new { m.Id, m.Title, Council = c.Name }).ToDictionaryAsync(m => m.Id, ct);
        var rows = result.Hits.Where(h => meetings.ContainsKey(h.MeetingId))
            .Select(h => new MinutesResultRow(h, meetings[h.MeetingId].Council, meetings[h.MeetingId].Title)).ToList();
        return new MinutesResultPage(result.Total, rows);
    }
}
