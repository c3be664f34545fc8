using System.Diagnostics;
using System.Globalization;
using Mamori.AccessMonitoring;
using JapaneseCalendar = Mamori.Core.Japanese.JapaneseCalendar;

namespace Mamori.AccessBench;

/// <summary>
/// A large city (10,000 users, 300 accesses a user-day: 3 M rows a day, the background's own alerts at an office's
/// rates): 2 M, 20 M and 100 M rows ingested and analysed with the full pack, rows/s side by side so the growth shows,
/// beside the same SQL run directly in DuckDB up to <c>MAMORI_BENCH_RAW_MAX</c> rows (20 M by default: beyond, the
/// direct run holds every row in one table and spills for a long time); then the next day's 3 M rows stored into the
/// largest store and analysed with their history.
/// </summary>
internal static class Scale
{
    private static readonly LogShape City = new(Users: 10_000, AccessesPerUserDay: 300, Noise: 1);

    public static void Run(string[] args)
    {
        var root = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "mamori-access-scale");
        var sizes = (Environment.GetEnvironmentVariable("MAMORI_BENCH_SIZES") ?? "2000000,20000000,100000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var rawMax = long.Parse(Environment.GetEnvironmentVariable("MAMORI_BENCH_RAW_MAX") ?? "20000000", CultureInfo.InvariantCulture);
        Console.WriteLine($"a large city: {City.Users:N0} users, {City.AccessesPerUserDay} accesses a user-day ({City.Users * City.AccessesPerUserDay:N0} rows a day); {Environment.ProcessorCount} cores");
        var (store, dir, last) = ("", "", DateOnly.MinValue);
        foreach (var rows in sizes)
        {
            dir = Generate(root, $"log-{rows}", rows, null);
            var csv = Path.Combine(dir, "log.csv");
            (var first, last) = Phases.Period(csv);
            store = Fresh(Path.Combine(root, $"store-{rows}"));
            Console.WriteLine();
            Console.WriteLine($"{rows:N0} rows, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}");
            Child.Header();
            var ingest = Child.Run("ingest", csv, store);
            Child.Line("ingest: CSV → Parquet and daily aggregates", rows, ingest);
            var pack = Child.Run("pack", store, dir, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}");
            Child.Line($"full pack on the stored rows ({pack.S("runs"):F0} runs)", rows, pack);
            if (rows <= rawMax)
            {
                var raw = Child.Run("raw", dir);
                Child.Line("(a) rule SQL directly in DuckDB on the CSV, at once", rows, raw);
                Console.WriteLine($"  pack ÷ (a): {pack.S("cpuSeconds") / raw.S("cpuSeconds"):F2} × on CPU seconds (wall {pack.S("seconds") / raw.S("seconds"):F2} ×); target ≤ 1.3 ×");
            }
            else
            {
                Console.WriteLine($"  (a) not run above {rawMax:N0} rows (MAMORI_BENCH_RAW_MAX)");
            }
            Console.WriteLine($"  peak {Math.Max(ingest.S("peakMB"), pack.S("peakMB")):N0} MB (target < 4,000); store {Size(store) / 1e6:N0} MB, of which daily aggregates {Size(Path.Combine(store, "daily")) / 1e6:N0} MB");
        }

        // The next day, stored into the largest store and analysed with its history (its first open day after the log).
        var day = Generate(root, $"day-after-{sizes[^1]}", City.Users!.Value * (long)City.AccessesPerUserDay, last.AddDays(1));
        var (dayFirst, dayLast) = Phases.Period(Path.Combine(day, "log.csv"));
        var dayRows = File.ReadLines(Path.Combine(day, "log.csv")).LongCount() - 1;
        Console.WriteLine();
        Console.WriteLine($"the next day: {dayRows:N0} rows on {dayFirst:yyyy-MM-dd}..{dayLast:yyyy-MM-dd}, into the store of {sizes[^1]:N0} rows");
        Child.Header();
        var dayIngest = Child.Run("ingest", Path.Combine(day, "log.csv"), store);
        Child.Line("ingest", dayRows, dayIngest);
        var dayPack = Child.Run("pack", store, day, $"{dayFirst:yyyy-MM-dd}", $"{dayLast:yyyy-MM-dd}");
        Child.Line("full pack with its history", dayRows, dayPack);
        foreach (var step in dayPack["steps"].EnumerateObject().Where(s => s.Value.GetDouble() >= 0.05))
        {
            Console.WriteLine($"  {step.Name,-54} {step.Value.GetDouble(),9:F1}");
        }
        Console.WriteLine($"stored and analysed with its history: {dayIngest.S("seconds") + dayPack.S("seconds"):F1} s wall, "
            + $"{dayIngest.S("cpuSeconds") + dayPack.S("cpuSeconds"):F1} s CPU (target < 5 s)");
    }

    private static string Generate(string root, string name, long rows, DateOnly? start)
    {
        var dir = Path.Combine(root, name);
        if (!File.Exists(Path.Combine(dir, "log.csv")))
        {
            var started = Stopwatch.StartNew();
            var generated = LogGenerator.Generate(rows, 1, dir, JapaneseCalendar.IsClosed, start: start, shape: City);
            Console.WriteLine($"generated {generated.Rows:N0} rows ({new FileInfo(generated.Inputs.Logs[0]).Length / 1e9:F2} GB CSV) in {started.Elapsed.TotalSeconds:F1} s");
        }
        return dir;
    }

    private static string Fresh(string dir)
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }
        return dir;
    }

    private static long Size(string dir) =>
        Directory.Exists(dir) ? Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;
}
