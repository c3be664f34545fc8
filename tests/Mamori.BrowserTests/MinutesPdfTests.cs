using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Core.Tests.Features.Council;
using Mamori.Core.Tests.Features.Minutes;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

/// <summary>
/// Minutes printed to PDF in Chromium — one column, a ruled 発言者 | 審議の内容 table, speaker cells without a
/// heading, and the page set in two columns — with the browser's own header and footer (printing date, title,
/// page x / y) and a running header of the council's name on every page, read back as the structure the
/// minutes were generated from.
/// </summary>
public sealed class MinutesPdfTests
{
    public static TheoryData<PageShape, BodyLayout> Shapes() => new()
    {
        { PageShape.OneColumn, BodyLayout.Circle },
        { PageShape.OneColumn, BodyLayout.Bracket },
        { PageShape.OneColumn, BodyLayout.Alone },
        { PageShape.OneColumn, BodyLayout.Table },
        { PageShape.OneColumn, BodyLayout.Cells },
        { PageShape.TwoColumns, BodyLayout.Circle },
        { PageShape.TwoColumns, BodyLayout.Colon },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task PrintedMinutes_ReadBackAsTheSameMinutes(PageShape shape, BodyLayout body)
    {
        await using var printer = await PdfPrinter.StartAsync();
        var failures = new List<string>();
        for (var seed = 1; seed <= 3; seed++)
        {
            var minutes = MinutesLayouts.Create(seed + 100);
            var header = (HeaderLayout)(seed % 4);
            var text = MinutesLayouts.Render(minutes, header, body, seed * 31 + (int)body, noise: false);
            var pdf = await printer.PrintAsync(MinutesDocuments.Html(text, shape, minutes.Council), minutes.Council, $"minutes-{shape}-{body}-{seed}");
            var source = MinutesDocument.Read(pdf, "minutes.pdf");
            Assert.True(source.Ok, source.Describe());
            Assert.Equal("PDF", source.Value!.Format);
            var outcome = MinutesParser.Parse(source.Value.Text, "minutes.pdf");
            var actual = outcome.Ok ? MinutesLayouts.Actual(outcome.Value!) : outcome.Describe();
            var expected = MinutesLayouts.Expected(minutes);
            if (actual != expected)
            {
                failures.Add($"seed {seed} ({header}, {source.Value.Pages} pages):\n{MinutesLayouts.Difference(expected, actual)}\n--- read ---\n{source.Value.Text}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(1)));
    }

    /// <summary>
    /// Minutes of ten pages in two columns, printed without a running header: every page is read column by
    /// column, whatever line comes first on it (the 100-page benchmark in bench/ prints the same at length).
    /// </summary>
    [Fact]
    public async Task LongMinutesInTwoColumns_ReadBackPageByPage()
    {
        await using var printer = await PdfPrinter.StartAsync();
        var one = MinutesLayouts.Create(7);
        var minutes = one with { Turns = Enumerable.Repeat(one.Turns, 26).SelectMany(t => t).ToList() };
        var text = MinutesLayouts.Render(minutes, HeaderLayout.KeyedNextLine, BodyLayout.Bracket, 7, noise: false);
        var pdf = await printer.PrintAsync(MinutesDocuments.Html(text, PageShape.TwoColumns, minutes.Council), null, "minutes-long-two-columns");
        var source = MinutesDocument.Read(pdf, "long.pdf");
        Assert.True(source.Ok, source.Describe());
        Assert.True(source.Value!.Pages >= 10, $"{source.Value.Pages} pages");
        var outcome = MinutesParser.Parse(source.Value.Text, "long.pdf");
        Assert.True(outcome.Ok, outcome.Describe());
        var expected = MinutesLayouts.Expected(minutes);
        var actual = MinutesLayouts.Actual(outcome.Value!);
        Assert.True(expected == actual, MinutesLayouts.Difference(expected, actual));
    }

    /// <summary>A written meeting's ruled table of questions and answers, printed, reads back as the same rows.</summary>
    [Fact]
    public async Task PrintedOpinionTables_ReadBackAsTheSameRows()
    {
        await using var printer = await PdfPrinter.StartAsync();
        var failures = new List<string>();
        for (var seed = 1; seed <= 8; seed++)
        {
            var (rows, columns) = OpinionSheets.Generate(seed);
            var html = System.Text.Encoding.UTF8.GetString(OpinionSheets.Render(rows, columns, OpinionSheets.Shape.Html, seed));
            var pdf = await printer.PrintAsync(html, "みなと市個人情報保護審議会", $"opinions-{seed}");
            var source = MinutesDocument.Read(pdf, "opinions.pdf");
            Assert.True(source.Ok, source.Describe());
            var read = WrittenAnswerSheet.Read(source.Value!.Text, "opinions.pdf");
            var expected = string.Join("\n---\n", rows.Select(r => OpinionSheets.Expected(r, columns)));
            var actual = read.Ok ? string.Join("\n---\n", read.Value!.Select(r => (r.Number, r.Member, r.Item, r.Location, r.Text, r.Answer))) : read.Describe();
            if (actual != expected)
            {
                failures.Add($"seed {seed}:\nexpected:\n{expected}\nactual:\n{actual}\n--- read ---\n{source.Value.Text}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of 8 differ. " + string.Join("\n\n", failures.Take(1)));
    }
}

/// <summary>Chromium printing HTML to A4 PDF with its header (date, title) and footer (page / pages).</summary>
internal sealed class PdfPrinter : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IPage _page;

    private PdfPrinter(IPlaywright playwright, IBrowser browser, IPage page) => (_playwright, _browser, _page) = (playwright, browser, page);

    public static async Task<PdfPrinter> StartAsync()
    {
        var missing = !File.Exists(BrowserSession.ChromiumPath);
        if (missing && Environment.GetEnvironmentVariable("MAMORI_REQUIRE_BROWSER") == "1")
        {
            throw new InvalidOperationException($"{BrowserSession.ChromiumPath} がありません。scripts/test.sh が chromium をインストールします。");
        }
        Assert.SkipWhen(missing, $"{BrowserSession.ChromiumPath} がないため、PDF の印刷テストは実行しません（scripts/test.sh では必ず実行されます）。");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = BrowserSession.ChromiumPath, Headless = true, Args = BrowserSession.ChromiumArgs });
        var page = await browser.NewPageAsync();
        return new PdfPrinter(playwright, browser, page);
    }

    /// <summary>Prints with <paramref name="runningHeader"/> (when given) at the top right of every page, as municipal minutes carry the council's name.</summary>
    public async Task<byte[]> PrintAsync(string html, string? runningHeader, string name)
    {
        await _page.SetContentAsync(html);
        var pdf = await _page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            DisplayHeaderFooter = true,
            HeaderTemplate = "<div style=\"font-size:8px;width:100%;padding:0 10mm\"><span class=\"date\"></span>　<span class=\"title\"></span>"
                + (runningHeader is null ? string.Empty : "<span style=\"float:right\">" + System.Net.WebUtility.HtmlEncode(runningHeader) + "</span>") + "</div>",
            FooterTemplate = "<div style=\"font-size:8px;width:100%;text-align:center\"><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
            Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
        });
        Directory.CreateDirectory(BrowserSession.ArtifactsDirectory);
        await File.WriteAllBytesAsync(Path.Combine(BrowserSession.ArtifactsDirectory, name + ".pdf"), pdf);
        return pdf;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
