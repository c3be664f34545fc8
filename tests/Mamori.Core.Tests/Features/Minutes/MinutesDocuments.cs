using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>How a generated minutes document is laid out on the page.</summary>
public enum PageShape
{
    /// <summary>One column of text; speaker tables as tables.</summary>
    OneColumn,

    /// <summary>The text set in two columns on the page (CSS columns).</summary>
    TwoColumns,
}

/// <summary>
/// Generated minutes as the documents municipalities publish: a web page (for printing to PDF too) and a
/// Word file. Lines with tabs become table rows; a row that starts with a tab continues the previous row's
/// last cell as a new paragraph, as a table cell of several paragraphs does.
/// </summary>
public static class MinutesDocuments
{
    private sealed record Block(string? Paragraph, List<List<string>>? Row);

    private static List<Block> Blocks(string text)
    {
        var blocks = new List<Block>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.StartsWith("| ", StringComparison.Ordinal) ? raw.Trim('|', ' ').Replace(" | ", "\t", StringComparison.Ordinal).Replace("| ", "\t", StringComparison.Ordinal) : raw;
            if (raw.StartsWith("| | ", StringComparison.Ordinal))
            {
                line = "\t" + raw[4..].TrimEnd('|', ' ');
            }
            if (line.Trim().Length == 0)
            {
                continue;
            }
            if (!line.Contains('\t', StringComparison.Ordinal))
            {
                blocks.Add(new Block(line, null));
                continue;
            }
            var cells = line.Split('\t');
            if (cells[0].Length == 0 && blocks.Count > 0 && blocks[^1].Row is { } previous)
            {
                previous[^1].Add(cells[^1]);
                continue;
            }
            blocks.Add(new Block(null, cells.Select(c => new List<string> { c }).ToList()));
        }
        return blocks;
    }

    /// <summary>A page as a municipal website has it, with a site header and navigation around the minutes.</summary>
    public static string Html(string text, PageShape shape, string runningHeader)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>会議録</title><style>")
            .Append("body{font-family:'Noto Serif CJK JP','Noto Sans CJK JP',serif;font-size:10.5pt;margin:0}")
            .Append("p{margin:0 0 2pt 0}table{border-collapse:collapse;width:100%;margin:4pt 0}td{border:0.5pt solid #000;vertical-align:top;padding:3pt}")
            .Append("td:first-child{width:22%}.run{display:none}@media screen{.run{display:block}}")
            .Append(shape == PageShape.TwoColumns ? "main{column-count:2;column-gap:12mm}table{break-inside:auto}" : string.Empty)
            .Append("</style></head><body><header><nav><a href=\"/\">トップページ</a> &gt; <a href=\"/shisei\">市政情報</a></nav></header>")
            .Append("<div class=\"run\">").Append(WebUtility.HtmlEncode(runningHeader)).Append("</div><main>");
        var inTable = false;
        foreach (var block in Blocks(text))
        {
            if (block.Row is { } row)
            {
                if (!inTable)
                {
                    sb.Append("<table>");
                    inTable = true;
                }
                sb.Append("<tr>");
                foreach (var cell in row)
                {
                    sb.Append("<td>").Append(string.Concat(cell.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))).Append("</td>");
                }
                sb.Append("</tr>");
                continue;
            }
            if (inTable)
            {
                sb.Append("</table>");
                inTable = false;
            }
            sb.Append("<p>").Append(WebUtility.HtmlEncode(block.Paragraph!)).Append("</p>\n");
        }
        if (inTable)
        {
            sb.Append("</table>");
        }
        sb.Append("</main><footer>お問い合わせ　総務課　電話 000-000-0000</footer></body></html>");
        return sb.ToString();
    }

    /// <summary>A Word document of paragraphs and tables, with a page header and a page-number footer of its own.</summary>
    public static byte[] Docx(string text, string runningHeader)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            Table? table = null;
            foreach (var block in Blocks(text))
            {
                if (block.Paragraph is { } p)
                {
                    table = null;
                    body.Append(Para(p));
                    continue;
                }
                if (table is null)
                {
                    table = new Table(new TableProperties(new TableBorders(new TopBorder { Val = BorderValues.Single }, new BottomBorder { Val = BorderValues.Single },
                        new InsideHorizontalBorder { Val = BorderValues.Single }, new InsideVerticalBorder { Val = BorderValues.Single })));
                    body.Append(table);
                }
                table.Append(new TableRow(block.Row!.Select(cell => new TableCell(cell.Select(Para)))));
            }
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(Para(runningHeader));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new Paragraph(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ")),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
            body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
}
