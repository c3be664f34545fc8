using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Mamori.Core.Features.Reports;

namespace Mamori.Core.Tests.Features.Reports;

/// <summary>The Word file of an official document: valid OOXML, with its charts as Word charts carrying the figures at 10pt.</summary>
public sealed class PrintDocumentTests
{
    private static PrintDocument Report() => new("入退室の状況",
    [
        new PrintLine("２　CSルームの入退室状況", Bold: true),
        new PrintTable(["区分", "4月", "5月"], [["職員", "3", "1,204"], ["ベンダー等", "0", "7"]]),
        new PrintBarChart("令和4年度 月別入室件数", ["4月", "5月"], [new ChartSeries("職員", [3, 1204]), new ChartSeries("ベンダー等", [0, 7])]),
        new PrintPageBreak(),
        new PrintRateChart("申請率・交付率", ["守り区", "隣の市"], [new RateSeries("申請率", [6.3m, 66.7m]), new RateSeries("交付率", [50.0m, 33.3m])], [0]),
    ]);

    [Fact]
    public void Charts_AreWordCharts_WithTheFiguresAtTenPoints_AndTheFileIsValid()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Report().ToDocx()), false);
        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var charts = doc.MainDocumentPart!.ChartParts.Select(p => p.ChartSpace.OuterXml).ToList();
        Assert.Equal(2, charts.Count);
        var bars = charts.Single(c => c.Contains("月別入室件数", StringComparison.Ordinal));
        Assert.Contains("<c:barDir val=\"col\" />", bars);
        Assert.Contains("<c:grouping val=\"stacked\" />", bars);
        Assert.Contains("<c:v>1204</c:v>", bars);
        Assert.Contains("<c:v>5月</c:v>", bars);
        Assert.Contains("sz=\"1000\"", bars);
        var rates = charts.Single(c => c.Contains("申請率・交付率", StringComparison.Ordinal));
        Assert.Contains("<c:barDir val=\"bar\" />", rates);
        Assert.Contains("<c:v>66.7</c:v>", rates);
        Assert.Contains("<c:v>守り区</c:v>", rates);
        var body = doc.MainDocumentPart.Document.Body!.InnerText;
        Assert.DoesNotContain("（図）", body);
        Assert.Equal(2, doc.MainDocumentPart.Document.Descendants<DocumentFormat.OpenXml.Drawing.Charts.ChartReference>().Count());
    }
}
