using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security.SelfChecks;

/// <summary>A member of staff answering a campaign: choose their question set, answer every question, optionally comment.</summary>
[Authorize(Policy = Policies.SelfCheckAnswer)]
public sealed class AnswerModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    [BindProperty] public Guid? SetId { get; set; }
    [BindProperty] public Dictionary<string, string?> Answers { get; set; } = [];
    [BindProperty] public string? Comment { get; set; }
    public SelfCheckCampaign Campaign { get; private set; } = null!;
    public Staff? Staff { get; private set; }
    public List<SelfCheckQuestionSet> Sets { get; private set; } = [];
    public SelfCheckQuestionSet? Chosen { get; private set; }
    public bool Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? set, bool choose, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Staff is not null)
        {
            var previous = await db.SelfCheckResponses.AsNoTracking().IgnoreQueryFilters([AppDbContext.DepartmentFilter])
                .FirstOrDefaultAsync(r => r.CampaignId == id && r.StaffId == Staff.Id, ct);
            // ?choose=true shows the choice of 区分 again, even to someone who has answered.
            SetId = choose ? null : set ?? previous?.QuestionSetId ?? (Sets.Count == 1 ? Sets[0].Id : null);
            if (previous is not null && previous.QuestionSetId == SetId)
            {
                Answers = previous.Answers.ToDictionary(a => a.Key, a => (string?)a.Value);
                Comment = previous.Comment;
            }
        }
        Chosen = Sets.FirstOrDefault(s => s.Id == SetId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Chosen = Sets.FirstOrDefault(s => s.Id == SetId);
        if (Staff is null)
        {
            ModelState.AddModelError("", "このアカウントは職員に結び付いていないため、回答できません。");
            return Page();
        }
        var outcome = await StaffSelfChecks.AnswerAsync(db, id, Staff.Id, SetId, Answers, Comment, clock, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome, "");
            return Page();
        }
        Flash($"「{Campaign.Title}」の回答を送信しました。回答期間中（{WarekiDate.Format(Campaign.EndOn)}まで）は変更できます。");
        return Redirect("/security/self-checks");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var campaign = await db.SelfCheckCampaigns.AsNoTracking().Include(c => c.Sets).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return false;
        }
        Campaign = campaign;
        Staff = await CurrentStaff.FindAsync(db, ct);
        Sets = Staff is null ? [] : StaffSelfChecks.SetsFor(campaign, Staff.DepartmentId);
        Open = campaign.IsOpen(JapanTime.Today(clock));
        SetTitle($"{campaign.Title}に回答する", new Crumb("職員セルフチェック", "/security/self-checks"));
        return true;
    }
}
