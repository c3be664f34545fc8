namespace Mamori.Core.Features.Council;

/// <summary>The Japanese names of the council module's values, as printed on pages and documents.</summary>
public static class CouncilNames
{
    public static string JapaneseName(this QuorumRule rule) => rule switch
    {
        QuorumRule.MoreThanHalf => "過半数",
        QuorumRule.HalfOrMore => "半数以上",
        QuorumRule.TwoThirds => "3分の2以上",
        _ => rule.ToString(),
    };

    public static string JapaneseName(this MemberRole role) => role switch
    {
        MemberRole.Member => "委員",
        MemberRole.Chair => "会長",
        MemberRole.ViceChair => "副会長（職務代理）",
        MemberRole.CommitteeChair => "委員長",
        _ => role.ToString(),
    };

    public static string JapaneseName(this MeetingKind kind) => kind switch
    {
        MeetingKind.InPerson => "対面",
        MeetingKind.Written => "書面開催",
        MeetingKind.Online => "オンライン",
        _ => kind.ToString(),
    };

    public static string JapaneseName(this MeetingStatus status) => status switch
    {
        MeetingStatus.Planned => "予定",
        MeetingStatus.Held => "開催済",
        MeetingStatus.MinutesConfirmed => "会議録確定",
        _ => status.ToString(),
    };

    public static string JapaneseName(this AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "出席",
        AttendanceStatus.Absent => "欠席",
        AttendanceStatus.Written => "書面回答",
        _ => status.ToString(),
    };

    public static string JapaneseName(this ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Approved => "承認",
        ItemOutcome.Acknowledged => "了承",
        ItemOutcome.Continued => "継続審議",
        ItemOutcome.Referred => "小委員会付託",
        ItemOutcome.Answered => "答申",
        ItemOutcome.Withdrawn => "取下げ",
        _ => outcome.ToString(),
    };

    public static string JapaneseName(this ItemKind kind) => kind switch
    {
        ItemKind.Consultation => "諮問",
        ItemKind.Report => "報告",
        ItemKind.Other => "その他",
        _ => kind.ToString(),
    };

    public static string JapaneseName(this OpinionKind kind) => kind switch
    {
        OpinionKind.Question => "質問",
        OpinionKind.Opinion => "意見",
        _ => kind.ToString(),
    };

    /// <summary>"諮問第76号", "報告第361号", or "その他".</summary>
    public static string Label(ItemKind kind, int? number) =>
        number is { } n ? $"{kind.JapaneseName()}第{n}号" : kind.JapaneseName();

    public static string Label(this AgendaItem item) => Label(item.Kind, item.Number);

    /// <summary>"答申第12号".</summary>
    public static string ToshinLabel(int number) => $"答申第{number}号";

    /// <summary>Whether an outcome ends the item's deliberation.</summary>
    public static bool IsFinal(this ItemOutcome outcome) =>
        outcome is ItemOutcome.Approved or ItemOutcome.Acknowledged or ItemOutcome.Answered or ItemOutcome.Withdrawn;

    /// <summary>The outcomes that fit an item of this kind.</summary>
    public static IReadOnlyList<ItemOutcome> OutcomesFor(ItemKind kind) => kind switch
    {
        ItemKind.Consultation => [ItemOutcome.Approved, ItemOutcome.Continued, ItemOutcome.Referred, ItemOutcome.Answered, ItemOutcome.Withdrawn],
        ItemKind.Report => [ItemOutcome.Acknowledged, ItemOutcome.Continued, ItemOutcome.Withdrawn],
        _ => [ItemOutcome.Approved, ItemOutcome.Acknowledged, ItemOutcome.Continued, ItemOutcome.Referred, ItemOutcome.Withdrawn],
    };

    /// <summary>
    /// The item's status derived from its history (outcomes in meeting order): 未付議, 審議予定, or the last
    /// outcome (継続審議, 小委員会付託 → 小委員会で審議中, 承認, 了承, 答申 → 答申済, 取下げ).
    /// </summary>
    public static string StatusName(bool onAnyMeeting, ItemOutcome? lastOutcome) => lastOutcome switch
    {
        null => onAnyMeeting ? "審議予定" : "未付議",
        ItemOutcome.Referred => "小委員会で審議中",
        ItemOutcome.Answered => "答申済",
        { } o => o.JapaneseName(),
    };

    /// <summary>"区の回答" / "市の回答": the municipality's own word for itself, from the end of its name.</summary>
    public static string OwnWord(string municipalityName)
    {
        var last = municipalityName.Length == 0 ? ' ' : municipalityName[^1];
        return last is '区' or '市' or '町' or '村' ? last.ToString() : "団体";
    }
}
