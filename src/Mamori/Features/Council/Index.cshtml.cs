using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>審議会: the councils and subcommittees, the coming meetings and the items still open.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public sealed record MeetingRow(Meeting Meeting, string CouncilName);

    public List<AdvisoryCouncil> Councils { get; private set; } = [];
    public Dictionary<Guid, int> MembersInOffice { get; private set; } = [];
    public List<MeetingRow> Upcoming { get; private set; } = [];
    public List<MeetingRow> Recent { get; private set; } = [];
    public List<CouncilReading.ItemRow> OpenItems { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("審議会");
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        var today = Core.Japanese.JapanTime.Today(clock);
        Councils = await db.Councils.AsNoTracking().OrderBy(c => c.Name).ToListAsync(ct);
        var members = await db.CouncilMembers.AsNoTracking().ToListAsync(ct);
        MembersInOffice = Councils.ToDictionary(c => c.Id, c => members.Count(m => m.CouncilId == c.Id && m.InOfficeOn(today)));
        var names = Councils.ToDictionary(c => c.Id, c => c.Name);
        var meetings = await db.Meetings.AsNoTracking().ToListAsync(ct);
        Upcoming = meetings.Where(m => m.Status == MeetingStatus.Planned).OrderBy(m => m.HeldOn).Select(m => new MeetingRow(m, names[m.CouncilId])).ToList();
        Recent = meetings.Where(m => m.Status != MeetingStatus.Planned).OrderByDescending(m => m.HeldOn).Take(10)
            .Select(m => new MeetingRow(m, names[m.CouncilId])).ToList();
        OpenItems = (await CouncilReading.ItemsAsync(db, null, ct)).Where(r => r.LastOutcome is not { } o || !o.IsFinal()).ToList();
    }
}
