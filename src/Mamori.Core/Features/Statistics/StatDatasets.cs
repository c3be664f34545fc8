using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Statistics;

/// <summary>A column as typed on the definition page: its heading, kind, the headings it is computed from, digits, rounding.</summary>
public sealed record StatColumnInput
{
    /// <summary>The column's key when it already exists (its stored figures stay with it when it is renamed).</summary>
    public string? Key { get; init; }
    public string? Name { get; init; }
    public StatColumnKind Kind { get; init; }

    /// <summary>The headings of the columns it is computed from, separated by 、 or commas (申請数、人口).</summary>
    public string? Operands { get; init; }
    public int Digits { get; init; }
    public StatRounding Rounding { get; init; }
}

/// <summary>A dataset definition as typed on the page.</summary>
public sealed record StatDatasetInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public PeriodKind PeriodKind { get; init; }
    public string? LabelName { get; init; }
    public string? OwnLabel { get; init; }
    public IReadOnlyList<StatColumnInput> Columns { get; init; } = [];
}

/// <summary>Finding, defining and removing datasets, built-in and the office's own, and the operator's copy to every municipality.</summary>
public static class StatDatasets
{
    public const int MaxColumns = 30;
    public const string NotFound = "統計が見つかりません。一覧から選び直してください。";

    /// <summary>A dataset by key: a built-in one, or one the municipality defined.</summary>
    public static async Task<DatasetDefinition?> FindAsync(AppDbContext db, Guid municipalityId, string? key, CancellationToken ct)
    {
        if (Datasets.Find(key) is { } builtIn)
        {
            return builtIn;
        }
        var own = await db.StatDatasets.AsNoTracking().IgnoreQueryFilters().FirstOrDefaultAsync(d => d.MunicipalityId == municipalityId && d.Key == key, ct);
        return own?.ToDefinition();
    }

    /// <summary>Every dataset of the municipality: the built-in ones first, then its own by name.</summary>
    public static async Task<IReadOnlyList<DatasetDefinition>> AllAsync(AppDbContext db, Guid municipalityId, CancellationToken ct)
    {
        var own = await db.StatDatasets.AsNoTracking().IgnoreQueryFilters().Where(d => d.MunicipalityId == municipalityId).OrderBy(d => d.Name).ToListAsync(ct);
        return [.. Datasets.All, .. own.Select(d => d.ToDefinition())];
    }

