using System.Globalization;
using Mamori.Core.Features.Reports;
using MiniExcelLibs;

namespace Mamori.Core.Features.Statistics;

/// <summary>
/// A row of the computed table: inputs and computed figures by column key, and the totals or rates the file gave
/// that differ from the computed ones and that the office chose to keep (<see cref="Supplied"/>).
/// </summary>
public sealed record StatReportRow(string Period, string Label, bool IsOwn, IReadOnlyDictionary<string, long> Inputs, IReadOnlyDictionary<string, decimal> Computed)
{
    public IReadOnlyDictionary<string, decimal> Supplied { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The figure of a column: kept from the file, input or computed; null when it cannot be computed (÷0).</summary>
    public decimal? Value(string key) =>
        Supplied.TryGetValue(key, out var s) ? s : Inputs.TryGetValue(key, out var i) ? i : Computed.TryGetValue(key, out var c) ? c : null;
}

/// <summary>A dataset's table for one period (or, for yearly datasets, all years).</summary>
public sealed record StatReport(DatasetDefinition Definition, string? Period, IReadOnlyList<string> Periods, IReadOnlyList<StatReportRow> Rows)
{
    /// <summary>The mark of a figure kept from the file though it differs from the computed one.</summary>
    public const string SuppliedMark = "※";

    /// <summary>基準日 令和5年10月31日, or 年度別.</summary>
    public string PeriodLabel => Definition.PeriodKind == PeriodKind.FiscalYear ? "年度別" : Period is { } p ? $"{StatisticsTables.FormatPeriod(Definition, p)}現在" : "";

    /// <summary>Whether a row keeps a figure from the file that differs from the computed one (the table then explains the mark).</summary>
    public bool HasSupplied => Rows.Any(r => r.Supplied.Count > 0);

    /// <summary>A figure as the table shows it: 67,911 or 91.9; 「－」 when it cannot be computed.</summary>
    public static string Format(StatColumn column, decimal? value) => value is { } v ? StatFormulas.Format(column, v) : "－";

    /// <summary>
    /// The rows ordered by a column (its key, or "name" for the rows' own order), largest first when descending;
    /// equal figures keep the file's order. An unknown column keeps the file's order.
    /// </summary>
    public StatReport SortedBy(string? key, bool descending)
    {
        IEnumerable<StatReportRow> ordered;
        if (key == "name")
        {
            // Names sort in the file's order (団体コード順 in official tables) or by year: kanji have no reading to sort by.
            ordered = descending ? Rows.Reverse() : Rows;
        }
        else if (Definition.Columns.Any(c => c.Key == key))
        {
            ordered = descending ? Rows.OrderByDescending(r => r.Value(key!) ?? decimal.MinValue) : Rows.OrderBy(r => r.Value(key!) ?? decimal.MaxValue);
        }
        else
        {
            return this;
        }
        return this with { Rows = ordered.ToList() };
    }

    /// <summary>
    /// The chart of the table: the rates of each municipality as horizontal bars (the own one marked), or the
    /// yearly counts as stacked bars by year.
    /// </summary>
    public PrintBlock ToChart()
    {
        var percents = Definition.Computed.Where(c => c.IsPercent).ToList();
        if (percents.Count > 0)
        {
            return new PrintRateChart($"{Definition.Name}（{PeriodLabel}）", Rows.Select(r => r.Label).ToList(),
                percents.Select(c => new RateSeries(c.Name, Rows.Select(r => r.Value(c.Key) ?? 0m).ToList())).ToList(),
                Rows.Select((r, i) => (r, i)).Where(x => x.r.IsOwn).Select(x => x.i).ToList());
        }
        return new PrintBarChart($"{Definition.Name}（{PeriodLabel}）", Rows.Select(RowName).ToList(),
            Definition.Inputs.Select(c => new ChartSeries(c.Name, Rows.Select(r => checked((int)r.Inputs.GetValueOrDefault(c.Key))).ToList())).ToList());
    }

    /// <summary>The row's name in the first column: the municipality, or the 年度 (「令和5年度（10月31日時点）」 for a partial year).</summary>
    public static string RowName(StatReportRow row) => row.Label;

    /// <summary>The table as the rows of a worksheet: figures as numbers, rates as numbers with their digits.</summary>
    public List<Dictionary<string, object?>> ToSheet()
    {
        var rows = Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [Definition.PeriodKind == PeriodKind.FiscalYear ? "年度" : "基準日"] = Definition.PeriodKind == PeriodKind.FiscalYear ? r.Label : StatisticsTables.FormatPeriod(Definition, r.Period),
            };
            if (Definition.PeriodKind == PeriodKind.AsOfDate)
            {
                row[Definition.LabelName] = r.Label;
            }
            foreach (var c in Definition.Columns)
            {
                row[c.Heading] = r.Value(c.Key);
            }
            return row;
        }).ToList();
        return rows.Count > 0 ? rows : [new Dictionary<string, object?> { [Definition.LabelName] = null }];
    }

    /// <summary>The table as a workbook of one sheet.</summary>
    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(ToSheet(), sheetName: Definition.Name.Length > 31 ? Definition.Name[..31] : Definition.Name);
        return stream.ToArray();
    }

    /// <summary>
    /// The headers and cells for print (67,911; a figure kept from the file marked ※) and CSV (67911, so that a
    /// spreadsheet reads numbers).
    /// </summary>
    public (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Cells) ToCells(bool separators = true)
    {
        var headers = new List<string> { Definition.PeriodKind == PeriodKind.FiscalYear ? "年度" : Definition.LabelName };
        headers.AddRange(Definition.Columns.Select(c => c.Heading));
        var cells = Rows.Select(r => (IReadOnlyList<string>)new[] { RowName(r) }
            .Concat(Definition.Columns.Select(c =>
            {
                var value = r.Value(c.Key);
                var text = separators ? Format(c, value) : value is { } v ? StatFormulas.Format(c, v, separators: false) : "";
                return separators && r.Supplied.ContainsKey(c.Key) ? text + SuppliedMark : text;
            })).ToList()).ToList();
        return (headers, cells);
    }
}
