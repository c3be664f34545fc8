using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.Findings;

/// <summary>
/// The table the office shows the council for one inspection: per law, "改善指導の内容 | 区の対応（改善策）" —
/// printed, as Word and as Excel (with the status columns the office tracks).
/// </summary>
public sealed record FindingTable(Inspection Inspection, string MunicipalityName, IReadOnlyList<Finding> Findings, IReadOnlyDictionary<Guid, string> Departments)
{
    /// <summary>区, 市, 町 or 村 — whose countermeasure it is, as the column heading says (区の対応).</summary>
    public string Body => MunicipalityName.Length > 0 && "区市町村".Contains(MunicipalityName[^1], StringComparison.Ordinal) ? MunicipalityName[^1].ToString() : "団体";

    public string ResponseHeading => $"{Body}の対応（改善策）";

    public static async Task<FindingTable?> BuildAsync(AppDbContext db, Guid inspectionId, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().Include(i => i.Departments).FirstOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null)
        {
            return null;
        }
        var findings = await db.Findings.AsNoTracking().Where(f => f.InspectionId == inspectionId).ToListAsync(ct);
        var name = await db.Municipalities.Where(m => m.Id == inspection.MunicipalityId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        return new FindingTable(inspection, name, findings.OrderBy(f => f.Law).ThenBy(f => f.Number).ToList(),
            (await DepartmentTree.LoadAsync(db, ct)).ToDictionary(d => d.Id, d => d.Name));
    }

    /// <summary>"令和5年7月31日～令和5年8月4日".</summary>
    public static string Period(Inspection i) =>
        i.EndOn is { } end ? $"{WarekiDate.Format(i.StartOn)}～{WarekiDate.Format(end)}" : WarekiDate.Format(i.StartOn);

    /// <summary>The finding as the table prints it: 項目, then the text, then the provision in parentheses.</summary>
    public static string FindingCell(Finding f) =>
        $"{f.Heading}\n{f.Text}" + (f.Provision is { } p && !f.Text.Contains(p, StringComparison.Ordinal) ? $"（{p}）" : "");

    public IEnumerable<IGrouping<FindingLaw, Finding>> ByLaw() => Findings.GroupBy(f => f.Law);

    public PrintDocument ToDocument()
    {
        var blocks = new List<PrintBlock>
        {
            new PrintLine($"{Inspection.Title}の結果及び{Body}の対応", LineAlign.Center, Bold: true, Large: true),
            new PrintLine(""),
            new PrintLine($"実施期間　{Period(Inspection)}"),
        };
        if (Inspection.Inspector is { } inspector)
        {
            blocks.Add(new PrintLine($"実施機関　{inspector}"));
        }
        var departments = Inspection.Departments.Select(d => Departments.GetValueOrDefault(d.DepartmentId, "")).Where(n => n.Length > 0).ToList();
        if (departments.Count > 0)
        {
            blocks.Add(new PrintLine($"対象部署　{string.Join("、", departments)}"));
        }
        blocks.Add(new PrintLine($"指摘件数　{Findings.Count}件"));
        blocks.Add(new PrintLine(""));
        var group = 0;
        foreach (var law in ByLaw())
        {
            group++;
            blocks.Add(new PrintLine($"{group}　{law.Key.JapaneseName()}", Bold: true));
            blocks.Add(new PrintTable(["", "改善指導の内容", ResponseHeading],
                law.Select(f => (IReadOnlyList<string>)[FindingNames.NumberLabel(f.Number), FindingCell(f), f.Countermeasure ?? "（対応を検討中）"]).ToList(),
                [8, 46, 46]));
        }
        if (Findings.Count == 0)
        {
            blocks.Add(new PrintLine("指摘事項はありません。"));
        }
        return new PrintDocument($"{Inspection.Title} 改善指導の内容と{ResponseHeading}", blocks);
    }

    /// <summary>One row per finding with the tracking columns (対応課, 期限, 状況, 確認日).</summary>
    public byte[] ToXlsx()
    {
        var rows = Findings.Select(f => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["法令"] = f.Law.JapaneseName(),
            ["番号"] = f.Number,
            ["項目"] = f.Heading,
            ["改善指導の内容"] = f.Text,
            ["根拠"] = f.Provision,
            [ResponseHeading] = f.Countermeasure,
            ["対応課"] = Departments.GetValueOrDefault(f.DepartmentId, ""),
            ["担当者"] = f.Owner,
            ["対応期限"] = f.DueOn is { } due ? WarekiDate.Format(due) : null,
            ["状況"] = f.Status.JapaneseName(),
            ["対応完了日"] = f.DoneOn is { } done ? WarekiDate.Format(done) : null,
            ["確認日"] = f.CheckedOn is { } c ? WarekiDate.Format(c) : null,
            ["確認の内容"] = f.CheckNote,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows.Count > 0 ? rows : [new Dictionary<string, object?> { ["法令"] = null }], sheetName: "指摘事項");
        return stream.ToArray();
    }
}

