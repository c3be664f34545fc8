using System.Text;

namespace Mamori.Core.Csv;

/// <summary>Reads the bytes of an uploaded text file the way municipal files come: UTF-8 (with or without BOM) or Shift_JIS.</summary>
public static class TextFiles
{
    private static readonly Encoding StrictCp932 = CreateStrictCp932();

    private static Encoding CreateStrictCp932()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>
    /// The text and the name of the encoding it was read in. Bytes that are neither UTF-8 nor Shift_JIS are refused
    /// with the line and the character where they are (never stored as U+FFFD); a UTF-16 file is told to be saved again.
    /// </summary>
    public static (string Text, string EncodingName) Decode(byte[] bytes, string fileName = "ファイル")
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Strict(CsvEncodings.StrictUtf8, bytes, 3, fileName, "UTF-8"), "UTF-8");
        }
        if (IsUtf16(bytes))
        {
            throw new CsvFormatException($"{fileName} は UTF-16（Unicode）で保存されています。Excel やメモ帳で「UTF-8」か「CSV（コンマ区切り）」（Shift_JIS）を選んで保存し直してください。");
        }
        var invalid = FirstInvalidUtf8(bytes);
        if (invalid < 0)
        {
            return (CsvEncodings.StrictUtf8.GetString(bytes), "UTF-8");
        }
        try
        {
            return (StrictCp932.GetString(bytes), "Shift_JIS");
        }
        catch (DecoderFallbackException)
        {
            // Neither reads. Japanese already read as UTF-8 before the bad byte: a UTF-8 file with a broken character.
            if (bytes.AsSpan(0, invalid).IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0)
            {
                throw Unreadable(fileName, Encoding.UTF8.GetString(bytes, 0, invalid), "UTF-8 として");
            }
            return (Strict(StrictCp932, bytes, 0, fileName, "UTF-8 としても Shift_JIS としても"), "Shift_JIS");
        }
    }

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or -1.</summary>
    private static int FirstInvalidUtf8(byte[] bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(offset), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    private static CsvFormatException Unreadable(string fileName, string before, string what)
    {
        var line = before.Count(c => c == '\n') + 1;
        var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        return new CsvFormatException($"{fileName} の {line} 行目 {column} 文字目に、{what}読めない文字があります。文字化けしていないか確かめ、UTF-8 か Shift_JIS で保存し直してください。何も取り込んでいません。");
    }

    /// <summary>A byte-order mark of UTF-16, or the NUL bytes every other byte of UTF-16 text has.</summary>
    private static bool IsUtf16(byte[] bytes)
    {
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            return true;
        }
        var sample = Math.Min(bytes.Length, 4096);
        return sample >= 8 && bytes.AsSpan(0, sample).Count((byte)0) > sample / 4;
    }

    private static string Strict(Encoding encoding, byte[] bytes, int start, string fileName, string what)
    {
        try
        {
            return encoding.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException ex)
        {
            // The line and character of the first bad byte, counted in the text before it.
            var offset = Math.Max(start, Math.Min(bytes.Length, start + Math.Max(0, ex.Index)));
            throw Unreadable(fileName, FirstBadAt(encoding, bytes, start, offset), what);
        }
    }

    /// <summary>The text before the first undecodable byte (found by decoding ever longer prefixes when the index is not given).</summary>
    private static string FirstBadAt(Encoding encoding, byte[] bytes, int start, int hint)
    {
        var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback("\uFFFD"));
        var text = lenient.GetString(bytes, start, bytes.Length - start);
        var bad = text.IndexOf('\uFFFD');
        return bad < 0 ? lenient.GetString(bytes, start, hint - start) : text[..bad];
    }
}
