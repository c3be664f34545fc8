using System.Globalization;
using System.Text;
using Mamori.Core.Japanese;

namespace Mamori.Hosting;

/// <summary>
/// The running header of a printed page: the municipality (once, even when the title names it too), the page's title and
/// the date it was printed, at the top of every A4 sheet.
/// </summary>
public static class PrintHeader
{
    public static string Text(string? municipality, string title, TimeProvider clock)
    {
        var named = municipality is { Length: > 0 } && title.Contains(municipality, StringComparison.Ordinal);
        return string.Join("　", new[] { named ? null : municipality, title, WarekiDate.Format(JapanTime.Today(clock)) + "印刷" }
            .Where(x => !string.IsNullOrEmpty(x)));
    }

    /// <summary>The @page rule that puts <paramref name="header"/> at the top right of every sheet, escaped for a CSS string.</summary>
    public static string PageRule(string header) =>
        "@page { @top-right { content: \"" + Escape(header) + "\"; font-size: 8.5pt; color: #333; vertical-align: bottom; padding-bottom: 3mm; } }";

    /// <summary>
    /// A CSS string's content: letters, digits, spaces and non-ASCII characters as they are; every other character as a
    /// hex escape, so that no quote, backslash or "&lt;/style&gt;" can leave the string or the style element.
    /// </summary>
    public static string Escape(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == ' ' || (c > 0x7F && !char.IsControl(c)))
            {
                b.Append(c);
            }
            else
            {
                b.Append('\\').Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            }
        }
        return b.ToString();
    }
}
