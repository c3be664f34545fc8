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
