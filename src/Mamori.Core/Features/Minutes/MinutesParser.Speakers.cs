using System.Text;
using System.Text.RegularExpressions;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Who speaks: the forms a turn starts with in the minutes of any municipality, and the lines that are
/// neither speaker nor speech (stage directions, section markers).
/// </summary>
public static partial class MinutesParser
{
    private static readonly char[] Marks = ['○', '〇', '◯', '◎'];

    /// <summary>
    /// The speaker and the rest of a line that starts a turn, or null. A speaker alone on a line
    /// (「○会長」「【事務局】」「委員：」「事務局」) starts a turn only when the next line reads as speech: in an
    /// attendee list 【委員】 or 事務局 heads a group of names and is no speaker.
    /// </summary>
    private static (string Speaker, string Text)? SpeakerOf(string line, string? next, bool inBody = false)
    {
        if (line.Length < 2)
        {
            return null;
        }
        if (Marks.Contains(line[0]) && !Marks.Contains(line[1]))
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
            // "○会長ただいまから…" — no space: the speaker is the shortest start that ends in a role.
            if (space < 0 && (RoleOf(who) is null || who.Length > 16 || who.IndexOfAny(['。', '、']) >= 0)
                && LeadingRole().Match(who) is { Success: true } joined)
            {
                who = joined.Groups["who"].Value;
                said = joined.Groups["said"].Value;
            }
            // "○質問" heading a list in a report is not a speaker: a turn names someone and says something.
            return Speaker(RemoveSpaces(who), said, next);
        }
        if (line[0] == '【' && line.IndexOf('】', StringComparison.Ordinal) is > 1 and <= 30 and var close)
        {
            return Speaker(RemoveSpaces(line[1..close]), line[(close + 1)..].Trim(), next);
        }
        if (ColonSpeaker().Match(line) is { Success: true } colon && RoleOf(RemoveSpaces(colon.Groups["who"].Value)) is not null
            && (inBody || MatchKey(line) is null))
        {
            return (RemoveSpaces(colon.Groups["who"].Value), colon.Groups["said"].Value.Trim());
        }
        // 「会長:」 or 「事務局」 alone on its line, the speech on the lines after it.
        return SpeakerAlone(line) is { } alone ? Speaker(alone, string.Empty, next) : null;
    }

    /// <summary>A line that is only a speaker named by a role (「会長」「伊藤委員：」), not a sentence ending in one.</summary>
    private static string? SpeakerAlone(string line)
    {
        var alone = RemoveSpaces(line).TrimEnd(':', '：');
        return alone.Length <= 16 && RoleOf(alone) is not null && !alone.Any(c => c is '。' or '、' or '（' or '(' or '・') ? alone : null;
    }

    private static (string Speaker, string Text)? Speaker(string who, string said, string? next)
    {
        if (who.Length is 0 or > 30 || who.Contains('。', StringComparison.Ordinal) || NotASpeaker().IsMatch(who))
        {
            return null;
        }
        // Alone on its line, the speaker must be named by a role (「○部会後の処理」 heads a list in a report).
        if (said.Length == 0 && (RoleOf(who) is null || !ReadsAsSpeech(next)))
        {
            return null;
        }
        return (who, said);
    }

    /// <summary>
    /// A line that can be the first of a speech: it is no speaker line itself, no header key and no list of
    /// names, and it ends a sentence or runs long.
    /// </summary>
    private static bool ReadsAsSpeech(string? next)
    {
        var line = next?.Split('\n')[0];
        if (line is null || line.Length == 0 || Marks.Contains(line[0]) || line[0] == '【' || MatchKey(line) is not null)
        {
            return false;
        }
        if (next!.IndexOfAny(['。', '？', '！', '?', '!']) >= 0)
        {
            return true;
        }
        return line.Length >= 30 && !line.Split(['、', ',', ' ', '\u3000']).All(p => p.Length <= 8);
    }

    /// <summary>The cells of a tab-separated row whose first cell names a speaker (or is empty: the turn goes on), or null.</summary>
    private static (string Who, string Said)? SpeakerCell(string raw)
    {
        var tab = raw.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return null;
        }
        var who = RemoveSpaces(raw[..tab]).TrimStart(Marks).Trim('【', '】', ':', '：');
        var said = raw[(tab + 1)..].Replace('\t', ' ').Trim();
        if (who.Length == 0)
        {
            return (string.Empty, said);
        }
        return who.Length <= 20 && RoleOf(who) is not null && !NotASpeaker().IsMatch(who) && !who.Contains('。', StringComparison.Ordinal)
            ? (who, said)
            : null;
    }

    /// <summary>「質問なし」「（「異議なし」の声あり）」 — what the room did, not what someone said.</summary>
    private static bool IsStageDirection(string line)
    {
        var t = StageBrackets().Replace(RemoveSpaces(line.Normalize(NormalizationForm.FormKC)), string.Empty);
        return t.Length <= 16 && StageDirection().IsMatch(t) && !line.TrimEnd().EndsWith('。');
    }

    /// <summary>「≪1.開会≫」「１．開 会」「(2) 諮問第5号について」 — where the proceedings are, not speech.</summary>
    private static bool IsSectionMarker(string line)
    {
        var t = RemoveSpaces(line.Normalize(NormalizationForm.FormKC));
        return t.Length <= 40 && !t.Contains('。', StringComparison.Ordinal) && SectionMarker().IsMatch(t);
    }

    /// <summary>「お問い合わせ　総務課　電話…」 closing the document: the office's address, not the last speaker's words.</summary>
    [GeneratedRegex(@"^(?:【|\[|<|＜)?(?:お|御)?問(?:い)?合(?:わ)?せ(?:先)?(?:】|\]|>|＞)?(?:[\s　:：]|$)")]
    private static partial Regex Contact();

    [GeneratedRegex(@"[（()）「」『』・]")]
    private static partial Regex StageBrackets();

    [GeneratedRegex(@"^(?:一同)?(?:質問|質疑|意見|異議|発言|特に|拍手)?(?:等|は)?(?:なし|無し|ありません|あり)(?:の声(?:あり)?)?$|^(?:一同)?(?:拍手|起立|礼|着席|休憩|再開|傍聴者入室|傍聴者退室|[^\s]{0,8}(?:入室|退室|退席))$")]
    private static partial Regex StageDirection();

    [GeneratedRegex(@"^(?:[≪《〈<【\[].{1,36}[≫》〉>】\]]|(?:\d{1,2}|[一二三四五六七八九十]{1,3}|\(\d{1,2}\)|[①-⑳]|第\d{1,2})[.、．)]?(?:開会|閉会|散会|議事|議題|報告|諮問|審議|その他|あいさつ|挨拶|事務連絡|連絡事項|委嘱|委員紹介|会長|答申|次回|質疑|説明).*)$")]
    private static partial Regex SectionMarker();
}
