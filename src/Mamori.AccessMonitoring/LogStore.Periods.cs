using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Mamori.AccessMonitoring;

/// <summary>A stored file: its name, its rows, the first and last access it holds, and the months it fell in.</summary>
public sealed record StoredPeriod(string Name, long Rows, DateTime From, DateTime To, IReadOnlyList<string> Months);

/// <summary>
/// The periods the stored files cover. A system exports its log again (another cut-off, a fix, a re-send with other
/// bytes): the file is recognised by its period, not only by its bytes, and refused or, when asked, put in place of
/// what was stored for that period.
/// </summary>
public sealed partial class LogStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every stored file's period, oldest first.</summary>
    public IReadOnlyList<StoredPeriod> StoredPeriods() =>
        [.. Directory.EnumerateFiles(ManifestDirectory).Select(ReadPeriod).OfType<StoredPeriod>().Where(p => p.Rows > 0).OrderBy(p => p.From)];

    /// <summary>
    /// Refuses a file whose period overlaps a stored file's (naming both), or, with <paramref name="replace"/>, removes the
    /// stored accesses of the file's period so that the file's rows take their place; returns the names of the files it
    /// overlapped.
    /// </summary>
    private IReadOnlyList<string> ClearOverlap(DuckDBConnection db, string file, StoredPeriod period, bool replace)
    {
        var overlapping = StoredPeriods().Where(p => p.From <= period.To && p.To >= period.From).ToList();
        if (overlapping.Count == 0)
        {
            return [];
        }
        if (!replace)
        {
            var first = overlapping.Min(p => p.From) < period.From ? period.From : overlapping.Min(p => p.From);
            var last = overlapping.Max(p => p.To) > period.To ? period.To : overlapping.Max(p => p.To);
            throw new LogInputException(file, 0, string.Empty,
                $"{Moment(first)}〜{Moment(last)} の記録は {string.Join("、", overlapping.Select(p => p.Name).Distinct())} で取り込み済みです。"
                + "同じアクセスを二度数えないよう、取り込みませんでした。出力し直したログで置き換えるときは「同じ期間の記録を置き換える」を選んでください。");
        }
        var range = $"ts BETWEEN TIMESTAMP '{period.From:yyyy-MM-dd HH:mm:ss.ffffff}' AND TIMESTAMP '{period.To:yyyy-MM-dd HH:mm:ss.ffffff}'";
        foreach (var month in Months(period.From, period.To))
        {
            foreach (var part in Directory.GetFiles(Path.Combine(LogDirectory, $"month={month}"), "*.parquet"))
            {
                if (DuckDb.Scalar<long>(db, $"SELECT count(*) FROM read_parquet({DuckDb.Quote(part)}) WHERE {range}") == 0)
                {
                    continue;
                }
                ForgetDaily(part);
                var kept = part + ".kept";
                DuckDb.Execute(db, $"COPY (SELECT * FROM read_parquet({DuckDb.Quote(part)}) WHERE NOT ({range})) TO {DuckDb.Quote(kept)} (FORMAT parquet, COMPRESSION zstd)");
                if (DuckDb.Scalar<long>(db, $"SELECT count(*) FROM read_parquet({DuckDb.Quote(kept)})") == 0)
                {
                    File.Delete(kept);
                    File.Delete(part);
                }
                else
                {
                    File.Move(kept, part, overwrite: true);
                }
            }
        }
        return [.. overlapping.Select(p => p.Name).Distinct()];
    }

    private static string Moment(DateTime at) => at.ToString("yyyy年M月d日 H:mm", CultureInfo.InvariantCulture);

    /// <summary>A stored file's record, or null when the file was not stored. Records of earlier builds held rows and months only.</summary>
    private static StoredPeriod? ReadPeriod(string marker)
    {
        if (!File.Exists(marker))
        {
            return null;
        }
        var text = File.ReadAllText(marker);
        if (text.StartsWith('{'))
        {
            return JsonSerializer.Deserialize<StoredPeriod>(text, Json);
        }
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new StoredPeriod(Path.GetFileName(marker), long.Parse(lines[0], CultureInfo.InvariantCulture), DateTime.MaxValue, DateTime.MinValue, lines.Skip(1).ToList());
    }

    private static void WritePeriod(string marker, StoredPeriod period) => File.WriteAllText(marker, JsonSerializer.Serialize(period, Json));
}
