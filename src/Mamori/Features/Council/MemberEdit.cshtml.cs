using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>委嘱: appoints a member (or a 補欠 for the rest of a term), or changes an appointment.</summary>
[Authorize(Policy = Policies.CouncilManage)]
public sealed class MemberEditModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        public Guid? FromParentMemberId { get; set; }
        public string? Name { get; set; }
        public string? NameKana { get; set; }
        public string? Affiliation { get; set; }
        public string? AppointedOn { get; set; }
        public string? TermStart { get; set; }
        public string? TermEnd { get; set; }
        public string? LeftOn { get; set; }
        public MemberRole Role { get; set; }
        public Guid? SubstituteForId { get; set; }
        public string? UserId { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public AdvisoryCouncil Council { get; private set; } = null!;
    public Guid? MemberId { get; private set; }
    public List<CouncilMember> Predecessors { get; private set; } = [];
    public List<CouncilMember> ParentMembers { get; private set; } = [];
    public List<AppUser> Accounts { get; private set; } = [];

    private static string? Text(DateOnly? d) => d is { } date ? Core.Japanese.WarekiDate.Format(date) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        if (memberId is { } existing)
        {
            var m = await db.CouncilMembers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == existing && x.CouncilId == id, ct);
            if (m is null)
            {
                return NotFound();
            }
            Input = new InputModel
            {
                Name = m.Name,
                NameKana = m.NameKana,
                Affiliation = m.Affiliation,
                AppointedOn = Text(m.AppointedOn),
                TermStart = Text(m.TermStart),
                TermEnd = Text(m.TermEnd),
                LeftOn = Text(m.LeftOn),
                Role = m.Role,
                SubstituteForId = m.SubstituteForId,
                UserId = m.UserId,
                Version = m.Version,
            };
        }
        return await PrepareAsync(id, memberId, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        if (!await PrepareAsync(id, memberId, ct))
        {
            return NotFound();
        }
        var appointed = ParseDate(Input.AppointedOn, "Input.AppointedOn");
        var start = ParseDate(Input.TermStart, "Input.TermStart");
        var end = ParseDate(Input.TermEnd, "Input.TermEnd");
        var left = ParseDate(Input.LeftOn, "Input.LeftOn");
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var outcome = await CouncilWorkflow.SaveMemberAsync(db, id, memberId, new MemberInput
        {
            Name = Input.Name,
            NameKana = Input.NameKana,
            NominatedFromId = Input.FromParentMemberId,
            Affiliation = Input.Affiliation,
            AppointedOn = appointed,
            TermStart = start,
            TermEnd = end,
            LeftOn = left,
            Role = Input.Role,
            SubstituteForId = Input.SubstituteForId,
            UserId = Input.UserId,
            Version = Input.Version,
        }, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome);
            if (outcome.Errors.TryGetValue("NominatedFromId", out var nomination))
            {
                ModelState.AddModelError("Input.FromParentMemberId", nomination[0]);
            }
            return Page();
        }
        var m = outcome.Value!;
        Flash($"{m.Name}委員を保存しました（任期 {Core.Japanese.WarekiDate.Format(m.TermStart)}～{Core.Japanese.WarekiDate.Format(m.TermEnd)}）。");
        return Redirect($"/council/{id}");
    }

    private async Task<bool> PrepareAsync(Guid id, Guid? memberId, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (council is null)
        {
            return false;
        }
        Council = council;
        MemberId = memberId;
        Predecessors = (await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == id && m.LeftOn != null && m.Id != memberId).ToListAsync(ct))
            .OrderBy(m => m.GojuonKey, StringComparer.Ordinal).ToList();
        if (council.ParentId is { } parentId)
        {
            // Every council member of the last terms: the appointment date typed on the form decides who could be nominated.
            var since = Core.Japanese.JapanTime.Today(clock).AddYears(-4);
            ParentMembers = (await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == parentId && m.TermEnd >= since).ToListAsync(ct))
                .OrderBy(m => m.GojuonKey, StringComparer.Ordinal).ThenBy(m => m.TermStart).ToList();
        }
        Accounts = await db.Users.AsNoTracking().Where(u => u.Role == UserRole.Member && u.MunicipalityId == db.Tenant.MunicipalityId).OrderBy(u => u.UserName).ToListAsync(ct);
        SetTitle(memberId is null ? "委員の登録" : "委員の編集", CouncilCrumbs.Top, new Crumb(council.Name, $"/council/{id}"));
        return true;
    }
}
