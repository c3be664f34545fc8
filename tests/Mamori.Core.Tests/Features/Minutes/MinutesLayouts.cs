using System.Globalization;
using System.Text;
using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>One turn of generated minutes: a speaker and paragraphs, or a note (a stage direction or section marker).</summary>
public sealed record SampleTurn(string Speaker, IReadOnlyList<string> Paragraphs, bool IsNote = false);

/// <summary>Minutes as structure, before any layout: what every rendering must read back as.</summary>
public sealed record SampleMinutes(
    string Council, string Session, DateOnly HeldOn, TimeOnly Start, TimeOnly End, string Place,
    IReadOnlyList<string> Attendees, IReadOnlyList<string> Absentees, IReadOnlyList<string> Explainers, IReadOnlyList<string> Secretariat,
    IReadOnlyList<ParsedAgendaItem> Agenda, IReadOnlyList<SampleTurn> Turns);

/// <summary>How the speakers are shown.</summary>
public enum BodyLayout
{
    /// <summary>○会長 発言 — ○〇◯◎, one or more ASCII or full-width spaces, or none after a role.</summary>
    Circle,

    /// <summary>【会長】発言, the name sometimes spaced inside the brackets.</summary>
    Bracket,

    /// <summary>The speaker alone on a line, the speech indented on the lines below.</summary>
    Alone,

    /// <summary>会長： alone on a line, or followed by the speech.</summary>
    Colon,

    /// <summary>A 発言者 | 審議の内容 table (tab-separated, as a PDF or Word table comes out).</summary>
    Table,

    /// <summary>The same table with | between the cells.</summary>
    PipeTable,

    /// <summary>Speaker and speech cells without the table's heading row (a PDF of two columns).</summary>
    Cells,
}

/// <summary>How the header (title, date, place, attendees, agenda) is written.</summary>
public enum HeaderLayout
{
    /// <summary>日時　令和5年… — key and value on one line.</summary>
    KeyedLine,

    /// <summary>The key on its line, the value on the next.</summary>
    KeyedNextLine,

    /// <summary>１　日　時：… — numbered and spaced keys.</summary>
    Numbered,

    /// <summary>A two-column table of key and value.</summary>
    Table,
}

/// <summary>
/// Generated minutes: the same structured content rendered in every layout real municipalities publish,
/// with the noise of extraction (page numbers, lines wrapped inside words, spaces inside names).
/// </summary>
public static class MinutesLayouts
{
    private static readonly string[] Councils = ["まもり市個人情報保護審議会", "ひばり町情報公開・個人情報保護審議会", "かもめ区個人情報保護運営審議会", "さくら村情報公開個人情報保護審査会"];
    private static readonly string[] Families = ["山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤", "吉田", "林", "森", "清水"];
    private static readonly string[] Givens = ["一郎", "花子", "次郎", "健一", "直美", "浩", "美智代", "崇", "裕子", "孝雄"];
    private static readonly string[] Places = ["本庁舎3階 第1委員会室", "市役所 高層棟6階 601会議室", "第二庁舎 大会議室", "オンライン会議及び本庁舎5階会議室"];
    private static readonly string[] Departments = ["情報政策課長", "総務課長", "市民課長", "ＤＸ推進担当課長", "健康推進課長"];
    private static readonly string[] Titles =
    [
        "住民情報システムの標準化に係る特定個人情報保護評価について", "防犯カメラの設置及び運用について", "個人情報を取り扱う事務の外部委託について",
        "学校における学習用端末の利用に係る個人情報の取扱いについて", "オンライン申請の導入に伴う外部結合について",
    ];
    private static readonly string[] Sentences =
    [
        "ただいまから会議を開会します。", "本日は委員の過半数が出席しており、会議は成立しています。", "資料1の3ページをご覧ください。",
        "委託先の監査はどのように行っていますか。", "契約に基づき年1回、実地で確認しています。", "保存期間は5年とし、期間経過後は速やかに消去します。",
        "アクセスログは月に1回、担当者が確認しています。", "標準化に伴い、システムの運用を事業者に委託することになります。",
        "再委託の有無について教えてください。", "再委託は行わない契約としています。", "それでは、諮問のとおり承認としてよろしいでしょうか。",
        "個人番号を含むデータは専用の端末でのみ扱います。", "次回の会議の日程は、事務局から改めてご連絡いたします。",
        "住民への周知はホームページと広報紙で行う予定です。", "漏えいが起きた場合の報告の流れを確認させてください。",
    ];

