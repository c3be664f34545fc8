using System.IO.Compression;
using System.Text;
using Mamori.Core.Csv;

namespace Mamori.Tests.Infrastructure;

/// <summary>What a person would read in a response: the page or CSV as text (UTF-8 or Shift_JIS), or the text parts of an .xlsx/.docx.</summary>
public static class ResponseText
{
    public static async Task<string> ReadAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K')
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                text.Append(await reader.ReadToEndAsync());
            }
            return text.ToString();
        }
        var charset = response.Content.Headers.ContentType?.CharSet ?? "";
        return charset.Contains("shift_jis", StringComparison.OrdinalIgnoreCase) ? CsvEncodings.Cp932.GetString(bytes) : Encoding.UTF8.GetString(bytes);
    }
}
