using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Statistics;

/// <summary>What a dataset's rows are counted over: a reference date (基準日) or a fiscal year (年度).</summary>
public enum PeriodKind
{
    AsOfDate,
    FiscalYear,
}

/// <summary>How a column's figure is had: read from the file, or computed from the columns before it.</summary>
public enum StatColumnKind
{
    /// <summary>入力: read from the file.</summary>
    Input,

    /// <summary>合計: the sum of its operands.</summary>
    Sum,

    /// <summary>差: the first operand less the second.</summary>
    Difference,

    /// <summary>率（%）: the first operand as a percentage of the second.</summary>
    Rate,

    /// <summary>比: the first operand divided by the second.</summary>
    Ratio,
}

/// <summary>How a computed figure is rounded to its digits.</summary>
public enum StatRounding
{
    /// <summary>四捨五入.</summary>
    HalfUp,

    /// <summary>切り捨て.</summary>
    Down,

    /// <summary>切り上げ.</summary>
    Up,
}

/// <summary>
/// A column of a dataset: an input read from the file, or a figure computed from earlier columns (a sum, a
/// difference, a rate or a ratio) rounded to <see cref="Digits"/> decimals by <see cref="Rounding"/>.
/// </summary>
public sealed record StatColumn(string Key, string Name, StatColumnKind Kind = StatColumnKind.Input)
{
    /// <summary>The keys of the columns it is computed from, in order (a rate: the part, then the whole).</summary>
    public IReadOnlyList<string> Operands { get; init; } = [];

    public int Digits { get; init; }

    public StatRounding Rounding { get; init; } = StatRounding.HalfUp;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsInput => Kind == StatColumnKind.Input;

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsPercent => Kind == StatColumnKind.Rate;

    /// <summary>The column's heading in tables and downloads: 人口, 申請率（%）.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Heading => IsPercent ? Name + "（%）" : Name;

    public bool Equals(StatColumn? other) =>
        other is not null && Key == other.Key && Name == other.Name && Kind == other.Kind && Operands.SequenceEqual(other.Operands)
        && Digits == other.Digits && Rounding == other.Rounding;

    public override int GetHashCode() => HashCode.Combine(Key, Name, Kind, Digits, Rounding);
}

/// <summary>
/// The definition of a statistics dataset: its columns (inputs and computed ones), what a row is (a municipality on a
/// 基準日, a fiscal year) and which row is the municipality itself. Built-in datasets are written in code; the office
/// defines its own on a page (<see cref="StatDataset"/>).
/// </summary>
public sealed record DatasetDefinition(
    string Key, string Name, string Description, PeriodKind PeriodKind, string LabelName, IReadOnlyList<string> LabelHeaders,
    IReadOnlyList<StatColumn> Columns)
{
    /// <summary>The row that is the municipality itself when its name in the table differs from the registered one (東京都千代田区).</summary>
    public string? OwnLabel { get; init; }

    /// <summary>Whether the office defined it (it can be changed and removed) rather than Mamori.</summary>
    public bool IsCustom { get; init; }

    public IEnumerable<StatColumn> Inputs => Columns.Where(c => c.IsInput);
    public IEnumerable<StatColumn> Computed => Columns.Where(c => !c.IsInput);

    /// <summary>The first row a file needs: 区名,人口,申請数,交付数.</summary>
    public string ExpectedHeadings => string.Join(",", Inputs.Select(c => c.Name).Prepend(LabelHeaders[0]));

    /// <summary>Whether a row label names the municipality itself (highlighted in tables and charts).</summary>
    public bool IsOwn(string label, string municipalityName) => PeriodKind == PeriodKind.AsOfDate && label == (OwnLabel ?? municipalityName);

    /// <summary>An input another column divides by (人口): it may not be 0.</summary>
    public bool IsDivisor(StatColumn column) =>
        column.IsInput && Columns.Any(c => c.Kind is StatColumnKind.Rate or StatColumnKind.Ratio && c.Operands.Count == 2 && c.Operands[1] == column.Key);

    /// <summary>
    /// The computed figures of a row, column by column in order (a column may use one computed before it); a
    /// figure divided by 0 is left out (shown as 「－」).
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Compute(IReadOnlyDictionary<string, long> inputs)
    {
        var values = inputs.ToDictionary(v => v.Key, v => (decimal)v.Value, StringComparer.Ordinal);
        var computed = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var column in Computed)
        {
            if (StatFormulas.Evaluate(column, key => values.TryGetValue(key, out var v) ? v : null) is { } value)
            {
                values[column.Key] = value;
                computed[column.Key] = value;
            }
        }
        return computed;
    }
}

/// <summary>One row of a dataset for one period: the municipality or year it is about and its input figures.</summary>
[Label("統計の行")]
public sealed class StatRow : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The dataset key (mynumber-cards, convenience, juki-net).</summary>
    [Label("データセット")]
    public required string Dataset { get; init; }

    /// <summary>2023-10-31 (基準日) or 2022 (年度).</summary>
    [Label("基準日・年度")]
    public required string Period { get; init; }

    /// <summary>The row's name: 千代田区, or 令和4年度.</summary>
    [Label("団体・年度")]
    public required string Label { get; init; }

    /// <summary>The order of the row in the imported file.</summary>
    [Label("表示順")]
    public int SortOrder { get; init; }

    /// <summary>The input figures by column key, as JSON.</summary>
    [Label("数値")]
    public string ValuesJson { get; set; } = "{}";

    public IReadOnlyDictionary<string, long> Values => JsonSerializer.Deserialize<Dictionary<string, long>>(ValuesJson) ?? [];

    /// <summary>
    /// Totals and rates the file gave that differ from the computed ones and that the office chose to keep, by column
    /// key, as JSON (null when none).
    /// </summary>
    [Label("提出値")]
    public string? SuppliedJson { get; set; }

    public IReadOnlyDictionary<string, decimal> Supplied =>
        SuppliedJson is null ? new Dictionary<string, decimal>() : JsonSerializer.Deserialize<Dictionary<string, decimal>>(SuppliedJson) ?? [];
}

/// <summary>Whether a dataset appears on the municipality's public statistics page.</summary>
[Label("統計の公開設定")]
public sealed class StatDatasetSetting : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("データセット")]
    public required string Dataset { get; init; }

    [Label("公開")]
    public bool IsPublic { get; set; }
}

internal sealed class StatRowConfiguration : IEntityTypeConfiguration<StatRow>
{
    public void Configure(EntityTypeBuilder<StatRow> b)
    {
        b.Property(x => x.Dataset).HasMaxLength(40);
        b.Property(x => x.Period).HasMaxLength(10);
        b.Property(x => x.Label).HasMaxLength(100);
        b.Ignore(x => x.Values);
        b.Ignore(x => x.Supplied);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Dataset, x.Period, x.Label }).IsUnique();
    }
}

internal sealed class StatDatasetSettingConfiguration : IEntityTypeConfiguration<StatDatasetSetting>
{
    public void Configure(EntityTypeBuilder<StatDatasetSetting> b)
    {
        b.Property(x => x.Dataset).HasMaxLength(40);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Dataset }).IsUnique();
    }
}
