using System.Text;

namespace Mamori.Core.Features.Council;

/// <summary>
/// 五十音順: members listed by the reading of their names. The reading is folded to full-width hiragana (ヤマダ,
/// ﾔﾏﾀﾞ and やまだ read the same) and spaces are dropped; hiragana in code order is the 五十音 order with voiced
/// sounds after their plain ones (か が き ぎ), as dictionaries list them.
/// </summary>
public static class GojuonOrder
{
    public static string Key(string? kana)
    {
        if (string.IsNullOrWhiteSpace(kana))
        {
            return "";
        }
        var text = kana.Normalize(NormalizationForm.FormKC);
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }
            // カタカナ (ァ U+30A1 … ヶ U+30F6) sits 0x60 above its hiragana.
            key.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return key.ToString();
    }

    /// <summary>Whether a reading is kana only (spaces and the long-vowel mark allowed), as a ふりがな field must be.</summary>
    public static bool IsKana(string text) =>
        text.Normalize(NormalizationForm.FormKC).All(c => char.IsWhiteSpace(c) || c is >= '\u3041' and <= '\u3096' || c is >= '\u30A1' and <= '\u30FA' || c is 'ー' or '・' or 'ゝ' or 'ゞ' or 'ヽ' or 'ヾ');
}
