using System.Diagnostics;
using Mamori.Tests.Infrastructure;

namespace Mamori.Bench;

/// <summary>
/// nginx in front of the app as an operator runs it (the configuration of <c>docs/deploy/nginx.conf</c>, both upstreams
/// pointing at the one instance under load), on a free port of loopback; stopped when disposed.
/// </summary>
public sealed class Proxy : IDisposable
{
    private readonly string _dir;

    private Proxy(string dir, Uri address) => (_dir, Address) = (dir, address);

    public Uri Address { get; }

    /// <summary>nginx in front of <paramref name="appPort"/>, or null when nginx is not installed.</summary>
    public static Proxy? Start(int appPort)
    {
        const string Nginx = "/usr/sbin/nginx";
        if (!File.Exists(Nginx))
        {
            return null;
        }
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "docs", "deploy", "nginx.conf")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("docs/deploy/nginx.conf が見つかりません。");
        }
        var dir = Directory.CreateTempSubdirectory("mamori-bench-proxy-").FullName;
        foreach (var temp in new[] { "body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Directory.CreateDirectory(Path.Combine(dir, "temp", temp));
        }
        var port = PublishedApp.FreePort();
        var conf = File.ReadAllText(Path.Combine(root, "docs", "deploy", "nginx.conf"))
            .Replace("@DIR@", dir, StringComparison.Ordinal).Replace("@LISTEN@", $"127.0.0.1:{port}", StringComparison.Ordinal)
            .Replace("@A@", $"127.0.0.1:{appPort}", StringComparison.Ordinal).Replace("@B@", $"127.0.0.1:{appPort}", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), conf);
        var start = new ProcessStartInfo(Nginx) { UseShellExecute = false, RedirectStandardError = true };
        foreach (var a in new[] { "-c", Path.Combine(dir, "nginx.conf"), "-p", dir, "-g", $"pid {dir}/nginx.pid; error_log {dir}/error.log;" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        process.WaitForExit(30_000);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("nginx が起動しません: " + process.StandardError.ReadToEnd());
        }
        return new Proxy(dir, new Uri($"http://127.0.0.1:{port}/"));
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(_dir, "nginx.pid")) && int.TryParse(File.ReadAllText(Path.Combine(_dir, "nginx.pid")).Trim(), out var pid))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
        Directory.Delete(_dir, recursive: true);
    }
}
