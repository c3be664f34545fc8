using Microsoft.Extensions.Configuration;

namespace Mamori.Core.Csv;

/// <summary>
/// How much an imported table may hold (ASVS 12.1, 5.2.3): rows (<c>Mamori:Import:MaxRows</c>, 100,000) and the
/// size of an .xlsx workbook once unpacked (<c>Mamori:Import:MaxUnpackedMegabytes</c>, 50 MB). Real files are far
/// below both; a workbook that unpacks to gigabytes, or a sheet of a million rows, is refused before it fills memory.
/// </summary>
public sealed record ImportLimits(int MaxRows, long MaxUnpackedBytes)
{
    public static ImportLimits Default { get; } = new(100_000, 50L * 1024 * 1024);

    /// <summary>The limits in force; set once at start-up from configuration.</summary>
    public static ImportLimits Current { get; private set; } = Default;

    public static void Configure(IConfiguration config) => Current = new ImportLimits(
        config.GetValue("Mamori:Import:MaxRows", Default.MaxRows),
        config.GetValue("Mamori:Import:MaxUnpackedMegabytes", Default.MaxUnpackedBytes / 1024 / 1024) * 1024 * 1024);

    /// <summary>The message when a file has more data rows than <see cref="MaxRows"/>.</summary>
    public string TooManyRows(string fileName) =>
        $"{fileName} は {MaxRows:N0} 行を超えています。{MaxRows:N0} 行以下のファイルに分けて取り込んでください。何も取り込んでいません。";
}
