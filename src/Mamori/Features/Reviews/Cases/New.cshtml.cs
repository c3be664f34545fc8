using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews.Cases;

[Authorize(Policy = Policies.ReviewsWrite)]
public sealed class NewModel(AppDbContext db) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid? RoundId { get; set; }
        public Guid? BusinessId { get; set; }
        public List<HandlingType> Types { get; set; } = [];
        public string? Summary { get; set; }
        public string? Title { get; set; }
        public string? DepartmentsLabel { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<ReviewRound> Rounds { get; private set; } = [];
    public List<Business> Businesses { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? round, Guid? business, CancellationToken ct)
    {
        Input.RoundId = round;
        Input.BusinessId = business;
        if (business is { } b && await db.Businesses.AsNoTracking().FirstOrDefaultAsync(x => x.Id == b, ct) is { } chosen)
        {
            Input.Types = chosen.Types.ToList();
        }
        return await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await PrepareAsync(ct);
        }
        var outcome = await ReviewWorkflow.CreateCaseAsync(db, new CaseInput(Input.RoundId ?? Guid.Empty, Input.BusinessId ?? Guid.Empty, Input.Types, Input.Summary,
            Input.Title, string.IsNullOrWhiteSpace(Input.DepartmentsLabel) ? null : Input.DepartmentsLabel.Trim()), ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            return await PrepareAsync(ct);
        }
        Flash("案件を作成しました。各自己点検表に回答してから「提出する」を押してください。");
        return Redirect($"/reviews/cases/{outcome.Value!.Id}");
    }

    private async Task<IActionResult> PrepareAsync(CancellationToken ct)
    {
        Rounds = await db.ReviewRounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderBy(r => r.DeadlineOn).ToListAsync(ct);
        Businesses = (await db.Businesses.AsNoTracking().Where(b => !b.IsDiscontinued).ToListAsync(ct)).OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        if (Input.RoundId is null && Rounds.Count == 1)
        {
            Input.RoundId = Rounds[0].Id;
        }
        SetTitle("自己点検を始める", new Crumb("自己点検・部会審査", "/reviews"));
        return Page();
    }
}
