namespace Mamori.Core.Features.Minutes;

/// <summary>What kind of agenda entry a minutes header lists.</summary>
public enum AgendaKind
{
    /// <summary>諮問.</summary>
    Consultation,

    /// <summary>報告.</summary>
    Report,

    /// <summary>その他.</summary>
    Other,
}

/// <summary>Who a speaker is for the search filter: 会長・委員・事務局・所管課.</summary>
public enum SpeakerGroup
{
    /// <summary>Not told by the minutes.</summary>
    Unknown,

    /// <summary>会長, 副会長, 委員長, 部会長, 職務代理者.</summary>
    Chair,

    /// <summary>委員.</summary>
    Member,

    /// <summary>事務局 (the office that runs the council).</summary>
    Secretariat,

    /// <summary>所管課・説明員 (the department explaining its case).</summary>
    Department,
}

/// <summary>An agenda entry: 諮問第76号, 報告第361号 or a title without a number.</summary>
public sealed record ParsedAgendaItem(AgendaKind Kind, int? Number, string Title);

/// <summary>One speaker turn, or a note that is not speech (（「異議なし」の声あり）).</summary>
public sealed record ParsedTurn(string Speaker, string? Role, SpeakerGroup Group, string Text, bool IsNote);

/// <summary>
/// Minutes read from text: the header and every turn in order. A summary (議事要旨) names no speakers: its
/// turns are the sections of the proceedings, stored as notes, never as invented speech.
/// </summary>
public sealed record ParsedMinutes(
    string Title,
    DateOnly HeldOn,
    TimeOnly? StartTime,
    TimeOnly? EndTime,
    string? Place,
    IReadOnlyList<string> Attendees,
    IReadOnlyList<string> Absentees,
    IReadOnlyList<string> Explainers,
    IReadOnlyList<string> Secretariat,
    IReadOnlyList<ParsedAgendaItem> Agenda,
    IReadOnlyList<ParsedTurn> Turns,
    bool IsSummary = false)
{
    /// <summary>The speech turns, without the notes.</summary>
    public IEnumerable<ParsedTurn> Utterances => Turns.Where(t => !t.IsNote);

    /// <summary>The council's name: the title without "令和4年度第6回" in front.</summary>
    public string CouncilName => MinutesParser.CouncilNameOf(Title);

    /// <summary>"令和4年度第6回" from the title, or the title itself when it has no such part.</summary>
    public string MeetingTitle => MinutesParser.MeetingTitleOf(Title);
}
