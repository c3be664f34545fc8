using System.IO.Compression;
using System.Text;
using Mamori.Core.Csv;
using MiniExcelLibs;

namespace Mamori.Core.Tests.Csv;

/// <summary>ASVS 12.1 / 5.2: imports refuse what would exhaust the server, and bytes they cannot read, with a Japanese message.</summary>
public sealed class ImportLimitTests
{
    private static readonly ImportLimits Ten = new(10, ImportLimits.Default.MaxUnpackedBytes);

    [Fact]
    public void RowLimit_TakesExactlyTheLimit_AndRefusesOneMore_InCsvAndExcel()
    {
        static byte[] Csv(int rows) => Encoding.UTF8.GetBytes("番号,名称\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{i},名称{i}\n")));
        Assert.Equal(10, CsvReader.Read(new MemoryStream(Csv(10)), "ten.csv", Ten).Rows.Count);
        var csv = Assert.Throws<CsvFormatException>(() => CsvReader.Read(new MemoryStream(Csv(11)), "eleven.csv", Ten));
        Assert.Contains("eleven.csv は 10 行を超えています", csv.Message);

        Assert.Equal(10, TableFile.ReadSheet(Workbook(10), "ten.xlsx", null, Ten)!.Rows.Count);
        var xlsx = Assert.Throws<CsvFormatException>(() => TableFile.ReadSheet(Workbook(11), "eleven.xlsx", null, Ten));
        Assert.Contains("eleven.xlsx は 10 行を超えています", xlsx.Message);
        Assert.Equal(100_000, ImportLimits.Default.MaxRows);
        Assert.Equal(50L * 1024 * 1024, ImportLimits.Default.MaxUnpackedBytes);
    }

    [Fact]
    public void AMillionRowWorkbook_IsRefusedWhileStreaming_WithoutReadingItAll()
    {
        var bytes = Workbook(1_000_000);
        Assert.InRange(bytes.Length, 1, 16 * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<CsvFormatException>(() => TableFile.ReadSheet(bytes, "million.xlsx", null));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains("100,000 行を超えています", refused.Message);
        // Reading stops at row 100,002: far less is allocated in all than the million rows would take (Excel writes the
        // sheet's dimension, as this workbook does; without one the reader scans the sheet once more, and frees it as it goes).
        Assert.True(allocated < 400L * 1024 * 1024, $"{allocated / 1024 / 1024} MB を確保しました");
    }

    [Fact]
    public void AWorkbookThatUnpacksPastTheLimit_IsRefusedBeforeItIsRead()
    {
        var bomb = Workbook(1, padding: 60 * 1024 * 1024);
        Assert.True(bomb.Length < 1024 * 1024);
        var refused = Assert.Throws<CsvFormatException>(() => TableFile.ReadSheet(bomb, "bomb.xlsx", null));
        Assert.Contains("bomb.xlsx は展開すると", refused.Message);
        Assert.Contains("上限の 50 MB を超えます", refused.Message);
    }

    [Fact]
    public void BytesThatAreNeitherUtf8NorShiftJis_AreRefusedWithTheLineAndCharacter_AndUtf16IsToldToBeSavedAgain()
    {
        var text = Encoding.UTF8.GetBytes("番号,名称\n1,あいう\n2,かき").Concat(new byte[] { 0xFF, 0xFE, 0x41 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();
        var bad = Assert.Throws<CsvFormatException>(() => CsvReader.Read(new MemoryStream(text), "bad.csv"));
        Assert.Contains("bad.csv の 3 行目 5 文字目に、UTF-8 として読めない文字があります", bad.Message);
        var sjisBroken = Encoding.GetEncoding(932).GetBytes("番号,名称\n1,あいう\n").Concat(new byte[] { 0x82, 0xFF }).ToArray();
        Assert.Contains("sjis.csv の 3 行目 1 文字目に、UTF-8 としても Shift_JIS としても読めない", Assert.Throws<CsvFormatException>(
            () => CsvReader.Read(new MemoryStream(sjisBroken), "sjis.csv")).Message);

        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("番号,名称\n1,あいう\n")).ToArray();
        Assert.Contains("UTF-16", Assert.Throws<CsvFormatException>(() => CsvReader.Read(new MemoryStream(utf16), "u16.csv")).Message);
        var bomless = Encoding.Unicode.GetBytes("No,Name\n1,abc\n2,def\n");
        Assert.Contains("UTF-16", Assert.Throws<CsvFormatException>(() => CsvReader.Read(new MemoryStream(bomless), "u16.csv")).Message);

        // Shift_JIS still reads.
        var sjis = Encoding.GetEncoding(932).GetBytes("番号,名称\n1,あいう\n");
        Assert.Equal("Shift_JIS", CsvReader.Read(new MemoryStream(sjis), "sjis.csv").EncodingName);
    }

    static ImportLimitTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>A valid workbook (made by MiniExcel) whose sheet is replaced by <paramref name="rows"/> numbered rows, and padding that compresses to nothing.</summary>
    private static byte[] Workbook(int rows, int padding = 0)
    {
        using var template = new MemoryStream();
        template.SaveAs(new[] { new Dictionary<string, object> { ["A"] = 1 } }, printHeader: false);
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(template.ToArray()), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var to = copy.Open();
                if (entry.FullName.EndsWith("sheet1.xml", StringComparison.Ordinal))
                {
                    using var writer = new StreamWriter(to, new UTF8Encoding(false), 1 << 16);
                    writer.Write("<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
                    writer.Write($"<dimension ref=\"A1:A{rows + 1}\"/><sheetData>");
                    writer.Write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>番号</t></is></c></row>");
                    for (var i = 2; i <= rows + 1; i++)
                    {
                        writer.Write($"<row r=\"{i}\"><c r=\"A{i}\"><v>1</v></c></row>");
                    }
                    writer.Write("</sheetData></worksheet>");
                    if (padding > 0)
                    {
                        writer.Write(new string(' ', padding));
                    }
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }
        return output.ToArray();
    }
}
