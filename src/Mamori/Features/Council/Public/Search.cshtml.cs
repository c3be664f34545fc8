using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Public;

/// <summary>
/// 会議録の検索 for anyone: the published minutes of the public councils only, and never a turn said in closed
/// session (非公開). Hits link to the public meeting page.
/// </summary>
[AllowAnonymous]
public sealed class SearchModel(AppDbContext db, MinutesIndex index) : MamoriPageModel
{
    public const int PageSize = 20;

    public sealed record Row(MinutesHit Hit, string CouncilName, string MeetingTitle);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string Code { get; private set; } = "";
    public string MunicipalityName { get; private set; } = "";
    public int Total { get; private set; }
    public IReadOnlyList<Row>? Rows { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, MunicipalityName) = (m.Code, m.Name);
        SetTitle($"{m.Name} 会議録の検索", new Crumb($"{m.Name} 審議会", $"/public/{m.Code}/council"));
        ViewData["Public"] = true;
        if (string.IsNullOrWhiteSpace(Q))
        {
            return Page();
        }
        var councils = await db.Councils.AsNoTracking().Where(c => c.IsPublic).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        PageNumber = Math.Max(1, PageNumber);
        var result = index.Search(new MinutesQuery(m.Id, Q, councils.Keys.ToList(), Skip: (PageNumber - 1) * PageSize, Take: PageSize,
            Synonyms: await MinutesSynonyms.ListAsync(db, m.Id, ct), PublicOnly: true));
        var meetingIds = result.Hits.Select(h => h.MeetingId).Distinct().ToList();
        // The index and the database agree but for a moment after a change: the database decides what is published.
        var published = await db.Meetings.AsNoTracking().Where(x => meetingIds.Contains(x.Id) && x.MinutesPublished).ToDictionaryAsync(x => x.Id, x => x.Title, ct);
        var closed = await db.MinutesTurns.AsNoTracking().Where(t => meetingIds.Contains(t.MeetingId) && t.IsClosed).Select(t => t.Id).ToListAsync(ct);
        Rows = result.Hits.Where(h => published.ContainsKey(h.MeetingId) && councils.ContainsKey(h.CouncilId) && !closed.Contains(h.TurnId))
            .Select(h => new Row(h, councils[h.CouncilId], published[h.MeetingId])).ToList();
        Total = result.Total;
        return Page();
    }
}
