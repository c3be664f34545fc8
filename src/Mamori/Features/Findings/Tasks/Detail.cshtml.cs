using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings.Tasks;

/// <summary>One recurring task: every due date so far with its record, and recording an occurrence done.</summary>
[Authorize(Policy = Policies.FindingsRead)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class CompletionInput
    {
        public DateOnly? DueOn { get; set; }
        public string? DoneOn { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public CompletionInput Input { get; set; } = new();
    public RecurringTask Item { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public string? FindingLabel { get; private set; }
    public IReadOnlyList<TaskOccurrence> Occurrences { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input.DueOn = Occurrences.FirstOrDefault(o => o.Completion is null)?.DueOn;
        Input.DoneOn = WarekiDate.Format(Today);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.FindingsRespond))
        {
            return Forbid();
        }
        var doneOn = ParseDate(Input.DoneOn, "Input.DoneOn");
        if (ModelState.IsValid)
        {
            var outcome = await RecurringTasks.CompleteAsync(db, id, Input.DueOn, doneOn, Input.Note, clock, ct);
            if (outcome.Ok)
            {
                Flash($"{WarekiDate.Format(outcome.Value!.DueOn)}期限の回を実施済みとして記録しました。");
                return Redirect($"/findings/tasks/{id}");
            }
            AddErrors(outcome);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var task = await db.RecurringTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (task is null)
        {
            return false;
        }
        Item = task;
        Today = JapanTime.Today(clock);
        Department = (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(task.DepartmentId, "");
        if (task.FindingId is { } findingId)
        {
            FindingLabel = await db.Findings.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(f => f.Id == findingId).Select(f => f.Heading).FirstOrDefaultAsync(ct);
        }
        var completions = await db.TaskCompletions.AsNoTracking().Where(c => c.TaskId == id).ToListAsync(ct);
        Occurrences = TaskSchedule.Occurrences(task, completions, Today).Reverse().ToList();
        CanWrite = await AllowedAsync(authz, Policies.FindingsRespond);
        SetTitle(task.Title, FindingsPages.Root, FindingsPages.Tasks);
        return true;
    }
}
