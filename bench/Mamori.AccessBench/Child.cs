using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Mamori.AccessBench;

/// <summary>A phase run in a child process (its figures its own), and the lines of the printed tables.</summary>
internal static class Child
{
    public static Dictionary<string, JsonElement> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(Phases).Assembly.Location);
        }
        start.ArgumentList.Add("phase");
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"phase {arguments[0]} failed ({process.ExitCode}): {output}");
        }
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(output.Trim().Split('\n')[^1])!;
    }

    public static double S(this Dictionary<string, JsonElement> result, string key) => result[key].GetDouble();

    public static void Header() =>
        Console.WriteLine($"{"measure",-56} {"wall s",9} {"CPU s",9} {"rows/s",12} {"peak MB",9} {"alerts",7}");

    public static void Line(string name, long rows, double seconds, double? cpu, double? peak, long? alerts) =>
        Console.WriteLine($"{name,-56} {seconds,9:F1} {(cpu is { } c ? c.ToString("F1", CultureInfo.InvariantCulture) : "server"),9} {rows / seconds,12:N0} "
            + $"{(peak is { } p ? p.ToString("N0", CultureInfo.InvariantCulture) : "server"),9} {(alerts is { } a ? a.ToString(CultureInfo.InvariantCulture) : ""),7}");

    public static void Line(string name, long rows, Dictionary<string, JsonElement> r) =>
        Line(name, rows, r.S("seconds"), r.S("cpuSeconds"), r.S("peakMB"), r.TryGetValue("alerts", out var a) ? (long)a.GetDouble() : null);
}
