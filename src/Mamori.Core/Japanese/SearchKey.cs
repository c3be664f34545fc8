using System.Text;

namespace Mamori.Core.Japanese;

/// <summary>
/// The normalized form of text used for searching and uniqueness checks: NFKC (full-width
/// alphanumerics and half-width katakana folded), lower case, runs of white space made one space.
/// The text people entered is stored as entered; only the key is normalized.
/// </summary>
public static class SearchKey
{
    /// <summary>Normalizes <paramref name="text"/>; null and blank give an empty string.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Whether <paramref name="text"/> contains <paramref name="query"/> after both are normalized.</summary>
    public static bool Matches(string? text, string? query) =>
        Normalize(text).Contains(Normalize(query), StringComparison.Ordinal);
}
