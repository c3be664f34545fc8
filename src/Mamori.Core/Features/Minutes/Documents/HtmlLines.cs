using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Mamori.Core.Features.Minutes.Documents;

/// <summary>
/// A page saved from a municipal website: the main text in reading order — headings and paragraphs as
/// lines, <c>&lt;br&gt;</c> as a line break, table rows as cells separated by tabs, list items as lines.
/// Scripts, styles, navigation, the site header and footer are left out.
/// </summary>
internal static partial class HtmlLines
{
    private static readonly HashSet<string> Skipped = ["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "NAV", "HEADER", "FOOTER", "ASIDE", "FORM", "BUTTON", "SELECT", "IFRAME", "SVG", "HEAD"];

    private static readonly HashSet<string> Blocks =
        ["P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "DT", "DD", "PRE", "BLOCKQUOTE", "SECTION", "ARTICLE", "MAIN", "ADDRESS", "CAPTION", "TR", "UL", "OL", "DL", "BODY", "FIGURE", "FIGCAPTION", "CENTER"];

    public static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        return start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) && text.Contains("<html", StringComparison.OrdinalIgnoreCase);
    }

    public static string Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = document.QuerySelector("main") ?? document.QuerySelector("article") ?? document.QuerySelector("#main, #contents, #content, .main, .contents")
            ?? document.Body ?? (IElement?)document.DocumentElement;
        var sb = new StringBuilder();
        var line = new StringBuilder();
        if (root is not null)
        {
            Walk(root, sb, line);
        }
        EndLine(sb, line);
        return sb.ToString();
    }

    private static void Walk(INode node, StringBuilder sb, StringBuilder line)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    line.Append(Collapse(text.Data));
                    break;
                case IElement e when Skipped.Contains(e.TagName):
                    break;
                case IElement { TagName: "BR" }:
                    EndLine(sb, line);
                    break;
                case IElement { TagName: "TABLE" } table:
                    EndLine(sb, line);
                    foreach (var row in table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table))
                    {
                        MinutesDocument.AppendRow(sb, row.Children.Where(c => c.TagName is "TD" or "TH").Select(c => (IReadOnlyList<string>)CellLines(c)).ToList());
                    }
                    break;
                case IElement e when Blocks.Contains(e.TagName):
                    EndLine(sb, line);
                    Walk(e, sb, line);
                    EndLine(sb, line);
                    break;
                case IElement e:
                    Walk(e, sb, line);
                    break;
            }
        }
    }

    private static List<string> CellLines(IElement cell)
    {
        var sb = new StringBuilder();
        var line = new StringBuilder();
        Walk(cell, sb, line);
        EndLine(sb, line);
        return sb.ToString().Split('\n').Select(MinutesDocument.Flat).Where(l => l.Length > 0).ToList();
    }

    private static void EndLine(StringBuilder sb, StringBuilder line)
    {
        var text = line.ToString().Trim(' ');
        if (text.Length > 0)
        {
            sb.Append(text).Append('\n');
        }
        line.Clear();
    }

    /// <summary>HTML whitespace (not the full-width space, which is text) as one space; a line break in the source is no break on the page.</summary>
    private static string Collapse(string data) => HtmlWhitespace().Replace(data, " ");

    [System.Text.RegularExpressions.GeneratedRegex("[ \t\n\r\f]+")]
    private static partial System.Text.RegularExpressions.Regex HtmlWhitespace();
}
