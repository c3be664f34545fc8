using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>委員からの議題の提案: members propose topics for the council to take up; the office reviews them for the next 年度.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class TopicsModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public AdvisoryCouncil Council { get; private set; } = null!;
    public IReadOnlyList<TopicLine> Topics { get; private set; } = [];
    public bool CanManage { get; private set; }
    public bool CanPropose { get; private set; }
    public IReadOnlyList<FiscalYear> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProposeAsync(Guid id, string? title, string? detail, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilRespond))
        {
            return Forbid();
        }
        var outcome = await TopicProposals.ProposeAsync(db, id, title, detail, clock, ct);
        Flash(outcome, "議題を提案しました。事務局が検討し、結果をこのページでお知らせします。");
        return Redirect($"/council/{id}/topics");
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, Guid topicId, TopicStatus status, int? fiscalYear, string? officeNote, Guid? version, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await TopicProposals.ReviewAsync(db, topicId, status, fiscalYear, officeNote, version, ct);
        Flash(outcome, $"提案を「{status.JapaneseName()}」にしました。");
        return Redirect($"/council/{id}/topics");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (council is null)
        {
            return false;
        }
        Council = council;
        Topics = await TopicProposals.ListAsync(db, id, ct);
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        CanPropose = await AllowedAsync(authz, Policies.CouncilRespond);
        var now = FiscalYear.Of(JapanTime.Today(clock));
        Years = [now, new FiscalYear(now.StartYear + 1), new FiscalYear(now.StartYear + 2)];
        SetTitle("委員からの議題の提案", CouncilCrumbs.Top, new Crumb(council.Name, $"/council/{id}"));
        return true;
    }
}
