using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Mamori.Core.Csv;

/// <summary>One data row of a CSV file with its row number as a spreadsheet shows it (the header is row 1).</summary>
public sealed record CsvRow(int RowNumber, IReadOnlyList<string> Cells)
{
    /// <summary>The cell at <paramref name="index"/>, or an empty string when the row is short.</summary>
    public string this[int index] => index < Cells.Count ? Cells[index] : string.Empty;
}

/// <summary>A CSV file read into memory: its detected encoding, header and rows.</summary>
public sealed record CsvTable(string EncodingName, IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows)
{
    /// <summary>The index of a header (exact after trimming), or -1.</summary>
    public int IndexOf(string header) =>
        Headers.Select((h, i) => (h, i)).FirstOrDefault(x => x.h == header.Trim(), (h: "", i: -1)).i;
}

/// <summary>A CSV file that cannot be read; the message is Japanese and names the row.</summary>
public sealed class CsvFormatException(string message) : Exception(message);

/// <summary>Reads CSV files as municipalities produce them.</summary>
public static class CsvReader
{
    /// <summary>
    /// Reads a whole CSV file. The encoding is detected: a UTF-8 byte-order mark or valid UTF-8
    /// means UTF-8, anything else is read as CP932 (Shift_JIS). Quoted fields may contain commas,
    /// quotes ("") and line breaks. Cells are trimmed of surrounding white space; blank lines are skipped.
    /// </summary>
    public static CsvTable Read(Stream stream, string fileName = "CSV", ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Current;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        var (text, encodingName) = TextFiles.Decode(bytes, fileName);
        var limit = limits.MaxRows;

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            Mode = CsvMode.RFC4180,
            BadDataFound = args => throw new CsvFormatException(
                $"{fileName} の {args.Context.Parser?.Row ?? 0} 行目: 引用符（\"）の対応が正しくありません。値に \" を含めるときは \"\" と二つ重ねてください。"),
        };

        var rows = new List<CsvRow>();
        IReadOnlyList<string>? headers = null;
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        try
        {
            while (parser.Read())
            {
                var record = parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (headers is null)
                {
                    headers = record.Select(h => h.Trim()).ToArray();
                    continue;
                }
                if (rows.Count == limit)
                {
                    throw new CsvFormatException(limits.TooManyRows(fileName));
                }
                rows.Add(new CsvRow(parser.Row, record));
            }
        }
        catch (CsvHelperException ex) when (ex is not BadDataException)
        {
            throw new CsvFormatException($"{fileName} の {parser.Row} 行目を読めませんでした。CSV の形式（区切りのカンマと引用符）を確かめてください。");
        }

        if (headers is null)
        {
            throw new CsvFormatException($"{fileName} にデータがありません。1 行目に見出し、2 行目からデータを入れてください。");
        }
        return new CsvTable(encodingName, headers, rows);
    }
}

/// <summary>Writes CSV for download: CRLF line ends, every field quoted when needed, formula cells escaped.</summary>
public static class CsvWriter
{
    /// <summary>
    /// Writes <paramref name="headers"/> and <paramref name="rows"/> in <paramref name="encoding"/>.
    /// A cell beginning with = + - @ (or a tab or carriage return) is prefixed with ' so that a
    /// spreadsheet shows it as text instead of running it as a formula.
    /// </summary>
    public static void Write(Stream stream, CsvEncoding encoding, IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\r\n",
            InjectionOptions = InjectionOptions.Escape,
            // With an explicit NewLine the library only quotes fields containing "\r\n"; a bare line break must be quoted too.
            ShouldQuote = args => args.Field is { Length: > 0 } f &&
                (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(f[0]) || char.IsWhiteSpace(f[^1])),
        };
        using var writer = new StreamWriter(stream, CsvEncodings.For(encoding), bufferSize: 65536, leaveOpen: true);
        using var csv = new CsvHelper.CsvWriter(writer, config);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }
        csv.NextRecord();
        foreach (var row in rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell ?? string.Empty);
            }
            csv.NextRecord();
        }
    }

    /// <summary>The bytes of a CSV file; see <see cref="Write"/>.</summary>
    public static byte[] ToBytes(CsvEncoding encoding, IEnumerable<string> headers, IEnumerable<IEnumerable<string?>> rows)
    {
        using var ms = new MemoryStream();
        Write(ms, encoding, headers, rows);
        return ms.ToArray();
    }
}