    public static SampleMinutes Create(int seed)
    {
        var r = new Random(seed);
        var people = Families.OrderBy(_ => r.Next()).Take(8).Select(f => (Family: f, Given: Givens[r.Next(Givens.Length)])).ToList();
        var attendees = people.Take(r.Next(3, 7)).ToList();
        var absentees = people.Skip(attendees.Count).Take(r.Next(0, 3)).ToList();
        var explainer = Departments[r.Next(2, Departments.Length)];
        var secretariat = Departments[r.Next(0, 2)];
        var heldOn = new DateOnly(2015, 4, 1).AddDays(r.Next(0, 365 * 11));
        var start = new TimeOnly(r.Next(9, 12), r.Next(0, 2) * 30);
        var end = r.Next(4) == 0 ? new TimeOnly(12, 0) : new TimeOnly(r.Next(13, 17), r.Next(0, 4) * 15);
        var agenda = Enumerable.Range(0, r.Next(1, 4))
            .Select(i => new ParsedAgendaItem(r.Next(3) == 0 ? AgendaKind.Report : AgendaKind.Consultation, r.Next(1, 1200) * 3 + i, Titles[(seed + i) % Titles.Length]))
            .ToList();

        var chair = r.Next(2) == 0 ? "会長" : attendees[0].Family + "会長";
        var speakers = new[] { "事務局", secretariat, explainer }
            .Concat(attendees.Skip(1).Select(a => a.Family + "委員"))
            .Append(r.Next(2) == 0 ? "委員" : "副会長")
            .ToList();
        var turns = new List<SampleTurn> { new(chair, [Sentences[0] + Sentences[1]]) };
        var count = r.Next(6, 18);
        for (var i = 0; i < count; i++)
        {
            if (r.Next(8) == 0)
            {
                turns.Add(new SampleTurn(string.Empty, [r.Next(2) == 0 ? "≪２．議事≫" : "３．報告事項"], true));
            }
            var speaker = r.Next(3) == 0 ? chair : speakers[r.Next(speakers.Count)];
            var paragraphs = Enumerable.Range(0, r.Next(1, 4))
                .Select(_ => string.Concat(Enumerable.Range(0, r.Next(1, 4)).Select(_ => Sentences[r.Next(Sentences.Length)])))
                .ToList();
            turns.Add(new SampleTurn(speaker, paragraphs));
            if (speaker == chair && r.Next(4) == 0)
            {
                turns.Add(new SampleTurn(string.Empty, [new[] { "（「異議なし」の声あり）", "（異議なし）", "質問なし", "（拍手）" }[r.Next(4)]], true));
            }
        }
        var session = $"{Wareki(heldOn, fiscal: true)}第{r.Next(1, 8)}回";
        return new SampleMinutes(Councils[r.Next(Councils.Length)], session, heldOn, start, end, Places[r.Next(Places.Length)],
            attendees.Select(a => a.Family + a.Given).ToList(), absentees.Select(a => a.Family + a.Given).ToList(),
            [$"{explainer}　{people[^1].Family}{Givens[seed % Givens.Length]}"], [$"{secretariat}　{people[^2].Family}{Givens[(seed + 3) % Givens.Length]}"],
            agenda, turns);
    }

    /// <summary>The minutes as a text a municipality publishes, in the given layout, with extraction noise chosen by <paramref name="seed"/>.</summary>
    /// <remarks>
    /// Without <paramref name="noise"/> no line is wrapped and no page number added: the text a document (PDF,
    /// Word, web page) is made from, which wraps and numbers its pages itself.
    /// </remarks>
    public static string Render(SampleMinutes m, HeaderLayout header, BodyLayout body, int seed, bool noise = true)
    {
        var r = new Random(seed);
        var lines = new List<string>();
        RenderHeader(m, header, r, lines);
        lines.Add(string.Empty);
        RenderBody(m, body, r, lines, noise ? r.Next(18, 42) : 10_000);
        // Page numbers between lines, as a PDF's text has them.
        for (var i = lines.Count - 1; noise && i > 3; i -= r.Next(15, 40))
        {
            lines.Insert(i, r.Next(3) switch { 0 => $"- {i / 30 + 1} -", 1 => Wide((i / 30 + 1).ToString(CultureInfo.InvariantCulture)), _ => $"{i / 30 + 1}/9" });
        }
        return string.Join(r.Next(2) == 0 ? "\n" : "\r\n", lines) + "\n";
    }

