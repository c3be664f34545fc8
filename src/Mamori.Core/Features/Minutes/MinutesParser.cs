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

    private enum HeaderKey { Title, When, Place, Attendees, Absentees, Explainers, Secretariat, Agenda, Other, Proceedings }

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
        ("出席説明員", HeaderKey.Explainers), ("出席した職員", HeaderKey.Explainers), ("出席職員", HeaderKey.Explainers), ("関係課", HeaderKey.Explainers),
        ("説明のため出席した者", HeaderKey.Explainers),
        ("担当部課名", HeaderKey.Secretariat), ("事務局職員", HeaderKey.Secretariat), ("事務局", HeaderKey.Secretariat),
        ("会議次第", HeaderKey.Agenda), ("次第", HeaderKey.Agenda), ("議題", HeaderKey.Agenda), ("議事", HeaderKey.Agenda),
        ("案件", HeaderKey.Agenda), ("審議事項", HeaderKey.Agenda),
        ("会議資料", HeaderKey.Other), ("配布資料", HeaderKey.Other), ("資料", HeaderKey.Other), ("傍聴者", HeaderKey.Other),
        ("傍聴人数", HeaderKey.Other), ("傍聴者数", HeaderKey.Other), ("会議の公開", HeaderKey.Other), ("公開・非公開", HeaderKey.Other),
        ("公開の可否", HeaderKey.Other),
        ("議事の概要", HeaderKey.Proceedings), ("会議の概要", HeaderKey.Proceedings), ("審議の概要", HeaderKey.Proceedings), ("議事概要", HeaderKey.Proceedings),
        ("会議概要", HeaderKey.Proceedings), ("審議概要", HeaderKey.Proceedings), ("議事の経過", HeaderKey.Proceedings), ("会議の経過", HeaderKey.Proceedings),
        ("審議の経過", HeaderKey.Proceedings), ("審議経過", HeaderKey.Proceedings), ("議事経過", HeaderKey.Proceedings), ("議事の内容", HeaderKey.Proceedings),
        ("会議の内容", HeaderKey.Proceedings), ("審議の内容", HeaderKey.Proceedings), ("議事内容", HeaderKey.Proceedings), ("会議内容", HeaderKey.Proceedings),
        ("審議内容", HeaderKey.Proceedings), ("議事要旨", HeaderKey.Proceedings), ("発言の要旨", HeaderKey.Proceedings), ("発言要旨", HeaderKey.Proceedings), ("会議録署名", HeaderKey.Other), ("問合せ先", HeaderKey.Other), ("担当", HeaderKey.Other),
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

        var lines = Lines(text)
            .Select(l => l.TrimEnd())
            .Where(l => !IsNoise(l))
            .ToList();

        var bodyStart = BodyStart(lines);
        if (bodyStart < 0)
        {
            return WithoutSpeakers(text, lines, fileName);
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

        return Outcome<ParsedMinutes>.Success(Minutes(header, heldOn, bodyStartTime, bodyEndTime, turns, false));
    }

    private static ParsedMinutes Minutes(Header header, DateOnly heldOn, TimeOnly? start, TimeOnly? end, List<ParsedTurn> turns, bool summary) => new(
        header.Title ?? "会議録",
        heldOn,
        header.Start ?? start,
        header.End ?? end,
        header.Place,
        header.Attendees,
        header.Absentees,
        header.Explainers,
        header.Secretariat,
        header.Agenda,
        turns,
        summary);

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
        // 「委員Ａ」「委員1」: members named by a letter or number.
        var s = speaker.Normalize(NormalizationForm.FormKC).TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9').TrimEnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray());
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
    /// <summary>The lines of a text from any source: CRLF, CR and form feeds (PDF page breaks) end lines; a BOM is dropped.</summary>
    internal static string[] Lines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\f', '\n').TrimStart('\uFEFF').Split('\n');

    internal static bool IsNoise(string line)
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

    [GeneratedRegex(@"審議会|審査会|委員会|部会|協議会|懇談会|懇話会|会議")]
    private static partial Regex CouncilWord();

    [GeneratedRegex(@"(?:会議録|議事録|会議要旨|議事要旨|会議要録|議事要録|要旨|要録)(?:[(（].*[)）])?$")]
    private static partial Regex TitleSuffix();

    [GeneratedRegex(@"(?:課|室|係|局|部|センター)$")]
    private static partial Regex OfficeLine();

    [GeneratedRegex(@"\s*[(（][^()（）]*[)）]\s*$")]
    private static partial Regex TrailingParen();

    [GeneratedRegex(@"(?:^|\s+)(?=[(（]\s*[0-9０-９]{1,2}\s*[)）]|[①-⑳])")]
    private static partial Regex AgendaMarker();

    [GeneratedRegex(@"^(?:[(（]\s*[0-9０-９]{1,2}\s*[)）]|[0-9０-９]{1,2}(?:\s*[.．、)）]|\s+|　)|[①-⑳]|[一二三四五六七八九十]{1,2}[、.．\s　]|[アイウエオカキクケコ][.．、\s　)）]|[(（][アイウエオカキクケコ][)）])\s*")]
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

    [GeneratedRegex(@"^(?:資料|別紙|参考|報告|諮問|議題|答申|注|※|開会|閉会|議事|質疑|審議|説明|意見|質問|回答|結果|概要|要旨|その他|出席|欠席|傍聴|日時|場所)")]
    private static partial Regex NotASpeaker();
}