    /// <summary>Defines a dataset (<paramref name="key"/> null) or changes one; the messages name the column row and field.</summary>
    public static async Task<Outcome<StatDataset>> SaveAsync(AppDbContext db, Guid municipalityId, string? key, StatDatasetInput input, Guid? version,
        TimeProvider clock, CancellationToken ct)
    {
        StatDataset? dataset = null;
        if (key is not null)
        {
            dataset = await db.StatDatasets.FirstOrDefaultAsync(d => d.Key == key, ct);
            if (dataset is null)
            {
                return Outcome<StatDataset>.NotFound(NotFound);
            }
            if (version is { } v && v != dataset.Version)
            {
                return Outcome<StatDataset>.Conflict(OptimisticSave.ConflictMessage);
            }
        }
        var (columns, errors) = Validate(input, dataset?.Columns ?? []);
        var name = input.Name?.Trim() ?? "";
        if (!errors.Any && (Datasets.All.Any(d => d.Name == name) || await db.StatDatasets.AnyAsync(d => d.Name == name && d.Key != key, ct)))
        {
            errors.Add(nameof(StatDatasetInput.Name), $"「{name}」という統計はすでにあります。別の名称にしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<StatDataset>();
        }
        if (dataset is null)
        {
            dataset = new StatDataset { MunicipalityId = municipalityId, Key = "u-" + Guid.NewGuid().ToString("N")[..8], Name = name, LabelName = "" };
            db.StatDatasets.Add(dataset);
        }
        dataset.Name = name;
        dataset.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        dataset.PeriodKind = input.PeriodKind;
        dataset.LabelName = input.PeriodKind == PeriodKind.FiscalYear ? "年度" : input.LabelName!.Trim();
        dataset.OwnLabel = input.PeriodKind == PeriodKind.FiscalYear || string.IsNullOrWhiteSpace(input.OwnLabel) ? null : input.OwnLabel.Trim();
        dataset.ColumnsJson = StatDataset.ToJson(columns);
        dataset.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        dataset.Version = Guid.NewGuid();
        return await OptimisticSave.SaveAsync(db, dataset, ct);
    }

    /// <summary>
    /// The columns of the input (blank rows skipped), with keys kept for columns that existed, or the problems: each
    /// names the column's row on the page (列1, 列2 …) and what to correct.
    /// </summary>
    public static (IReadOnlyList<StatColumn> Columns, FieldErrors Errors) Validate(StatDatasetInput input, IReadOnlyList<StatColumn> existing)
    {
        var errors = new FieldErrors();
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 60)
        {
            errors.Add(nameof(StatDatasetInput.Name), "統計の名称を60文字以内で入力してください。");
        }
        if (!Enum.IsDefined(input.PeriodKind))
        {
            errors.Add(nameof(StatDatasetInput.PeriodKind), "行が何の数か（基準日の団体ごと、年度ごと）を選んでください。");
        }
        var labelName = input.PeriodKind == PeriodKind.FiscalYear ? "年度" : input.LabelName?.Trim() ?? "";
        if (labelName.Length is 0 or > 20)
        {
            errors.Add(nameof(StatDatasetInput.LabelName), "行の見出し（区名、施設名など）を20文字以内で入力してください。");
        }
        var typed = input.Columns.Select((c, i) => (Input: c, Row: i + 1)).Where(c => !string.IsNullOrWhiteSpace(c.Input.Name)).ToList();
        if (typed.Count == 0)
        {
            errors.Add("Columns", "列を1つ以上入力してください。");
        }
        if (typed.Count > MaxColumns)
        {
            errors.Add("Columns", $"列は{MaxColumns}までです。");
        }
        var keys = new HashSet<string>(existing.Select(c => c.Key), StringComparer.Ordinal);
        var next = existing.Select(c => c.Key).Where(k => k.StartsWith('c') && int.TryParse(k[1..], out _)).Select(k => int.Parse(k[1..], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
        var columns = new List<StatColumn>();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (c, row) in typed)
        {
            var field = $"Columns[{row - 1}]";
            var heading = c.Name!.Trim();
            var where = $"列{row}「{heading}」";
            if (heading.Length > 40)
            {
                errors.Add(field, $"{where}: 見出しは40文字以内にしてください。");
            }
            if (byName.ContainsKey(heading) || heading == labelName)
            {
                errors.Add(field, $"{where}: 同じ見出しの列がほかにあります。見出しは列ごとに変えてください。");
            }
            if (!Enum.IsDefined(c.Kind) || !Enum.IsDefined(c.Rounding))
            {
                errors.Add(field, $"{where}: 列の種類と丸め方を選んでください。");
            }
            if (c.Digits is < 0 or > 3)
            {
                errors.Add(field, $"{where}: 小数の桁数は0から3で入力してください。");
            }
            var operands = new List<string>();
            if (c.Kind != StatColumnKind.Input)
            {
                var names = (c.Operands ?? "").Split(['、', ',', '，', '+', '＋', '-', '－', '/', '÷'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                foreach (var operand in names)
                {
                    if (byName.TryGetValue(operand, out var k))
                    {
                        operands.Add(k);
                    }
                    else
                    {
                        errors.Add(field, $"{where}: 計算に使う列「{operand}」が、この列より前にありません。前の列の見出しを書いてください。");
                    }
                }
                var wanted = c.Kind == StatColumnKind.Sum ? "2つ以上" : "2つ";
                if (names.Length < 2 || (c.Kind != StatColumnKind.Sum && names.Length != 2))
                {
                    errors.Add(field, $"{where}: {c.Kind.JapaneseName()}には計算に使う列を{wanted}書いてください（例：申請数、人口）。");
                }
            }
            var key = c.Key is { } existingKey && keys.Contains(existingKey) && columns.All(x => x.Key != existingKey) ? existingKey : $"c{++next}";
            byName[heading] = key;
            columns.Add(new StatColumn(key, heading, c.Kind)
            {
                Operands = operands,
                Digits = c.Kind == StatColumnKind.Input ? 0 : c.Digits,
                Rounding = c.Rounding,
            });
        }
        if (typed.Count > 0 && columns.All(c => !c.IsInput))
        {
            errors.Add("Columns", "ファイルから読む列（入力）を1つ以上にしてください。");
        }
        return (columns, errors);
    }

    /// <summary>Removes a dataset the office defined, with its rows and its public setting.</summary>
    public static async Task<Outcome<StatDataset>> DeleteAsync(AppDbContext db, string key, CancellationToken ct)
    {
        var dataset = await db.StatDatasets.FirstOrDefaultAsync(d => d.Key == key, ct);
        if (dataset is null)
        {
            return Outcome<StatDataset>.NotFound(NotFound);
        }
        db.StatRows.RemoveRange(await db.StatRows.Where(r => r.Dataset == key).ToListAsync(ct));
        db.StatDatasetSettings.RemoveRange(await db.StatDatasetSettings.Where(s => s.Dataset == key).ToListAsync(ct));
        db.StatDatasets.Remove(dataset);
        return await OptimisticSave.SaveAsync(db, dataset, ct);
    }

    /// <summary>
    /// The operator of a shared deployment hands one municipality's dataset to the others (the 23-ward card table
    /// imported once): its definition when the office defined it, and its rows, replacing the receivers' rows of the
    /// same periods. Runs as the system (the command line); returns the municipalities and rows written.
    /// </summary>
    public static async Task<Outcome<(int Municipalities, int Rows)>> PublishAsync(AppDbContext db, Guid fromId, string key, IReadOnlyList<Guid> toIds,
        TimeProvider clock, CancellationToken ct)
    {
        var definition = await FindAsync(db, fromId, key, ct);
        if (definition is null)
        {
            return Outcome<(int, int)>.NotFound(NotFound);
        }
        var source = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == fromId).Select(m => m.Name).FirstAsync(ct);
        var rows = await db.StatRows.AsNoTracking().IgnoreQueryFilters().Where(r => r.MunicipalityId == fromId && r.Dataset == key).ToListAsync(ct);
        var periods = rows.Select(r => r.Period).Distinct().ToList();
        var custom = definition.IsCustom ? await db.StatDatasets.AsNoTracking().IgnoreQueryFilters().FirstAsync(d => d.MunicipalityId == fromId && d.Key == key, ct) : null;
        var written = 0;
        foreach (var to in toIds.Where(t => t != fromId).Distinct())
        {
            if (custom is not null)
            {
                var mine = await db.StatDatasets.IgnoreQueryFilters().FirstOrDefaultAsync(d => d.MunicipalityId == to && d.Key == key, ct);
                if (mine is null)
                {
                    mine = new StatDataset { MunicipalityId = to, Key = key, Name = custom.Name, LabelName = custom.LabelName };
                    db.StatDatasets.Add(mine);
                }
                mine.Name = custom.Name;
                mine.Description = custom.Description;
                mine.PeriodKind = custom.PeriodKind;
                mine.LabelName = custom.LabelName;
                mine.ColumnsJson = custom.ColumnsJson;
                mine.PublishedFrom = source;
                mine.UpdatedAt = clock.GetUtcNow().UtcDateTime;
                mine.Version = Guid.NewGuid();
            }
            db.StatRows.RemoveRange(await db.StatRows.IgnoreQueryFilters().Where(r => r.MunicipalityId == to && r.Dataset == key && periods.Contains(r.Period)).ToListAsync(ct));
            db.StatRows.AddRange(rows.Select(r => new StatRow
            {
                MunicipalityId = to,
                Dataset = key,
                Period = r.Period,
                Label = r.Label,
                SortOrder = r.SortOrder,
                ValuesJson = r.ValuesJson,
                SuppliedJson = r.SuppliedJson,
            }));
            written += rows.Count;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<(int, int)>.Success((toIds.Count(t => t != fromId), written));
    }
}