    /// <summary>
    /// The same meeting published as a summary (議事要旨) without speakers: the header in the given layout under a
    /// 要旨 title, a proceedings heading, then one section per agenda item (and その他) of prose, with the same
    /// noise as the minutes. <see cref="SummarySections"/> is what it must read back as.
    /// </summary>
    public static string RenderSummary(SampleMinutes m, HeaderLayout header, int seed, bool noise = true)
    {
        var r = new Random(seed);
        var lines = new List<string>();
        RenderHeader(m, header, r, lines);
        var suffix = new[] { "会議要旨", "議事要旨", "会議録（要旨）", "会議要録" }[r.Next(4)];
        var title = lines.FindIndex(l => l.EndsWith("会議録", StringComparison.Ordinal));
        lines[title] = lines[title][..^3] + suffix;
        lines.Add(string.Empty);
        var heading = new[] { "議事の概要", "審議の経過", "会議の概要", "議事の内容" }[r.Next(4)];
        lines.Add(header == HeaderLayout.Numbered ? $"{Wide("8")}{(r.Next(2) == 0 ? "　" : "．")}{heading}" : heading);
        var width = noise ? r.Next(18, 42) : 10_000;
        foreach (var (sectionHeading, paragraphs) in SummarySections(m))
        {
            lines.Add(sectionHeading);
            foreach (var paragraph in paragraphs)
            {
                lines.AddRange(Wrap(paragraph, width, r).Select(l => r.Next(2) == 0 ? "　" + l : l));
            }
        }
        lines.Add("以上");
        for (var i = lines.Count - 1; noise && i > 3; i -= r.Next(15, 40))
        {
            lines.Insert(i, r.Next(2) == 0 ? $"- {i / 30 + 1} -" : $"{i / 30 + 1}/9");
        }
        return string.Join(r.Next(2) == 0 ? "\n" : "\r\n", lines) + "\n";
    }

    /// <summary>A summary's sections: a heading per agenda item and その他, each with the prose of some of the meeting's turns.</summary>
    public static List<(string Heading, List<string> Paragraphs)> SummarySections(SampleMinutes m)
    {
        var prose = m.Turns.Where(t => !t.IsNote).SelectMany(t => t.Paragraphs).ToList();
        // Headings numbered as municipalities number them: (1), １．, ア, ①.
        var style = m.HeldOn.Day % 4;
        string Marker(int i) => style switch
        {
            0 => $"({i + 1}) ",
            1 => Wide((i + 1).ToString(CultureInfo.InvariantCulture)) + "．",
            2 => "アイウエオ"[i] + "　",
            _ => "①②③④⑤"[i].ToString(),
        };
        var sections = m.Agenda.Select((a, i) => (Heading: $"{Marker(i)}{(a.Kind == AgendaKind.Consultation ? "諮問" : "報告")}第{a.Number}号　{a.Title}",
            Paragraphs: prose.Skip(i * 2).Take(2).Prepend("事務局から資料に基づき説明した。").ToList())).ToList();
        sections.Add(($"{Marker(sections.Count)}その他", ["次回の日程は、事務局から改めて連絡することとした。"]));
        return sections;
    }

    /// <summary>What the parser must return for a summary: the header, and each section as a note of its heading and prose.</summary>
    public static string ExpectedSummary(SampleMinutes m) => Describe(m.Council, m.Session, m.HeldOn, m.Start, m.End, m.Place, m.Attendees, m.Absentees,
        m.Explainers, m.Secretariat, m.Agenda, SummarySections(m).Select(s => (true, string.Empty, s.Heading + string.Concat(s.Paragraphs))));

