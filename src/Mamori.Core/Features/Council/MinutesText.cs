using System.Text;

namespace Mamori.Core.Features.Council;

/// <summary>
/// The text form of a meeting's minutes as the office types them: a turn starts with 【発言者】 or ○発言者
/// (the speaker ends at the first space), following lines continue it, and a line wholly in parentheses
/// such as （「異議なし」の声あり） is a note, not speech.
/// </summary>
public static class MinutesText
{
    /// <summary>One speaker turn, or a note when <see cref="IsNote"/>.</summary>
    public sealed record Turn(string Speaker, string Text, bool IsNote);

    public static List<Turn> Parse(string? text)
    {
        var turns = new List<Turn>();
        string? speaker = null;
        var body = new StringBuilder();

        void Flush()
        {
            var t = body.ToString().Trim();
            if (speaker is not null && t.Length > 0)
            {
                turns.Add(new Turn(speaker, t, false));
            }
            body.Clear();
        }

        foreach (var raw in (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim().Trim('\u3000');
            if (line.Length == 0)
            {
                continue;
            }
            if (IsNote(line))
            {
                Flush();
                turns.Add(new Turn(string.Empty, line, true));
                continue;
            }
            if (line[0] == '【' && line.IndexOf('】', StringComparison.Ordinal) is > 1 and var close)
            {
                Flush();
                speaker = RemoveSpaces(line[1..close]);
                body.Append(line[(close + 1)..].Trim());
                continue;
            }
            if (line[0] == '○' && line.Length > 1)
            {
                Flush();
                var rest = line[1..];
                var space = rest.IndexOfAny([' ', '\u3000']);
                speaker = space < 0 ? rest : rest[..space];
                body.Append(space < 0 ? string.Empty : rest[(space + 1)..].Trim());
                continue;
            }
            if (speaker is null)
            {
                turns.Add(new Turn(string.Empty, line, true));
                continue;
            }
            if (body.Length > 0)
            {
                body.Append('\n');
            }
            body.Append(line);
        }
        Flush();
        return turns;
    }

    /// <summary>The text that <see cref="Parse"/> reads back into the same turns.</summary>
    public static string Format(IEnumerable<Turn> turns)
    {
        var sb = new StringBuilder();
        foreach (var turn in turns)
        {
            sb.Append(turn.IsNote ? turn.Text : $"【{turn.Speaker}】{turn.Text}").Append('\n');
        }
        return sb.ToString();
    }

    private static bool IsNote(string line) =>
        (line[0] == '（' && line[^1] == '）') || (line[0] == '(' && line[^1] == ')');

    private static string RemoveSpaces(string s) => s.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\u3000", string.Empty, StringComparison.Ordinal);
}
