using System.Text.Json;
using System.Text.Json.Serialization;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Statistics;

/// <summary>
/// A statistics dataset the office defined on a page (no release needed): its columns with their formulas and
/// rounding, what a row is, and the row that is the municipality itself.
/// </summary>
[Label("統計の定義")]
public sealed class StatDataset : IMunicipalityOwned, IVersioned
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The key in addresses and files (u-3f2a9c1b); never one of the built-in keys.</summary>
    [Label("キー")]
    public required string Key { get; init; }

    [Label("名称")]
    public required string Name { get; set; }

    [Label("説明")]
    public string? Description { get; set; }

    [Label("期間の種類")]
    public PeriodKind PeriodKind { get; set; }

    /// <summary>The heading of the label column in files (区名, 施設名; 年度 for yearly tables).</summary>
    [Label("行の見出し")]
    public required string LabelName { get; set; }

    [Label("本団体の行")]
    public string? OwnLabel { get; set; }

    [Label("列")]
    public string ColumnsJson { get; set; } = "[]";

    /// <summary>Copied from another municipality by the operator of a shared deployment (運用者が配布).</summary>
    [Label("配布元")]
    public string? PublishedFrom { get; set; }

    [Label("更新日時")]
    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<StatColumn> Columns => JsonSerializer.Deserialize<List<StatColumn>>(ColumnsJson, Json) ?? [];

    public static string ToJson(IReadOnlyList<StatColumn> columns) => JsonSerializer.Serialize(columns, Json);

    public DatasetDefinition ToDefinition() =>
        new(Key, Name, Description ?? "", PeriodKind, LabelName, PeriodKind == PeriodKind.FiscalYear ? ["年度"] : [LabelName], Columns)
        {
            OwnLabel = OwnLabel,
            IsCustom = true,
        };
}

internal sealed class StatDatasetConfiguration : IEntityTypeConfiguration<StatDataset>
{
    public void Configure(EntityTypeBuilder<StatDataset> b)
    {
        b.Property(x => x.Key).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(60);
        b.Property(x => x.Description).HasMaxLength(500);
        b.Property(x => x.LabelName).HasMaxLength(20);
        b.Property(x => x.OwnLabel).HasMaxLength(100);
        b.Property(x => x.PublishedFrom).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Columns);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.MunicipalityId, x.Name }).IsUnique();
    }
}
