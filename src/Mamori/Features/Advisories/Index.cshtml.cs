using Mamori.Core.Data;
using Mamori.Core.Features.Advisories;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Advisories;

/// <summary>
/// 国の通知・注意喚起: every notice with its checks' progress, open ones first; searchable by words, sender and year so
/// that "did this affect us, and how do we know?" has an answer years later.
/// </summary>
[Authorize(Policy = Policies.AdvisoriesRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public sealed record Row(Advisory Advisory, int Tasks, int Done);

    public List<Row> Rows { get; private set; } = [];
    public bool CanManage { get; private set; }
    public DateOnly Today { get; private set; }
    public string? Q { get; private set; }
    public string State { get; private set; } = "open";

    public async Task OnGetAsync(string? q, string? state, CancellationToken ct)
    {
        SetTitle("国の通知・注意喚起");
        (Q, State, Today) = (q?.Trim(), state is "closed" or "all" ? state : "open", JapanTime.Today(clock));
        CanManage = await AllowedAsync(authz, Policies.AdvisoriesManage);
        var query = db.Advisories.AsNoTracking()
            .Where(a => State == "all" || (State == "closed" ? a.ClosedOn != null : a.ClosedOn == null));
        if (!string.IsNullOrEmpty(Q))
        {
            query = query.Where(a => a.Title.Contains(Q) || a.Requirement.Contains(Q) || (a.Number != null && a.Number.Contains(Q))
                || (a.SourceName != null && a.SourceName.Contains(Q)));
        }
        var advisories = await query.OrderBy(a => a.ClosedOn != null).ThenByDescending(a => a.IssuedOn).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        var ids = advisories.Select(a => a.Id).ToList();
        // Progress counts every check of the notice, whoever may open it.
        var tasks = await db.AdvisoryTasks.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Where(t => ids.Contains(t.AdvisoryId))
            .GroupBy(t => t.AdvisoryId).Select(g => new { g.Key, Total = g.Count(), Done = g.Count(t => t.Outcome != null) }).ToListAsync(ct);
        Rows = advisories.Select(a => tasks.FirstOrDefault(t => t.Key == a.Id) is { } t ? new Row(a, t.Total, t.Done) : new Row(a, 0, 0)).ToList();
    }
}
