using System.Text;
using Mamori.Core.Csv;

namespace Mamori.Core.Tests.Csv;

public sealed class CsvTests
{
    private static readonly string[] Header = ["整理番号", "名称", "本人の数"];

    private static CsvTable Read(byte[] bytes) => CsvReader.Read(new MemoryStream(bytes), "test.csv");

    [Fact]
    public void Read_DetectsUtf8WithAndWithoutBomAndCp932_AndGivesTheSameCells()
    {
        const string text = "整理番号,名称,本人の数\r\n1,\"住民基本台帳ファイル\",\"123,456\"\r\n2,国民健康保険（高額療養費）,1000\r\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var withoutBom = Encoding.UTF8.GetBytes(text);
        var sjis = CsvEncodings.Cp932.GetBytes(text);

        var a = Read(withBom);
        var b = Read(withoutBom);
        var c = Read(sjis);
        Assert.Equal("UTF-8", a.EncodingName);
        Assert.Equal("UTF-8", b.EncodingName);
        Assert.Equal("Shift_JIS", c.EncodingName);
        foreach (var table in new[] { a, b, c })
        {
            Assert.Equal(Header, table.Headers);
            Assert.Equal(2, table.Rows.Count);
            Assert.Equal("123,456", table.Rows[0][2]);
            Assert.Equal("国民健康保険（高額療養費）", table.Rows[1][1]);
            Assert.Equal(3, table.Rows[1].RowNumber);
        }
    }

    [Fact]
    public void Read_QuotedFieldsWithQuotesAndLineBreaks_AndRowNumbersAsSpreadsheetsCountThem()
    {
        var table = Read(Encoding.UTF8.GetBytes("a,b\n\"say \"\"こんにちは\"\"\",\"1行目\n2行目\"\n\n x , y \n"));
        Assert.Equal("say \"こんにちは\"", table.Rows[0][0]);
        Assert.Equal("1行目\n2行目", table.Rows[0][1]);
        Assert.Equal(2, table.Rows[0].RowNumber);
        Assert.Equal("x", table.Rows[1][0]);
        Assert.Equal(string.Empty, table.Rows[1][5]);
    }

    [Fact]
    public void Read_UnbalancedQuote_NamesTheRowInJapanese()
    {
        var ex = Assert.Throws<CsvFormatException>(() => Read(Encoding.UTF8.GetBytes("a,b\n1,2\n3,x\"y\n")));
        Assert.Contains("test.csv の 3 行目", ex.Message);
        Assert.Contains("引用符", ex.Message);
    }

    [Fact]
    public void Read_EmptyFile_SaysWhatIsExpected()
    {
        var ex = Assert.Throws<CsvFormatException>(() => Read([]));
        Assert.Contains("見出し", ex.Message);
    }

    [Fact]
    public void Write_EscapesFormulaCells_AndRoundTripsTheRest()
    {
        var bytes = CsvWriter.ToBytes(CsvEncoding.Utf8Bom, ["名称", "備考"],
            [["=HYPERLINK(\"http://example.invalid\")", "+1"], ["@SUM(A1)", "普通の,値"], ["-3", "改行\nあり"]]);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var table = Read(bytes);
        Assert.Equal("'=HYPERLINK(\"http://example.invalid\")", table.Rows[0][0]);
        Assert.Equal("'+1", table.Rows[0][1]);
        Assert.Equal("'@SUM(A1)", table.Rows[1][0]);
        Assert.Equal("普通の,値", table.Rows[1][1]);
        Assert.Equal("'-3", table.Rows[2][0]);
        Assert.Equal("改行\nあり", table.Rows[2][1]);
        Assert.Contains("\r\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void Write_Cp932_IsReadableByShiftJisSpreadsheets()
    {
        var bytes = CsvWriter.ToBytes(CsvEncoding.Cp932, ["名称"], [["個人情報ファイル簿"], ["髙橋①"]]);
        Assert.Equal("名称\r\n個人情報ファイル簿\r\n髙橋①\r\n", CsvEncodings.Cp932.GetString(bytes));
        Assert.Equal("Shift_JIS", Read(bytes).EncodingName);
    }

    /// <summary>A plain RFC 4180 writer and reader, to compare the library-based reader against.</summary>
    private static string ReferenceWrite(IEnumerable<string[]> rows) =>
        string.Concat(rows.Select(r => string.Join(',', r.Select(c =>
            c.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c)) + "\r\n"));

    private static List<string[]> ReferenceRead(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') { quoted = false; }
                else { cell.Append(ch); }
            }
            else if (ch == '"') { quoted = true; }
            else if (ch == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add([.. row]); row.Clear(); }
            else { cell.Append(ch); }
        }
        return rows;
    }

    [Fact]
    public void Fuzz_Reader_AgreesWithReferenceOnRandomTables()
    {
        var random = new Random(7417);
        const string alphabet = "abcXYZ019 ,\"\n個人情報ファイル簿（）①髙－ｶﾅ";
        for (var round = 0; round < 300; round++)
        {
            var columns = random.Next(1, 6);
            var rows = new List<string[]> { Enumerable.Range(0, columns).Select(i => $"h{i}").ToArray() };
            for (var r = random.Next(1, 12); r > 0; r--)
            {
                rows.Add(Enumerable.Range(0, columns).Select(_ =>
                {
                    var chars = Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray();
                    return new string(chars).Trim();
                }).Select(c => c.Length == 0 ? "x" : c).ToArray());
            }
            var text = ReferenceWrite(rows);
            var expected = ReferenceRead(text);
            var encoding = round % 2 == 0 ? Encoding.UTF8 : CsvEncodings.Cp932;
            var table = Read(encoding.GetBytes(text));
            Assert.Equal(expected[0], table.Headers);
            Assert.Equal(expected.Count - 1, table.Rows.Count);
            for (var r = 1; r < expected.Count; r++)
            {
                Assert.Equal(expected[r].Select(c => c.Trim()), table.Rows[r - 1].Cells);
            }
        }
    }
}
