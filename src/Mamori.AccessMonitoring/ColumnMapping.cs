using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mamori.AccessMonitoring;

/// <summary>
/// How one input of another vendor's layout reads as the canonical one: the canonical column → the vendor's
/// header (null: the layout has no such column, read as empty), the vendor's timestamp and date formats (DuckDB
/// strptime, e.g. <c>%Y/%m/%d %H:%M:%S</c>) and value translations per column (op: 照会 → VIEW).
/// </summary>
public sealed record InputMapping(
    [property: JsonPropertyName("columns")] Dictionary<string, string?>? Columns,
    [property: JsonPropertyName("timestampFormat")] string? TimestampFormat = null,
    [property: JsonPropertyName("dateFormat")] string? DateFormat = null,
    [property: JsonPropertyName("values")] Dictionary<string, Dictionary<string, string>>? Values = null);

/// <summary>
/// A column mapping file (JSON) for logs and masters written in another vendor's layout, e.g.
/// <c>{ "log": { "columns": { "ts": "アクセス日時", "user_id": "職員番号" }, "timestampFormat": "%Y/%m/%d %H:%M:%S",
/// "values": { "op": { "照会": "VIEW" } } } }</c>. Inputs without an entry are read in the canonical layout.
/// </summary>
public sealed record ColumnMapping(
    [property: JsonPropertyName("log")] InputMapping? Log = null,
    [property: JsonPropertyName("staff")] InputMapping? Staff = null,
    [property: JsonPropertyName("residents")] InputMapping? Residents = null,
    [property: JsonPropertyName("cases")] InputMapping? Cases = null,
    [property: JsonPropertyName("roles")] InputMapping? Roles = null)
{
    private static readonly JsonSerializerOptions Options = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and checks a mapping file; a problem is reported as a <see cref="LogInputException"/> naming the file.</summary>
    public static ColumnMapping Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new LogInputException(path, 0, "", "列の対応づけのファイルがありません。");
        }
        ColumnMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<ColumnMapping>(File.ReadAllText(path), Options);
        }
        catch (JsonException ex)
        {
            throw new LogInputException(path, 0, "", $"JSON として読めません（{ex.LineNumber + 1} 行目付近）。");
        }
        if (mapping is null)
        {
            throw new LogInputException(path, 0, "", "JSON として読めません。");
        }
        foreach (var (kind, input, layout) in mapping.Inputs())
        {
            foreach (var column in (input.Columns?.Keys ?? Enumerable.Empty<string>()).Concat(input.Values?.Keys ?? Enumerable.Empty<string>()).Where(c => !layout.Contains(c) && c != "last_active"))
            {
                throw new LogInputException(path, 0, "", $"{kind} の「{column}」は Mamori の列名ではありません。使える列名は {string.Join(", ", layout)} です。");
            }
        }
        return mapping;
    }

    /// <summary>The inputs this mapping adapts, with the canonical layout of each.</summary>
    public IEnumerable<(string Kind, InputMapping Input, string[] Layout)> Inputs()
    {
        if (Log is not null) { yield return ("log", Log, Layout.Log); }
        if (Staff is not null) { yield return ("staff", Staff, Layout.Staff); }
        if (Residents is not null) { yield return ("residents", Residents, Layout.Residents); }
        if (Cases is not null) { yield return ("cases", Cases, Layout.Cases); }
        if (Roles is not null) { yield return ("roles", Roles, Layout.Roles); }
    }
}
