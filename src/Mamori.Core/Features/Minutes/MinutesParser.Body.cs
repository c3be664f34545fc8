using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Minutes;

/// <summary>Reading the body of minutes: speakers and their turns, tables of 発言者 and 審議の内容, notes.</summary>
public static partial class MinutesParser
{
    /// <summary>
    /// Turns as the office types them on the minutes page (○発言者, 【発言者】, 発言者：, notes in parentheses), read by
    /// the same rules as the body of an imported file, so that both kinds of minutes mean the same.
    /// </summary>
    public static List<ParsedTurn> ParseTurns(string? text, string secretariat) =>
        ReadBody([.. (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd())],
            secretariat).Turns;

    /// <summary>The text that <see cref="ParseTurns"/> reads back into the same turns.</summary>
    public static string Format(IEnumerable<ParsedTurn> turns)
    {
        var sb = new StringBuilder();
        foreach (var turn in turns)
        {
            sb.Append(turn.IsNote ? turn.Text : $"【{turn.Speaker}】{turn.Text}").Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Where the speech begins: the 発言者 table's heading, or the first line that starts a turn.</summary>
    private static int BodyStart(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (TableHeader().IsMatch(lines[i]) || SpeakerOf(lines[i].Trim().Trim('\u3000'), NextText(lines, i)) is not null
                || SpeakerCell(lines[i]) is { Who.Length: > 0, Said.Length: > 0 } && MatchKey(lines[i].Trim()) is null)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// Up to three lines with text after line <paramref name="i"/>, trimmed and joined by line ends, or null:
    /// what tells whether a speaker alone on a line is followed by speech (a narrow column wraps a sentence,
    /// and a wrap may leave its 。 at the start of the third line). It stops before the next speaker.
    /// </summary>
    private static string? NextText(List<string> lines, int i)
    {
        var taken = new List<string>();
        for (var j = i + 1; j < lines.Count && taken.Count < 3; j++)
        {
            var t = lines[j].Trim().Trim('\u3000');
            if (t.Length == 0)
            {
                continue;
            }
            if (taken.Count > 0 && (Marks.Contains(t[0]) || t[0] == '【' || SpeakerAlone(t) is not null))
            {
                break;
            }
            taken.Add(t);
        }
        return taken.Count == 0 ? null : string.Join('\n', taken);
    }

    private static (List<ParsedTurn> Turns, TimeOnly? Start, TimeOnly? End) ReadBody(List<string> lines, string secretariat)
    {
        var body = new BodyReader(secretariat);
        for (var i = 0; i < lines.Count; i++)
        {
            body.Read(lines[i], NextText(lines, i));
        }
        return body.Finish();
    }

    /// <summary>
    /// The body read line by line: the turn being collected, the notes waiting for it to end, and the opening and
    /// closing times seen on the way.
    /// </summary>
    private sealed class BodyReader(string secretariat)
    {
        private readonly List<ParsedTurn> _turns = [];
        private readonly StringBuilder _text = new();
        private readonly List<string> _pendingNotes = [];
        private TimeOnly? _start, _end;
        private string? _speaker;
        private bool _table;

        public void Read(string raw, string? next)
        {
            if (TableHeader().IsMatch(raw))
            {
                _table = true;
                return;
            }
            var line = raw.Trim().Trim('\u3000');
            if (line.Length == 0)
            {
                return;
            }
            if (OpeningOrClosing().Match(RemoveSpaces(line.Normalize(NormalizationForm.FormKC))) is { Success: true } oc)
            {
                var time = ToTime(TimePattern().Match(oc.Groups["time"].Value));
                if (oc.Groups["what"].Value is "開会" or "開始")
                {
                    _start ??= time;
                }
                else
                {
                    _end = time ?? _end;
                }
                Flush();
                Note(line);
                return;
            }
            // The office's address in a page footer or at the end is not part of anyone's speech, in a table row or not.
            if (Contact().IsMatch(line.Replace('\t', ' ')))
            {
                return;
            }
            if (_table && (raw.Contains('\t', StringComparison.Ordinal) || raw.TrimStart().StartsWith('|')))
            {
                ReadTableRow(raw);
                return;
            }
            // Rows of a table without its heading (a PDF's speaker column, a Word or web table): a speaker in the
            // first cell starts a turn, an empty first cell continues it.
            if (raw.Contains('\t', StringComparison.Ordinal) && SpeakerCell(raw) is { } cell)
            {
                if (cell.Who.Length > 0)
                {
                    Flush();
                    _speaker = cell.Who;
                }
                Add(Paragraphs(cell.Said));
                return;
            }
            // In a table a speaker alone on a line is a speaker cell whose text starts lower (a cell with padding).
            if (SpeakerOf(line, next, inBody: true) is { } turn && (!_table || turn.Text.Length == 0))
            {
                Flush();
                _speaker = turn.Speaker;
                _text.Append(Paragraphs(turn.Text));
                return;
            }
            if (IsStageDirection(line))
            {
                if (_speaker is null)
                {
                    Note(line);
                }
                else
                {
                    _pendingNotes.Add(line);
                }
                return;
            }
            if (IsSectionMarker(line))
            {
                Flush();
                Note(line);
                return;
            }
            Add(Paragraphs(line));
        }

        public (List<ParsedTurn> Turns, TimeOnly? Start, TimeOnly? End) Finish()
        {
            Flush();
            DropClosingMark(_turns);
            return (_turns, _start, _end);
        }

        /// <summary>A row of a 発言者 | 審議の内容 table: an empty speaker cell continues the turn.</summary>
        private void ReadTableRow(string raw)
        {
            var row = raw.Trim().Trim('|');
            var cells = row.Split(raw.Contains('\t', StringComparison.Ordinal) ? '\t' : '|', 2);
            var who = cells.Length > 1 ? RemoveSpaces(cells[0]) : string.Empty;
            var said = Paragraphs(cells.Length > 1 ? cells[1] : cells[0]);
            if (who.Length > 0)
            {
                Flush();
                _speaker = who;
                _text.Append(said);
            }
            else
            {
                Add(said);
            }
        }

        private void Flush()
        {
            if (_speaker is not null)
            {
                var role = RoleOf(_speaker);
                _turns.Add(new ParsedTurn(_speaker, role, GroupOf(_speaker, role, secretariat), Clean(_text.ToString()), false));
            }
            _speaker = null;
            _text.Clear();
            foreach (var note in _pendingNotes)
            {
                Note(note);
            }
            _pendingNotes.Clear();
        }

        private void Note(string note)
        {
            var cleaned = Clean(note);
            if (cleaned.Length > 0)
            {
                _turns.Add(new ParsedTurn(string.Empty, null, SpeakerGroup.Unknown, cleaned, true));
            }
        }

        private void Continue(string more)
        {
            if (more.Length == 0)
            {
                return;
            }
            if (_text.Length > 0 && EndsSentence(_text[^1]))
            {
                _text.Append('\n');
            }
            _text.Append(more);
        }

        // Text without a speaker marker: a stage direction becomes a note after the turn it interrupts
        // (the turn goes on after it), anything else continues the turn.
        private void Add(string paragraph)
        {
            if (paragraph.Length == 0)
            {
                return;
            }
            if (_speaker is null)
            {
                Note(paragraph);
            }
            else if (IsWhollyParenthesized(paragraph))
            {
                _pendingNotes.Add(paragraph);
            }
            else
            {
                Continue(paragraph);
            }
        }
    }

    /// <summary>会長・委員・事務局・所管課 from the role, or from the 事務局 line of the header.</summary>
    public static SpeakerGroup GroupOf(string speaker, string? role, string secretariat)
    {
        if (role is not null && ChairRoles.Contains(role))
        {
            return SpeakerGroup.Chair;
        }
        if (role == "委員")
        {
            return SpeakerGroup.Member;
        }
        if (role == "事務局")
        {
            return SpeakerGroup.Secretariat;
        }
        // 前田課長 with 担当部課名 "市民相談課長 前田 広子", 区政情報課長 with "総合政策部 区政情報課".
        var name = role is null ? speaker : speaker[..^role.Length];
        if (name.Length > 0 && secretariat.Length > 0)
        {
            var core = name.EndsWith("担当", StringComparison.Ordinal) ? name[..^2] : name;
            if (core.Length > 0 && secretariat.Contains(core, StringComparison.Ordinal)
                || role is "課長" or "部長" && secretariat.Contains(name + role, StringComparison.Ordinal))
            {
                return SpeakerGroup.Secretariat;
            }
        }
        return role is null ? SpeakerGroup.Unknown : SpeakerGroup.Department;
    }

    /// <summary>A document's closing "以上" is not speech.</summary>
    private static void DropClosingMark(List<ParsedTurn> turns)
    {
        for (var i = turns.Count - 1; i >= 0; i--)
        {
            var turn = turns[i];
            var lines = turn.Text.Split('\n').ToList();
            if (RemoveSpaces(lines[^1]) != "以上")
            {
                return;
            }
            lines.RemoveAt(lines.Count - 1);
            if (lines.Count == 0)
            {
                turns.RemoveAt(i);
                continue;
            }
            turns[i] = turn with { Text = string.Join('\n', lines) };
            return;
        }
    }
}
