using System.Text;

namespace Mamori.Core.Features.Organization;

/// <summary>
/// 全国地方公共団体コード: five digits plus a check digit. The check digit is the last digit of
/// 11 − (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11 (新宿区 13104 → 131041).
/// </summary>
public static class MunicipalityCode
{
    /// <summary>The check digit of a five-digit code.</summary>
    public static int CheckDigit(string fiveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (fiveDigits[i] - '0') * (6 - i);
        }
        return (11 - (sum % 11)) % 10;
    }

    /// <summary>
    /// Validates a code as typed (full-width digits allowed). Returns the normalized six digits, or
    /// null with a Japanese message saying what to fix.
    /// </summary>
    public static string? Normalize(string? input, out string? error)
    {
        var code = (input ?? string.Empty).Normalize(NormalizationForm.FormKC).Trim();
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            error = "団体コードは6桁の数字で入力してください（例：新宿区は 131041）。";
            return null;
        }
        var expected = CheckDigit(code);
        if (code[5] - '0' != expected)
        {
            error = $"団体コード {code} の検査数字（6桁目）が正しくありません。{code[..5]}{expected} ではありませんか。";
            return null;
        }
        error = null;
        return code;
    }
}
