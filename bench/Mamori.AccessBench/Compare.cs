using System.Globalization;
using Mamori.AccessMonitoring;
using JapaneseCalendar = Mamori.Core.Japanese.JapaneseCalendar;

namespace Mamori.AccessBench;

/// <summary>
/// The pack against the same SQL run directly in DuckDB and against PostgreSQL, on ROWS of a mid-sized office (2,000
/// users, 40 accesses a user-day, the background's own alerts at an office's rates and the planted violations).
/// </summary>
internal static class Compare
{
    public static void Run(string[] args)
    {
        var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 20_000_000;
        var root = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "mamori-access-bench");
        var dataDir = Path.Combine(root, $"log-{rows}");
        if (!File.Exists(Path.Combine(dataDir, "log.csv")))
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            var generated = LogGenerator.Generate(rows, 1, dataDir, JapaneseCalendar.IsClosed, shape: new LogShape(Noise: 1));
            Console.WriteLine($"generated {generated.Rows:N0} rows ({new FileInfo(generated.Inputs.Logs[0]).Length / 1e9:F2} GB CSV) in {started.Elapsed.TotalSeconds:F1} s");
        }
        var csv = Path.Combine(dataDir, "log.csv");
        var (first, last) = Phases.Period(csv);
        var store = Path.Combine(root, $"store-{rows}");
        if (Directory.Exists(store))
        {
            Directory.Delete(store, recursive: true);
        }
        Console.WriteLine($"{rows:N0} rows, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Child.Header();
        var ingest = Child.Run("ingest", csv, store);
        Child.Line("Mamori ingest: CSV → Parquet (checked, pseudonymised)", rows, ingest);
        var pack = Child.Run("pack", store, dataDir, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}");
        Child.Line($"Mamori full pack on the stored rows (R01–R15, {pack.S("runs"):F0} runs)", rows, pack);
        foreach (var step in pack["steps"].EnumerateObject())
        {
            Console.WriteLine($"  {step.Name,-54} {step.Value.GetDouble(),9:F1}");
        }
        var csvPack = Child.Run("csvpack", dataDir);
        Child.Line("Mamori full pack on the CSV (logs analyze)", rows, csvPack);
        var raw = Child.Run("raw", dataDir);
        Child.Line("(a) rule SQL directly in DuckDB on the CSV", rows, raw);
        var skipPostgres = Environment.GetEnvironmentVariable("MAMORI_BENCH_SKIP_POSTGRES") == "1";
        var pg = !skipPostgres && Environment.GetEnvironmentVariable("MAMORI_TEST_POSTGRES") is { Length: > 0 } connection ? Child.Run("pg", dataDir, connection) : null;
        if (pg is not null)
        {
            Console.WriteLine($"PostgreSQL settings: {pg["settings"].GetString()}");
            Child.Line("(b) PostgreSQL: COPY", rows, pg.S("copySeconds"), null, null, null);
            Child.Line("(b) PostgreSQL: equivalent SQL" + (pg.S("timedOut") > 0 ? $" ({pg.S("timedOut")} rules timed out)" : ""), rows, pg.S("sqlSeconds"), null, null, (long)pg.S("alerts"));
            Child.Line("(b) PostgreSQL: COPY + SQL", rows, pg.S("copySeconds") + pg.S("sqlSeconds"), null, null, null);
        }
        Console.WriteLine();
        Console.WriteLine($"targets: pack < 60 s → {pack.S("seconds"):F1} s; peak < 2,500 MB → {pack.S("peakMB"):N0} MB; ≤ 1.3 × (a) on CPU seconds → "
            + $"{pack.S("cpuSeconds") / raw.S("cpuSeconds"):F2} × (wall {pack.S("seconds") / raw.S("seconds"):F2} ×)"
            + (pg is null ? "" : $"; ≥ 5 × faster than (b) → {(pg.S("copySeconds") + pg.S("sqlSeconds")) / pack.S("seconds"):F1} ×"));
    }
}
