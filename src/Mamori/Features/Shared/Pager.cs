namespace Mamori.Features.Shared;

/// <summary>
/// A long list shown a page at a time on the server (ordered the same way on every page): the page asked for, how many
/// rows match, and the address of another page with the same filters (<c>p</c> is the page number).
/// </summary>
public sealed record Pager(int Number, int Total, int Size, string Path, string Query)
{
    public int Count => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>The page asked for, within the pages there are.</summary>
    public int Current => Math.Clamp(Number, 1, Count);

    public int Skip => (Current - 1) * Size;

    public string Link(int page) => LinkWith($"p={page}");

    /// <summary>The same list with one more parameter (<c>all=true</c>: every row on one page, for printing).</summary>
    public string LinkWith(string parameter) => Query.Length == 0 ? $"{Path}?{parameter}" : $"{Path}?{Query.TrimStart('?')}&{parameter}";

    /// <summary>「120 件（101〜120 件目）」, or the count alone when one page holds them all.</summary>
    public string Summary(int shown) => Count > 1 ? $"{Total:N0} 件（{Skip + 1:N0}〜{Skip + shown:N0} 件目）" : $"{Total:N0} 件";
}
