using System.Globalization;
using System.Text;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// The text the minutes search compares: NFKC (full-width digits and letters, half-width katakana with
/// their voicing marks), lower case, common 異体字 folded to the usual form (髙→高, 﨑→崎, 德→徳, 邊/邉→辺 …),
/// and no white space (PDF extraction puts spaces inside words). Each character of the result knows the
/// position in the original it came from, so hits can be marked in the text as written.
/// </summary>
public static class MinutesNormalizer
{
    private static readonly Dictionary<int, string> Variants = new()
    {
        ['髙'] = "高",
        ['﨑'] = "崎",
        ['嵜'] = "崎",
        ['德'] = "徳",
        ['濵'] = "浜",
        ['濱'] = "浜",
        ['邊'] = "辺",
        ['邉'] = "辺",
        ['齋'] = "斎",
        ['齊'] = "斉",
        ['櫻'] = "桜",
        ['澤'] = "沢",
        ['廣'] = "広",
        ['嶋'] = "島",
        ['嶌'] = "島",
        ['冨'] = "富",
        ['槇'] = "槙",
        ['國'] = "国",
        ['實'] = "実",
        ['眞'] = "真",
        ['惠'] = "恵",
        ['瀨'] = "瀬",
        ['藏'] = "蔵",
        ['龍'] = "竜",
        [0x20BB7] = "吉", // 𠮷 (つちよし)
    };

    /// <summary>The normalized text.</summary>
    public static string Normalize(string? text) => Map(text).Text;

    /// <summary>The normalized text and, for each of its chars, the index in <paramref name="text"/> it came from.</summary>
    public static (string Text, int[] Source) Map(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return (string.Empty, []);
        }
        var sb = new StringBuilder(text.Length);
        var source = new List<int>(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            // A segment is one character and the combining or voicing marks after it (ｶﾞ → ガ).
            var start = i;
            i += char.IsSurrogatePair(text, i) ? 2 : 1;
            while (i < text.Length && IsMark(text, i))
            {
                i += char.IsSurrogatePair(text, i) ? 2 : 1;
            }
            if (i == start + 1 && Simple(text[start]) is var simple and not '\uFFFF')
            {
                // Most of a Japanese text (kana, CJK ideographs, ASCII, full-width ASCII) folds without ICU.
                if (simple != '\0')
                {
                    if (Variants.TryGetValue(simple, out var variant))
                    {
                        sb.Append(variant);
                    }
                    else
                    {
                        sb.Append(simple);
                    }
                    source.Add(start);
                }
                continue;
            }
            if (char.IsSurrogate(text[start]) && !char.IsSurrogatePair(text, start))
            {
                // A lone surrogate (a broken paste) is kept as the replacement character, on both sides alike.
                sb.Append('\uFFFD');
                source.Add(start);
                i = start + 1;
                continue;
            }
            var segment = text[start..i];
            var folded = Nfkc(segment);
            foreach (var rune in folded.EnumerateRunes())
            {
                if (Rune.IsWhiteSpace(rune))
                {
                    continue;
                }
                var lower = Rune.ToLowerInvariant(rune);
                var mapped = Variants.TryGetValue(lower.Value, out var v) ? v : lower.ToString();
                foreach (var c in mapped)
                {
                    sb.Append(c);
                    source.Add(start);
                }
            }
        }
        return (sb.ToString(), source.ToArray());
    }

    /// <summary>The code points of normalized text, as the index's unigram terms.</summary>
    public static List<string> Characters(string normalized)
    {
        var list = new List<string>(normalized.Length);
        foreach (var rune in normalized.EnumerateRunes())
        {
            list.Add(rune.ToString());
        }
        return list;
    }

    /// <summary>Each pair of neighbouring code points, as the index's bigram terms.</summary>
    public static List<string> Bigrams(IReadOnlyList<string> characters)
    {
        var list = new List<string>(Math.Max(0, characters.Count - 1));
        for (var k = 0; k + 1 < characters.Count; k++)
        {
            list.Add(characters[k] + characters[k + 1]);
        }
        return list;
    }

    /// <summary>
    /// The folded form of a character whose NFKC form is known without ICU: itself (lower-cased) for ASCII,
    /// kana and unified ideographs, the ASCII character for full-width ASCII, '\0' for white space to drop,
    /// and '\uFFFF' when ICU must decide.
    /// </summary>
    private static char Simple(char c)
    {
        if (c < 0x80)
        {
            return char.IsWhiteSpace(c) ? '\0' : c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            var ascii = (char)(c - 0xFEE0);
            return ascii is >= 'A' and <= 'Z' ? (char)(ascii + 32) : ascii;
        }
        if (c is '\u3000')
        {
            return '\0';
        }
        // Hiragana ぁ-ゖ, katakana ァ-ヺ and ・ー, CJK punctuation 、。「」『』, unified ideographs: NFKC leaves them as they are.
        return c is (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FC') or (>= '\u3001' and <= '\u3002') or (>= '\u300C' and <= '\u300F')
            or (>= '\u4E00' and <= '\u9FFF')
            ? c
            : '\uFFFF';
    }

    /// <summary>NFKC by ICU; a non-character (U+FFFE and the like, which ICU refuses) stays as it is.</summary>
    private static string Nfkc(string segment)
    {
        try
        {
            return segment.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            return segment;
        }
    }

    private static bool IsMark(string text, int index)
    {
        var c = text[index];
        if (c is '\uFF9E' or '\uFF9F' or '\u3099' or '\u309A' or '\u309B' or '\u309C')
        {
            return true;
        }
        var category = CharUnicodeInfo.GetUnicodeCategory(text, index);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }
}