/// <summary>A finding past its due date, for the dashboards.</summary>
public sealed record OverdueFinding(Guid Id, string Heading, string Inspection, Guid DepartmentId, DateOnly DueOn, FindingStatus Status);

/// <summary>An occurrence of a recurring task that was not recorded as done by its day.</summary>
public sealed record MissedOccurrence(Guid TaskId, string Title, Guid DepartmentId, DateOnly DueOn);

/// <summary>A report or notice an open incident still owes.</summary>
public sealed record PendingDuty(Guid IncidentId, int Number, string Title, Guid DepartmentId, string Duty, DateOnly? DueOn)
{
    /// <summary>期限超過 / 本日期限 / 残りN日 / 速やかに.</summary>
    public string Remaining(DateOnly today) => DueOn is not { } due
        ? "速やかに"
        : due < today ? $"期限超過（{today.DayNumber - due.DayNumber}日）" : due == today ? "本日期限" : $"残り{due.DayNumber - today.DayNumber}日";

    public bool IsOverdue(DateOnly today) => DueOn is { } due && due < today;

    /// <summary>How many days ahead a due date puts a duty on the home page as an alert.</summary>
    public const int SoonDays = 3;

    /// <summary>Due today or within <see cref="SoonDays"/> days (not yet overdue).</summary>
    public bool IsDueSoon(DateOnly today) => DueOn is { } due && due >= today && due.DayNumber - today.DayNumber <= SoonDays;
}

/// <summary>What is late or due, as seen by the current user (a 所管課 sees its own department's only).</summary>
public sealed record FindingsOverview(IReadOnlyList<OverdueFinding> OverdueFindings, int AwaitingCheck, IReadOnlyList<MissedOccurrence> MissedTasks,
    IReadOnlyList<PendingDuty> IncidentDuties)
{
    public static async Task<FindingsOverview> BuildAsync(AppDbContext db, Guid municipalityId, DateOnly today, CancellationToken ct)
    {
        var overdue = await db.Findings.AsNoTracking()
            .Where(f => f.MunicipalityId == municipalityId && f.DueOn < today && (f.Status == FindingStatus.NotStarted || f.Status == FindingStatus.InProgress))
            .Join(db.Inspections, f => f.InspectionId, i => i.Id, (f, i) => new OverdueFinding(f.Id, f.Heading, i.Title, f.DepartmentId, f.DueOn!.Value, f.Status))
            .ToListAsync(ct);
        var awaiting = await db.Findings.CountAsync(f => f.MunicipalityId == municipalityId && f.Status == FindingStatus.Done, ct);
        var tasks = await db.RecurringTasks.AsNoTracking().Where(t => t.MunicipalityId == municipalityId && t.FirstDueOn < today).ToListAsync(ct);
        var taskIds = tasks.Select(t => t.Id).ToList();
        var completions = await db.TaskCompletions.AsNoTracking().Where(c => taskIds.Contains(c.TaskId)).ToListAsync(ct);
        var missed = tasks.SelectMany(t => TaskSchedule.Occurrences(t, completions, today).Where(o => o.IsMissed(today))
            .Select(o => new MissedOccurrence(t.Id, t.Title, t.DepartmentId, o.DueOn))).ToList();
        var incidents = await db.Incidents.AsNoTracking().Where(i => i.MunicipalityId == municipalityId).Where(i => i.ClosedOn == null || i.PreliminaryReportedOn == null && i.PreliminaryDueOn != null
            || i.FinalReportedOn == null && i.FinalDueOn != null).ToListAsync(ct);
        var duties = incidents.SelectMany(i => IncidentDeadlines.Duties(i).Where(d => !d.IsDone)
            .Select(d => new PendingDuty(i.Id, i.Number, i.Title, i.DepartmentId, d.Name, d.DueOn))).ToList();
        return new FindingsOverview(
            overdue.OrderBy(f => f.DueOn).ToList(),
            awaiting,
            missed.OrderBy(m => m.DueOn).ToList(),
            duties.OrderBy(d => d.DueOn ?? DateOnly.MaxValue).ThenBy(d => d.Number).ToList());
    }
}
