using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Reports;
using Mamori.Features.Register.Public;
using Mamori.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council.Public;

/// <summary>A meeting on the public page: its published minutes, Q&amp;A and public materials only.</summary>
[AllowAnonymous]
public sealed class MeetingModel(AppDbContext db) : MamoriPageModel
{
    public string Code { get; private set; } = string.Empty;
    public MeetingView View { get; private set; } = null!;
    public PrintDocument? Answers { get; private set; }
    public List<Material> Materials { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, Guid id, CancellationToken ct)
    {
        var m = await PublicMunicipality.EnterAsync(db, code, ct);
        if (m is null)
        {
            return NotFound();
        }
        Code = m.Code;
        var view = await CouncilReading.MeetingAsync(db, id, ct);
        if (view is null || !view.Council.IsPublic)
        {
            return NotFound();
        }
        // Closed-session parts (非公開) never reach the public page: the view is the public one from here on.
        View = ClosedSession.ForPublic(view);
        Materials = View.Materials.Where(x => x.IsPublic).ToList();
        if (!view.Meeting.MinutesPublished && !view.Meeting.QaPublished && Materials.Count == 0)
        {
            return NotFound();
        }
        Answers = View.Meeting.QaPublished ? CouncilDocuments.Answers(View, m.Name) : null;
        SetTitle($"{view.Council.Name} {view.Meeting.Title}", new Crumb($"{m.Name} 審議会", $"/public/{m.Code}/council"));
        ViewData["Public"] = true;
        return Page();
    }
}
