using System.Text;

namespace Mamori.Core.Csv;

/// <summary>Reads the bytes of an uploaded text file the way municipal files come: UTF-8 (with or without BOM) or Shift_JIS.</summary>
public static class TextFiles
{
    /// <summary>The text and the name of the encoding it was read in.</summary>
    public static (string Text, string EncodingName) Decode(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            return (Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), "UTF-8");
        }
        try
        {
            return (CsvEncodings.StrictUtf8.GetString(bytes), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (CsvEncodings.Cp932.GetString(bytes), "Shift_JIS");
        }
    }
}
