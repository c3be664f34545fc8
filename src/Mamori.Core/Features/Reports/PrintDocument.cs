using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mamori.Core.Features.Reports;

/// <summary>Where a line sits on the page.</summary>
public enum LineAlign
{
    Left,
    Center,
    Right,
}

/// <summary>A block of an official document: a line of text or a table.</summary>
public abstract record PrintBlock;

/// <summary>A paragraph. <see cref="Indent"/> is in characters (全角), for 記 items and body text.</summary>
public sealed record PrintLine(string Text, LineAlign Align = LineAlign.Left, bool Bold = false, bool Large = false, int Indent = 0) : PrintBlock;

/// <summary>A table with a header row.</summary>
public sealed record PrintTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<int>? WidthsPercent = null) : PrintBlock;

/// <summary>One series of a bar chart (職員, ベンダー等 …), a value per category.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<int> Values);

/// <summary>A stacked bar chart of counts: SVG on the page, a chart of Word's own in the .docx (<see cref="WordCharts"/>).</summary>
public sealed record PrintBarChart(string Caption, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series) : PrintBlock
{
    /// <summary>The tallest stacked bar.</summary>
    public int Max => Categories.Count == 0 ? 0 : Enumerable.Range(0, Categories.Count).Max(i => Series.Sum(s => s.Values.ElementAtOrDefault(i)));
}

/// <summary>One series of a rate chart (申請率, 交付率): a percentage per category.</summary>
public sealed record RateSeries(string Name, IReadOnlyList<decimal> Values);

/// <summary>
/// Horizontal bars of percentages, one group per category (a municipality), the highlighted categories (the own
/// municipality) marked on the page; like <see cref="PrintBarChart"/>, a chart of Word's own in the .docx.
/// </summary>
public sealed record PrintRateChart(string Caption, IReadOnlyList<string> Categories, IReadOnlyList<RateSeries> Series, IReadOnlyList<int> Highlighted) : PrintBlock
{
    /// <summary>The right end of the axis: 100 %, or the next ten above a larger figure.</summary>
    public decimal AxisMax => Math.Max(100m, Math.Ceiling(Series.SelectMany(s => s.Values).DefaultIfEmpty(0m).Max() / 10m) * 10m);
}

/// <summary>A page break: the next block starts a new A4 page (print and Word).</summary>
public sealed record PrintPageBreak : PrintBlock;

/// <summary>
/// A chapter heading (１　住基ネット調査表による点検結果): bold on the page, Word's 見出し 1 in the .docx so that the
/// 目次 and the navigation pane find it.
/// </summary>
public sealed record PrintHeading(string Text) : PrintBlock;

/// <summary>
/// 目次: the chapter headings of the document. On the page a list; in the .docx Word's table of contents, which
/// fills in the page numbers when the document is opened.
/// </summary>
public sealed record PrintContents(IReadOnlyList<string> Entries) : PrintBlock;

/// <summary>
/// One official document (通知, 答申書, Q&amp;A 一覧) as content, rendered both as the A4 print page and as a
/// .docx the office edits further — the two never drift apart because they are made from the same blocks.
/// </summary>
public sealed record PrintDocument(string Title, IReadOnlyList<PrintBlock> Blocks)
{
    private const string Font = "ＭＳ 明朝";

    /// <summary>A4 width and the left/right margins, in twentieths of a point (2.5 cm each side).</summary>
    private const uint PageWidth = 11906, SideMargin = 1418;

    /// <summary>The document as Word (.docx), A4 portrait, 明朝 10.5pt.</summary>
    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            var drawings = 0U;
            foreach (var block in Blocks)
            {
                body.Append(block switch
                {
                    PrintLine line => Paragraph(line),
                    PrintTable table => Table(table),
                    PrintBarChart or PrintRateChart => WordCharts.Add(main, block, ++drawings),
                    PrintPageBreak => new Paragraph(new Run(new Break { Type = BreakValues.Page })),
                    PrintHeading heading => WordOutline.Heading(heading.Text, RunProps(bold: true, large: false)),
                    PrintContents contents => WordOutline.Contents(contents.Entries, RunProps(bold: false, large: false)),
                    _ => throw new InvalidOperationException(block.GetType().Name),
                });
                if (block is PrintTable)
                {
                    body.Append(new Paragraph());
                }
            }
            var numbered = Blocks.Any(b => b is PrintHeading);
            if (numbered)
            {
                WordOutline.AddStyles(main, Font);
            }
            var section = new SectionProperties();
            if (numbered)
            {
                // A report's pages are numbered at the foot, as the 目次 refers to them.
                section.Append(WordOutline.PageNumberFooter(main, RunProps(bold: false, large: false)));
            }
            section.Append(new PageSize { Width = PageWidth, Height = 16838U },
                new PageMargin { Top = 1701, Bottom = 1418, Left = SideMargin, Right = SideMargin, Header = 851U, Footer = 992U });
            body.Append(section);
            main.Document = new Document(body);
            doc.PackageProperties.Title = Title;
        }
        return stream.ToArray();
    }

    private static RunProperties RunProps(bool bold, bool large)
    {
        // The schema's order: fonts, bold, size.
        var props = new RunProperties(new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font });
        if (bold)
        {
            props.Append(new Bold());
        }
        props.Append(new FontSize { Val = large ? "28" : "21" });
        return props;
    }

    private static Paragraph Paragraph(PrintLine line)
    {
        var props = new ParagraphProperties(new Justification
        {
            Val = line.Align switch
            {
                LineAlign.Center => JustificationValues.Center,
                LineAlign.Right => JustificationValues.Right,
                _ => JustificationValues.Left,
            },
        });
        if (line.Indent > 0)
        {
            props.Append(new Indentation { Left = (line.Indent * 210).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        var paragraph = new Paragraph(props);
        var parts = line.Text.Split('\n');
        var run = new Run(RunProps(line.Bold, line.Large));
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(PrintTable table)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 },
            new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 },
            new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
            new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var result = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border));
        // The grid: one column per cell of the header, in twentieths of a point across the line between the margins.
        var columns = table.Headers.Count;
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            var percent = table.WidthsPercent is { } w && i < w.Count ? w[i] : 100.0 / columns;
            grid.Append(new GridColumn { Width = ((int)((PageWidth - 2 * SideMargin) * percent / 100)).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }
        result.Append(grid);
        result.Append(Row(table.Headers, table.WidthsPercent, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(row, table.WidthsPercent, header: false));
        }
        return result;
    }

    private static TableRow Row(IReadOnlyList<string> cells, IReadOnlyList<int>? widths, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        for (var i = 0; i < cells.Count; i++)
        {
            var cellProps = new TableCellProperties();
            if (widths is not null && i < widths.Count)
            {
                cellProps.Append(new TableCellWidth { Width = (widths[i] * 50).ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Pct });
            }
            if (header)
            {
                cellProps.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E8E8E8" });
            }
            row.Append(new TableCell(cellProps, Paragraph(new PrintLine(cells[i], header ? LineAlign.Center : LineAlign.Left, Bold: header))));
        }
        return row;
    }
}
