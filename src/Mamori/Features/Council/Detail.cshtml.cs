using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>A council: its 委員名簿 (in office and past appointments), subcommittees, meetings and items.</summary>
[Authorize(Policy = Policies.CouncilRead)]
public sealed class DetailModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public AdvisoryCouncil Council { get; private set; } = null!;
    public AdvisoryCouncil? Parent { get; private set; }
    public List<AdvisoryCouncil> Subcommittees { get; private set; } = [];
    public List<CouncilMember> Members { get; private set; } = [];
    public Dictionary<string, string> Accounts { get; private set; } = [];
    public List<Meeting> Meetings { get; private set; } = [];
    public List<CouncilReading.ItemRow> Items { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanManage { get; private set; }

    public QuorumResult? QuorumToday { get; private set; }

    public string? MemberName(Guid? id) => id is { } i ? Members.FirstOrDefault(m => m.Id == i)?.Name : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReappointAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.CouncilManage))
        {
            return Forbid();
        }
        var outcome = await CouncilWorkflow.ReappointAsync(db, memberId, null, ct);
        Flash(outcome.Ok ? $"{outcome.Value!.Name}委員を再任しました（{Core.Japanese.WarekiDate.Format(outcome.Value.TermStart)}から）。" : outcome.Describe(), !outcome.Ok);
        return Redirect($"/council/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var council = await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (council is null)
        {
            return false;
        }
        Council = council;
        CanManage = await AllowedAsync(authz, Policies.CouncilManage);
        Today = Core.Japanese.JapanTime.Today(clock);
        Parent = council.ParentId is { } pid ? await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid, ct) : null;
        Subcommittees = await db.Councils.AsNoTracking().Where(c => c.ParentId == id).OrderBy(c => c.Name).ToListAsync(ct);
        Members = (await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == id).ToListAsync(ct))
            .OrderByDescending(m => m.InOfficeOn(Today)).ThenBy(m => CouncilReading.RoleOrder(m.Role)).ThenBy(m => m.GojuonKey, StringComparer.Ordinal).ThenByDescending(m => m.TermStart).ToList();
        if (CanManage)
        {
            var userIds = Members.Select(m => m.UserId).OfType<string>().ToList();
            Accounts = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? u.Id, ct);
        }
        Meetings = await db.Meetings.AsNoTracking().Where(m => m.CouncilId == id).OrderByDescending(m => m.HeldOn).ToListAsync(ct);
        Items = await CouncilReading.ItemsAsync(db, id, ct);
        QuorumToday = Quorum.Evaluate(council.Quorum, MeetingKind.InPerson, Today, Members, new Dictionary<Guid, AttendanceStatus>());
        SetTitle(council.Name, CouncilCrumbs.Top);
        return true;
    }
}
