using System.Diagnostics;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Features.Minutes.Documents;
using Mamori.Core.Tests.Features.Minutes;
using Microsoft.Playwright;

/// <summary>
/// PDF import speed: generated minutes long enough for about 100 A4 pages, printed by the system Chromium in
/// one column, as a ruled 発言者 | 審議の内容 table and in two columns, then read (text from the PDF) and
/// parsed as an upload is. Prints pages, seconds and pages/s for each step, and whether the minutes read
/// back the same.
/// </summary>
internal static class PdfBench
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    public static async Task RunAsync(int pages)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync();
        Console.WriteLine($"{"shape",-22} {"pages",6} {"turns",6} {"MB",6} {"read s",8} {"parse s",8} {"pages/s",8} {"same",5}");
        foreach (var (shape, body) in new[] { (PageShape.OneColumn, BodyLayout.Circle), (PageShape.OneColumn, BodyLayout.Table), (PageShape.TwoColumns, BodyLayout.Bracket) })
        {
            var baseMinutes = MinutesLayouts.Create(7);
            // About 12 turns fill a page in one column: repeat the meeting's turns until the print is long enough.
            var repeat = Math.Max(1, pages * 12 / baseMinutes.Turns.Count);
            byte[] pdf;
            SampleMinutes minutes;
            while (true)
            {
                minutes = baseMinutes with { Turns = Enumerable.Repeat(baseMinutes.Turns, repeat).SelectMany(t => t).ToList() };
                var text = MinutesLayouts.Render(minutes, HeaderLayout.KeyedNextLine, body, 7, noise: false);
                await page.SetContentAsync(MinutesDocuments.Html(text, shape, minutes.Council));
                pdf = await page.PdfAsync(new PagePdfOptions
                {
                    Format = "A4",
                    DisplayHeaderFooter = true,
                    HeaderTemplate = "<div style=\"font-size:8px;width:100%;padding:0 10mm\"><span class=\"date\"></span> <span class=\"title\"></span></div>",
                    FooterTemplate = "<div style=\"font-size:8px;width:100%;text-align:center\"><span class=\"pageNumber\"></span> / <span class=\"totalPages\"></span></div>",
                    Margin = new Margin { Top = "18mm", Bottom = "18mm", Left = "15mm", Right = "15mm" },
                });
                var printed = MinutesDocument.Read(pdf, "bench.pdf").Value!.Pages ?? 0;
                if (printed >= pages)
                {
                    break;
                }
                repeat = Math.Max(repeat + 1, repeat * pages / Math.Max(1, printed));
            }
            if (Environment.GetEnvironmentVariable("MAMORI_BENCH_PDF_DIR") is { Length: > 0 } dir)
            {
                await File.WriteAllBytesAsync(Path.Combine(dir, $"minutes-{shape}-{body}.pdf"), pdf);
            }
            var read = TimeSpan.MaxValue;
            var parse = TimeSpan.MaxValue;
            MinutesSource source = null!;
            Mamori.Core.Outcome<ParsedMinutes> parsed = null!;
            // The best of three runs: the first also warms the code up.
            for (var run = 0; run < 3; run++)
            {
                var sw = Stopwatch.StartNew();
                source = MinutesDocument.Read(pdf, "bench.pdf").Value!;
                var afterRead = sw.Elapsed;
                parsed = MinutesParser.Parse(source.Text, "bench.pdf");
                sw.Stop();
                read = afterRead < read ? afterRead : read;
                parse = sw.Elapsed - afterRead < parse ? sw.Elapsed - afterRead : parse;
            }
            var same = parsed.Ok && MinutesLayouts.Actual(parsed.Value!) == MinutesLayouts.Expected(minutes);
            Console.WriteLine($"{$"{shape} {body}",-22} {source.Pages,6} {minutes.Turns.Count,6} {pdf.Length / 1e6,6:F1} {read.TotalSeconds,8:F2} {parse.TotalSeconds,8:F3} "
                + $"{(source.Pages ?? 0) / (read + parse).TotalSeconds,8:F0} {(same ? "yes" : "no"),5}");
            if (!same)
            {
                var difference = parsed.Ok ? MinutesLayouts.Difference(MinutesLayouts.Expected(minutes), MinutesLayouts.Actual(parsed.Value!)) : parsed.Describe();
                Console.WriteLine("    first difference: " + string.Join(" | ", difference.Split('\n').Take(3)));
            }
        }
    }
}
