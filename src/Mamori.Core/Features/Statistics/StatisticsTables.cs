using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Mamori.Core.Features.Statistics;

/// <summary>A row read from a file, before it is stored.</summary>
public sealed record StatInputRow(string Period, string Label, int SortOrder, IReadOnlyDictionary<string, long> Values);

/// <summary>The outcome of an import: rows stored, or the problems (nothing stored).</summary>
public sealed record StatImportResult(int Imported, IReadOnlyList<string> Periods, IReadOnlyList<ImportProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>A row of the computed table: inputs and computed figures by column key.</summary>
public sealed record StatReportRow(string Period, string Label, bool IsOwn, IReadOnlyDictionary<string, long> Inputs, IReadOnlyDictionary<string, decimal> Computed)
{
    /// <summary>The figure of a column, input or computed.</summary>
    public decimal Value(string key) => Inputs.TryGetValue(key, out var i) ? i : Computed.GetValueOrDefault(key);
}

/// <summary>A dataset's table for one period (or, for yearly datasets, all years).</summary>
public sealed record StatReport(DatasetDefinition Definition, string? Period, IReadOnlyList<string> Periods, IReadOnlyList<StatReportRow> Rows)
{
    /// <summary>基準日 令和5年10月31日, or 年度別.</summary>
    public string PeriodLabel => Definition.PeriodKind == PeriodKind.FiscalYear ? "年度別" : Period is { } p ? $"{StatisticsTables.FormatPeriod(Definition, p)}現在" : "";

    /// <summary>A figure as the table shows it: 67,911 or 91.9.</summary>
    public static string Format(StatColumn column, decimal value) =>
        column.IsPercent ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("#,0", CultureInfo.InvariantCulture);

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
            ordered = descending ? Rows.OrderByDescending(r => r.Value(key!)) : Rows.OrderBy(r => r.Value(key!));
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
                percents.Select(c => new RateSeries(c.Name, Rows.Select(r => r.Computed.GetValueOrDefault(c.Key)).ToList())).ToList(),
                Rows.Select((r, i) => (r, i)).Where(x => x.r.IsOwn).Select(x => x.i).ToList());
        }
        return new PrintBarChart($"{Definition.Name}（年度別）", Rows.Select(r => StatisticsTables.FormatPeriod(Definition, r.Period)).ToList(),
            Definition.Inputs.Select(c => new ChartSeries(c.Name, Rows.Select(r => checked((int)r.Inputs.GetValueOrDefault(c.Key))).ToList())).ToList());
    }

    /// <summary>The table as the rows of a worksheet: figures as numbers, rates as numbers with one decimal.</summary>
    public List<Dictionary<string, object?>> ToSheet()
    {
        var rows = Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                [Definition.PeriodKind == PeriodKind.FiscalYear ? "年度" : "基準日"] = StatisticsTables.FormatPeriod(Definition, r.Period),
            };
            if (Definition.PeriodKind == PeriodKind.AsOfDate)
            {
                row[Definition.LabelName] = r.Label;
            }
            foreach (var c in Definition.Columns)
            {
                row[c.Heading] = c.IsInput ? r.Inputs.GetValueOrDefault(c.Key) : r.Computed.GetValueOrDefault(c.Key);
            }
            return row;
        }).ToList();
        return rows.Count > 0 ? rows : [new Dictionary<string, object?> { [Definition.LabelName] = null }];
    }

    /// <summary>The table as a workbook of one sheet.</summary>
    public byte[] ToXlsx()
    {
        using var stream = new MemoryStream();
        stream.SaveAs(ToSheet(), sheetName: Definition.Name);
        return stream.ToArray();
    }

    /// <summary>The headers and cells for print (67,911) and CSV (67911, so that a spreadsheet reads numbers).</summary>
    public (IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Cells) ToCells(bool separators = true)
    {
        var headers = new List<string> { Definition.PeriodKind == PeriodKind.FiscalYear ? "年度" : Definition.LabelName };
        headers.AddRange(Definition.Columns.Select(c => c.Heading));
        var cells = Rows.Select(r => (IReadOnlyList<string>)new[] { Definition.PeriodKind == PeriodKind.FiscalYear ? StatisticsTables.FormatPeriod(Definition, r.Period) : r.Label }
            .Concat(Definition.Columns.Select(c => separators || c.IsPercent ? Format(c, r.Value(c.Key)) : r.Value(c.Key).ToString(CultureInfo.InvariantCulture))).ToList()).ToList();
        return (headers, cells);
    }
}

