using System.Globalization;

namespace Mamori.Core.Features.Statistics;

/// <summary>The arithmetic of computed columns: sums, differences, rates and ratios, rounded as each column says.</summary>
public static class StatFormulas
{
    /// <summary>The column's figure from its operands' figures; null when an operand is missing or a divisor is 0.</summary>
    public static decimal? Evaluate(StatColumn column, Func<string, decimal?> value)
    {
        var operands = column.Operands.Select(value).ToList();
        if (operands.Count == 0 || operands.Any(v => v is null))
        {
            return null;
        }
        var a = operands[0]!.Value;
        switch (column.Kind)
        {
            case StatColumnKind.Sum:
                return Round(operands.Sum(v => v!.Value), column.Digits, column.Rounding);
            case StatColumnKind.Difference when operands.Count == 2:
                return Round(a - operands[1]!.Value, column.Digits, column.Rounding);
            case StatColumnKind.Rate when operands.Count == 2 && operands[1] != 0:
                return Round(a * 100m / operands[1]!.Value, column.Digits, column.Rounding);
            case StatColumnKind.Ratio when operands.Count == 2 && operands[1] != 0:
                return Round(a / operands[1]!.Value, column.Digits, column.Rounding);
            default:
                return null;
        }
    }

    /// <summary>Rounds to <paramref name="digits"/> decimals: 四捨五入 (half away from zero), 切り捨て and 切り上げ (toward and away from zero).</summary>
    public static decimal Round(decimal value, int digits, StatRounding rounding) => rounding switch
    {
        StatRounding.Down => Math.Round(value, digits, MidpointRounding.ToZero),
        StatRounding.Up => Math.Sign(value) * Math.Ceiling(Math.Abs(value) * Pow10(digits)) / Pow10(digits),
        _ => Math.Round(value, digits, MidpointRounding.AwayFromZero),
    };

    private static decimal Pow10(int digits)
    {
        var p = 1m;
        for (var i = 0; i < digits; i++)
        {
            p *= 10;
        }
        return p;
    }

    /// <summary>A figure as tables show it: 67,911, 91.9 (a rate with one digit), 1.25.</summary>
    public static string Format(StatColumn column, decimal value, bool separators = true)
    {
        var digits = column.IsInput ? 0 : column.Digits;
        var pattern = (separators && !column.IsPercent ? "#,0" : "0") + (digits > 0 ? "." + new string('0', digits) : "");
        return value.ToString(pattern, CultureInfo.InvariantCulture);
    }

    public static string JapaneseName(this StatColumnKind kind) => kind switch
    {
        StatColumnKind.Input => "入力",
        StatColumnKind.Sum => "合計（A＋B＋…）",
        StatColumnKind.Difference => "差（A－B）",
        StatColumnKind.Rate => "率（A÷B×100、%）",
        StatColumnKind.Ratio => "比（A÷B）",
        _ => kind.ToString(),
    };

    public static string JapaneseName(this StatRounding rounding) => rounding switch
    {
        StatRounding.Down => "切り捨て",
        StatRounding.Up => "切り上げ",
        _ => "四捨五入",
    };
}
