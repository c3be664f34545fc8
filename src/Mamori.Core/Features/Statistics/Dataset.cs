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

/// <summary>
/// A column of a dataset: an input read from the file, or a figure computed from the inputs. A divisor (人口) must
/// not be 0, since the rates are shares of it.
/// </summary>
public sealed record StatColumn(string Key, string Name, bool IsInput, bool IsPercent = false, bool IsDivisor = false)
{
    /// <summary>The column's heading in tables and downloads: 人口, 申請率（%）.</summary>
    public string Heading => IsPercent ? Name + "（%）" : Name;
}

/// <summary>
/// The definition of a statistics dataset: its columns (inputs and computed ones), what a row is (a municipality,
/// a fiscal year) and how the computed figures follow from the inputs.
/// </summary>
public sealed record DatasetDefinition(
    string Key, string Name, string Description, PeriodKind PeriodKind, string LabelName, IReadOnlyList<string> LabelHeaders,
    IReadOnlyList<StatColumn> Columns, Func<IReadOnlyDictionary<string, long>, IReadOnlyDictionary<string, decimal>> Compute)
{
    public IEnumerable<StatColumn> Inputs => Columns.Where(c => c.IsInput);
    public IEnumerable<StatColumn> Computed => Columns.Where(c => !c.IsInput);

    /// <summary>The first row a file needs: 区名,人口,申請数,交付数.</summary>
    public string ExpectedHeadings => string.Join(",", Inputs.Select(c => c.Name).Prepend(LabelHeaders[0]));

    /// <summary>Whether a row label names the municipality itself (highlighted in tables and charts).</summary>
    public bool IsOwn(string label, string municipalityName) => PeriodKind == PeriodKind.AsOfDate && label == municipalityName;
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
