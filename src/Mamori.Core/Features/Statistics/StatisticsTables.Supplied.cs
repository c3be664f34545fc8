using System.Globalization;
using System.Text;
using Mamori.Core.Csv;

namespace Mamori.Core.Features.Statistics;

/// <summary>Totals and rates a file gives as well: read, compared with the computed ones, and kept when the office accepts them.</summary>
public static partial class StatisticsTables
{
    /// <summary>A total or rate the file gives for a computed column: a number (91.9, 91.9%, 1,234), or blank (not given).</summary>
    private static Dictionary<string, decimal> ReadSupplied(DatasetDefinition definition, CsvRow row, Dictionary<string, int> suppliedIndex, List<ImportProblem> problems)
    {
        var supplied = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var (key, index) in suppliedIndex)
        {
            var text = row[index].Normalize(NormalizationForm.FormKC).Trim().TrimEnd('%').Replace(",", "", StringComparison.Ordinal).Trim();
            if (text.Length == 0)
            {
                continue;
            }
            var column = definition.Columns.First(c => c.Key == key);
            if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= MaxValue)
            {
                supplied[key] = value;
            }
            else
            {
                problems.Add(new ImportProblem(row.RowNumber, column.Heading, $"「{row[index]}」は数として読めません。{column.Heading}は 91.9 や 1,234 のように入力するか、空欄にしてください。"));
            }
        }
        return supplied;
    }

    /// <summary>
    /// The totals and rates of the rows that differ from the ones computed from their inputs. A supplied figure is
    /// compared at the column's own digits, so 91.94 given for a rate of one digit matches 91.9.
    /// </summary>
    public static IReadOnlyList<StatMismatch> Mismatches(DatasetDefinition definition, IEnumerable<StatInputRow> rows) =>
        rows.SelectMany(r => Differences(definition, r).Select(d => new StatMismatch(r.RowNumber, r.Label, d.Column.Heading, d.Supplied, d.Computed))).ToList();

    /// <summary>The supplied figures of a row that differ from the computed ones (the ones that agree need not be kept).</summary>
    private static Dictionary<string, decimal> Kept(DatasetDefinition definition, StatInputRow row) =>
        Differences(definition, row).ToDictionary(d => d.Column.Key, d => d.Supplied, StringComparer.Ordinal);

    private static IEnumerable<(StatColumn Column, decimal Supplied, decimal? Computed)> Differences(DatasetDefinition definition, StatInputRow row)
    {
        var computed = definition.Compute(row.Values);
        foreach (var (key, supplied) in row.Supplied)
        {
            var column = definition.Columns.First(c => c.Key == key);
            decimal? value = computed.TryGetValue(key, out var c) ? c : null;
            if (value != StatFormulas.Round(supplied, column.Digits, column.Rounding))
            {
                yield return (column, supplied, value);
            }
        }
    }
}
