using System.Diagnostics;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Register;
using Mamori.Tests.Infrastructure;

// End-to-end timing of the register with 500 files (issue: "lists, filters and exports in well under
// a second"). Runs the real app in-process over HTTP on SQLite, and on PostgreSQL when
// MAMORI_TEST_POSTGRES is set. Usage: dotnet run -c Release --project bench/Mamori.Bench [-- iterations]
// `-- web [seconds [page]]` loads the app over real sockets with wrk (WebBench.cs); `-- notices [rounds]` times the notice scheduler instead (NoticeBench.cs); `-- accounts [rounds]` a system's account
// import and check (AccountBench.cs).
// WebApplicationFactory reads its content-root manifest from the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
if (args.FirstOrDefault() == "accounts")
{
    await Mamori.Bench.AccountBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var a) ? a : 5);
    return;
}
if (args.FirstOrDefault() == "web")
{
    await Mamori.Bench.WebBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var seconds) ? seconds : 30, args.Length > 2 ? args[2] : null);
    return;
}
if (args.FirstOrDefault() == "notices")
{
    await Mamori.Bench.NoticeBench.RunAsync(args.Length > 1 && int.TryParse(args[1], out var r) ? r : 10);
    return;
}
var iterations = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 30;
const double BaselineMs = 1000;
const int Files = 500;

Console.WriteLine($"Register with {Files} files, {iterations} requests each; baseline: {BaselineMs:F0} ms (\"well under a second\")");
Console.WriteLine($"{"database",-9} {"request",-44} {"median ms",10} {"p95 ms",8} {"max ms",8} {"baseline",9}");
foreach (var provider in TestDatabases.Providers)
{
    await using var factory = new MamoriFactory(provider);
    _ = factory.Server;
    var tenant = await TestTenant.CreateAsync(factory, "計測市");
    await Mamori.Bench.RegisterSeed.SeedAsync(factory, tenant, Files);

    using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
    using var anonymous = Browser.Anonymous(factory);
    var requests = new (string Name, Browser Client, string Url)[]
    {
        ("list (事務局, all 500)", office, "/register"),
        ("filter (keyword + 法定 + 特定)", office, "/register?q=住民基本台帳&statutory=true&specific=true"),
        ("API list (JSON)", office, "/api/v1/register"),
        ("export CSV (API, published)", office, "/api/v1/register/export"),
        ("public list", anonymous, $"/public/{tenant.Code}/register"),
        ("public export CSV Shift_JIS", anonymous, $"/public/{tenant.Code}/register/export?encoding=sjis"),
        ("public export Excel", anonymous, $"/public/{tenant.Code}/register/export?format=xlsx"),
    };
    foreach (var (name, client, url) in requests)
    {
        (await client.GetAsync(url)).EnsureSuccessStatusCode();
        var times = new List<double>();
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(url);
            _ = await response.Content.ReadAsByteArrayAsync();
            sw.Stop();
            response.EnsureSuccessStatusCode();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[(int)Math.Min(times.Count - 1, Math.Ceiling(times.Count * 0.95) - 1)];
        Console.WriteLine($"{provider,-9} {name,-44} {median,10:F1} {p95,8:F1} {times[^1],8:F1} {BaselineMs,9:F0}");
    }
}