    private static void RenderHeader(SampleMinutes m, HeaderLayout layout, Random r, List<string> lines)
    {
        var title = m.Session + m.Council;
        var date = Date(m.HeldOn, r) + " " + TimeText(m.Start, r) + (r.Next(2) == 0 ? "～" : "から") + TimeText(m.End, r) + (r.Next(2) == 0 ? "まで" : string.Empty);
        var agenda = m.Agenda.Select((a, i) => (Marker: r.Next(3) switch { 0 => $"({i + 1})", 1 => "アイウエ"[i].ToString(), _ => $"{Wide((i + 1).ToString(CultureInfo.InvariantCulture))}．" },
            Number: $"{(a.Kind == AgendaKind.Consultation ? "諮問" : "報告")}第{a.Number}号", a.Title)).ToList();
        var fields = new List<(string Key, List<string> Values)>
        {
            ("日時", [date]),
            ("場所", [m.Place]),
            ("出席委員", Names(m.Attendees, r, chairNote: true)),
            ("欠席委員", m.Absentees.Count == 0 ? ["なし"] : Names(m.Absentees, r, chairNote: false)),
            ("説明員", [.. m.Explainers]),
            ("事務局", [.. m.Secretariat]),
            ("議題", agenda.SelectMany(a => r.Next(3) == 0 ? new[] { $"{a.Marker}　{a.Number}", $"　　{a.Title}" } : [$"{a.Marker} {a.Number}　{a.Title}"]).ToList()),
        };
        if (r.Next(2) == 0)
        {
            lines.Add(title + (r.Next(2) == 0 ? " 会議録" : "会議録"));
        }
        else
        {
            lines.Add(m.Session.Insert(m.Session.IndexOf('第', StringComparison.Ordinal), " "));
            lines.Add(string.Empty);
            lines.Add(m.Council + "会議録");
        }
        lines.Add(string.Empty);
        var n = 0;
        foreach (var (key, values) in fields)
        {
            n++;
            switch (layout)
            {
                case HeaderLayout.KeyedLine:
                    lines.Add(key + (r.Next(3) switch { 0 => "　", 1 => "：", _ => "\t" }) + values[0]);
                    lines.AddRange(values.Skip(1).Select(v => "　　　　" + v));
                    break;
                case HeaderLayout.KeyedNextLine:
                    lines.Add(key);
                    lines.AddRange(values.Select(v => "　" + v));
                    break;
                case HeaderLayout.Numbered:
                    var spaced = key.Length == 2 ? $"{key[0]}　{key[1]}" : key;
                    lines.Add($"{(r.Next(2) == 0 ? Wide(n.ToString(CultureInfo.InvariantCulture)) : n.ToString(CultureInfo.InvariantCulture))}{(r.Next(2) == 0 ? "　" : "．")}{spaced}{(r.Next(2) == 0 ? "：" : "　")}{values[0]}");
                    lines.AddRange(values.Skip(1).Select(v => "　　　" + v));
                    break;
                case HeaderLayout.Table:
                    lines.Add(key + "\t" + values[0]);
                    lines.AddRange(values.Skip(1).Select(v => "\t" + v));
                    break;
            }
        }
    }

    /// <summary>Names joined by 、, spread over lines, or set apart by wide spaces; a name may be spaced out inside.</summary>
    private static List<string> Names(IReadOnlyList<string> names, Random r, bool chairNote)
    {
        var shown = names.Select((n, i) => Spaced(n, r) + (chairNote && i == 0 && r.Next(2) == 0 ? "（会長）" : string.Empty)).ToList();
        return r.Next(4) switch
        {
            0 => [string.Join("、", shown)],
            1 => shown,
            // One per line under a group heading, the chair named by a title in front.
            2 => ["【委員】", .. shown.Select((n, i) => chairNote && i == 0 && !n.EndsWith('）') ? "会長　" + n : n)],
            _ => [string.Join("　　", shown)],
        };
    }

    private static string Spaced(string name, Random r)
    {
        var family = Families.First(f => name.StartsWith(f, StringComparison.Ordinal));
        return r.Next(4) switch
        {
            0 => name,
            1 => family + " " + name[family.Length..],
            2 => family + "　" + name[family.Length..],
            _ => string.Join(" ", name.ToCharArray()),
        };
    }

