using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>An entry as typed on the form or read from a file (times in JST).</summary>
public sealed record RoomEntryInput(DateTime? EnteredJst, DateTime? ExitedJst, RoomEntryKind? Kind, string? Organization, string? Name, string? Reason);

/// <summary>What an import did, or the problems that stopped it (then nothing was written).</summary>
public sealed record RoomImportResult(int Imported, int AlreadyRegistered, IReadOnlyList<ImportProblem> Problems, FiscalYear? LatestYear = null)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>Month by month counts of a fiscal year (4月 … 3月).</summary>
public sealed record MonthCount(DateOnly Month, int Staff, int Vendor)
{
    public int Total => Staff + Vendor;

    /// <summary>"2022-04" as the command line prints it.</summary>
    public string Key => Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

/// <summary>The fiscal-year table: 職員 / ベンダー等 / 月計 per month and the year's totals.</summary>
public sealed record FiscalYearTable(FiscalYear Year, IReadOnlyList<MonthCount> Months)
{
    public int Staff => Months.Sum(m => m.Staff);
    public int Vendor => Months.Sum(m => m.Vendor);
    public int Total => Staff + Vendor;
}

/// <summary>One 入室理由 of a category and how often it was given.</summary>
public sealed record ReasonCount(RoomEntryKind Kind, string Reason, int Count);

/// <summary>The fiscal-year tables of several years (the last is the year reported) and that year's reasons.</summary>
public sealed record RoomSummary(IReadOnlyList<FiscalYearTable> Years, IReadOnlyList<ReasonCount> Reasons)
{
    public FiscalYearTable Year => Years[^1];
}

/// <summary>CSルーム入退室: parsing dates and times, the form, CSV import, and the tables of the yearly report.</summary>
public static partial class RoomAccess
{
    public static readonly string[] Headers = ["入室日時", "退室日時", "区分", "所属・会社名", "氏名", "入室理由"];
    private static readonly string[] RequiredColumns = ["入室日時", "区分", "所属・会社名", "入室理由"];
    private static readonly string[] TimeFormats = ["H:mm", "H:mm:ss"];

