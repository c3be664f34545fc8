using System.Globalization;
using MiniExcelLibs;

namespace Mamori.Core.Csv;

/// <summary>One problem in an import file: the row as a spreadsheet numbers it, the column header, what to fix.</summary>
public sealed record ImportProblem(int Row, string Column, string Message)
{
    /// <summary>"ファイル名 の 12 行目「入室日時」: …" for the command line.</summary>
    public string Describe(string fileName) => $"{fileName} の {Row} 行目「{Column}」: {Message}";
}

/// <summary>Reads an uploaded table: CSV (UTF-8 or Shift_JIS) or the first sheet of an .xlsx workbook.</summary>
public static class TableFile
{
    /// <summary>Reads the file into a table; .xlsx is recognized by its content, not only its name.</summary>
    public static CsvTable Read(Stream stream, string fileName, string? sheetName = null)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (!IsXlsx(bytes))
        {
            return CsvReader.Read(new MemoryStream(bytes), fileName);
        }
        return ReadSheet(bytes, fileName, sheetName)
            ?? throw new CsvFormatException($"{fileName} にシート「{sheetName}」がありません。");
    }

    /// <summary>Whether the bytes are a zip package (an .xlsx workbook).</summary>
    public static bool IsXlsx(byte[] bytes) => bytes.Length > 4 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K';

    /// <summary>One sheet of a workbook as a table (the first when <paramref name="sheetName"/> is null), or null when there is no such sheet.</summary>
    public static CsvTable? ReadSheet(byte[] bytes, string fileName, string? sheetName, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Current;
        CheckUnpackedSize(bytes, fileName, limits);
        try
        {
            using var stream = new MemoryStream(bytes);
            if (sheetName is not null && !stream.GetSheetNames().Contains(sheetName))
            {
                return null;
            }
            stream.Position = 0;
            // Streamed: a sheet with more rows than allowed is refused at the first row too many, not after reading all.
            var rows = stream.Query(useHeaderRow: false, sheetName: sheetName).Cast<IDictionary<string, object?>>().Take(limits.MaxRows + 2).ToList();
            if (rows.Count > limits.MaxRows + 1)
            {
                throw new CsvFormatException(limits.TooManyRows(fileName));
            }
            if (rows.Count == 0)
            {
                throw new CsvFormatException($"{fileName} にデータがありません。1 行目に見出し、2 行目からデータを入れてください。");
            }
            var keys = rows[0].Keys.ToList();
            var headers = keys.Select(k => Cell(rows[0][k])).ToList();
            var data = rows.Skip(1)
                .Select((r, i) => new CsvRow(i + 2, keys.Select(k => Cell(r.TryGetValue(k, out var v) ? v : null)).ToList()))
                .Where(r => r.Cells.Any(c => c.Length > 0))
                .ToList();
            return new CsvTable("Excel", headers, data);
        }
        catch (Exception ex) when (ex is not CsvFormatException)
        {
            throw new CsvFormatException($"{fileName} を Excel ファイルとして読めませんでした。.xlsx 形式で保存し直すか、CSV で取り込んでください。");
        }
    }

    /// <summary>
    /// Refuses a workbook whose parts unpack to more than the limit (a "zip bomb"), from the sizes its directory
    /// declares; the unpacking stream of <see cref="System.IO.Compression.ZipArchive"/> stops at the declared size.
    /// </summary>
    private static void CheckUnpackedSize(byte[] bytes, string fileName, ImportLimits limits)
    {
        long total;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes), System.IO.Compression.ZipArchiveMode.Read);
            total = zip.Entries.Sum(e => e.Length);
        }
        catch (InvalidDataException)
        {
            throw new CsvFormatException($"{fileName} を Excel ファイルとして読めませんでした。.xlsx 形式で保存し直すか、CSV で取り込んでください。");
        }
        if (total > limits.MaxUnpackedBytes)
        {
            throw new CsvFormatException($"{fileName} は展開すると {total / 1024 / 1024:N0} MB になり、上限の {limits.MaxUnpackedBytes / 1024 / 1024:N0} MB を超えます。"
                + "ファイルを分けるか、不要なシートや書式を除いて保存し直してください。何も取り込んでいません。");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim() ?? string.Empty,
    };
}
