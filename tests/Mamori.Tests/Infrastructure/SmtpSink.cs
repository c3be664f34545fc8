using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Mamori.Tests.Infrastructure;

/// <summary>
/// The real SMTP server the tests send through (tools/smtp-sink, a Node process): scripts/test.sh starts it and
/// names it in MAMORI_TEST_SMTP and MAMORI_TEST_SMTP_DIR; run outside the script, the tests start one of their own.
/// Every accepted message lands as an .eml file; tests find theirs by their own unique recipient addresses.
/// Recipients at refuse.invalid are refused with 550, as a relay refuses an unknown address.
/// </summary>
public sealed class SmtpSink
{
    private static readonly Lazy<SmtpSink> Shared = new(Start);

    public static SmtpSink Instance => Shared.Value;

    public required string Host { get; init; }
    public required int Port { get; init; }
    public required string Folder { get; init; }

    /// <summary>A fresh address at a domain the server accepts.</summary>
    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@city.example.lg.jp";

    /// <summary>A fresh address the server refuses.</summary>
    public static string RefusedAddress() => $"nobody-{Guid.NewGuid():N}@refuse.invalid";

    /// <summary>A loopback port nothing listens on: a relay that is down.</summary>
    public static int DeadPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The messages delivered to <paramref name="address"/> so far.</summary>
    public List<MimeMessage> To(string address)
    {
        var found = new List<MimeMessage>();
        if (!Directory.Exists(Folder))
        {
            return found;
        }
        foreach (var file in Directory.EnumerateFiles(Folder, "*.eml"))
        {
            var text = File.ReadAllText(file);
            if (!text.Contains(address, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            using var stream = File.OpenRead(file);
            var message = MimeMessage.Load(stream);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }
        return found.OrderBy(m => m.Date).ToList();
    }

    /// <summary>Waits (generously: the machine may be busy) until <paramref name="count"/> messages reached <paramref name="address"/>.</summary>
    public async Task<List<MimeMessage>> WaitForAsync(string address, int count = 1, int seconds = 120)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var messages = To(address);
            if (messages.Count >= count || DateTime.UtcNow > until)
            {
                Assert.True(messages.Count >= count, $"{address} 宛てのメールが {seconds} 秒待っても {count} 通届きません（{messages.Count} 通）。");
                return messages;
            }
            await Task.Delay(200);
        }
    }

    private static SmtpSink Start()
    {
        if (Environment.GetEnvironmentVariable("MAMORI_TEST_SMTP") is { Length: > 0 } endpoint && Environment.GetEnvironmentVariable("MAMORI_TEST_SMTP_DIR") is { Length: > 0 } dir)
        {
            var (host, port) = (endpoint.Split(':')[0], int.Parse(endpoint.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
            return new SmtpSink { Host = host, Port = port, Folder = dir };
        }
        Assert.True(Environment.GetEnvironmentVariable("MAMORI_REQUIRE_SMTP") != "1", "MAMORI_REQUIRE_SMTP=1 ですが MAMORI_TEST_SMTP が設定されていません。scripts/test.sh から実行してください。");
        var folder = Path.Combine(Path.GetTempPath(), "mamori-smtp-" + Guid.NewGuid().ToString("N"));
        var freePort = NodeTool.Start("smtp-sink", "server.js", "smtp-server", $"--dir={folder}");
        return new SmtpSink { Host = "127.0.0.1", Port = freePort, Folder = folder };
    }
}
