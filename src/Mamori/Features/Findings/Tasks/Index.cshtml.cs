using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings.Tasks;

/// <summary>The recurring tasks with their next due date and the occurrences missed; those with misses first.</summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class IndexModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed record Row(RecurringTask Task, string Department, IReadOnlyList<DateOnly> Missed, DateOnly? Next, TaskCompletion? Last);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = JapanTime.Today(clock);
        CanWrite = await AllowedAsync(authz, Policies.FindingsRespond);
        var labels = await DepartmentTree.LabelsAsync(db, ct);
        var tasks = await db.RecurringTasks.AsNoTracking().ToListAsync(ct);
        var completions = await db.TaskCompletions.AsNoTracking().ToListAsync(ct);
        Rows = tasks.Select(t =>
            {
                var occurrences = TaskSchedule.Occurrences(t, completions, Today);
                var next = occurrences.FirstOrDefault(o => o.Completion is null && o.DueOn >= Today)?.DueOn;
                var last = completions.Where(c => c.TaskId == t.Id).MaxBy(c => c.DoneOn);
                return new Row(t, labels.GetValueOrDefault(t.DepartmentId, ""), occurrences.Where(o => o.IsMissed(Today)).Select(o => o.DueOn).ToList(), next, last);
            })
            .OrderByDescending(r => r.Missed.Count > 0).ThenBy(r => r.Next ?? DateOnly.MaxValue).ThenBy(r => r.Task.Title)
            .ToList();
        SetTitle("定期的な取組", FindingsPages.Root);
    }
}
