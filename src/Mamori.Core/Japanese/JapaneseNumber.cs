using System.Globalization;
using System.Text;

namespace Mamori.Core.Japanese;

/// <summary>
/// Whole numbers as they appear in municipal spreadsheets: full-width digits, thousands separators
/// (1,234 / １，２３４), and the accounting minus signs △ and ▲.
/// </summary>
public static class JapaneseNumber
{
    /// <summary>Parses a whole number; false for blank or non-numeric text.</summary>
    public static bool TryParse(string? text, out long value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        var negative = false;
        if (s.Length > 0 && (s[0] is '-' or '△' or '▲' or '−'))
        {
            negative = true;
            s = s[1..].TrimStart();
        }

        var digits = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == ',' && i > 0 && i < s.Length - 1)
            {
                continue;
            }
            if (c is < '0' or > '9')
            {
                return false;
            }
            digits.Append(c);
        }

        if (digits.Length == 0 || !long.TryParse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }
        if (negative)
        {
            value = -value;
        }
        return true;
    }
}
