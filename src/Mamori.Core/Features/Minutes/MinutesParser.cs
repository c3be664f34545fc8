using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Reads minutes from the text of a PDF. The header is keyed lines (会議の名称, 日時, 場所, 出席委員, 欠席者,
/// 説明員, 事務局, 議題 — keys may be spaced out, followed by a tab, colon or space) or, without keys, a
/// title line and a date line. Turns are <c>○発言者 発言</c>, <c>【発言者】発言</c>, <c>発言者：発言</c> or
/// rows of a <c>発言者 | 審議の内容</c> table (an empty speaker cell continues the turn, cells may hold
/// <c>&lt;p&gt;</c>). Extraction noise is undone: page numbers on their own line, a word or number broken
/// over lines, spaces inside names and numbers. A line wholly in parentheses outside a turn is a note.
/// </summary>
public static partial class MinutesParser
{
    private static readonly string[] RoleSuffixes =
    [
        "会長職務代理者", "職務代理者", "副委員長", "委員長", "副会長", "部会長", "副議長", "議長", "会長", "委員",
        "事務局長", "事務局次長", "事務局", "担当副参事", "副参事", "参事", "課長補佐", "担当課長", "課長", "担当部長", "部長",
        "副区長", "副市長", "副町長", "副村長", "区長", "市長", "町長", "村長", "教育長",
        "室長", "所長", "次長", "局長", "係長", "主幹", "主査", "主任", "主事", "技師", "説明員", "実施機関", "幹事", "書記",
    ];

    private static readonly HashSet<string> ChairRoles = ["会長", "副会長", "委員長", "副委員長", "部会長", "職務代理者", "議長", "副議長"];

    private enum HeaderKey { Title, When, Place, Attendees, Absentees, Explainers, Secretariat, Agenda, Other }

    private static readonly (string Key, HeaderKey Kind)[] HeaderKeys =
    [
        ("会議の名称", HeaderKey.Title), ("会議名称", HeaderKey.Title), ("会議名", HeaderKey.Title), ("名称", HeaderKey.Title),
        ("開催日時", HeaderKey.When), ("日時", HeaderKey.When), ("開催日", HeaderKey.When), ("開催年月日", HeaderKey.When),
        ("開催場所", HeaderKey.Place), ("場所", HeaderKey.Place), ("会場", HeaderKey.Place),
        ("出席者の氏名", HeaderKey.Attendees), ("出席者氏名", HeaderKey.Attendees), ("出席委員", HeaderKey.Attendees),
        ("出席者", HeaderKey.Attendees), ("出席", HeaderKey.Attendees),
        ("欠席者の氏名", HeaderKey.Absentees), ("欠席者氏名", HeaderKey.Absentees), ("欠席委員", HeaderKey.Absentees),
        ("欠席者", HeaderKey.Absentees), ("欠席", HeaderKey.Absentees),
        ("説明者の職・氏名", HeaderKey.Explainers), ("説明者", HeaderKey.Explainers), ("説明員", HeaderKey.Explainers),
        ("出席説明員", HeaderKey.Explainers), ("出席した職員", HeaderKey.Explainers),
        ("担当部課名", HeaderKey.Secretariat), ("事務局職員", HeaderKey.Secretariat), ("事務局", HeaderKey.Secretariat),
        ("会議次第", HeaderKey.Agenda), ("次第", HeaderKey.Agenda), ("議題", HeaderKey.Agenda), ("議事", HeaderKey.Agenda),
        ("案件", HeaderKey.Agenda), ("審議事項", HeaderKey.Agenda),
        ("会議資料", HeaderKey.Other), ("配布資料", HeaderKey.Other), ("資料", HeaderKey.Other), ("傍聴者", HeaderKey.Other),
        ("傍聴人数", HeaderKey.Other), ("傍聴者数", HeaderKey.Other), ("会議の公開", HeaderKey.Other), ("公開・非公開", HeaderKey.Other),
        ("公開の可否", HeaderKey.Other), ("会議録署名", HeaderKey.Other), ("問合せ先", HeaderKey.Other), ("担当", HeaderKey.Other),
    ];

    private static readonly HashSet<string> ProceduralAgenda =
        ["開会", "閉会", "議題", "議事", "審議事項", "諮問事項", "報告事項", "あいさつ", "挨拶", "会長あいさつ", "会長挨拶", "開会あいさつ", "閉会あいさつ", "事務連絡", "その他連絡"];

    private static readonly Regex[] HeaderPatterns = HeaderKeys
        .Select(k => new Regex(
            @"^(?:[■◆●□◇・]|[0-9０-９]{1,2}\s*[.．、)）]?|[(（][0-9０-９]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．])?\s*【?\s*"
            + string.Join(@"\s*", k.Key.Select(c => Regex.Escape(c.ToString())))
            + @"\s*】?(?:\s*[:：\t]\s*|[\s　]+|$)(?<value>.*)$", RegexOptions.CultureInvariant))
        .ToArray();

    /// <summary>Parses <paramref name="text"/>; a text that is not minutes fails with the reason, in Japanese.</summary>
    public static Outcome<ParsedMinutes> Parse(string? text, string fileName = "ファイル")
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Outcome<ParsedMinutes>.Fail("File", $"{fileName} は空です。会議録の本文（PDF から取り出したテキスト）を選んでください。");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return Outcome<ParsedMinutes>.Fail("File", $"{fileName} はテキストファイルではありません。PDF から取り出したテキスト（.txt）を選んでください。");
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\f', '\n').TrimStart('\uFEFF')
            .Split('\n')
            .Select(l => l.TrimEnd())
            .Where(l => !IsNoise(l))
            .ToList();

        var bodyStart = lines.FindIndex(IsBodyStart);
        if (bodyStart < 0)
        {
            return Outcome<ParsedMinutes>.Fail("File",
                $"{fileName} に発言が見つかりません。会議録は「○会長　発言…」「【会長】発言…」または「発言者」と「審議の内容」の表の形で発言者を示してください。");
        }

        var header = ReadHeader(lines.Take(bodyStart).ToList());
        var (turns, bodyStartTime, bodyEndTime) = ReadBody(lines.Skip(bodyStart).ToList(), header.SecretariatText);
        var speech = turns.Count(t => !t.IsNote);
        if (speech == 0)
        {
            return Outcome<ParsedMinutes>.Fail("File", $"{fileName} に発言が見つかりません。発言者の行に続けて発言の本文を入れてください。");
        }
        if (header.HeldOn is not { } heldOn)
        {
            return Outcome<ParsedMinutes>.Fail("File",
                $"{fileName} に開催日が見つかりません。冒頭に「開催日時　令和5年10月27日（金）午前10時～」のような行を入れてください。");
        }

        return Outcome<ParsedMinutes>.Success(new ParsedMinutes(
            header.Title ?? "会議録",
            heldOn,
            header.Start ?? bodyStartTime,
            header.End ?? bodyEndTime,
            header.Place,
            header.Attendees,
            header.Absentees,
            header.Explainers,
            header.Secretariat,
            header.Agenda,
            turns));
    }

    /// <summary>The council's name: "令和4年度第6回新宿区…審議会" → "新宿区…審議会".</summary>
    public static string CouncilNameOf(string title)
    {
        var m = SessionPrefix().Match(title);
        var rest = m.Success ? title[m.Length..].Trim() : title.Trim();
        return rest.Length == 0 ? title.Trim() : rest;
    }

    /// <summary>"令和4年度第6回" from the title, or the whole title.</summary>
    public static string MeetingTitleOf(string title)
    {
        var m = SessionPrefix().Match(title);
        return m.Success && m.Length < title.Trim().Length ? m.Value.Trim() : title.Trim();
    }

    /// <summary>What the speaker's title is (会長, 委員, 課長, 事務局 …), or null when it cannot be told.</summary>
    public static string? RoleOf(string speaker)
    {
        var s = speaker.Normalize(NormalizationForm.FormKC);
        foreach (var suffix in RoleSuffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                return suffix switch
                {
                    "会長職務代理者" => "職務代理者",
                    "担当課長" => "課長",
                    "担当部長" => "部長",
                    "担当副参事" => "副参事",
                    "事務局長" or "事務局次長" => "事務局",
                    _ => suffix,
                };
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- header

    private sealed class Header
    {
        public string? Title;
        public DateOnly? HeldOn;
        public TimeOnly? Start;
        public TimeOnly? End;
        public string? Place;
        public List<string> Attendees = [];
        public List<string> Absentees = [];
        public List<string> Explainers = [];
        public List<string> Secretariat = [];
        public List<ParsedAgendaItem> Agenda = [];
        public string SecretariatText = string.Empty;
    }

    private static Header ReadHeader(List<string> lines)
    {
        var header = new Header();
        var values = new Dictionary<HeaderKey, StringBuilder>();
        HeaderKey? current = null;
        var untitled = new List<string>();
        foreach (var raw in lines)
        {
            var line = raw.Trim().Trim('\u3000');
            if (line.Length == 0)
            {
                continue;
            }
            var keyed = MatchKey(line);
            if (keyed is { } k)
            {
                current = k.Kind;
                if (!values.TryGetValue(k.Kind, out var sb))
                {
                    values[k.Kind] = sb = new StringBuilder();
                }
                if (k.Value.Length > 0)
                {
                    sb.Append(sb.Length > 0 ? "\n" : string.Empty).Append(k.Value);
                }
                continue;
            }
            if (current is { } open && open is HeaderKey.Attendees or HeaderKey.Absentees or HeaderKey.Explainers
                    or HeaderKey.Secretariat or HeaderKey.Agenda or HeaderKey.Other
                || current is { } single && values[single].Length == 0)
            {
                var sb = values[current!.Value];
                sb.Append(sb.Length > 0 ? "\n" : string.Empty).Append(line);
                continue;
            }
            untitled.Add(line);
        }

        string? Value(HeaderKey key) => values.TryGetValue(key, out var sb) && sb.Length > 0 ? sb.ToString() : null;

        header.Title = Value(HeaderKey.Title) is { } t ? Clean(t.Replace('\n', ' ')) : null;
        if (Value(HeaderKey.When) is { } when)
        {
            ReadWhen(when, header);
        }
        header.Place = Value(HeaderKey.Place) is { } p ? CollapseSpaces(p.Replace('\n', ' ')) : null;
        header.Attendees = Names(Value(HeaderKey.Attendees));
        header.Absentees = Names(Value(HeaderKey.Absentees));
        header.Explainers = Value(HeaderKey.Explainers) is { } e ? Entries(e) : [];
        header.Secretariat = Value(HeaderKey.Secretariat) is { } sec ? Entries(sec) : [];
        header.SecretariatText = RemoveSpaces(Value(HeaderKey.Secretariat) ?? string.Empty);
        header.Agenda = Agenda(Value(HeaderKey.Agenda));

        // Without keys: "令和4年度 第6回" / "…審議会会議録" / "令和4年11月17日(木)" / "新宿区 総合政策部 区政情報課".
        var prefix = new List<string>();
        foreach (var line in untitled)
        {
            var compact = RemoveSpaces(line.Normalize(NormalizationForm.FormKC));
            if (header.HeldOn is null && DatePattern().Match(compact) is { Success: true, Index: 0 })
            {
                ReadWhen(line, header);
                continue;
            }
            if (OpeningOrClosing().Match(compact) is { Success: true } oc)
            {
                var time = ToTime(TimePattern().Match(oc.Groups["time"].Value));
                if (oc.Groups["what"].Value is "開会" or "開始")
                {
                    header.Start ??= time;
                }
                else
                {
                    header.End ??= time;
                }
                continue;
            }
            var written = RemoveSpaces(line);
            if (header.Title is null && SessionPrefix().Match(written) is { Success: true } s && s.Length == written.Length)
            {
                prefix.Add(written);
                continue;
            }
            if (header.Title is null && CouncilWord().IsMatch(written))
            {
                header.Title = string.Concat(prefix) + TitleSuffix().Replace(written, string.Empty);
                continue;
            }
            if (header.HeldOn is not null && OfficeLine().IsMatch(compact))
            {
                header.SecretariatText += compact;
                header.Secretariat.Add(CollapseSpaces(line));
            }
        }
        return header;
    }

    private static (HeaderKey Kind, string Value)? MatchKey(string line)
    {
        for (var i = 0; i < HeaderKeys.Length; i++)
        {
            var m = HeaderPatterns[i].Match(line);
            if (m.Success)
            {
                return (HeaderKeys[i].Kind, m.Groups["value"].Value.Trim().Trim('\u3000'));
            }
        }
        return null;
    }

    private static void ReadWhen(string value, Header header)
    {
        var compact = RemoveSpaces(value.Normalize(NormalizationForm.FormKC));
        var date = DatePattern().Match(compact);
        if (date.Success && WarekiDate.TryParse(date.Value, out var heldOn, out _))
        {
            header.HeldOn = heldOn;
        }
        var rest = date.Success ? compact[(date.Index + date.Length)..] : compact;
        var times = TimePattern().Matches(rest).Select(ToTime).Where(t => t is not null).ToList();
        if (times.Count > 0)
        {
            header.Start = times[0];
        }
        if (times.Count > 1)
        {
            header.End = times[1];
        }
    }

    private static TimeOnly? ToTime(Match m)
    {
        if (m.Groups["noon"].Success)
        {
            return new TimeOnly(12, 0);
        }
        int hour, minute;
        if (m.Groups["hh"].Success)
        {
            hour = int.Parse(m.Groups["hh"].Value, CultureInfo.InvariantCulture);
            minute = int.Parse(m.Groups["mm"].Value, CultureInfo.InvariantCulture);
        }
        else
        {
            hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
            minute = m.Groups["half"].Success ? 30 : m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
            if (m.Groups["ampm"].Value == "午後" && hour < 12)
            {
                hour += 12;
            }
        }
        return hour is >= 0 and < 24 && minute is >= 0 and < 60 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>"千草孝雄(会長)、久保田政江" → names without the role in parentheses.</summary>
    private static List<string> Names(string? value) =>
        value is null ? [] : Entries(value).Select(n => RemoveSpaces(TrailingParen().Replace(n, string.Empty)).Trim('◎', '○', '〇', '・'))
            .Where(n => n.Length > 0 && n is not ("なし" or "無し" or "全員"))
            .ToList();

    private static List<string> Entries(string value)
    {
        var parts = value.IndexOfAny(['、', ',', '，', '\n']) >= 0
            ? value.Split(['、', ',', '，', '\n'])
            : value.Split(['\u3000', '\t']);
        return parts.Select(p => CollapseSpaces(p).Trim()).Where(p => p.Length > 0).ToList();
    }

    private static List<ParsedAgendaItem> Agenda(string? value)
    {
        if (value is null)
        {
            return [];
        }
        var items = new List<ParsedAgendaItem>();
        foreach (var line in value.Split('\n'))
        {
            foreach (var part in AgendaMarker().Split(line))
            {
                var entry = Clean(LeadingNumber().Replace(part.Trim().Trim('\u3000'), string.Empty));
                if (entry.Length == 0 || ProceduralAgenda.Contains(entry))
                {
                    continue;
                }
                var numbered = AgendaNumber().Match(entry.Normalize(NormalizationForm.FormKC));
                if (!numbered.Success)
                {
                    items.Add(new ParsedAgendaItem(AgendaKind.Other, null, entry));
                    continue;
                }
                var kind = numbered.Groups["kind"].Value == "諮問" ? AgendaKind.Consultation : AgendaKind.Report;
                var number = int.Parse(numbered.Groups["n"].Value, CultureInfo.InvariantCulture);
                var title = AgendaNumberWithParens().Replace(entry.Normalize(NormalizationForm.FormKC), string.Empty).Trim(' ', '　', '、', ':', '：', '-');
                items.Add(new ParsedAgendaItem(kind, number, title.Length == 0 ? entry : title));
            }
        }
        return items;
    }

    // ---------------------------------------------------------------- body

    private static bool IsBodyStart(string line) =>
        TableHeader().IsMatch(line) || SpeakerOf(line.Trim().Trim('\u3000')) is not null;

    private static (List<ParsedTurn> Turns, TimeOnly? Start, TimeOnly? End) ReadBody(List<string> lines, string secretariat)
    {
        var turns = new List<ParsedTurn>();
        TimeOnly? start = null, end = null;
        string? speaker = null;
        var text = new StringBuilder();
        var table = false;

        var pendingNotes = new List<string>();

        void Flush()
        {
            if (speaker is not null)
            {
                var body = Clean(text.ToString());
                var role = RoleOf(speaker);
                turns.Add(new ParsedTurn(speaker, role, GroupOf(speaker, role, secretariat), body, false));
            }
            speaker = null;
            text.Clear();
            foreach (var note in pendingNotes)
            {
                Note(note);
            }
            pendingNotes.Clear();
        }

        void Note(string note)
        {
            var cleaned = Clean(note);
            if (cleaned.Length > 0)
            {
                turns.Add(new ParsedTurn(string.Empty, null, SpeakerGroup.Unknown, cleaned, true));
            }
        }

        void Continue(string more)
        {
            if (more.Length == 0)
            {
                return;
            }
            if (text.Length > 0 && EndsSentence(text[^1]))
            {
                text.Append('\n');
            }
            text.Append(more);
        }

        // Text without a speaker marker: a stage direction becomes a note after the turn it interrupts
        // (the turn goes on after it), anything else continues the turn.
        void Add(string paragraph)
        {
            if (paragraph.Length == 0)
            {
                return;
            }
            if (speaker is null)
            {
                Note(paragraph);
            }
            else if (IsWhollyParenthesized(paragraph))
            {
                pendingNotes.Add(paragraph);
            }
            else
            {
                Continue(paragraph);
            }
        }

        foreach (var raw in lines)
        {
            if (TableHeader().IsMatch(raw))
            {
                table = true;
                continue;
            }
            var line = raw.Trim().Trim('\u3000');
            if (line.Length == 0)
            {
                continue;
            }
            var compact = RemoveSpaces(line.Normalize(NormalizationForm.FormKC));
            if (OpeningOrClosing().Match(compact) is { Success: true } oc)
            {
                var time = ToTime(TimePattern().Match(oc.Groups["time"].Value));
                if (oc.Groups["what"].Value is "開会" or "開始")
                {
                    start ??= time;
                }
                else
                {
                    end = time ?? end;
                }
                Flush();
                Note(line);
                continue;
            }

            if (table && (raw.Contains('\t', StringComparison.Ordinal) || raw.TrimStart().StartsWith('|')))
            {
                var row = raw.Trim().Trim('|');
                var cells = row.Split(raw.Contains('\t', StringComparison.Ordinal) ? '\t' : '|', 2);
                var who = cells.Length > 1 ? RemoveSpaces(cells[0]) : string.Empty;
                var said = Paragraphs(cells.Length > 1 ? cells[1] : cells[0]);
                if (who.Length > 0)
                {
                    Flush();
                    speaker = who;
                    text.Append(said);
                }
                else
                {
                    Add(said);
                }
                continue;
            }

            if (!table && SpeakerOf(line, inBody: true) is { } turn)
            {
                Flush();
                speaker = turn.Speaker;
                text.Append(Paragraphs(turn.Text));
                continue;
            }

            Add(Paragraphs(line));
        }
        Flush();
        DropClosingMark(turns);
        return (turns, start, end);
    }

    /// <summary>The speaker and the rest of a line that starts a turn, or null.</summary>
    private static (string Speaker, string Text)? SpeakerOf(string line, bool inBody = false)
    {
        if (line.Length < 2)
        {
            return null;
        }
        if (line[0] is '○' or '〇' or '◯' or '◎' && line[1] is not ('○' or '〇' or '◯'))
        {
            var rest = line[1..].TrimStart();
            var space = rest.IndexOfAny([' ', '\u3000', '\t']);
            var who = space < 0 ? rest : rest[..space];
            var said = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
            // "○伊藤 委員 発言" — a role word split off by a space belongs to the speaker.
            if (said.Length > 0 && RoleSuffixes.FirstOrDefault(r => said.StartsWith(r, StringComparison.Ordinal)) is { } role
                && (said.Length == role.Length || said[role.Length] is ' ' or '\u3000'))
            {
                who += role;
                said = said[role.Length..].Trim();
            }
            if (space < 0 && RoleOf(who) is null && LeadingRole().Match(who) is { Success: true } joined)
            {
                who = joined.Groups["who"].Value;
                said = joined.Groups["said"].Value;
            }
            // "○質問" / "○回答" heading a list in a report is not a speaker: a turn names a role or says something.
            if (said.Length == 0 && RoleOf(who) is null)
            {
                return null;
            }
            return who.Length is > 0 and <= 30 ? (RemoveSpaces(who), said) : null;
        }
        if (line[0] == '【' && line.IndexOf('】', StringComparison.Ordinal) is > 1 and <= 30 and var close)
        {
            var who = RemoveSpaces(line[1..close]);
            if (who.Contains('。', StringComparison.Ordinal) || NotASpeaker().IsMatch(who))
            {
                return null;
            }
            return (who, line[(close + 1)..].Trim());
        }
        if (ColonSpeaker().Match(line) is { Success: true } colon && RoleOf(RemoveSpaces(colon.Groups["who"].Value)) is not null
            && (inBody || MatchKey(line) is null))
        {
            return (RemoveSpaces(colon.Groups["who"].Value), colon.Groups["said"].Value.Trim());
        }
        return null;
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

    // ---------------------------------------------------------------- text

    /// <summary>Cell text with &lt;p&gt; fragments: one line per paragraph, tags removed, entities decoded.</summary>
    private static string Paragraphs(string cell)
    {
        if (!cell.Contains('<', StringComparison.Ordinal))
        {
            return cell.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(cell).Trim() : cell.Trim();
        }
        var broken = ParagraphBreak().Replace(cell, "\n");
        var stripped = WebUtility.HtmlDecode(Tag().Replace(broken, string.Empty));
        return string.Join('\n', stripped.Split('\n').Select(p => p.Trim()).Where(p => p.Length > 0));
    }

    private static bool IsWhollyParenthesized(string text)
    {
        var t = text.Trim();
        return t.Length > 2 && t.Split('\n').All(l => WhollyParenthesized().IsMatch(l.Trim()));
    }

    private static bool EndsSentence(char c) => c is '。' or '．' or '！' or '？' or '!' or '?' or '」' or '』' or '）' or ')' or '】' or '：' or ':' or '\n';

    /// <summary>Spaces an extraction put inside Japanese text ("平成 28 年度", "にか かる") removed; other runs made one space.</summary>
    internal static string Clean(string text)
    {
        var lines = text.Split('\n').Select(CleanLine).Where(l => l.Length > 0);
        return string.Join('\n', lines);
    }

    private static string CleanLine(string line)
    {
        var sb = new StringBuilder(line.Length);
        var i = 0;
        var s = line.Trim().Trim('\u3000');
        while (i < s.Length)
        {
            if (!char.IsWhiteSpace(s[i]))
            {
                sb.Append(s[i++]);
                continue;
            }
            var j = i;
            while (j < s.Length && char.IsWhiteSpace(s[j]))
            {
                j++;
            }
            var prev = sb.Length > 0 ? sb[^1] : '\0';
            var next = j < s.Length ? s[j] : '\0';
            var keep = !IsWide(prev) && !IsWide(next) && !(char.IsAsciiDigit(prev) && char.IsAsciiDigit(next) && DigitsFollowWide(sb));
            if (keep && sb.Length > 0 && j < s.Length)
            {
                sb.Append(' ');
            }
            i = j;
        }
        return sb.ToString();
    }

    private static bool DigitsFollowWide(StringBuilder sb)
    {
        var k = sb.Length - 1;
        while (k >= 0 && (char.IsAsciiDigit(sb[k]) || sb[k] == ' '))
        {
            k--;
        }
        return k < 0 || IsWide(sb[k]);
    }

    private static bool IsWide(char c) =>
        c >= '\u2E80' || c is >= '\u2460' and <= '\u24FF' || c is >= '\u25A0' and <= '\u25FF' || c is >= '\u3000' and <= '\u303F';

    private static string CollapseSpaces(string text) => MultipleSpaces().Replace(text.Trim().Trim('\u3000'), " ");

    private static string RemoveSpaces(string text) => Whitespace().Replace(text, string.Empty);

    /// <summary>Page numbers on their own line ("- 3 -", "３", "3/12", "— 12 —"), form labels (様式第2号) and the lone 会議録 heading.</summary>
    private static bool IsNoise(string line)
    {
        var t = RemoveSpaces(line.Normalize(NormalizationForm.FormKC));
        return PageNumber().IsMatch(t) || FormLabel().IsMatch(t) || t is "会議録" or "議事録";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[ \t\u3000]+")]
    private static partial Regex MultipleSpaces();

    [GeneratedRegex(@"^(?:[-－―—‐–ー]?\d{1,4}[-－―—‐–ー]?|\d{1,4}/\d{1,4}|[-－―—‐–]?[(（]?\d{1,4}[)）]?[-－―—‐–]?|\d{1,4}ページ|P\.?\d{1,4})$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"^様式第\d+号$")]
    private static partial Regex FormLabel();

    [GeneratedRegex(@"^\s*\|?\s*発\s*言\s*者\s*(?:\t|\|)")]
    private static partial Regex TableHeader();

    [GeneratedRegex(@"(?:令和|平成|昭和|[RHSrhs])(?:元|\d{1,2})[年.\-/]\d{1,2}[月.\-/]\d{1,2}日?|\d{4}(?:年\d{1,2}月\d{1,2}日|[-/.]\d{1,2}[-/.]\d{1,2})")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"(?<noon>正午)|(?<hh>\d{1,2}):(?<mm>\d{2})|(?<ampm>午前|午後)?(?<h>\d{1,2})時(?:(?<half>半)|(?<m>\d{1,2})分)?")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^[(（]?(?<time>(?:午前|午後)?\d{1,2}(?:時(?:\d{1,2}分|半)?|:\d{2}))(?<what>開会|閉会|散会|終了|開始)[)）]?$")]
    private static partial Regex OpeningOrClosing();

    [GeneratedRegex(@"^(?:(?:(?:令和|平成|昭和)(?:元|\d{1,2})年度)?第\d{1,3}回(?:定例会|臨時会)?|(?:令和|平成|昭和)(?:元|\d{1,2})年度)")]
    private static partial Regex SessionPrefix();

    [GeneratedRegex(@"審議会|委員会|部会|協議会|懇談会|会議")]
    private static partial Regex CouncilWord();

    [GeneratedRegex(@"(?:会議録|議事録|会議要旨|議事要旨|会議要録|議事要録|要旨|要録)(?:[(（].*[)）])?$")]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"(?:課|室|係|局|部|センター)$")]
    private static partial Regex OfficeLine();

    [GeneratedRegex(@"\s*[(（][^()（）]*[)）]\s*$")]
    private static partial Regex TrailingParen();

    [GeneratedRegex(@"(?:^|\s+)(?=[(（]\s*[0-9０-９]{1,2}\s*[)）]|[①-⑳])")]
    private static partial Regex AgendaMarker();

    [GeneratedRegex(@"^(?:[(（]\s*[0-9０-９]{1,2}\s*[)）]|[0-9０-９]{1,2}(?:\s*[.．、)）]|\s+|　)|[①-⑳]|[一二三四五六七八九十]{1,2}[、.．\s　])\s*")]
    private static partial Regex LeadingNumber();

    [GeneratedRegex(@"(?<kind>諮問|報告)第(?<n>\d{1,5})号")]
    private static partial Regex AgendaNumber();

    [GeneratedRegex(@"\s*[(（【]?\s*(?:諮問|報告)第\d{1,5}号\s*[)）】]?\s*")]
    private static partial Regex AgendaNumberWithParens();

    [GeneratedRegex(@"</p>\s*<p[^>]*>|<br\s*/?>|</?p[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^(?:[(（][^()（）]*[)）]\s*)+$")]
    private static partial Regex WhollyParenthesized();

    [GeneratedRegex(@"^(?<who>[^\s：:「」。、]{1,20}?)\s*[：:]\s*(?<said>.+)$")]
    private static partial Regex ColonSpeaker();

    [GeneratedRegex(@"^(?<who>.{0,12}?(?:会長|委員長|委員|事務局|課長|部長|副参事|参事|主幹|主査|係長|室長|所長))(?<said>.+)$")]
    private static partial Regex LeadingRole();

    [GeneratedRegex(@"^(?:資料|別紙|参考|報告|諮問|議題|答申|注|※)")]
    private static partial Regex NotASpeaker();
}
