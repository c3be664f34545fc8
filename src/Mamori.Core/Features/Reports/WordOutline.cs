using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mamori.Core.Features.Reports;

/// <summary>
/// The parts of a .docx that make a report navigable: the 見出し 1 style its chapter headings use, the 目次 (Word's
/// TOC field, with the headings as its first text and the page numbers filled in by Word when the file opens) and
/// the page number at the foot of each page.
/// </summary>
internal static class WordOutline
{
    private const string HeadingStyle = "Heading1";

    /// <summary>A chapter heading: bold, in the 見出し 1 style (outline level 1).</summary>
    public static Paragraph Heading(string text, RunProperties run) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = HeadingStyle }, new KeepNext()),
            new Run(run, new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));

    /// <summary>
    /// 目次 as one paragraph holding a TOC field of the level-1 headings; its text before Word updates it is the list of
    /// headings, so a reader without field updates still sees the chapters.
    /// </summary>
    public static Paragraph Contents(IReadOnlyList<string> entries, RunProperties run)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new Indentation { Left = "420" }));
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }));
        paragraph.Append(new Run(new FieldCode(" TOC \\o \"1-1\" \\h \\z \\u ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = new Run((RunProperties)run.CloneNode(true));
            if (i > 0)
            {
                entry.Append(new Break());
            }
            entry.Append(new Text(entries[i]) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
            paragraph.Append(entry);
        }
        paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        return paragraph;
    }

    /// <summary>The styles the headings and the table of contents need, and the setting that has Word fill the 目次 in.</summary>
    public static void AddStyles(MainDocumentPart main, string font)
    {
        var fonts = new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font };
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle(),
                new StyleRunProperties((RunFonts)fonts.CloneNode(true), new FontSize { Val = "21" }))
            { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "heading 1" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }, new OutlineLevel { Val = 0 }),
                new StyleRunProperties((RunFonts)fonts.CloneNode(true), new Bold(), new FontSize { Val = "24" }))
            { Type = StyleValues.Paragraph, StyleId = HeadingStyle },
            new Style(new StyleName { Val = "toc 1" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
                new StyleParagraphProperties(new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = 9060 })))
            { Type = StyleValues.Paragraph, StyleId = "TOC1" });
        var settings = main.AddNewPart<DocumentSettingsPart>();
        settings.Settings = new Settings(new UpdateFieldsOnOpen { Val = true });
    }

    /// <summary>A footer with the page number in the centre (「- 3 -」).</summary>
    public static FooterReference PageNumberFooter(MainDocumentPart main, RunProperties run)
    {
        var part = main.AddNewPart<FooterPart>();
        Run R(DocumentFormat.OpenXml.OpenXmlElement leaf) => new((RunProperties)run.CloneNode(true), leaf);
        part.Footer = new Footer(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            R(new Text("- ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            R(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            R(new FieldCode(" PAGE ") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }),
            R(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            R(new Text("1")),
            R(new FieldChar { FieldCharType = FieldCharValues.End }),
            R(new Text(" -") { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve })));
        return new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(part) };
    }
}
