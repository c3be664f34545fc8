using System.IO.Compression;
using System.Text;
using Mamori.Core.Csv;

namespace Mamori.Core.Features.Minutes.Documents;

/// <summary>What a minutes file held, as the lines the parser reads, and what kind of file it was.</summary>
/// <param name="Text">One line per line of the document; a table row is its cells separated by tabs.</param>
/// <param name="Format">「PDF」「Word」「HTML」 or the text encoding (「UTF-8」「Shift_JIS」).</param>
/// <param name="Pages">The number of pages of a PDF.</param>
public sealed record MinutesSource(string Text, string Format, int? Pages = null);

/// <summary>Parsed minutes with the file's SHA-256 and kind (PDF, Word, HTML, テキスト).</summary>
public sealed record MinutesFile(ParsedMinutes Minutes, string Sha256, string Format);

/// <summary>
/// Reads a minutes file of any kind a council office keeps — PDF, Word (.docx), a page saved from the
/// municipal website, or text — into the lines <see cref="MinutesParser"/> reads. The kind is told from
/// the bytes, not the file name. A file that is none of these is refused with what to do.
/// </summary>
public static class MinutesDocument
{
    /// <summary>Minutes of one meeting are well under this, as PDF too (a 100-page PDF is about 1 MB).</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>
    /// A file read and parsed as minutes, with what the import records of it (its SHA-256 and kind): the one
    /// path of the command line and the API, which take the file in one step.
    /// </summary>
    public static Outcome<MinutesFile> Parse(byte[] bytes, string fileName)
    {
        var source = Read(bytes, fileName);
        if (!source.Ok)
        {
            return new Outcome<MinutesFile>(default, source.Errors, source.Kind);
        }
        var parsed = MinutesParser.Parse(source.Value!.Text, fileName);
        return parsed.Ok
            ? Outcome<MinutesFile>.Success(new MinutesFile(parsed.Value!, MinutesImportRequest.Hash(bytes), source.Value.Format))
            : new Outcome<MinutesFile>(default, parsed.Errors, parsed.Kind);
    }

    public static Outcome<MinutesSource> Read(byte[] bytes, string fileName)
    {
        if (bytes.Length == 0)
        {
            return Outcome<MinutesSource>.Fail("File", $"{fileName} は空です。会議録の PDF、Word（.docx）、HTML またはテキストのファイルを選んでください。");
        }
        if (bytes.Length > MaxBytes)
        {
            return Outcome<MinutesSource>.Fail("File", $"{fileName} は大きすぎます（{MaxBytes / 1024 / 1024}MB まで）。会議1回分ずつ取り込んでください。");
        }
        try
        {
            if (bytes.AsSpan().StartsWith("%PDF-"u8) || bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) >= 0)
            {
                return PdfLines.Read(bytes, fileName);
            }
            if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
            {
                return WordLines.Read(bytes, fileName);
            }
            if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
            {
                return Outcome<MinutesSource>.Fail("File",
                    $"{fileName} は古い形式の Word 文書（.doc）です。Word で開いて「Word 文書（.docx）」か PDF で保存し直してから取り込んでください。");
            }
            var (text, encoding) = TextFiles.Decode(bytes, fileName);
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                return Outcome<MinutesSource>.Fail("File", $"{fileName} は会議録として読めるファイルではありません。PDF、Word（.docx）、HTML またはテキストのファイルを選んでください。");
            }
            return HtmlLines.LooksLikeHtml(text)
                ? Outcome<MinutesSource>.Success(new MinutesSource(HtmlLines.Read(text), "HTML"))
                : Outcome<MinutesSource>.Success(new MinutesSource(text, encoding));
        }
        catch (CsvFormatException ex)
        {
            return Outcome<MinutesSource>.Fail("File", ex.Message);
        }
        catch (InvalidDataException)
        {
            return Outcome<MinutesSource>.Fail("File", $"{fileName} は壊れているか、読めない形式です。元のアプリケーションで PDF か Word（.docx）に保存し直してください。");
        }
    }

    /// <summary>
    /// A table row as lines: the first paragraph of every cell on the first line, separated by tabs, the
    /// following paragraphs on lines of their own under their column (an empty first cell continues the row).
    /// </summary>
    internal static void AppendRow(StringBuilder sb, IReadOnlyList<IReadOnlyList<string>> cells)
    {
        var depth = cells.Count == 0 ? 0 : cells.Max(c => c.Count);
        for (var i = 0; i < Math.Max(depth, 1); i++)
        {
            var line = string.Join('\t', cells.Select(c => i < c.Count ? Flat(c[i]) : string.Empty)).TrimEnd('\t');
            if (line.Length > 0)
            {
                sb.Append(line).Append('\n');
            }
        }
    }

    /// <summary>A paragraph on one line: tabs and line breaks inside it would start a column or a line.</summary>
    internal static string Flat(string paragraph) => paragraph.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();

    /// <summary>Whether a zip holds a Word document (and not an Excel workbook saved under the wrong name).</summary>
    internal static bool IsWordPackage(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.GetEntry("word/document.xml") is not null;
    }
}
