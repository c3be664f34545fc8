using System.Text;

namespace Mamori.AccessMonitoring.Tests;

public sealed class InputTests
{
    [Fact]
    public void ShiftJisLog_IsReadLikeUtf8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var s = new Scenario();
        s.Access("u1", "S1", terminalDept: "戸籍住民課");
        var result = LogAnalyzer.Analyze(s.Inputs(Encoding.GetEncoding(932)), Scenario.Settings);
        Assert.Equal(1, result.Rows);
        Assert.Contains(result.Alerts, a => a.Rule == "R01");
        Assert.DoesNotContain(result.Alerts, a => a.Rule == "R07"); // 戸籍住民課 read correctly from CP932
    }

    [Theory]
    [InlineData("2024-04-10 25:00:00", "ts", "日時として読めません")]
    [InlineData("2024/04/10 10:00:00", "ts", "日時として読めません")]
    [InlineData("DELETE", "op", "操作として読めません")]
    [InlineData("many", "result_count", "件数として読めません")]
    public void BadRow_IsNamedByFileLineAndColumn_AndNothingIsAnalysed(string bad, string column, string message)
    {
        using var s = new Scenario();
        for (var i = 0; i < 3000; i++)
        {
            s.Access("u1", Scenario.Resident(i % 200 + 1), $"2024-04-10 10:{i % 60:00}:00");
        }
        var line = column switch
        {
            "ts" => $"{bad},u1,T1,戸籍住民課,JUKI,VIEW,R001,,",
            "op" => $"2024-04-10 10:00:00,u1,T1,戸籍住民課,JUKI,{bad},R001,,",
            _ => $"2024-04-10 10:00:00,u1,T1,戸籍住民課,JUKI,PRINT,R001,{bad},",
        };
        var inputs = s.Inputs();
        var lines = File.ReadAllLines(inputs.Logs[0]).ToList();
        lines.Insert(2500, line); // becomes line 2501 of the file
        File.WriteAllLines(inputs.Logs[0], lines);
        var error = Assert.Throws<LogInputException>(() => LogAnalyzer.Analyze(inputs, Scenario.Settings));
        Assert.Equal((2501L, column), (error.Line, error.Column));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("log.csv の 2501 行目", error.Message);
    }

    /// <summary>
    /// A large file is checked a megabyte at a time: a character cut by a block's end still reads, and a bad byte or a
    /// control character far into the file is still found on its line — whichever block it falls in.
    /// </summary>
    [Theory]
    [InlineData(null, null)]
    [InlineData("00", "制御文字")]
    [InlineData("0C", "制御文字")]
    [InlineData("81 20", "UTF-8 としても Shift_JIS としても")]
    public void ALargeFile_IsCheckedByBlocks_AndABadByteIsStillNamedByItsLine(string? bad, string? message)
    {
        using var files = new TextFiles();
        var path = files.Temporary();
        // Lines of 1,234 three-byte characters: a megabyte read ends inside a character, and the block is cut back to its last line.
        var line = Encoding.UTF8.GetBytes(new string('戸', 1234) + "\n");
        var bytes = new List<byte>();
        while (bytes.Count < 3_500_000)
        {
            bytes.AddRange(line);
        }
        var lineOfBad = 2_700_000 / line.Length + 1;
        foreach (var (b, i) in (bad ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select((b, i) => (Convert.ToByte(b, 16), i)))
        {
            bytes[(lineOfBad - 1) * line.Length + 5 + i] = b;
        }
        File.WriteAllBytes(path, [.. bytes]);
        if (message is null)
        {
            Assert.Equal(path, files.AsUtf8(path));
            return;
        }
        var error = Assert.Throws<LogInputException>(() => files.AsUtf8(path));
        Assert.Contains(message, error.Message);
        Assert.Equal(lineOfBad, error.Line);
    }

    [Fact]
    public void MissingColumn_NamesTheHeaderExpected()
    {
        using var s = new Scenario();
        s.Access("u1", "S1");
        var inputs = s.Inputs();
        File.WriteAllText(inputs.Cases, "resident_id,dept,opened\n");
        var error = Assert.Throws<LogInputException>(() => LogAnalyzer.Analyze(inputs, Scenario.Settings));
        Assert.Equal((1L, "closed"), (error.Line, error.Column));
    }

    [Fact]
    public void RulePack_HasFifteenRules_AndEveryOneCompiles()
    {
        var pack = RulePack.Default;
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"R{i:00}"), pack.Rules.Select(r => r.Id));
        Assert.All(pack.Rules, r => Assert.DoesNotContain("{", RulePack.Compile(r, Scenario.Settings)));
    }
}
