using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Minutes;

/// <summary>Reading the header of minutes: title, council, date and time, place, attendees and the agenda.</summary>
public static partial class MinutesParser
{
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
            // A value wrapped in its table cell, or a date and time wrapped at the margin (「…午後12」 then 「時」), goes on.
            if (current is { } wrapped && (raw.StartsWith('\t') || wrapped == HeaderKey.When && line.Length <= 20
                && (TimeRest().IsMatch(line) || TimePattern().IsMatch(line.Normalize(NormalizationForm.FormKC)))))
            {
                values[wrapped].Append(line);
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
        var titled = header.Title is not null;
        string? carried = null;
        for (var u = 0; u < untitled.Count; u++)
        {
            var line = untitled[u];
            // A title wrapped over two lines (「…個人情報保護審」 then 「査会会議録」) is read as one.
            var lineWritten = RemoveSpaces(line);
            if (carried is not null && !titled && !CouncilWord().IsMatch(carried)
                && (SessionPrefix().IsMatch(carried) || !CouncilWord().IsMatch(TitleSuffix().Replace(lineWritten, string.Empty)))
                && CouncilWord().IsMatch(TitleSuffix().Replace(carried + lineWritten, string.Empty)))
            {
                header.Title = string.Concat(prefix) + TitleSuffix().Replace(carried + lineWritten, string.Empty);
                titled = true;
                carried = null;
                continue;
            }
            carried = lineWritten;
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
            if (!titled && SessionPrefix().Match(written) is { Success: true } s && s.Length == written.Length)
            {
                prefix.Add(written);
                carried = null;
                continue;
            }
            // The title names the council; a line that also names the session or says 会議録 is the title rather
            // than a running header with the council's name alone.
            if (CouncilWord().IsMatch(written) && (header.Title is null || !titled && (SessionPrefix().IsMatch(written) || TitleSuffix().IsMatch(written))))
            {
                // 「…審議会 会」 then 「議録」: the word 会議録 wrapped; the rest of it is on the next line.
                if (!TitleSuffix().IsMatch(written) && u + 1 < untitled.Count && RemoveSpaces(untitled[u + 1]) is { Length: <= 4 } rest
                    && TitleSuffix().Match(written + rest) is { Success: true } wrappedSuffix && wrappedSuffix.Index < written.Length)
                {
                    written += rest;
                    u++;
                }
                titled = SessionPrefix().IsMatch(written) || TitleSuffix().IsMatch(written) || prefix.Count > 0;
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

    /// <summary>
    /// "千草孝雄(会長)、久保田政江" → names without the role in parentheses, a role in front (「会長 千草孝雄」) or
    /// a group heading (【委員】); a name spaced out by the extraction (「林   健 一」) is one name.
    /// </summary>
    private static List<string> Names(string? value) =>
        value is null ? [] : Entries(value, names: true)
            .Where(n => !GroupHeading().IsMatch(n) && RoleOf(n) != RemoveSpaces(n).Normalize(NormalizationForm.FormKC))
            .Select(n => LeadingRoleWord().Replace(n, string.Empty))
            .Select(n => RemoveSpaces(TrailingParen().Replace(n, string.Empty)).Trim('◎', '○', '〇', '◯', '・'))
            .Where(n => n.Length > 0 && n is not ("なし" or "無し" or "全員" or "名"))
            .ToList();

    /// <summary>
    /// The entries of a list: split at 、 and line ends, then at runs of two or more spaces (a single space is inside
    /// a name, or between a title and a name); a list of names with single spaces only is split there when it has
    /// three parts or more and every part is a whole name.
    /// </summary>
    private static List<string> Entries(string value, bool names = false)
    {
        if (value.IndexOfAny(['、', ',', '，']) >= 0)
        {
            // A list separated by 、 wraps where the line is full: a long line not ending at a 、 goes on.
            value = ListWrap().Replace(value, "$1");
        }
        var parts = value.Split(['、', ',', '，', '\n'])
            .SelectMany(part => WideGap().IsMatch(part.Trim())
                ? WideGap().Split(part.Trim())
                : names && part.Trim().Split([' ', '\u3000']) is { Length: > 2 } single && single.All(p => p.Length >= 3)
                    ? single
                    : [part]);
        return parts.Select(p => CollapseSpaces(p).Trim()).Where(p => p.Length > 0).ToList();
    }

    private static List<ParsedAgendaItem> Agenda(string? value)
    {
        if (value is null)
        {
            return [];
        }
        var items = new List<ParsedAgendaItem>();
        // Where items are numbered, a line without a number or 諮問第…号 is the previous item's title wrapped.
        var raw = value.Split('\n').Select(l => l.Trim().Trim('\u3000')).Where(l => l.Length > 0).ToList();
        var marked = raw.Any(l => LeadingNumber().IsMatch(l));
        var joined = new List<string>();
        foreach (var l in raw)
        {
            var own = LeadingNumber().IsMatch(l) || AgendaNumber().IsMatch(l.Normalize(NormalizationForm.FormKC)) || AgendaMarker().IsMatch(l);
            if (marked && !own && joined.Count > 0 && !AgendaNumberOnly().IsMatch(RemoveSpaces(LeadingNumber().Replace(joined[^1], string.Empty)).Normalize(NormalizationForm.FormKC)))
            {
                joined[^1] += l;
                continue;
            }
            joined.Add(l);
        }
        var lines = joined.ToArray();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            // 「ア 諮問第1005号」 with its title on the next line is one item.
            if (AgendaNumberOnly().IsMatch(RemoveSpaces(LeadingNumber().Replace(line.Trim().Trim('\u3000'), string.Empty)).Normalize(NormalizationForm.FormKC))
                && i + 1 < lines.Length && !LeadingNumber().IsMatch(lines[i + 1].Trim().Trim('\u3000'))
                && !AgendaNumber().IsMatch(lines[i + 1].Normalize(NormalizationForm.FormKC)))
            {
                line = line.TrimEnd() + " " + lines[++i].Trim().Trim('\u3000');
            }
            foreach (var part in AgendaMarker().Split(line))
            {
                var entry = Clean(LeadingNumber().Replace(part.Trim().Trim('\u3000'), string.Empty));
                if (entry.Length == 0 || ProceduralAgenda.Contains(RemoveSpaces(entry)))
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
                items.Add(new ParsedAgendaItem(kind, number, title.Length == 0 ? entry : Clean(title)));
            }
        }
        return items;
    }

    [GeneratedRegex(@"^[【\[(（<＜≪].{1,12}[】\])）>＞≫]$")]
    private static partial Regex GroupHeading();

    [GeneratedRegex(@"^(?:会長|副会長|委員長|副委員長|職務代理者|委員|部会長)[\s　]+")]
    private static partial Regex LeadingRoleWord();

    [GeneratedRegex(@"^(?:[0-9０-９]{0,2}[時分:：]|[0-9０-９]{1,2}$|まで|[～〜~\-－]|から|[(（][月火水木金土日])")]
    private static partial Regex TimeRest();

    [GeneratedRegex(@"[ \t\u3000]{2,}|\t")]
    private static partial Regex WideGap();

    [GeneratedRegex(@"(^[^\n]{12,}[^、,，）)\n])\n", RegexOptions.Multiline)]
    private static partial Regex ListWrap();

    [GeneratedRegex(@"^[(（【]?(?:諮問|報告)第\d{1,5}号[)）】]?$")]
    private static partial Regex AgendaNumberOnly();
}
