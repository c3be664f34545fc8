using MiniExcelLibs;

namespace Mamori.Core.Features.Register;

/// <summary>The register as an .xlsx workbook with the same columns as the CSV (one sheet, Japanese headers).</summary>
public static class RegisterSpreadsheet
{
    public static byte[] ToXlsx(IEnumerable<string?[]> rows)
    {
        var sheet = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < RegisterCsv.Headers.Count; i++)
            {
                row[RegisterCsv.Headers[i]] = r[i];
            }
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        if (sheet.Count == 0)
        {
            sheet.Add(RegisterCsv.Headers.ToDictionary(h => h, _ => (object?)null, StringComparer.Ordinal));
        }
        stream.SaveAs(sheet, sheetName: "個人情報ファイル簿");
        return stream.ToArray();
    }
}
