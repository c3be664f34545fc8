using System.Text;

namespace Mamori.AccessMonitoring;

/// <summary>The files of one analysis: access logs and the four masters, in the canonical CSV layout or the one <paramref name="Mapping"/> describes.</summary>
public sealed record LogInputs(IReadOnlyList<string> Logs, string Staff, string Residents, string Cases, string Roles, ColumnMapping? Mapping = null);

/// <summary>A row of an input that cannot be read: the file, the line (1 = the header; 0 = the file as a whole) and the column, in Japanese.</summary>
public sealed class LogInputException(string file, long line, string column, string problem)
    : Exception(line > 0 ? $"{Path.GetFileName(file)} の {line} 行目{(column.Length > 0 ? $"「{column}」" : "")}: {problem}" : $"{Path.GetFileName(file)}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Column { get; } = column;
    public string Problem { get; } = problem;
}

/// <summary>The canonical columns of each input (the issue's layout); the engine reads them by these names.</summary>
public static class Layout
{
    public static readonly string[] Log = ["ts", "user_id", "terminal_id", "terminal_dept", "business_code", "op", "resident_id", "result_count", "search_method"];
    public static readonly string[] Staff = ["user_id", "resident_id", "household_id", "surname_kana", "dept", "role", "start_date", "end_date", "leave"];
    public static readonly string[] Residents = ["resident_id", "household_id", "surname_kana", "protected", "watch", "is_staff"];
    public static readonly string[] Cases = ["resident_id", "dept", "opened", "closed"];
    public static readonly string[] Roles = ["role", "business_codes", "roaming"];

    /// <summary>The operations a log row may carry.</summary>
    public static readonly string[] Operations = ["SEARCH", "VIEW", "UPDATE", "PRINT", "EXPORT"];
}

/// <summary>
/// Makes inputs readable by DuckDB: a UTF-8 file is used as it is; a file that is not valid UTF-8 is read as
/// CP932 (Shift_JIS as Windows writes it) and written to a temporary UTF-8 copy, deleted when this is disposed.
/// </summary>
internal sealed class TextFiles : IDisposable
{
    private readonly List<string> _copies = [];

    static TextFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public string AsUtf8(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            throw new LogInputException(path, 0, "", "ファイルがありません。");
        }
        if (PlainUtf8(path) || Check(path, new UTF8Encoding(false, throwOnInvalidBytes: true)) is null)
        {
            return path;
        }
        // Not UTF-8: Shift_JIS as Windows writes it, read strictly, so that a byte neither reads is named, not replaced.
        var cp932 = Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        if (Check(path, cp932) is { } line)
        {
            throw new LogInputException(path, line, "", "UTF-8 としても Shift_JIS としても読めない文字があります。元のシステムから出力し直してください。");
        }
        var copy = Temporary();
        using (var reader = new StreamReader(path, cp932))
        using (var writer = new StreamWriter(copy, false, new UTF8Encoding(false)))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
            {
                writer.Write(buffer, 0, read);
            }
        }
        return copy;
    }

    /// <summary>A temporary file name, deleted when this is disposed.</summary>
    public string Temporary()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"mamori-log-{Guid.NewGuid():N}.csv");
        _copies.Add(copy);
        return copy;
    }

    public void Dispose()
    {
        foreach (var copy in _copies)
        {
            System.IO.File.Delete(copy);
        }
    }

    /// <summary>
    /// Whether the file is valid UTF-8 without control characters, checked a block at a time at memory speed (a log
    /// of millions of rows is read in a fraction of a second). False says only that <see cref="Check"/> must read it
    /// line by line, to name the line or try Shift_JIS.
    /// </summary>
    private static bool PlainUtf8(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        var buffer = new byte[1 << 20];
        var kept = 0;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var filled = kept + read;
            // A block ends at its last line feed (never inside a character); the rest is carried to the next block.
            var end = buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0 && filled == buffer.Length)
            {
                return false;
            }
            var block = buffer.AsSpan(0, end);
            if (!System.Text.Unicode.Utf8.IsValid(block) || block.ContainsAny(ControlBytes))
            {
                return false;
            }
            kept = filled - end;
            buffer.AsSpan(end, kept).CopyTo(buffer);
        }
        var rest = buffer.AsSpan(0, kept);
        return System.Text.Unicode.Utf8.IsValid(rest) && !rest.ContainsAny(ControlBytes);
    }

    /// <summary>The bytes of <see cref="ControlCharacters"/> in UTF-8 (each a single byte; no byte of a longer character is below 0x80).</summary>
    private static readonly System.Buffers.SearchValues<byte> ControlBytes = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (byte)c), (byte)0x7F]);

    /// <summary>
    /// Reads the file line by line in <paramref name="encoding"/>: null when every line reads, or the number of the first
    /// line that does not. UTF-16 and control characters (a NUL, a form feed: a damaged or binary file) are refused
    /// with their line whatever the encoding.
    /// </summary>
    private static long? Check(string path, Encoding encoding)
    {
        using var stream = System.IO.File.OpenRead(path);
        var head = new byte[2];
        var headLength = stream.Read(head, 0, 2);
        if (headLength == 2 && (head[0], head[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
        {
            throw new LogInputException(path, 0, "", "UTF-16 で保存されています。UTF-8 か Shift_JIS（CSV UTF-8 または CSV）で保存し直してください。");
        }
        stream.Position = 0;
        var decoder = encoding.GetDecoder();
        var buffer = new byte[1 << 16];
        var carry = new List<byte>();
        var chars = new char[(1 << 16) + 4];
        long number = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            int newline;
            while ((newline = span.IndexOf((byte)'\n')) >= 0)
            {
                number++;
                if (!Reads(decoder, carry.Count == 0 ? span[..newline] : [.. carry, .. span[..newline]], ref chars, path, number))
                {
                    return number;
                }
                carry.Clear();
                span = span[(newline + 1)..];
            }
            carry.AddRange(span);
        }
        return carry.Count == 0 || Reads(decoder, [.. carry], ref chars, path, number + 1) ? null : number + 1;
    }

    /// <summary>C0 controls but tab, line feed and carriage return, and DEL: never in a log written as text.</summary>
    private static readonly System.Buffers.SearchValues<char> ControlCharacters = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Select(c => (char)c), '\u007F']);

    /// <summary>Whether a line reads in the decoder's encoding; a line with control characters is refused outright.</summary>
    private static bool Reads(Decoder decoder, ReadOnlySpan<byte> line, ref char[] chars, string path, long number)
    {
        if (chars.Length < line.Length + 4)
        {
            chars = new char[line.Length + 4];
        }
        int count;
        try
        {
            decoder.Reset();
            count = decoder.GetChars(line, chars, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var text = chars.AsSpan(0, count);
        if (text.ContainsAny(ControlCharacters))
        {
            throw new LogInputException(path, number, "", "制御文字（NUL など）があります。壊れたファイルか、CSV ではないファイルです。元のシステムから出力し直してください。");
        }
        return true;
    }
}
