using Mamori.Core.Data;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>The assessment on A4: scores 今回 / 前回 and every item with its answer, evidence and plan.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class AssessmentPrintModel(AppDbContext db) : MamoriPageModel
{
    public AssessmentView View { get; private set; } = null!;
    public string Municipality { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var view = await AssessmentView.LoadAsync(db, id, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        Municipality = await db.Municipalities.Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        SetTitle($"{view.Year.ToWareki()} {view.Template.Name}（{view.Unit}）", SecurityPages.Root, new Crumb("点検", $"/security/assessments/{id}"));
        return Page();
    }
}
