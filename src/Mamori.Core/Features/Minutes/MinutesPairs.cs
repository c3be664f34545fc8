namespace Mamori.Core.Features.Minutes;

/// <summary>A member's question and the answer to it, found among a meeting's speech turns.</summary>
public static class MinutesPairs
{
    /// <summary>How far (in speech turns) an answer is looked for after a question, or a question before an answer.</summary>
    public const int Window = 4;

    /// <summary>
    /// For a 委員's turn, the first turn of 事務局 or 所管課 after it within <see cref="Window"/> turns (the chair's
    /// 「事務局、お願いします」 passed over, another member's turn ending the search); for an answer, the nearest
    /// member's turn before it. <paramref name="turns"/> are the meeting's speech turns in order.
    /// </summary>
    public static (int Index, bool IsAnswer)? Find(IReadOnlyList<SpeakerGroup> turns, int at)
    {
        var step = turns[at] == SpeakerGroup.Member ? 1 : Answers(turns[at]) ? -1 : 0;
        for (var k = 1; step != 0 && k <= Window; k++)
        {
            var i = at + k * step;
            if (i < 0 || i >= turns.Count)
            {
                break;
            }
            if (step == 1 && Answers(turns[i]) || step == -1 && turns[i] == SpeakerGroup.Member)
            {
                return (i, step == 1);
            }
            if (step == 1 && turns[i] == SpeakerGroup.Member)
            {
                break;
            }
        }
        return null;
    }

    private static bool Answers(SpeakerGroup g) => g is SpeakerGroup.Secretariat or SpeakerGroup.Department;
}
