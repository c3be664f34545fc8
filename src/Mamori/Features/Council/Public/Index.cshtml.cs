using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Public;

/// <summary>公開ページ: the councils' published minutes, 答申, Q&amp;A and public materials, for anyone.</summary>
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : MamoriPageModel
{
    public sealed record PublicMeeting(Meeting Meeting, int PublicMaterials);

    public sealed record PublicCouncil(AdvisoryCouncil Council, List<PublicMeeting> Meetings, List<(Core.Features.Council.Toshin Toshin, AgendaItem Item)> Answers);

    public string Code { get; private set; } = string.Empty;
    public string MunicipalityName { get; private set; } = string.Empty;
    public List<PublicCouncil> Councils { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        (Code, MunicipalityName) = (m.Code, m.Name);
        var councils = await db.Councils.AsNoTracking().Where(c => c.IsPublic).OrderBy(c => c.ParentId != null).ThenBy(c => c.Name).ToListAsync(ct);
        var ids = councils.Select(c => c.Id).ToList();
        var materials = await db.Materials.AsNoTracking().Where(x => x.IsPublic && ids.Contains(x.CouncilId) && x.MeetingId != null)
            .GroupBy(x => x.MeetingId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(x => ids.Contains(x.CouncilId)).OrderByDescending(x => x.HeldOn).ToListAsync(ct);
        var answers = await (from t in db.Toshins.AsNoTracking()
                             join i in db.AgendaItems.AsNoTracking() on t.ItemId equals i.Id
                             where t.AnsweredOn != null && ids.Contains(t.CouncilId)
                             orderby t.Number descending
                             select new { t, i }).ToListAsync(ct);
        foreach (var c in councils)
        {
            var shown = meetings.Where(x => x.CouncilId == c.Id)
                .Select(x => new PublicMeeting(x, materials.FirstOrDefault(g => g.Key == x.Id)?.Count ?? 0))
                .Where(x => x.Meeting.MinutesPublished || x.Meeting.QaPublished || x.PublicMaterials > 0).ToList();
            Councils.Add(new PublicCouncil(c, shown, answers.Where(a => a.t.CouncilId == c.Id).Select(a => (a.t, a.i)).ToList()));
        }
        SetTitle($"{m.Name} 審議会");
        ViewData["Public"] = true;
        return Page();
    }
}
