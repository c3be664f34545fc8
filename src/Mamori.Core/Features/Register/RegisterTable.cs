using Mamori.Core.Csv;

namespace Mamori.Core.Features.Register;

/// <summary>
/// Finds the register's columns in an office's own 一覧, whatever it looks like: a title line or a note above the
/// headings, headings in two rows (「開示請求等を受理する組織」 over 「名称」「所在地」, merged across), the 参考様式's
/// wording or the office's (「保有課」「ファイル名」), full- or half-width, with line breaks inside a heading.
/// </summary>
public sealed class RegisterTable
{
    /// <summary>How far down the headings may start (title, date and note lines above them).</summary>
    private const int HeadingSearchRows = 10;

    private readonly Dictionary<RegisterItem, int> _columns;

    private RegisterTable(CsvTable table, Dictionary<RegisterItem, int> columns, int headingRow)
    {
        Table = table;
        _columns = columns;
        HeadingRow = headingRow;
    }

    /// <summary>The rows below the headings, numbered as the spreadsheet numbers them.</summary>
    public CsvTable Table { get; }

    /// <summary>The spreadsheet row of the (last) heading row.</summary>
    public int HeadingRow { get; }

    public bool Has(RegisterItem item) => _columns.ContainsKey(item);

    /// <summary>The cell of an item in a row; empty when the file has no such column.</summary>
    public string Get(CsvRow row, RegisterItem item) => _columns.TryGetValue(item, out var i) ? row[i] : string.Empty;

    /// <summary>
    /// Reads the headings: the first of the top rows under which the most items are found, and the row below it when that
    /// adds items (a second heading row). The file's first line is candidate -1; data rows are numbered from 0.
    /// </summary>
    public static RegisterTable Read(CsvTable table)
    {
        IReadOnlyList<string> Cells(int index) => index < 0 ? table.Headers : table.Rows[index].Cells;
        (int Index, Dictionary<RegisterItem, int> Found, int Used)? best = null;
        for (var index = -1; index < Math.Min(HeadingSearchRows, table.Rows.Count); index++)
        {
            var found = Match(Cells(index).Select(c => c ?? string.Empty).ToList());
            var used = 0;
            if (index + 1 < table.Rows.Count && Match(Combine(Cells(index), table.Rows[index + 1].Cells)) is var two && two.Count > found.Count)
            {
                (found, used) = (two, 1);
            }
            if (found.Count > (best?.Found.Count ?? 0))
            {
                best = (index, found, used);
            }
        }
        if (best is not { } b)
        {
            return new RegisterTable(table, [], 1);
        }
        var last = b.Index + b.Used;
        var headingRow = last < 0 ? 1 : table.Rows[last].RowNumber;
        var cells = Cells(b.Index);
        var headers = Enumerable.Range(0, cells.Count).Select(i => b.Found.FirstOrDefault(f => f.Value == i).Key?.Label ?? cells[i]).ToList();
        return new RegisterTable(new CsvTable(table.EncodingName, headers, table.Rows.Skip(last + 1).ToList()), b.Found, headingRow);
    }

    /// <summary>Two heading rows as one: the upper heading carried right over merged (empty) cells, joined with the lower.</summary>
    private static List<string> Combine(IReadOnlyList<string> top, IReadOnlyList<string> bottom)
    {
        var result = new List<string>();
        var carried = string.Empty;
        for (var i = 0; i < Math.Max(top.Count, bottom.Count); i++)
        {
            var upper = i < top.Count ? top[i] ?? string.Empty : string.Empty;
            var lower = i < bottom.Count ? bottom[i] ?? string.Empty : string.Empty;
            if (upper.Trim().Length > 0)
            {
                carried = upper;
            }
            else if (lower.Trim().Length == 0)
            {
                carried = string.Empty;
            }
            result.Add(lower.Trim().Length == 0 ? upper : (upper.Trim().Length > 0 ? upper : carried) + "\u0001" + lower);
        }
        return result;
    }

    /// <summary>Each item's column: a heading equal to its label or an alias; a two-row heading as upper + lower or upper + の + lower.</summary>
    private static Dictionary<RegisterItem, int> Match(List<string> headings)
    {
        var found = new Dictionary<RegisterItem, int>();
        for (var i = 0; i < headings.Count; i++)
        {
            var parts = headings[i].Split('\u0001');
            var keys = parts.Length == 2
                ? new[] { RegisterItems.Key(parts[0] + parts[1]), RegisterItems.Key(parts[0] + "の" + parts[1]), RegisterItems.Key(parts[0] + parts[1] + "の有無") }
                : [RegisterItems.Key(parts[0])];
            var item = RegisterItems.Columns.FirstOrDefault(c => !found.ContainsKey(c) && c.Headings.Any(h => keys.Contains(RegisterItems.Key(h))));
            if (item is not null)
            {
                found[item] = i;
            }
        }
        return found;
    }
}
