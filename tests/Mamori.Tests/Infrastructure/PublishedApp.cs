using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The app as an operator installs it: <c>dotnet publish</c> of the solution's Release build into a folder of its
/// own, started with <c>dotnet mamori.dll</c> from another working directory on a free loopback port. Its output is
/// kept for the test to read; <see cref="KillAsync"/> stops it as a power cut would.
/// </summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly bool _ownsFolder;
    private Process? _process;

    private PublishedApp(string folder, bool ownsFolder = true)
    {
        Folder = folder;
        _ownsFolder = ownsFolder;
    }

    /// <summary>Another instance of the same installation (same folder, same data folder), started on its own.</summary>
    public PublishedApp Beside() => new(Folder, ownsFolder: false);

    /// <summary>The process id of the running app.</summary>
    public int ProcessId => _process!.Id;

    /// <summary>The folder the app was published to (its data folder is inside).</summary>
    public string Folder { get; }

    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>What the app wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PublishedApp> PublishAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Mamori.slnx")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var folder = Path.Combine(Path.GetTempPath(), "mamori-published", Guid.NewGuid().ToString("N"));
        var publish = await RunAsync("dotnet", root.FullName, "publish", Path.Combine(root.FullName, "src", "Mamori"), "-c", "Release", "--no-build", "-o", folder);
        Assert.True(publish.ExitCode == 0, publish.Output);
        return new PublishedApp(folder);
    }

    /// <summary>Starts the app from a working directory that is not its folder, and waits until /health answers.</summary>
    public Task StartAsync(params string[] settings) => StartAsync(FreePort(), settings);

    /// <summary>Starts the app on <paramref name="port"/> and waits until /health answers (the instance is ready).</summary>
    public async Task StartAsync(int port, params string[] settings)
    {
        Address = new Uri($"http://127.0.0.1:{port}/");
        var elsewhere = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "mamori-elsewhere", Guid.NewGuid().ToString("N"))).FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = elsewhere,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "mamori.dll"));
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(Address.ToString().TrimEnd('/'));
        foreach (var setting in settings)
        {
            info.ArgumentList.Add(setting);
        }
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("DOTNET_ENVIRONMENT");
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            Assert.False(_process.HasExited, $"アプリが起動中に終了しました:\n{Output}");
            try
            {
                if ((await client.GetAsync(new Uri(Address, "/health"))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            Assert.True(DateTime.UtcNow < deadline, $"アプリが3分以内に起動しませんでした:\n{Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>Runs a <c>mamori</c> command of the installed app (from another working directory) on its data.</summary>
    public Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args) =>
        RunAsync("dotnet", Path.GetTempPath(), [Path.Combine(Folder, "mamori.dll"), .. args]);

    /// <summary>Asks the app to stop (SIGTERM, as systemd does) and waits until it has.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            await SignalAsync("TERM");
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await _process.WaitForExitAsync(timeout.Token);
        }
    }

    /// <summary>Freezes the process (SIGSTOP): it holds whatever it held and does nothing more until killed.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    private async Task SignalAsync(string signal)
    {
        var kill = await RunAsync("kill", Path.GetTempPath(), "-" + signal, _process!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(kill.ExitCode == 0, kill.Output);
    }

    /// <summary>Ends the process at once (SIGKILL), as a power cut would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        if (!_ownsFolder)
        {
            return;
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Under the temp folder; a file still held does not matter.
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string directory, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
