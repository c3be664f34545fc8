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

/// <summary>
/// A row read from a file, before it is stored: its inputs, and the totals or rates the file also gave for computed
/// columns (<see cref="Supplied"/>), checked against the computed ones.
/// </summary>
public sealed record StatInputRow(string Period, string Label, int SortOrder, IReadOnlyDictionary<string, long> Values)
{
    public IReadOnlyDictionary<string, decimal> Supplied { get; init; } = new Dictionary<string, decimal>();
    public int RowNumber { get; init; }
}

/// <summary>A total or rate in the file that differs from the one computed from the row's inputs (999 against parts summing to 6).</summary>
public sealed record StatMismatch(int RowNumber, string Label, string Column, decimal Supplied, decimal? Computed);

/// <summary>What to do with totals and rates in the file that differ from the computed ones.</summary>
public enum SuppliedChoice
{
    /// <summary>Store nothing; show the differences for the office to choose.</summary>
    Check,

    /// <summary>訂正: store the inputs; the computed figures stand.</summary>
    Correct,

    /// <summary>承認: keep the file's figures where they differ (marked ※ in tables).</summary>
    Accept,
}

/// <summary>The outcome of an import: rows stored, the problems (nothing stored), or differences to choose about (nothing stored yet).</summary>
public sealed record StatImportResult(int Imported, IReadOnlyList<string> Periods, IReadOnlyList<ImportProblem> Problems)
{
    public IReadOnlyList<StatMismatch> Mismatches { get; init; } = [];
    public IReadOnlyList<StatInputRow> Rows { get; init; } = [];

    public bool Ok => Problems.Count == 0 && !NeedsChoice;

    /// <summary>The file is readable but gives totals or rates that differ: the office corrects or accepts them.</summary>
    public bool NeedsChoice => Problems.Count == 0 && Imported == 0 && Mismatches.Count > 0;
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
        // Totals and rates a file may give too (合計, 申請率 or 申請率（%）): read to be checked against the computed ones.
        var suppliedIndex = definition.Computed.Select(c => (c.Key, Index: Math.Max(table.IndexOf(c.Name), table.IndexOf(c.Heading))))
            .Where(x => x.Index >= 0).ToDictionary(x => x.Key, x => x.Index);
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
            var supplied = ReadSupplied(definition, row, suppliedIndex, problems);
            if (period is not null && values.Count == definition.Inputs.Count())
            {
                rows.Add(new StatInputRow(period, label, rows.Count, values) { Supplied = supplied, RowNumber = row.RowNumber });
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
            // A year counted to a day (「令和5年度(10/31時点)」) keeps the day in its name.
            var partial = PartialYear().Match(label.Normalize(NormalizationForm.FormKC));
            var yearText = partial.Success ? partial.Groups["year"].Value : label;
            if (FiscalYear.TryParse(yearText, out var fy))
            {
                period = fy.StartYear.ToString(CultureInfo.InvariantCulture);
                label = partial.Success
                    ? $"{fy.ToWareki()}（{int.Parse(partial.Groups["m"].Value, CultureInfo.InvariantCulture)}月{int.Parse(partial.Groups["d"].Value, CultureInfo.InvariantCulture)}日{partial.Groups["w"].Value}）"
                    : fy.ToWareki();
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
            else if (value == 0 && definition.IsDivisor(column))
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
    public static async Task<StatImportResult> ImportAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition, CsvTable table, DateOnly? asOf,
        SuppliedChoice choice, CancellationToken ct)
    {
        var (rows, problems) = Read(definition, table, asOf);
        if (problems.Count > 0)
        {
            return new StatImportResult(0, [], problems);
        }
        var mismatches = Mismatches(definition, rows);
        if (mismatches.Count > 0 && choice == SuppliedChoice.Check)
        {
            return new StatImportResult(0, rows.Select(r => r.Period).Distinct().Order().ToList(), []) { Mismatches = mismatches, Rows = rows };
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
            SuppliedJson = choice == SuppliedChoice.Accept && Kept(definition, r) is { Count: > 0 } kept ? JsonSerializer.Serialize(kept) : null,
        }));
        await db.SaveChangesAsync(ct);
        return new StatImportResult(rows.Count, periods, []) { Mismatches = mismatches };
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
            return new StatReportRow(r.Period, r.Label, definition.IsOwn(r.Label, name), values, definition.Compute(values)) { Supplied = r.Supplied };
        }).ToList());
    }

    /// <summary>
    /// One column across the periods: for a yearly dataset each 年度, for a dated one the row <paramref name="label"/>
    /// (the municipality itself when not given) on each 基準日, oldest first; a period without the row is left out.
    /// </summary>
    public static async Task<IReadOnlyList<(string Period, decimal? Value)>> SeriesAsync(AppDbContext db, Guid municipalityId, DatasetDefinition definition,
        StatColumn column, string? label, CancellationToken ct)
    {
        var rows = await db.StatRows.AsNoTracking().IgnoreQueryFilters().Where(r => r.MunicipalityId == municipalityId && r.Dataset == definition.Key).ToListAsync(ct);
        var name = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == municipalityId).Select(m => m.Name).FirstAsync(ct);
        var wanted = label ?? definition.OwnLabel ?? name;
        return rows.Where(r => definition.PeriodKind == PeriodKind.FiscalYear || r.Label == wanted)
            .OrderBy(r => r.Period, StringComparer.Ordinal)
            .Select(r =>
            {
                var row = new StatReportRow(r.Period, r.Label, false, r.Values, definition.Compute(r.Values)) { Supplied = r.Supplied };
                return (definition.PeriodKind == PeriodKind.FiscalYear ? r.Label : FormatPeriod(definition, r.Period), row.Value(column.Key));
            }).ToList();
    }

    /// <summary>A dataset as the statistics page lists it: its periods, the latest one's rows, whether it is public.</summary>
    public sealed record Overview(DatasetDefinition Definition, IReadOnlyList<string> Periods, int Rows, bool IsPublic);

    /// <summary>Every dataset Mamori knows, with what the municipality has stored of it.</summary>
    public static async Task<IReadOnlyList<Overview>> OverviewAsync(AppDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var counts = await db.StatRows.AsNoTracking().Where(r => r.MunicipalityId == municipalityId)
            .GroupBy(r => new { r.Dataset, r.Period }).Select(g => new { g.Key.Dataset, g.Key.Period, Rows = g.Count() }).ToListAsync(ct);
        var settings = await db.StatDatasetSettings.AsNoTracking().Where(s => s.MunicipalityId == municipalityId).ToListAsync(ct);
        var all = await StatDatasets.AllAsync(db, municipalityId, ct);
        return all.Select(d =>
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

    /// <summary>令和5年度(10/31時点), 2023年度（10月31日現在）, 令和5年度 10/31時点.</summary>
    [GeneratedRegex(@"^(?<year>.+?年度|\d{4})\s*\(?\s*(?<m>\d{1,2})\s*(?:/|月)\s*(?<d>\d{1,2})\s*日?\s*(?<w>時点|現在)\s*\)?$")]
    private static partial Regex PartialYear();
}
