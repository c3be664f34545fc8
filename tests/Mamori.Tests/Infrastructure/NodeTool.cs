using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// Starts one of the test servers in <c>tools/</c> (a Node process) on a free loopback port, for a test run outside
/// scripts/test.sh; the process is stopped when the test process ends.
/// </summary>
internal static class NodeTool
{
    /// <summary>Starts <c>tools/<paramref name="tool"/>/<paramref name="script"/></c> with <c>--port</c> and the other arguments; returns the port.</summary>
    public static int Start(string tool, string script, string module, params string[] args)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mamori.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var folder = Path.Combine(root.FullName, "tools", tool);
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", module)),
            $"tools/{tool} の node_modules がありません。tools/{tool} で npm ci を実行するか、scripts/test.sh から実行してください。");
        var port = SmtpSink.DeadPort();
        var process = Process.Start(new ProcessStartInfo("node", [Path.Combine(folder, script), $"--port={port}", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                process.Kill();
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        };
        var until = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return port;
            }
            catch (SocketException) when (DateTime.UtcNow < until && !process.HasExited)
            {
                Thread.Sleep(200);
            }
        }
    }
}
