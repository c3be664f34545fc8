using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mamori.Core.Features.Minutes.Documents;

/// <summary>
/// A Word document's body in reading order: each paragraph a line (a manual line break starts another), each
/// table row its cells separated by tabs. Headers, footers and page numbers are parts of their own in a .docx
/// and are not read.
/// </summary>
internal static class WordLines
{
    public static Outcome<MinutesSource> Read(byte[] bytes, string fileName)
    {
        if (!MinutesDocument.IsWordPackage(bytes))
        {
            return Outcome<MinutesSource>.Fail("File",
                $"{fileName} は Word 文書ではありません（Excel などの zip 形式のファイルです）。会議録の PDF、Word（.docx）、HTML またはテキストを選んでください。");
        }
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        if (document.MainDocumentPart?.Document?.Body is not { } body)
        {
            return Outcome<MinutesSource>.Fail("File", $"{fileName} に本文がありません。");
        }
        var sb = new StringBuilder();
        Append(sb, body);
        return Outcome<MinutesSource>.Success(new MinutesSource(sb.ToString(), "Word"));
    }

    private static void Append(StringBuilder sb, OpenXmlElement container)
    {
        foreach (var element in container.ChildElements)
        {
            switch (element)
            {
                case Paragraph p:
                    foreach (var line in Lines(p))
                    {
                        sb.Append(line).Append('\n');
                    }
                    break;
                case Table table:
                    foreach (var row in table.Elements<TableRow>())
                    {
                        MinutesDocument.AppendRow(sb, row.Elements<TableCell>().Select(c => (IReadOnlyList<string>)CellLines(c)).ToList());
                    }
                    break;
                case SdtBlock block when block.SdtContentBlock is { } content:
                    Append(sb, content);
                    break;
            }
        }
    }

    private static List<string> CellLines(TableCell cell)
    {
        var lines = new List<string>();
        foreach (var element in cell.Descendants().Where(e => e is Paragraph))
        {
            lines.AddRange(Lines((Paragraph)element).Select(MinutesDocument.Flat).Where(l => l.Length > 0));
        }
        return lines;
    }

    /// <summary>A paragraph's text; a manual line break (Shift+Enter) ends a line, a tab stays a space.</summary>
    private static IEnumerable<string> Lines(Paragraph p)
    {
        var line = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t:
                    line.Append(t.Text);
                    break;
                case TabChar:
                    line.Append('　');
                    break;
                case Break or CarriageReturn:
                    yield return line.ToString();
                    line.Clear();
                    break;
                case NoBreakHyphen:
                    line.Append('-');
                    break;
            }
        }
        yield return line.ToString();
    }
}
