using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Documents without speakers: a summary of the proceedings (議事要旨) is read as its sections; a meeting
/// notice, a written meeting's table of opinions and answers, or a report is refused with what it is.
/// </summary>
public static partial class MinutesParser
{
    private static Outcome<ParsedMinutes> WithoutSpeakers(string text, List<string> lines, string fileName)
    {
        if (lines.Any(l => l.Contains('\t', StringComparison.Ordinal) && QuestionAnswerHeading().IsMatch(RemoveSpaces(l))))
        {
            return Outcome<ParsedMinutes>.Fail("File",
                $"{fileName} は書面会議の「ご意見・ご質問」と「回答」の表で、発言の記録（会議録）ではありません。書面会議の意見と回答として、その書面会議の「ご意見・ご質問と回答の表を取り込む」から取り込めます。");
        }
        var opening = RemoveSpaces(string.Join(string.Empty, text.Split('\n').Where(l => l.Trim().Length > 0).Take(15)));
        var proceedings = lines.FindIndex(l => MatchKey(l.Trim().Trim('\u3000')) is { Kind: HeaderKey.Proceedings });
        var summary = SummaryTitle().IsMatch(opening);
        if (!summary && proceedings < 0 && Notice().IsMatch(RemoveSpaces(text)))
        {
            return Outcome<ParsedMinutes>.Fail("File",
                $"{fileName} は会議の開催通知（お知らせ）で、会議録ではありません。会議のあとに作られた会議録（発言の記録か議事要旨）を取り込んでください。");
        }
        var start = proceedings >= 0 ? proceedings : summary ? FirstSection(lines) : -1;
        if (start < 0)
        {
            return Outcome<ParsedMinutes>.Fail("File",
                $"{fileName} に発言が見つかりません。会議録は「○会長　発言…」「【会長】発言…」「会長」の行に続く発言、または「発言者」と「審議の内容」の表の形で発言者を示してください。"
                + "議事要旨は「議事の概要」の見出しの下に本文を入れてください。審議会の資料や報告書は会議録として取り込めません。");
        }
        var header = ReadHeader(lines.Take(start).ToList());
        var first = proceedings >= 0 ? MatchKey(lines[proceedings].Trim().Trim('\u3000'))!.Value.Value : null;
        var sections = Sections((first is { Length: > 0 } ? [first] : new List<string>()).Concat(lines.Skip(start + (proceedings >= 0 ? 1 : 0))));
        if (sections.Count == 0)
        {
            return Outcome<ParsedMinutes>.Fail("File", $"{fileName} に議事の本文が見つかりません。「議事の概要」の下に審議の内容を入れてください。");
        }
        if (header.HeldOn is not { } heldOn)
        {
            return Outcome<ParsedMinutes>.Fail("File",
                $"{fileName} に開催日が見つかりません。冒頭に「開催日時　令和5年10月27日（金）午前10時～」のような行を入れてください。");
        }
        return Outcome<ParsedMinutes>.Success(Minutes(header, heldOn, null, null, sections, true));
    }

    /// <summary>The first section heading that prose follows (the agenda in the header lists the same headings without prose).</summary>
    private static int FirstSection(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim().Trim('\u3000');
            if (IsSectionMarker(line) && ReadsAsSpeech(NextText(lines, i)))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The proceedings cut at their headings; each section is its heading and its text, a note.</summary>
    private static List<ParsedTurn> Sections(IEnumerable<string> lines)
    {
        var sections = new List<ParsedTurn>();
        var text = new StringBuilder();
        var afterHeading = false;
        void Close()
        {
            var cleaned = Clean(text.ToString());
            if (cleaned.Length > 0)
            {
                sections.Add(new ParsedTurn(string.Empty, null, SpeakerGroup.Unknown, cleaned, true));
            }
            text.Clear();
        }
        foreach (var raw in lines)
        {
            var line = Paragraphs(raw.Replace('\t', ' ')).Trim().Trim('\u3000');
            // 「以上」 closes the document; it is no part of the last section.
            if (line.Length == 0 || RemoveSpaces(line) == "以上")
            {
                continue;
            }
            var heading = IsSectionMarker(line) || LeadingNumber().IsMatch(line) && line.Length <= 40 && !line.Contains('。', StringComparison.Ordinal);
            if (heading && text.Length > 0 && !(text.ToString().TrimEnd().Split('\n')[^1] is var last && IsHeadingOnly(last)))
            {
                Close();
            }
            if (text.Length > 0 && (heading || afterHeading || EndsSentence(text[^1]) || line[0] is '・' or '○' or '〇' or '◯' or '●' or '※' or '（' or '('))
            {
                text.Append('\n');
            }
            text.Append(line);
            afterHeading = heading;
        }
        Close();
        return sections;
    }

    private static bool IsHeadingOnly(string line) => IsSectionMarker(line) && line.Length <= 12;

    [GeneratedRegex(@"(?:意見|質問).*回答|回答.*(?:意見|質問)")]
    private static partial Regex QuestionAnswerHeading();

    [GeneratedRegex(@"要旨|要録|概要|会議録|議事録|会議記録")]
    private static partial Regex SummaryTitle();

    [GeneratedRegex(@"開催します|開催いたします|開催致します|ご出席くださ|御出席くださ|ご出席いただきますよう|御出席いただきますよう|下記のとおり開催|開催のお知らせ|開催通知")]
    private static partial Regex Notice();
}
