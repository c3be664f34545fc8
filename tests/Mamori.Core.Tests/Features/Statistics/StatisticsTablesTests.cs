using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Features.Statistics;

namespace Mamori.Core.Tests.Features.Statistics;

public sealed class StatisticsTablesTests
{
    private static readonly DateOnly AsOf = new(2023, 10, 31);

    private static CsvTable Csv(string text, Encoding? encoding = null) =>
        TableFile.Read(new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)), "table.csv");

    [Theory]
    [InlineData(1, 8, "12.5")]
    [InlineData(1, 16, "6.3")] // 6.25 rounds half up
    [InlineData(3, 16, "18.8")] // 18.75
    [InlineData(1, 3, "33.3")]
    [InlineData(2, 3, "66.7")]
    [InlineData(1, 2000, "0.1")] // 0.05
    [InlineData(1, 2001, "0.0")] // 0.04997…
    [InlineData(62418, 67911, "91.9")]
    [InlineData(0, 5, "0.0")]
    [InlineData(5, 5, "100.0")]
    public void Percent_RoundsHalfUpToOneDecimal(long part, long whole, string expected) =>
        Assert.Equal(expected, Datasets.Percent(part, whole).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Read_CardsWithSeparatorsAndQuotes_ComputesBothRates()
    {
        var (rows, problems) = StatisticsTables.Read(Datasets.MyNumberCards, Csv("区名,人口,申請数,交付数\n千代田区,\"67,911\",\"62,418\",\"55,000\"\n小さな村,16,1,2\n"), AsOf);
        Assert.Empty(problems);
        Assert.Equal(2, rows.Count);
        Assert.Equal(67911, rows[0].Values["population"]);
        var computed = Datasets.MyNumberCards.Compute(rows[1].Values);
        Assert.Equal(6.3m, computed["applicationRate"]);
        Assert.Equal(12.5m, computed["issuanceRate"]);
        Assert.All(rows, r => Assert.Equal("2023-10-31", r.Period));
    }

    [Fact]
    public void Read_ShiftJisFile_ReadsTheSameRows()
    {
        var text = "区名,人口,申請数,交付数\r\n渋谷区,\"1,000\",500,400\r\n";
        var (rows, problems) = StatisticsTables.Read(Datasets.MyNumberCards, Csv(text, CsvEncodings.Cp932), AsOf);
        Assert.Empty(problems);
        Assert.Equal("渋谷区", Assert.Single(rows).Label);
        Assert.Equal(50.0m, Datasets.MyNumberCards.Compute(rows[0].Values)["applicationRate"]);
    }

    [Fact]
    public void Read_ZeroPopulation_IsRefusedWithRowAndColumn()
    {
        var (rows, problems) = StatisticsTables.Read(Datasets.MyNumberCards, Csv("区名,人口,申請数,交付数\n甲区,100,50,40\n乙区,0,0,0\n"), AsOf);
        Assert.Empty(rows);
        var p = Assert.Single(problems);
        Assert.Equal(3, p.Row);
        Assert.Equal("人口", p.Column);
        Assert.Contains("人口が0", p.Message);
    }

    [Fact]
    public void Read_EveryBadRowIsReported_AndNothingIsReturned()
    {
        var csv = "区名,人口,申請数,交付数\n甲区,100,abc,40\n,100,1,1\n甲区,100,1,1\n丙区,100,-5,1\n丁区,100,1,\n戊区,10000000000,1,1\n";
        var (rows, problems) = StatisticsTables.Read(Datasets.MyNumberCards, Csv(csv), AsOf);
        Assert.Empty(rows);
        Assert.Contains(problems, p => p.Row == 2 && p.Column == "申請数" && p.Message.Contains("数として読めません"));
        Assert.Contains(problems, p => p.Row == 3 && p.Message.Contains("空欄"));
        Assert.Contains(problems, p => p.Row == 4 && p.Message.Contains("2 行目にもあります"));
        Assert.Contains(problems, p => p.Row == 5 && p.Message.Contains("負の数"));
        Assert.Contains(problems, p => p.Row == 6 && p.Column == "交付数" && p.Message.Contains("空欄"));
        Assert.Contains(problems, p => p.Row == 7 && p.Column == "人口" && p.Message.Contains("大きすぎます"));
    }

    [Fact]
    public void Read_MissingColumn_NamesTheHeadingsExpected()
    {
        var (_, problems) = StatisticsTables.Read(Datasets.MyNumberCards, Csv("区名,人口,申請件数,交付数\n甲区,1,1,1\n"), AsOf);
        var p = Assert.Single(problems);
        Assert.Equal((1, "申請数"), (p.Row, p.Column));
        Assert.Contains("区名,人口,申請数,交付数", p.Message);
    }

    [Fact]
    public void Read_CardsWithoutReferenceDate_AsksForIt()
    {
        var (_, problems) = StatisticsTables.Read(Datasets.MyNumberCards, Csv("区名,人口,申請数,交付数\n甲区,1,1,1\n"), null);
        Assert.Contains("基準日", Assert.Single(problems).Message);
    }

    [Theory]
    [InlineData("2022", 2022)]
    [InlineData("2022年度", 2022)]
    [InlineData("令和4年度", 2022)]
    [InlineData("令和元年度", 2019)]
    [InlineData("平成30年度", 2018)]
    [InlineData("令和４年度", 2022)]
    public void TryParseFiscalYear_EveryWayOfficesWriteIt(string text, int expected)
    {
        Assert.True(Mamori.Core.Japanese.FiscalYear.TryParse(text, out var year));
        Assert.Equal(expected, year.StartYear);
    }

    [Theory]
    [InlineData("今年")]
    [InlineData("令和")]
    [InlineData("12")]
    public void TryParseFiscalYear_NotAYear_IsRefused(string text) => Assert.False(Mamori.Core.Japanese.FiscalYear.TryParse(text, out _));

    [Fact]
    public void Read_ConvenienceByYear_TotalsTheThreeCertificates()
    {
        var (rows, problems) = StatisticsTables.Read(Datasets.Convenience, Csv("年度,住民票,印鑑登録証明,税証明\n令和3年度,\"12,345\",6789,1000\n2022,1,2,3\n"), null);
        Assert.Empty(problems);
        Assert.Equal(["2021", "2022"], rows.Select(r => r.Period));
        Assert.Equal("令和3年度", rows[0].Label);
        Assert.Equal(20134m, Datasets.Convenience.Compute(rows[0].Values)["total"]);
    }

    [Fact]
    public void SortedBy_RateDescending_PutsTheHighestFirst_AndNameKeepsTheFileOrder()
    {
        var definition = Datasets.MyNumberCards;
        StatReportRow Row(string name, long pop, long apps) =>
            new("2023-10-31", name, false, new Dictionary<string, long> { ["population"] = pop, ["applications"] = apps, ["issued"] = 0 },
                definition.Compute(new Dictionary<string, long> { ["population"] = pop, ["applications"] = apps, ["issued"] = 0 }));
        var report = new StatReport(definition, "2023-10-31", ["2023-10-31"], [Row("甲区", 100, 50), Row("乙区", 100, 90), Row("丙区", 100, 70)]);
        Assert.Equal(["乙区", "丙区", "甲区"], report.SortedBy("applicationRate", true).Rows.Select(r => r.Label));
        Assert.Equal(["甲区", "丙区", "乙区"], report.SortedBy("applicationRate", false).Rows.Select(r => r.Label));
        Assert.Equal(["丙区", "乙区", "甲区"], report.SortedBy("name", true).Rows.Select(r => r.Label));
        Assert.Equal(["甲区", "乙区", "丙区"], report.SortedBy("unknown", true).Rows.Select(r => r.Label));
    }
}