    /// <summary>
    /// Reads a date and time as entry logs write them: 2022/04/05 10:12, 2022/4/5 10:12, 2022-04-05T10:12(:00),
    /// 令和4年4月5日 10:12, R4.4.5 10:12, 令和4年4月5日10時12分 (full-width digits too).
    /// </summary>
    public static bool TryParseDateTime(string? text, out DateTime value, out string? error)
    {
        value = default;
        var example = "2022/04/05 10:12、令和4年4月5日 10:12 のように、日付と時刻を入力してください。";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "日時を入力してください。" + example;
            return false;
        }
        var normalized = text.Normalize(NormalizationForm.FormKC).Trim();
        var m = DateTimePattern().Match(normalized);
        if (!m.Success)
        {
            error = $"「{text.Trim()}」は日時として読めません。{example}";
            return false;
        }
        if (!WarekiDate.TryParse(m.Groups["date"].Value, out var date, out var dateError))
        {
            error = dateError;
            return false;
        }
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 59)
        {
            error = $"「{text.Trim()}」の時刻が正しくありません（0:00～23:59）。";
            return false;
        }
        value = date.ToDateTime(new TimeOnly(hour, minute, second));
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<date>.*?\d日?)[\sT]*(?<h>\d{1,2})[:時](?<min>\d{1,2})分?(?::(?<s>\d{1,2})(?:\.\d+)?)?(?:Z|\+09:?00)?$")]
    private static partial Regex DateTimePattern();

    /// <summary>A stored time as the entry log writes it: 2022/04/05 10:12 (JST), which <see cref="TryParseDateTime"/> reads back.</summary>
    public static string FormatJst(DateTime utc) => JapanTime.FromUtc(utc).ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Entries as CSV rows in the import layout (<see cref="Headers"/>), so that an export can be imported again.</summary>
    public static IEnumerable<string?[]> CsvRows(IEnumerable<RoomEntry> entries) =>
        entries.Select(e => new[] { FormatJst(e.EnteredAt), e.ExitedAt is { } x ? FormatJst(x) : null, e.Kind.JapaneseName(), e.Organization, e.Name, e.Reason });

    /// <summary>Checks one entry; messages are keyed by the form field (and the import column).</summary>
    public static FieldErrors Validate(RoomEntryInput input)
    {
        var errors = new FieldErrors();
        if (input.EnteredJst is null)
        {
            errors.Add("EnteredAt", "入室日時を入力してください。");
        }
        if (input.Kind is null)
        {
            errors.Add("Kind", "区分を「職員」か「ベンダー等」で入力してください。");
        }
        if (errors.Required("Organization", input.Organization, "所属・会社名"))
        {
            errors.MaxLength("Organization", input.Organization, 200, "所属・会社名");
        }
        if (input.Kind == RoomEntryKind.Staff)
        {
            errors.Required("Name", input.Name, "職員の氏名");
        }
        errors.MaxLength("Name", input.Name, 200, "氏名");
        if (errors.Required("Reason", input.Reason, "入室理由"))
        {
            errors.MaxLength("Reason", input.Reason, 400, "入室理由");
        }
        if (input.EnteredJst is { } inAt && input.ExitedJst is { } outAt && outAt < inAt)
        {
            errors.Add("ExitedAt", "退室日時が入室日時より前になっています。");
        }
        return errors;
    }

    private static DateTime ToUtc(DateTime jst) => DateTime.SpecifyKind(jst.AddHours(-9), DateTimeKind.Utc);

    /// <summary>Records or corrects one entry from the form.</summary>
    public static async Task<Outcome<RoomEntry>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, RoomEntryInput input, Guid? version,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = Validate(input);
        if (errors.Any)
        {
            return errors.Fail<RoomEntry>();
        }
        RoomEntry entry;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.RoomEntries, existing, version, "入退室の記録が見つかりません。", ct);
            if (found is null)
            {
                return failure!;
            }
            entry = found;
            entry.Organization = input.Organization!.Trim();
            entry.Reason = input.Reason!.Trim();
        }
        else
        {
            entry = new RoomEntry
            {
                MunicipalityId = municipalityId,
                Organization = input.Organization!.Trim(),
                Reason = input.Reason!.Trim(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.RoomEntries.Add(entry);
        }
        entry.EnteredAt = ToUtc(input.EnteredJst!.Value);
        entry.ExitedAt = input.ExitedJst is { } exit ? ToUtc(exit) : null;
        entry.Kind = input.Kind!.Value;
        entry.Name = Optional(input.Name);
        return await OptimisticSave.SaveAsync(db, entry, ct);
    }

    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["EnteredAt"] = "入室日時",
        ["ExitedAt"] = "退室日時",
        ["Kind"] = "区分",
        ["Organization"] = "所属・会社名",
        ["Name"] = "氏名",
        ["Reason"] = "入室理由",
    };

    /// <summary>Reads and checks every row of an entry file; returns the entries or the problems (row and column named).</summary>
    public static (List<RoomEntryInput> Entries, List<ImportProblem> Problems) ReadEntries(CsvTable table)
    {
        var problems = new List<ImportProblem>();
        foreach (var column in RequiredColumns.Where(c => table.IndexOf(c) < 0))
        {
            problems.Add(new ImportProblem(1, column, $"列「{column}」がありません。1行目に「{string.Join("・", Headers)}」の見出しを置いてください。"));
        }
        if (problems.Count > 0)
        {
            return ([], problems);
        }
        var entries = new List<RoomEntryInput>();
        foreach (var row in table.Rows)
        {
            string Get(string column) => table.IndexOf(column) is var i and >= 0 ? row[i].Trim() : string.Empty;
            DateTime? entered = null;
            DateTime? exited = null;
            if (TryParseDateTime(Get("入室日時"), out var inAt, out var inError))
            {
                entered = inAt;
            }
            else
            {
                problems.Add(new ImportProblem(row.RowNumber, "入室日時", inError!));
            }
            var exitText = Get("退室日時");
            if (exitText.Length > 0)
            {
                if (TryParseDateTime(exitText, out var outAt, out _))
                {
                    exited = outAt;
                }
                else if (entered is { } day && TimeOnly.TryParseExact(exitText.Normalize(NormalizationForm.FormKC), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    // A time alone means the same day as the entry.
                    exited = DateOnly.FromDateTime(day).ToDateTime(time);
                }
                else
                {
                    problems.Add(new ImportProblem(row.RowNumber, "退室日時", $"「{exitText}」は日時として読めません。2022/04/05 16:05 や 16:05（入室と同じ日）のように入力するか、空欄にしてください。"));
                }
            }
            var kindText = Get("区分");
            var input = new RoomEntryInput(entered, exited, RoomEntryKinds.Parse(kindText), Get("所属・会社名"), Get("氏名"), Get("入室理由"));
            foreach (var (field, messages) in Validate(input).ToDictionary())
            {
                if (field == "EnteredAt" && entered is null)
                {
                    continue;
                }
                foreach (var message in messages)
                {
                    problems.Add(new ImportProblem(row.RowNumber, ColumnOfField[field],
                        field == "Kind" && kindText.Length > 0 ? $"区分「{kindText}」は使えません。「職員」か「ベンダー等」にしてください。" : message));
                }
            }
            entries.Add(input);
        }
        if (entries.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(2, "", "取り込む行がありません。2行目から1行に1回の入室を入れてください。"));
        }
        return (entries, problems);
    }

    /// <summary>
    /// Imports entries all or nothing. An entry already recorded (same times, 区分, 所属, 氏名 and 理由) is not
    /// recorded twice, so importing the same file again changes nothing; identical rows within one file (two
    /// engineers of one company entering together) are all kept.
    /// </summary>
    public static async Task<RoomImportResult> ImportAsync(AppDbContext db, Guid municipalityId, CsvTable table, TimeProvider clock, CancellationToken ct)
    {
        var (entries, problems) = ReadEntries(table);
        if (problems.Count > 0)
        {
            return new RoomImportResult(0, 0, problems.OrderBy(p => p.Row).ToList());
        }
        var from = ToUtc(entries.Min(e => e.EnteredJst!.Value));
        var to = ToUtc(entries.Max(e => e.EnteredJst!.Value));
        var existing = (await db.RoomEntries.AsNoTracking().IgnoreQueryFilters()
                .Where(e => e.MunicipalityId == municipalityId && e.EnteredAt >= from && e.EnteredAt <= to)
                .Select(e => new { e.EnteredAt, e.ExitedAt, e.Kind, e.Organization, e.Name, e.Reason }).ToListAsync(ct))
            .GroupBy(e => Key(e.EnteredAt, e.ExitedAt, e.Kind, e.Organization, e.Name, e.Reason))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var imported = 0;
        var skipped = 0;
        foreach (var input in entries)
        {
            var entry = new RoomEntry
            {
                MunicipalityId = municipalityId,
                EnteredAt = ToUtc(input.EnteredJst!.Value),
                ExitedAt = input.ExitedJst is { } exit ? ToUtc(exit) : null,
                Kind = input.Kind!.Value,
                Organization = input.Organization!.Trim(),
                Name = Optional(input.Name),
                Reason = input.Reason!.Trim(),
                CreatedAt = now,
            };
            var key = Key(entry.EnteredAt, entry.ExitedAt, entry.Kind, entry.Organization, entry.Name, entry.Reason);
            if (existing.TryGetValue(key, out var left) && left > 0)
            {
                existing[key] = left - 1;
                skipped++;
                continue;
            }
            db.RoomEntries.Add(entry);
            imported++;
        }
        await db.SaveChangesAsync(ct);
        return new RoomImportResult(imported, skipped, [], FiscalYear.Of(DateOnly.FromDateTime(entries.Max(e => e.EnteredJst!.Value))));
    }

    private static string Key(DateTime entered, DateTime? exited, RoomEntryKind kind, string organization, string? name, string reason) =>
        string.Join('\u001F', entered.Ticks, exited?.Ticks, kind, organization, name, reason);

    /// <summary>Counts entries (JST entry time and 区分) month by month for one fiscal year; entries outside it are ignored.</summary>
    public static FiscalYearTable Tabulate(FiscalYear year, IEnumerable<(DateTime EnteredJst, RoomEntryKind Kind)> entries)
    {
        var staff = new int[12];
        var vendor = new int[12];
        foreach (var (at, kind) in entries)
        {
            var day = DateOnly.FromDateTime(at);
            if (!year.Contains(day))
            {
                continue;
            }
            var index = (day.Month + 8) % 12;
            if (kind == RoomEntryKind.Staff)
            {
                staff[index]++;
            }
            else
            {
                vendor[index]++;
            }
        }
        return new FiscalYearTable(year, year.Months().Select((m, i) => new MonthCount(m, staff[i], vendor[i])).ToList());
    }

    private static async Task<List<RoomEntry>> EntriesAsync(AppDbContext db, Guid municipalityId, FiscalYear from, FiscalYear to, CancellationToken ct)
    {
        var start = JapanTime.StartOfDayUtc(from.Start);
        var end = JapanTime.StartOfDayUtc(to.End.AddDays(1));
        return await db.RoomEntries.AsNoTracking().IgnoreQueryFilters()
            .Where(e => e.MunicipalityId == municipalityId && e.EnteredAt >= start && e.EnteredAt < end)
            .OrderBy(e => e.EnteredAt).ToListAsync(ct);
    }

    /// <summary>The fiscal-year table of a municipality.</summary>
    public static async Task<FiscalYearTable> FiscalYearAsync(AppDbContext db, Guid municipalityId, FiscalYear year, CancellationToken ct) =>
        Tabulate(year, (await EntriesAsync(db, municipalityId, year, year, ct)).Select(e => (e.EnteredJst, e.Kind)));

    /// <summary>
    /// The server-room part of the yearly report from one read of the entries: the table of each of the
    /// <paramref name="yearsShown"/> fiscal years up to <paramref name="year"/> (平成29年度 … 令和4年度) and the
    /// distinct 入室理由 of each category in <paramref name="year"/>, most frequent first.
    /// </summary>
    public static async Task<RoomSummary> SummaryAsync(AppDbContext db, Guid municipalityId, FiscalYear year, int yearsShown, CancellationToken ct)
    {
        var from = new FiscalYear(year.StartYear - yearsShown + 1);
        var entries = await EntriesAsync(db, municipalityId, from, year, ct);
        var years = Enumerable.Range(from.StartYear, yearsShown)
            .Select(y => Tabulate(new FiscalYear(y), entries.Select(e => (e.EnteredJst, e.Kind)))).ToList();
        var reasons = entries.Where(e => year.Contains(e.EnteredOn))
            .GroupBy(e => (e.Kind, e.Reason))
            .Select(g => new ReasonCount(g.Key.Kind, g.Key.Reason, g.Count()))
            .OrderBy(r => r.Kind).ThenByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return new RoomSummary(years, reasons);
    }

    /// <summary>
    /// The months from <paramref name="start"/> to <paramref name="end"/> (a calendar year, a 年度 up to a day) and the
    /// 入室理由 of those days; the table carries the 年度 the period ends in.
    /// </summary>
    public static async Task<(FiscalYearTable Months, IReadOnlyList<ReasonCount> Reasons)> RangeAsync(AppDbContext db, Guid municipalityId, DateOnly start, DateOnly end, CancellationToken ct)
    {
        var from = JapanTime.StartOfDayUtc(start);
        var to = JapanTime.StartOfDayUtc(end.AddDays(1));
        var entries = await db.RoomEntries.AsNoTracking().IgnoreQueryFilters()
            .Where(e => e.MunicipalityId == municipalityId && e.EnteredAt >= from && e.EnteredAt < to).ToListAsync(ct);
        var months = new List<MonthCount>();
        for (var m = new DateOnly(start.Year, start.Month, 1); m <= end; m = m.AddMonths(1))
        {
            var inMonth = entries.Where(e => e.EnteredOn.Year == m.Year && e.EnteredOn.Month == m.Month).ToList();
            months.Add(new MonthCount(m, inMonth.Count(e => e.Kind == RoomEntryKind.Staff), inMonth.Count(e => e.Kind != RoomEntryKind.Staff)));
        }
        var reasons = entries.GroupBy(e => (e.Kind, e.Reason))
            .Select(g => new ReasonCount(g.Key.Kind, g.Key.Reason, g.Count()))
            .OrderBy(r => r.Kind).ThenByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal)
            .ToList();
        return (new FiscalYearTable(FiscalYear.Of(end), months), reasons);
    }

    /// <summary>The fiscal years that have entries, newest first (for the year picker).</summary>
    public static async Task<List<FiscalYear>> YearsWithEntriesAsync(AppDbContext db, CancellationToken ct)
    {
        var range = await db.RoomEntries.AsNoTracking().GroupBy(_ => 1)
            .Select(g => new { Min = g.Min(e => e.EnteredAt), Max = g.Max(e => e.EnteredAt) }).FirstOrDefaultAsync(ct);
        if (range is null)
        {
            return [];
        }
        var first = FiscalYear.Of(DateOnly.FromDateTime(JapanTime.FromUtc(range.Min)));
        var last = FiscalYear.Of(DateOnly.FromDateTime(JapanTime.FromUtc(range.Max)));
        return Enumerable.Range(first.StartYear, last.StartYear - first.StartYear + 1).Reverse().Select(y => new FiscalYear(y)).ToList();
    }
}
