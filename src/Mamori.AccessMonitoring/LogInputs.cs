using System.Text;

namespace Mamori.AccessMonitoring;

/// <summary>The files of one analysis: access logs and the four masters, in the canonical CSV layout or the one <paramref name="Mapping"/> describes.</summary>
public sealed record LogInputs(IReadOnlyList<string> Logs, string Staff, string Residents, string Cases, string Roles, ColumnMapping? Mapping = null);

/// <summary>A row of an input that cannot be read: the file, the line (1 = the header; 0 = the file as a whole) and the column, in Japanese.</summary>
public sealed class LogInputException(string file, long line, string column, string problem)
    : Exception(line > 0 ? $"{Path.GetFileName(file)} の {line} 行目「{column}」: {problem}" : $"{Path.GetFileName(file)}: {problem}")
{
    public string File { get; } = file;
    public long Line { get; } = line;
    public string Column { get; } = column;
    public string Problem { get; } = problem;
}

/// <summary>The canonical columns of each input (the layout); the engine reads them by these names.</summary>
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
        if (IsUtf8(path))
        {
            return path;
        }
        var copy = Temporary();
        using (var reader = new StreamReader(path, Encoding.GetEncoding(932)))
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

    private static bool IsUtf8(string path)
    {
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        using var stream = System.IO.File.OpenRead(path);
        var bytes = new byte[1 << 16];
        var chars = new char[(1 << 16) + 4];
        int read;
        try
        {
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
