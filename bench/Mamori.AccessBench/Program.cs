using System.Diagnostics;
using System.Text.Json;
using Mamori.AccessBench;

// アクセスログ監視 benchmark. Each measurement runs in a child process so that its peak memory (VmHWM) and CPU
// seconds are its own. Usage:
//   dotnet run -c Release --project bench/Mamori.AccessBench [-- ROWS [DIR]]
//       ROWS (20 M by default) of a mid-sized office: the pack against the same SQL run directly in DuckDB, and
//       PostgreSQL COPY + equivalent SQL when MAMORI_TEST_POSTGRES is set (unless MAMORI_BENCH_SKIP_POSTGRES=1).
//   dotnet run -c Release --project bench/Mamori.AccessBench -- scale [DIR]
//       A large city (10,000 users, 3 M rows a day): 2 M, 20 M and 100 M rows (MAMORI_BENCH_SIZES to change them)
//       ingested and analysed, then the next day's 3 M rows stored and analysed with their history.
if (args is ["phase", ..])
{
    var result = Phases.Run(args[1..]);
    result["peakMB"] = Phases.PeakMegabytes();
    // CPU seconds of this process (every thread of DuckDB included): a busy machine stretches wall seconds, not these.
    result["cpuSeconds"] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    Console.WriteLine(JsonSerializer.Serialize(result));
    return;
}
if (args is ["scale", ..])
{
    Scale.Run(args[1..]);
    return;
}
Compare.Run(args);
