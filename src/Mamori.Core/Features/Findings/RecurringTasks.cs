using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Findings;

/// <summary>A recurring task as typed on the form.</summary>
public sealed record RecurringTaskInput(string? Title, Guid? DepartmentId, TaskFrequency Frequency, DateOnly? FirstDueOn, DateOnly? EndOn, string? Note, Guid? FindingId);

/// <summary>Keeping recurring measures and recording each occurrence done.</summary>
public static class RecurringTasks
{
    public const string NotFound = "定期的な取組が見つかりません。";

    public static async Task<Outcome<RecurringTask>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, RecurringTaskInput input, Guid? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "取組の内容"))
        {
            errors.MaxLength("Title", input.Title, 300, "取組の内容");
        }
        errors.MaxLength("Note", input.Note, 2000, "備考");
        if (input.DepartmentId is null || !await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, ct))
        {
            errors.Add("DepartmentId", "実施課を選んでください。");
        }
        if (input.FirstDueOn is null)
        {
            errors.Add("FirstDueOn", "初回の期限を入力してください。");
        }
        else if (input.EndOn is { } end && end < input.FirstDueOn)
        {
            errors.Add("EndOn", "終了日が初回の期限より前になっています。");
        }
        if (input.FindingId is { } findingId && !await db.Findings.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(f => f.Id == findingId, ct))
        {
            errors.Add("FindingId", FindingWorkflow.FindingNotFound);
        }
        if (errors.Any)
        {
            return errors.Fail<RecurringTask>();
        }
        RecurringTask task;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.RecurringTasks, existing, version, NotFound, ct);
            if (found is null)
            {
                return failure!;
            }
            task = found;
            if (task.FirstDueOn != input.FirstDueOn || task.Frequency != input.Frequency)
            {
                // Completions are kept by due date; a schedule that no longer has that date would orphan them.
                var dues = await db.TaskCompletions.Where(c => c.TaskId == task.Id).Select(c => c.DueOn).ToListAsync(ct);
                var probe = new RecurringTask { Title = "", Frequency = input.Frequency, FirstDueOn = input.FirstDueOn!.Value, EndOn = input.EndOn };
                var schedule = dues.Count == 0 ? [] : TaskSchedule.DueDates(probe, dues.Max()).ToHashSet();
                if (dues.Any(d => !schedule.Contains(d)))
                {
                    return Outcome<RecurringTask>.Fail("FirstDueOn", "実施記録のある取組の予定は変えられません。今の取組に終了日を入れ、新しい取組として登録してください。");
                }
            }
            task.Title = input.Title!.Trim();
        }
        else
        {
            task = new RecurringTask { MunicipalityId = municipalityId, Title = input.Title!.Trim() };
            db.RecurringTasks.Add(task);
        }
        task.DepartmentId = input.DepartmentId!.Value;
        task.Frequency = input.Frequency;
        task.FirstDueOn = input.FirstDueOn!.Value;
        task.EndOn = input.EndOn;
        task.Note = Optional(input.Note);
        task.FindingId = input.FindingId;
        return await OptimisticSave.SaveAsync(db, task, ct);
    }

    /// <summary>Records an occurrence as done (one record per due date).</summary>
    public static async Task<Outcome<TaskCompletion>> CompleteAsync(AppDbContext db, Guid taskId, DateOnly? dueOn, DateOnly? doneOn, string? note, TimeProvider clock, CancellationToken ct)
    {
        var task = await db.RecurringTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null)
        {
            return Outcome<TaskCompletion>.NotFound(NotFound);
        }
        var today = JapanTime.Today(clock);
        var errors = new FieldErrors();
        errors.MaxLength("Note", note, 2000, "実施内容・結果");
        if (dueOn is null || !TaskSchedule.DueDates(task, today.AddYears(1)).Contains(dueOn.Value))
        {
            errors.Add("DueOn", "どの回の実施かを一覧から選んでください。");
        }
        else if (await db.TaskCompletions.AnyAsync(c => c.TaskId == taskId && c.DueOn == dueOn, ct))
        {
            errors.Add("DueOn", $"{WarekiDate.Format(dueOn.Value)}期限の回はすでに記録されています。");
        }
        if (doneOn is null)
        {
            errors.Add("DoneOn", "実施日を入力してください。");
        }
        else if (doneOn > today)
        {
            errors.Add("DoneOn", "実施日に未来の日付は入力できません。");
        }
        if (errors.Any)
        {
            return errors.Fail<TaskCompletion>();
        }
        var completion = new TaskCompletion
        {
            MunicipalityId = task.MunicipalityId,
            DepartmentId = task.DepartmentId,
            TaskId = task.Id,
            DueOn = dueOn!.Value,
            DoneOn = doneOn!.Value,
            Note = Optional(note),
            RecordedBy = db.Tenant.ActorName,
        };
        db.TaskCompletions.Add(completion);
        await db.SaveChangesAsync(ct);
        return Outcome<TaskCompletion>.Success(completion);
    }
}
