namespace Mamori.Core.Features.Council;

/// <summary>Whether a meeting had its quorum, with the sentence the meeting page and the minutes print.</summary>
public sealed record QuorumResult(bool Met, int InOffice, int Counted, int Required, string Explanation);

/// <summary>
/// 定足数: counts the members in office on the meeting date and those who took part — present (出席) at a
/// meeting held in person or online, answering in writing (書面回答) at a written meeting — against the
/// council's rule.
/// </summary>
public static class Quorum
{
    /// <summary>The number of members needed out of <paramref name="inOffice"/>.</summary>
    public static int Required(QuorumRule rule, int inOffice) => rule switch
    {
        QuorumRule.MoreThanHalf => inOffice / 2 + 1,
        QuorumRule.HalfOrMore => (inOffice + 1) / 2,
        QuorumRule.TwoThirds => (2 * inOffice + 2) / 3,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    /// <summary>Whether a member's attendance counts toward the quorum at a meeting of this kind.</summary>
    public static bool Counts(MeetingKind kind, AttendanceStatus status) =>
        kind == MeetingKind.Written ? status is AttendanceStatus.Written : status is AttendanceStatus.Present;

    /// <summary>
    /// Evaluates the quorum on <paramref name="heldOn"/>. Attendance of members not in office that day is ignored.
    /// </summary>
    public static QuorumResult Evaluate(QuorumRule rule, MeetingKind kind, DateOnly heldOn, IEnumerable<CouncilMember> members,
        IReadOnlyDictionary<Guid, AttendanceStatus> attendance)
    {
        var inOffice = members.Where(m => m.InOfficeOn(heldOn)).ToList();
        var counted = inOffice.Count(m => attendance.TryGetValue(m.Id, out var s) && Counts(kind, s));
        if (inOffice.Count == 0)
        {
            return new QuorumResult(false, 0, counted, 1, "開催日に在任中の委員がいません。委員の任期を確認してください。");
        }
        var required = Required(rule, inOffice.Count);
        var met = counted >= required;
        var verb = kind == MeetingKind.Written ? "が書面で回答" : "出席";
        var ruleName = rule.JapaneseName();
        var explanation = met
            ? $"委員{inOffice.Count}名中{counted}名{verb}、{ruleName}を満たす"
            : $"委員{inOffice.Count}名中{counted}名{verb}、{ruleName}に達しない（{required}名以上が必要）";
        return new QuorumResult(met, inOffice.Count, counted, required, explanation);
    }
}