    private static void RenderBody(SampleMinutes m, BodyLayout layout, Random r, List<string> lines, int width)
    {
        if (layout is BodyLayout.Table)
        {
            lines.Add("発言者\t審議の内容");
        }
        if (layout is BodyLayout.PipeTable)
        {
            lines.Add("| 発言者 | 審議の内容 |");
        }
        foreach (var turn in m.Turns)
        {
            if (turn.IsNote)
            {
                lines.Add(turn.Paragraphs[0]);
                continue;
            }
            var wrapped = turn.Paragraphs.Select(p => Wrap(p, width, r)).ToList();
            var first = wrapped[0][0];
            var rest = wrapped.SelectMany((p, i) => i == 0 ? p.Skip(1) : p).ToList();
            var indent = r.Next(2) == 0 ? "　" : string.Empty;
            switch (layout)
            {
                case BodyLayout.Circle:
                    var mark = "○〇◯◎"[r.Next(4)];
                    var gap = MinutesParser.RoleOf(turn.Speaker) is not null && turn.Speaker.Length > 0 ? new[] { " ", "　", "  ", "" }[r.Next(4)] : "　";
                    var named = turn.Speaker.EndsWith("委員", StringComparison.Ordinal) && turn.Speaker.Length > 2 && r.Next(3) == 0
                        ? turn.Speaker[..^2] + " 委員" : turn.Speaker;
                    lines.Add($"{mark}{named}{(named == turn.Speaker || gap.Length > 0 ? gap : "　")}{first}");
                    lines.AddRange(rest.Select(l => indent + l));
                    break;
                case BodyLayout.Bracket:
                    var who = r.Next(3) == 0 ? string.Join(" ", turn.Speaker.ToCharArray()) : turn.Speaker;
                    lines.Add($"【{who}】{first}");
                    lines.AddRange(rest.Select(l => indent + l));
                    break;
                case BodyLayout.Alone:
                    lines.Add(turn.Speaker);
                    lines.AddRange(wrapped.SelectMany(p => p).Select(l => "　" + l));
                    break;
                case BodyLayout.Colon:
                    if (r.Next(2) == 0)
                    {
                        lines.Add(turn.Speaker + (r.Next(2) == 0 ? "：" : ":"));
                        lines.AddRange(wrapped.SelectMany(p => p).Select(l => indent + l));
                    }
                    else
                    {
                        lines.Add($"{turn.Speaker}：{first}");
                        lines.AddRange(rest.Select(l => indent + l));
                    }
                    break;
                case BodyLayout.Table:
                case BodyLayout.Cells:
                    lines.Add($"{turn.Speaker}\t{first}");
                    lines.AddRange(rest.Select(l => "\t" + l));
                    break;
                case BodyLayout.PipeTable:
                    lines.Add($"| {turn.Speaker} | {first} |");
                    lines.AddRange(rest.Select(l => $"| | {l} |"));
                    break;
            }
            if (r.Next(6) == 0)
            {
                lines.Add(string.Empty);
            }
        }
    }

    /// <summary>A paragraph cut into lines of about <paramref name="width"/> characters, wherever the cut falls (inside words too).</summary>
    private static List<string> Wrap(string paragraph, int width, Random r)
    {
        var lines = new List<string>();
        var i = 0;
        while (i < paragraph.Length)
        {
            var take = Math.Min(width + r.Next(-3, 4), paragraph.Length - i);
            if (paragraph.Length - i - take < 6)
            {
                take = paragraph.Length - i;
            }
            lines.Add(paragraph.Substring(i, take));
            i += take;
        }
        return lines;
    }

    /// <summary>What the parser must return for every rendering, in a form that shows the difference when it does not.</summary>
    public static string Expected(SampleMinutes m) => Describe(m.Council, m.Session, m.HeldOn, m.Start, m.End, m.Place, m.Attendees, m.Absentees,
        m.Explainers, m.Secretariat, m.Agenda, m.Turns.Select(t => (t.IsNote, t.Speaker, string.Concat(t.Paragraphs))));

    public static string Actual(ParsedMinutes m) => Describe(m.CouncilName, m.MeetingTitle, m.HeldOn, m.StartTime, m.EndTime, m.Place, m.Attendees, m.Absentees,
        m.Explainers, m.Secretariat, m.Agenda, m.Turns.Select(t => (t.IsNote, t.Speaker, t.Text)));

