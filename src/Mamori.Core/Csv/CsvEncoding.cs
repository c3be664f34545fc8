using System.Text;

namespace Mamori.Core.Csv;

/// <summary>The encodings Mamori reads and writes CSV in.</summary>
public enum CsvEncoding
{
    /// <summary>UTF-8 with a byte-order mark, which Excel recognizes; the default for downloads.</summary>
    Utf8Bom,

    /// <summary>Shift_JIS (Windows code page 932) for older Excel and municipal systems.</summary>
    Cp932,
}

/// <summary>Encoding objects for CSV I/O; registers the code-page provider once.</summary>
public static class CsvEncodings
{
    static CsvEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-31J / CP932. Characters it cannot hold become 〓 rather than a silent '?'.</summary>
    public static Encoding Cp932 { get; } = CreateCp932();

    /// <summary>Strict UTF-8 that throws on invalid bytes (used for detection).</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 that writes a byte-order mark.</summary>
    public static Encoding Utf8WithBom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The writer encoding for <paramref name="encoding"/>.</summary>
    public static Encoding For(CsvEncoding encoding) => encoding == CsvEncoding.Cp932 ? Cp932 : Utf8WithBom;

    /// <summary>The Content-Type of a CSV download in <paramref name="encoding"/>.</summary>
    public static string ContentType(CsvEncoding encoding) => encoding == CsvEncoding.Cp932 ? "text/csv; charset=shift_jis" : "text/csv; charset=utf-8";

    /// <summary>Parses the query-string form (utf8 / sjis / cp932 / shift_jis); unknown means UTF-8.</summary>
    public static CsvEncoding FromName(string? name) =>
        name?.Trim().ToLowerInvariant() is "sjis" or "cp932" or "shift_jis" or "shift-jis" ? CsvEncoding.Cp932 : CsvEncoding.Utf8Bom;

    private static Encoding CreateCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, new EncoderReplacementFallback("〓"), new DecoderReplacementFallback("\uFFFD"));
    }
}