/// <summary>Reading, storing and computing statistics tables.</summary>
public static partial class StatisticsTables
{
    /// <summary>
    /// The largest figure a row may carry: more than Japan's population, and small enough that the three counts of a
    /// yearly row still add up within a chart's whole numbers.
    /// </summary>
    public const long MaxValue = 700_000_000;

    /// <summary>
    /// Reads a dataset's rows: the label column (区名 / 年度) and the input columns by their Japanese names, numbers
    /// with thousands separators. Rows with a problem are all reported; nothing is returned for storing then.
    /// </summary>
    public static (List<StatInputRow> Rows, List<ImportProblem> Problems) Read(DatasetDefinition definition, CsvTable table, DateOnly? asOf)
    {
        var problems = new List<ImportProblem>();
        var rows = new List<StatInputRow>();
        var labelIndex = definition.LabelHeaders.Select(table.IndexOf).FirstOrDefault(i => i >= 0, -1);
        if (labelIndex < 0)
        {
            problems.Add(new ImportProblem(1, definition.LabelHeaders[0], $"列「{definition.LabelHeaders[0]}」がありません。1行目に「{definition.ExpectedHeadings}」の見出しを置いてください。"));
        }
        var inputIndex = definition.Inputs.ToDictionary(c => c.Key, c => table.IndexOf(c.Name));
        foreach (var missing in definition.Inputs.Where(c => inputIndex[c.Key] < 0))
        {
            problems.Add(new ImportProblem(1, missing.Name, $"列「{missing.Name}」がありません。1行目に「{definition.ExpectedHeadings}」の見出しを置いてください。"));
        }
        if (definition.PeriodKind == PeriodKind.AsOfDate && asOf is null)
        {
            problems.Add(new ImportProblem(1, "基準日", "基準日（いつ現在の数か）を指定してください。"));
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }
        var seen = new Dictionary<(string, string), int>();
        foreach (var row in table.Rows)
        {
            if (row.Cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var (label, period) = ReadLabel(definition, row, labelIndex, asOf, problems);
            var values = ReadValues(definition, row, inputIndex, problems);
            if (period is not null && label.Length > 0)
            {
                if (seen.TryGetValue((period, label), out var first))
                {
                    problems.Add(new ImportProblem(row.RowNumber, definition.LabelHeaders[0], $"「{label}」は {first} 行目にもあります。1つにしてください。"));
                }
                else
                {
                    seen[(period, label)] = row.RowNumber;
                }
            }
            if (period is not null && values.Count == definition.Inputs.Count())
            {
                rows.Add(new StatInputRow(period, label, rows.Count, values));
            }
        }
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(2, "", "取り込む行がありません。2行目から1行に1件を入れてください。"));
        }
        return problems.Count > 0 ? ([], problems) : (rows, problems);
    }

    /// <summary>The row's label (団体・年度) and the period it counts for: its 年度, or the 基準日 given for the whole file.</summary>
    private static (string Label, string? Period) ReadLabel(DatasetDefinition definition, CsvRow row, int labelIndex, DateOnly? asOf, List<ImportProblem> problems)
    {
        var label = row[labelIndex].Trim();
        string? period = null;
        if (label.Length == 0)
        {
            problems.Add(new ImportProblem(row.RowNumber, definition.LabelHeaders[0], $"{definition.LabelName}が空欄です。"));
        }
        else if (label.Length > 100)
        {
            problems.Add(new ImportProblem(row.RowNumber, definition.LabelHeaders[0], $"{definition.LabelName}は100文字以内にしてください。"));
        }
        else if (definition.PeriodKind == PeriodKind.FiscalYear)
        {
            if (FiscalYear.TryParse(label, out var fy))
            {
                period = fy.StartYear.ToString(CultureInfo.InvariantCulture);
                label = fy.ToWareki();
            }
            else
            {
                problems.Add(new ImportProblem(row.RowNumber, "年度", $"「{label}」は年度として読めません。2022、2022年度、令和4年度 のように入力してください。"));
            }
        }
        else
        {
            period = asOf!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        return (label, period);
    }

    /// <summary>Each count of the row: a whole number from 0 up to the limit, not 0 where it divides.</summary>
    private static Dictionary<string, long> ReadValues(DatasetDefinition definition, CsvRow row, Dictionary<string, int> inputIndex, List<ImportProblem> problems)
    {
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var column in definition.Inputs)
        {
            var text = row[inputIndex[column.Key]];
            if (!JapaneseNumber.TryParse(text, out var value))
            {
                problems.Add(new ImportProblem(row.RowNumber, column.Name, string.IsNullOrWhiteSpace(text)
                    ? $"{column.Name}が空欄です。数を入力してください（0 のときは 0）。"
                    : $"「{text}」は数として読めません。67,911 や 67911 のように入力してください。"));
            }
            else if (value < 0)
            {
                problems.Add(new ImportProblem(row.RowNumber, column.Name, $"{column.Name}に負の数（{value}）は入力できません。"));
            }
            else if (value > MaxValue)
            {
                problems.Add(new ImportProblem(row.RowNumber, column.Name, $"{column.Name}の「{text}」は大きすぎます（{MaxValue:N0} まで）。桁を確認してください。"));
            }
            else if (value == 0 && column.IsDivisor)
            {
                var computed = string.Join("・", definition.Computed.Select(c => c.Name));
                problems.Add(new ImportProblem(row.RowNumber, column.Name, $"{column.Name}が0のため{computed}を計算できません。{column.Name}を確認してください。"));
            }
            else
            {
                values[column.Key] = value;
            }
        }
        return values;
    }

    /// <summary>
    /// Stores the rows of a file, all or nothing. The periods in the file are replaced as a whole: importing the
    /// 2023-10-31 table again gives that day's table as the file has it, not a mixture.
    /// </summary>
    public static async Task<StatImportResult> ImportAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, CsvTable table, DateOnly? asOf, CancellationToken ct)
    {
        var (rows, problems) = Read(definition, table, asOf);
        if (problems.Count > 0)
        {
            return new StatImportResult(0, [], problems);
        }
        var periods = rows.Select(r => r.Period).Distinct().Order().ToList();
        // The periods in the file are replaced; a yearly file keeps the years it does not contain.
        db.StatRows.RemoveRange(await db.StatRows.Where(r => r.MunicipalityId == municipalityId && r.Dataset == definition.Key && periods.Contains(r.Period)).ToListAsync(ct));
        db.StatRows.AddRange(rows.Select(r => new StatRow
        {
            MunicipalityId = municipalityId,
            Dataset = definition.Key,
            Period = r.Period,
            Label = r.Label,
            SortOrder = r.SortOrder,
            ValuesJson = JsonSerializer.Serialize(r.Values),
        }));
        await db.SaveChangesAsync(ct);
        return new StatImportResult(rows.Count, periods, []);
    }

    /// <summary>The computed table: for a dated dataset the chosen (or latest) reference date, for a yearly one every year.</summary>
    public static async Task<StatReport> ReportAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, string? period, CancellationToken ct)
    {
        var all = db.StatRows.AsNoTracking().Where(r => r.MunicipalityId == municipalityId && r.Dataset == definition.Key);
        var periods = await all.Select(r => r.Period).Distinct().ToListAsync(ct);
        periods = periods.OrderDescending().ToList();
        var chosen = definition.PeriodKind == PeriodKind.FiscalYear ? null : periods.Contains(period ?? "") ? period : periods.FirstOrDefault();
        var rows = await (chosen is null ? all : all.Where(r => r.Period == chosen)).ToListAsync(ct);
        var name = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == municipalityId).Select(m => m.Name).FirstAsync(ct);
        var ordered = definition.PeriodKind == PeriodKind.FiscalYear
            ? rows.OrderBy(r => r.Period, StringComparer.Ordinal)
            : rows.OrderBy(r => r.SortOrder).ThenBy(r => r.Label, StringComparer.Ordinal);
        return new StatReport(definition, chosen, periods, ordered.Select(r =>
        {
            var values = r.Values;
            return new StatReportRow(r.Period, r.Label, definition.IsOwn(r.Label, name), values, definition.Compute(values));
        }).ToList());
    }

    /// <summary>A dataset as the statistics page lists it: its periods, the latest one's rows, whether it is public.</summary>
    public sealed record Overview(DatasetDefinition Definition, IReadOnlyList<string> Periods, int Rows, bool IsPublic);

    /// <summary>Every dataset Mamori knows, with what the municipality has stored of it.</summary>
    public static async Task<IReadOnlyList<Overview>> OverviewAsync(AppDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var counts = await db.StatRows.AsNoTracking().Where(r => r.MunicipalityId == municipalityId)
            .GroupBy(r => new { r.Dataset, r.Period }).Select(g => new { g.Key.Dataset, g.Key.Period, Rows = g.Count() }).ToListAsync(ct);
        var settings = await db.StatDatasetSettings.AsNoTracking().Where(s => s.MunicipalityId == municipalityId).ToListAsync(ct);
        return Datasets.All.Select(d =>
        {
            var mine = counts.Where(c => c.Dataset == d.Key).OrderByDescending(c => c.Period, StringComparer.Ordinal).ToList();
            var rows = d.PeriodKind == PeriodKind.FiscalYear ? mine.Sum(c => c.Rows) : mine.FirstOrDefault()?.Rows ?? 0;
            return new Overview(d, mine.Select(c => c.Period).ToList(), rows, settings.Any(s => s.Dataset == d.Key && s.IsPublic));
        }).ToList();
    }

    /// <summary>Whether the dataset is shown on the public statistics page.</summary>
    public static Task<bool> IsPublicAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, CancellationToken ct) =>
        db.StatDatasetSettings.AnyAsync(s => s.MunicipalityId == municipalityId && s.Dataset == definition.Key && s.IsPublic, ct);

    /// <summary>Shows or hides the dataset on the public statistics page.</summary>
    public static async Task SetPublicAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, bool isPublic, CancellationToken ct)
    {
        var setting = await db.StatDatasetSettings.FirstOrDefaultAsync(s => s.MunicipalityId == municipalityId && s.Dataset == definition.Key, ct);
        if (setting is null)
        {
            db.StatDatasetSettings.Add(new StatDatasetSetting { MunicipalityId = municipalityId, Dataset = definition.Key, IsPublic = isPublic });
        }
        else
        {
            setting.IsPublic = isPublic;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Removes one period's rows (a table imported for the wrong date, a year entered twice); the number of rows removed.</summary>
    public static async Task<int> DeletePeriodAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, string period, CancellationToken ct)
    {
        var rows = await db.StatRows.Where(r => r.MunicipalityId == municipalityId && r.Dataset == definition.Key && r.Period == period).ToListAsync(ct);
        db.StatRows.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    /// <summary>
    /// The table a yearly report shows for <paramref name="year"/>: for a dated dataset the latest reference date on
    /// or before the year's end (or <paramref name="asOf"/>), for a yearly one the years up to it (at most <paramref name="years"/>).
    /// </summary>
    public static async Task<StatReport> ForFiscalYearAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, FiscalYear year, int years,
        DateOnly? asOf, CancellationToken ct)
    {
        if (definition.PeriodKind == PeriodKind.AsOfDate)
        {
            var end = (asOf ?? year.End).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var period = await db.StatRows.AsNoTracking().Where(r => r.MunicipalityId == municipalityId && r.Dataset == definition.Key)
                .Select(r => r.Period).Distinct().Where(p => string.Compare(p, end) <= 0).OrderByDescending(p => p).FirstOrDefaultAsync(ct);
            var dated = await ReportAsync(db, municipalityId, definition, period, ct);
            return period is null ? dated with { Period = null, Rows = [] } : dated;
        }
        var all = await ReportAsync(db, municipalityId, definition, null, ct);
        var first = year.StartYear - years + 1;
        return all with
        {
            Rows = all.Rows.Where(r => int.Parse(r.Period, CultureInfo.InvariantCulture) is var y && y >= first && y <= year.StartYear).ToList(),
        };
    }

    /// <summary>令和5年10月31日 for a date, 令和4年度 for a fiscal year.</summary>
    public static string FormatPeriod(DatasetDefinition definition, string period) =>
        definition.PeriodKind == PeriodKind.FiscalYear
            ? new FiscalYear(int.Parse(period, CultureInfo.InvariantCulture)).ToWareki()
            : WarekiDate.Format(DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>
    /// The reference date a file's name carries (マイナンバーカード交付状況_2023-10-31.csv), for a dated table
    /// imported without one; null when the name has none.
    /// </summary>
    public static DateOnly? DateInFileName(string fileName)
    {
        var m = DatePattern().Match(fileName);
        return m.Success && DateOnly.TryParseExact(m.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    [GeneratedRegex(@"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")]
    private static partial Regex DatePattern();
}
