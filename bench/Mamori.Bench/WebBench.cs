using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;

namespace Mamori.Bench;

/// <summary>
/// The web app under load: the real app on Kestrel (a socket, not the in-memory test server), a municipality with 500
/// published register files and a council's minutes, loaded by wrk (a separate process, so the load generator's work is
/// not the server's) at 50 and 200 connections on the public register, the register list API, the minutes search API,
/// /health and the home page of each role, on SQLite and on PostgreSQL when MAMORI_TEST_POSTGRES is set (directly and through
/// nginx configured as docs/deploy/nginx.conf). Prints p50/p99,
/// requests per second and errors beside the target (p99 under 100 ms on a quiet machine, no errors), and the server's
/// memory. Needs wrk (Debian: apt-get install wrk).
/// </summary>
public static partial class WebBench
{
    private const double TargetP99Ms = 100;
    private const int Files = 500;

    public static async Task RunAsync(int seconds, string? only = null)
    {
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.WriteLine("wrk がありません（apt-get install wrk）。");
            return;
        }
        Console.WriteLine($"Web under load: wrk, {seconds} s per page and connection count, 2 threads; {Environment.ProcessorCount} cores; target p99 < {TargetP99Ms} ms, 0 errors");
        Console.WriteLine($"{"database",-15} {"page",-34} {"conn",5} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"errors",7} {"target",7}");
        foreach (var provider in TestDatabases.Providers)
        {
            await using var factory = new MamoriFactory(provider);
            var port = PublishedApp.FreePort();
            factory.UseKestrel(port);
            factory.StartServer();
            var address = new Uri($"http://127.0.0.1:{port}/");
            var tenant = await TestTenant.CreateAsync(factory, "計測市");
            await RegisterSeed.SeedAsync(factory, tenant, Files);
            var sessions = new Dictionary<UserRole, AppSession>();
            foreach (var role in new[] { UserRole.Office, UserRole.Department, UserRole.Member, UserRole.Security, UserRole.Auditor })
            {
                sessions[role] = await AppSession.SignInAsync(address, tenant.LoginFields(tenant.UserName(role)));
            }
            using (var imported = await sessions[UserRole.Office].PostFormAsync("/council/minutes/import?handler=Import",
                new() { ["Text"] = Minutes(), ["FileName"] = "計測.txt", ["Council"] = "new" }))
            {
                if (imported.StatusCode != HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"会議録の取込みが {(int)imported.StatusCode} でした。");
                }
            }
            var pages = new (string Name, string Url, AppSession? Session)[]
            {
                ("public register (500 files)", $"/public/{tenant.Code}/register", null),
                ("register list API (500)", "/api/v1/register", sessions[UserRole.Office]),
                ("minutes search API", "/api/v1/minutes/search?q=" + Uri.EscapeDataString("個人情報"), sessions[UserRole.Office]),
                ("/health", "/health", null),
                ("home 事務局", "/", sessions[UserRole.Office]),
                ("home 所管課", "/", sessions[UserRole.Department]),
                ("home 委員", "/", sessions[UserRole.Member]),
                ("home セキュリティ担当", "/", sessions[UserRole.Security]),
                ("home 監査", "/", sessions[UserRole.Auditor]),
            };
            // PostgreSQL is also measured through nginx, as several instances are run (one instance behind it here).
            using var proxy = provider == DatabaseProvider.Postgres ? Proxy.Start(port) : null;
            var routes = new List<(string Label, Uri Address)> { (provider.ToString(), address) };
            if (proxy is not null)
            {
                routes.Add(($"{provider}+nginx", proxy.Address));
            }
            foreach (var (label, root) in routes)
            {
                foreach (var (name, url, session) in pages.Where(p => only is null || p.Name.Contains(only, StringComparison.Ordinal)))
                {
                    foreach (var connections in new[] { 50, 200 })
                    {
                        var result = await WrkAsync(new Uri(root, url), session?.CookieHeader, connections, seconds);
                        var met = result.P99Ms < TargetP99Ms && result.Errors == 0 ? "met" : "not met";
                        Console.WriteLine($"{label,-15} {name,-34} {connections,5} {result.PerSecond,9:F0} {result.P50Ms,8:F1} {result.P99Ms,8:F1} {result.Errors,7} {met,7}");
                    }
                }
            }
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"{provider,-15} server memory (this process): working set {self.WorkingSet64 / 1024 / 1024} MiB, peak {self.PeakWorkingSet64 / 1024 / 1024} MiB");
        }
    }

    private sealed record WrkResult(double PerSecond, double P50Ms, double P99Ms, long Errors);

    private static async Task<WrkResult> WrkAsync(Uri url, string? cookie, int connections, int seconds)
    {
        var info = new ProcessStartInfo("/usr/bin/wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-t2", $"-c{connections}", $"-d{seconds}s", "--latency", "--timeout", "10s" })
        {
            info.ArgumentList.Add(a);
        }
        if (!string.IsNullOrEmpty(cookie))
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add("Cookie: " + cookie);
        }
        info.ArgumentList.Add(url.AbsoluteUri);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        double Latency(string percentile) => Milliseconds(Regex.Match(output, $@"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline));
        // A run in which no request finished prints no rates: nothing was served.
        var perSecond = PerSecondLine().Match(output) is { Success: true } rate ? double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        long errors = 0;
        if (Non2xx().Match(output) is { Success: true } bad)
        {
            errors += long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        if (SocketErrors().Match(output) is { Success: true } socket)
        {
            errors += Enumerable.Range(1, 4).Sum(g => long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture));
        }
        return new WrkResult(perSecond, Latency("50"), Latency("99"), errors);
    }

    private static double Milliseconds(Match m) => !m.Success ? double.NaN : double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * m.Groups[2].Value switch
    {
        "us" => 0.001,
        "s" => 1000,
        _ => 1,
    };


    private static string Minutes()
    {
        var text = new StringBuilder();
        text.AppendLine("令和６年度第１回計測市個人情報保護審議会　会議録").AppendLine();
        text.AppendLine("１　開催日時　令和６年５月１０日　午前１０時００分～午前１１時３０分");
        text.AppendLine("２　開催場所　計測市役所　本館３階　第１会議室");
        text.AppendLine("３　出席委員　青木一郎（会長）、石井花子").AppendLine();
        for (var i = 0; i < 400; i++)
        {
            text.AppendLine(i % 2 == 0 ? $"○石井委員　個人情報の取扱いについて第{i}の質問をします。委託先の管理はどうなっていますか。" : $"○会長　第{i}の点は事務局から説明します。個人情報ファイル簿に記載しています。");
        }
        return text.ToString();
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex PerSecondLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
