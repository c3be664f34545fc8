using System.Diagnostics;

namespace Mamori.BrowserTests;

/// <summary>
/// The text of a printed PDF, page by page, as poppler's <c>pdftotext</c> reads it (scripts/test.sh installs
/// poppler-utils): what a person would see on each sheet, to check page count, headings and Japanese text.
/// </summary>
public static class PdfText
{
    public static async Task<IReadOnlyList<string>> PagesAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext を起動できません。");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftotext: {await process.StandardError.ReadToEndAsync()}");
        // Pages end with a form feed; the text after the last one is empty.
        var pages = text.Split('\f');
        return pages[..^1];
    }

    /// <summary>Page 1 of a PDF as <paramref name="stem"/>.png (poppler's pdftoppm, 80 dpi): what the sheet looks like.</summary>
    public static async Task FirstPagePngAsync(string path, string stem)
    {
        var start = new ProcessStartInfo("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", path, stem]) { RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftoppm を起動できません。");
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pdftoppm: {await process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>A page's text with the spaces of the layout removed, for matching Japanese phrases.</summary>
    public static string Compact(string page) => string.Concat(page.Where(c => !char.IsWhiteSpace(c)));
}
