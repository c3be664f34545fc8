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
}
