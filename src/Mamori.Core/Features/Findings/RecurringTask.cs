using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Findings;

/// <summary>How often a recurring measure is due.</summary>
public enum TaskFrequency
{
    /// <summary>毎月.</summary>
    Monthly,

    /// <summary>四半期ごと.</summary>
    Quarterly,

    /// <summary>半年ごと.</summary>
    HalfYearly,

    /// <summary>毎年.</summary>
    Yearly,
}

/// <summary>
/// 定期的な取組: a countermeasure that has to be repeated ("ログ分析を毎月実施", "長期不在者のアカウント停止（90日以上）の確認").
/// Each occurrence is due on a day of the schedule; an occurrence without a completion after its day is overdue.
/// </summary>
[Label("定期的な取組")]
public sealed class RecurringTask : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>実施課.</summary>
    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>The finding whose countermeasure created it, if any.</summary>
    [Label("指摘事項")]
    public Guid? FindingId { get; set; }

    /// <summary>取組の内容.</summary>
    [Label("取組の内容")]
    public required string Title { get; set; }

    [Label("頻度")]
    public TaskFrequency Frequency { get; set; }

    /// <summary>初回の期限; later occurrences fall on the same day of the month, one interval apart.</summary>
    [Label("初回の期限")]
    public DateOnly FirstDueOn { get; set; }

    /// <summary>終了日: no occurrence is due after it.</summary>
    [Label("回答期間（最終日）")]
    public DateOnly? EndOn { get; set; }

    [Label("備考")]
    public string? Note { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>実施記録: one occurrence of a recurring task, done.</summary>
[Label("定期的な取組の実施記録")]
public sealed class TaskCompletion : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("定期的な取組")]
    public Guid TaskId { get; set; }

    /// <summary>The occurrence (its due date) this completion is for.</summary>
    [Label("期限")]
    public DateOnly DueOn { get; set; }

    /// <summary>実施日.</summary>
    [Label("実施日")]
    public DateOnly DoneOn { get; set; }

    /// <summary>実施内容・結果.</summary>
    [Label("実施内容・結果")]
    public string? Note { get; set; }

    [Label("記録者")]
    public string? RecordedBy { get; set; }
}

/// <summary>One due date of a recurring task and its completion, if any.</summary>
public sealed record TaskOccurrence(DateOnly DueOn, TaskCompletion? Completion)
{
    public bool IsMissed(DateOnly today) => Completion is null && DueOn < today;
}

public static class TaskSchedule
{
    public static string JapaneseName(this TaskFrequency frequency) => frequency switch
    {
        TaskFrequency.Monthly => "毎月",
        TaskFrequency.Quarterly => "四半期ごと",
        TaskFrequency.HalfYearly => "半年ごと",
        _ => "毎年",
    };

    public static int Months(this TaskFrequency frequency) => frequency switch
    {
        TaskFrequency.Monthly => 1,
        TaskFrequency.Quarterly => 3,
        TaskFrequency.HalfYearly => 6,
        _ => 12,
    };

    /// <summary>
    /// The due dates up to and including the first one after <paramref name="today"/> (the next one to do), never
    /// past the end date. Each is counted from the first due date, so a 15th stays the 15th; a first due date on
    /// the last day of its month (6/30, 2/28) means 月末, so the next ones are the last days of theirs (7/31, 8/31).
    /// </summary>
    public static IReadOnlyList<DateOnly> DueDates(RecurringTask task, DateOnly today)
    {
        var dates = new List<DateOnly>();
        var first = task.FirstDueOn;
        var monthEnd = first.Day == DateTime.DaysInMonth(first.Year, first.Month);
        for (var k = 0; k < 1200; k++)
        {
            var due = first.AddMonths(k * task.Frequency.Months());
            if (monthEnd)
            {
                due = new DateOnly(due.Year, due.Month, DateTime.DaysInMonth(due.Year, due.Month));
            }
            if (task.EndOn is { } end && due > end)
            {
                break;
            }
            dates.Add(due);
            if (due >= today)
            {
                break;
            }
        }
        return dates;
    }

    /// <summary>The occurrences with their completions, oldest first.</summary>
    public static IReadOnlyList<TaskOccurrence> Occurrences(RecurringTask task, IEnumerable<TaskCompletion> completions, DateOnly today)
    {
        var byDue = completions.Where(c => c.TaskId == task.Id).GroupBy(c => c.DueOn).ToDictionary(g => g.Key, g => g.OrderBy(c => c.DoneOn).First());
        return DueDates(task, today).Select(d => new TaskOccurrence(d, byDue.GetValueOrDefault(d))).ToList();
    }
}

internal sealed class RecurringTaskConfiguration : IEntityTypeConfiguration<RecurringTask>
{
    public void Configure(EntityTypeBuilder<RecurringTask> b)
    {
        b.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Finding>().WithMany().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class TaskCompletionConfiguration : IEntityTypeConfiguration<TaskCompletion>
{
    public void Configure(EntityTypeBuilder<TaskCompletion> b)
    {
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasOne<RecurringTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.TaskId, x.DueOn }).IsUnique();
    }
}