    private static string Describe(string council, string session, DateOnly heldOn, TimeOnly? start, TimeOnly? end, string? place, IReadOnlyList<string> attendees,
        IReadOnlyList<string> absentees, IReadOnlyList<string> explainers, IReadOnlyList<string> secretariat, IReadOnlyList<ParsedAgendaItem> agenda,
        IEnumerable<(bool IsNote, string Speaker, string Text)> turns)
    {
        var sb = new StringBuilder();
        sb.Append("会議: ").Append(council).Append(" / ").Append(session).Append('\n');
        sb.Append("日時: ").Append(heldOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(' ').Append(start?.ToString("HH:mm", CultureInfo.InvariantCulture))
            .Append('-').Append(end?.ToString("HH:mm", CultureInfo.InvariantCulture)).Append('\n');
        sb.Append("場所: ").Append(Flat(place ?? string.Empty)).Append('\n');
        sb.Append("出席: ").Append(string.Join("/", attendees)).Append('\n');
        sb.Append("欠席: ").Append(string.Join("/", absentees)).Append('\n');
        sb.Append("説明員: ").Append(string.Join("/", explainers.Select(Flat))).Append('\n');
        sb.Append("事務局: ").Append(string.Join("/", secretariat.Select(Flat))).Append('\n');
        foreach (var a in agenda)
        {
            sb.Append("議題: ").Append(a.Kind).Append(' ').Append(a.Number).Append(' ').Append(Flat(a.Title)).Append('\n');
        }
        foreach (var (isNote, speaker, text) in turns)
        {
            sb.Append(isNote ? "（注記）" : speaker).Append(": ").Append(Flat(text)).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>The first line where two descriptions differ, for a failure message that shows it.</summary>
    public static string Difference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var i = 0;
        while (i < Math.Min(e.Length, a.Length) && e[i] == a[i])
        {
            i++;
        }
        return $"line {i + 1}\n  expected: {(i < e.Length ? e[i] : "(なし)")}\n  actual:   {(i < a.Length ? a[i] : "(なし)")}";
    }

    /// <summary>Text without its spaces and line ends, in NFKC: the content, whatever the layout did to it.</summary>
    private static string Flat(string text) =>
        new string(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static string Wide(string digits) => new(digits.Select(c => char.IsAsciiDigit(c) ? (char)('０' + (c - '0')) : c).ToArray());

    private static string Date(DateOnly d, Random r)
    {
        var weekday = "日月火水木金土"[(int)d.DayOfWeek];
        var text = r.Next(3) == 0
            ? $"{d.Year}年{d.Month}月{d.Day}日"
            : $"{Wareki(d, fiscal: false)}{d.Month}月{d.Day}日";
        text += r.Next(2) == 0 ? $"（{weekday}）" : $"({weekday})";
        return r.Next(2) == 0 ? Wide(text) : text;
    }

    /// <summary>令和5年 (or 令和5年度 for the fiscal year, which starts in April); 元年 for the first.</summary>
    private static string Wareki(DateOnly d, bool fiscal)
    {
        var year = fiscal && d.Month < 4 ? d.Year - 1 : d.Year;
        var reiwa = fiscal ? year >= 2019 : d >= new DateOnly(2019, 5, 1);
        var n = reiwa ? year - 2018 : year - 1988;
        return (reiwa ? "令和" : "平成") + (n == 1 ? "元" : n.ToString(CultureInfo.InvariantCulture)) + (fiscal ? "年度" : "年");
    }

    private static string TimeText(TimeOnly t, Random r) => r.Next(3) switch
    {
        _ when t == new TimeOnly(12, 0) && r.Next(2) == 0 => "正午",
        0 => $"{t.Hour}:{t.Minute:00}",
        1 => $"{(t.Hour < 12 ? "午前" : "午後")}{(t.Hour > 12 ? t.Hour - 12 : t.Hour)}時{(t.Minute == 0 ? string.Empty : $"{t.Minute}分")}",
        _ => $"{(t.Hour < 12 ? "午前" : "午後")}{(t.Hour > 12 ? t.Hour - 12 : t.Hour)}時{t.Minute:00}分",
    };
}
