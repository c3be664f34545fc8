using System.Text;

namespace Mamori.AccessMonitoring.Tests;

/// <summary>Another vendor's layout, read through a column mapping file, gives the same alerts as the canonical layout.</summary>
public sealed class ColumnMappingTests
{
    private const string Mapping = """
        {
          // 住記システム A社の操作ログ
          "log": {
            "columns": { "ts": "操作日時", "user_id": "職員番号", "terminal_id": "端末", "terminal_dept": "端末設置課", "business_code": "業務",
                         "op": "操作", "resident_id": "宛名番号", "result_count": "件数", "search_method": null },
            "timestampFormat": "%Y/%m/%d %H:%M:%S",
            "values": { "op": { "照会": "VIEW", "検索": "SEARCH", "印刷": "PRINT" } }
          },
          "cases": { "columns": { "resident_id": "宛名番号", "dept": "担当課", "opened": "受付日", "closed": "完了日" }, "dateFormat": "%Y/%m/%d" }
        }
        """;

    private static (LogInputs Canonical, LogInputs Vendor) Inputs(Scenario s, IEnumerable<string> vendorLog, string vendorCases)
    {
        var canonical = s.Inputs();
        var dir = Path.GetDirectoryName(canonical.Staff)!;
        var log = s.Write("vendor-log.csv", "操作日時,職員番号,端末,端末設置課,業務,操作,宛名番号,件数", vendorLog, Encoding.GetEncoding(932));
        var cases = s.Write("vendor-cases.csv", "宛名番号,担当課,受付日,完了日", [vendorCases]);
        var mapping = Path.Combine(dir, "mapping.json");
        File.WriteAllText(mapping, Mapping);
        return (canonical, canonical with { Logs = [log], Cases = cases, Mapping = ColumnMapping.Load(mapping) });
    }

    [Fact]
    public void VendorLayout_GivesTheSameAlertsAsTheCanonicalOne()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var s = new Scenario();
        s.Access("u1", "S1", "2024-04-10 10:00:00");
        s.Access("u1", "R001", "2024-04-13 10:05:00", op: "PRINT", results: 150);
        s.Access("u2", "R002", "2024-04-10 10:10:00");
        s.Case("R002", "戸籍住民課", "2024-04-01");
        var (canonical, vendor) = Inputs(s,
            ["2024/04/10 10:00:00,u1,T1,戸籍住民課,JUKI,照会,S1,", "2024/04/13 10:05:00,u1,T1,戸籍住民課,JUKI,印刷,R001,150", "2024/04/10 10:10:00,u2,T1,戸籍住民課,JUKI,照会,R002,"],
            "R002,戸籍住民課,2024/04/01,");
        var expected = LogAnalyzer.Analyze(canonical, Scenario.Settings);
        var actual = LogAnalyzer.Analyze(vendor, Scenario.Settings);
        Assert.Equal(3, actual.Rows);
        Assert.Equal(expected.Alerts, actual.Alerts);
        Assert.Contains(actual.Alerts, a => a.Rule == "R01");
        Assert.Contains(actual.Alerts, a => a.Rule == "R15");
        Assert.Equal(expected.Days, actual.Days);
        Assert.Equal(1, actual.Days.Single(d => d.Day == new DateOnly(2024, 4, 10)).Explained); // the case read through the mapping explains R002
    }

    [Fact]
    public void VendorRowThatDoesNotRead_IsNamedByTheVendorFileLine()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var s = new Scenario();
        var (_, vendor) = Inputs(s, ["2024/04/10 10:00:00,u1,T1,戸籍住民課,JUKI,照会,S1,", "2024年4月10日 10:00,u1,T1,戸籍住民課,JUKI,照会,S1,"], "R002,戸籍住民課,2024/04/01,");
        var error = Assert.Throws<LogInputException>(() => LogAnalyzer.Analyze(vendor, Scenario.Settings));
        Assert.Equal((3L, "ts"), (error.Line, error.Column));
        Assert.Contains("「2024年4月10日 10:00」は日時として読めません", error.Message);
        Assert.StartsWith("vendor-log.csv の 3 行目", error.Message);
    }

    [Fact]
    public void MappingThatNamesAMissingHeader_OrAnUnknownColumn_IsRefused()
    {
        using var s = new Scenario();
        var (_, vendor) = Inputs(s, ["2024/04/10 10:00:00,u1,T1,戸籍住民課,JUKI,照会,S1,"], "R002,戸籍住民課,2024/04/01,");
        File.WriteAllText(vendor.Logs[0], "日時,職員番号\n2024/04/10 10:00:00,u1\n");
        var missing = Assert.Throws<LogInputException>(() => LogAnalyzer.Analyze(vendor, Scenario.Settings));
        Assert.Equal((1L, "操作日時"), (missing.Line, missing.Column));

        var path = Path.Combine(Path.GetDirectoryName(vendor.Staff)!, "bad.json");
        File.WriteAllText(path, """{ "log": { "columns": { "timestamp": "操作日時" } } }""");
        var unknown = Assert.Throws<LogInputException>(() => ColumnMapping.Load(path));
        Assert.Contains("「timestamp」は Mamori の列名ではありません", unknown.Message);
    }
}
