using Mamori.Core.Features.Findings;
using Mamori.Features.Shared;

namespace Mamori.Features.Findings.Incidents;

/// <summary>What the incident pages share.</summary>
public static class IncidentsPages
{
    public static Crumb Root { get; } = new("漏えい等事案", "/incidents");

    /// <summary>The badge class of a duty: overdue in red, due within three days in orange.</summary>
    public static string DutyClass(IncidentDuty duty, DateOnly today) => duty.IsDone || duty.DueOn is not { } due
        ? "badge state-planned"
        : due < today ? "badge state-overdue" : due.DayNumber - today.DayNumber <= 3 ? "badge state-duesoon" : "badge";

    /// <summary>報告済（令和6年9月24日） / 期限 令和6年9月24日（残り2日） / 期限超過.</summary>
    public static string DutyText(IncidentDuty duty, DateOnly today)
    {
        if (duty.DoneOn is { } done)
        {
            return $"済（{Mamori.Core.Japanese.WarekiDate.Format(done)}）";
        }
        if (duty.DueOn is not { } due)
        {
            return "未了（速やかに）";
        }
        var left = due.DayNumber - today.DayNumber;
        return $"期限 {Mamori.Core.Japanese.WarekiDate.Format(due)}（" + (left < 0 ? $"{-left}日超過" : left == 0 ? "本日" : $"残り{left}日") + "）";
    }
}
