using Mamori.Tests.Infrastructure;

namespace Mamori.Tests.Features.AccessMonitoring;

public sealed class LogsCommandTests
{
    [Fact]
    public async Task GenerateThenAnalyze_PrintsTheJsonOfTheContract_WithEveryPlantedRule()
    {
        var dir = Directory.CreateTempSubdirectory("mamori-logs-").FullName;
        try
        {
            var generated = await CliProcess.RunAsync(["logs", "generate", "--rows", "20000", "--seed", "11", "--out", dir, "--json"]);
            Assert.Equal(0, generated.ExitCode);
            var files = generated.Json.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString())).ToList();
            Assert.Equal(["log.csv", "staff.csv", "residents.csv", "cases.csv", "roles.csv", "planted.csv"], files);

            var analyzed = await CliProcess.RunAsync(["logs", "analyze", "--log", Path.Combine(dir, "log.csv"), "--staff", Path.Combine(dir, "staff.csv"),
                "--residents", Path.Combine(dir, "residents.csv"), "--cases", Path.Combine(dir, "cases.csv"), "--roles", Path.Combine(dir, "roles.csv"), "--out", dir, "--json"]);
            Assert.Equal(0, analyzed.ExitCode);
            var json = analyzed.Json;
            Assert.Equal(generated.Json.GetProperty("rows").GetInt64(), json.GetProperty("rows").GetInt64());
            var alerts = json.GetProperty("alerts").EnumerateArray().ToList();
            Assert.Equal(Enumerable.Range(1, 15).Select(i => $"R{i:00}"), alerts.Select(a => a.GetProperty("rule").GetString()).Distinct().Order());
            var self = alerts.Single(a => a.GetProperty("rule").GetString() == "R01");
            Assert.Equal(("p01", "SP01", "high"), (self.GetProperty("userId").GetString(), self.GetProperty("residentId").GetString(), self.GetProperty("severity").GetString()));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", self.GetProperty("day").GetString());
            Assert.Equal(alerts.Count + 1, File.ReadAllLines(Path.Combine(dir, "alerts.csv")).Length);

            // A row that cannot be read is named with its file, line and column; nothing is written.
            File.Delete(Path.Combine(dir, "alerts.csv"));
            var lines = File.ReadAllLines(Path.Combine(dir, "log.csv"));
            lines[100] = lines[100].Replace(",VIEW,", ",LOOK,", StringComparison.Ordinal).Replace(",SEARCH,", ",LOOK,", StringComparison.Ordinal)
                .Replace(",UPDATE,", ",LOOK,", StringComparison.Ordinal).Replace(",PRINT,", ",LOOK,", StringComparison.Ordinal);
            File.WriteAllLines(Path.Combine(dir, "log.csv"), lines);
            var bad = await CliProcess.RunAsync(["logs", "analyze", "--log", Path.Combine(dir, "log.csv"), "--staff", Path.Combine(dir, "staff.csv"),
                "--residents", Path.Combine(dir, "residents.csv"), "--cases", Path.Combine(dir, "cases.csv"), "--roles", Path.Combine(dir, "roles.csv"), "--out", dir]);
            Assert.Equal(1, bad.ExitCode);
            Assert.Contains("log.csv の 101 行目「op」", bad.Stderr);
            Assert.False(File.Exists(Path.Combine(dir, "alerts.csv")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Compile_WritesTheViewsAndEveryRuleAsTrinoSql()
    {
        var dir = Directory.CreateTempSubdirectory("mamori-trino-").FullName;
        try
        {
            var compiled = await CliProcess.RunAsync(["logs", "compile", "--dialect", "trino", "--out", dir, "--json"]);
            Assert.Equal(0, compiled.ExitCode);
            var files = compiled.Json.GetProperty("files").EnumerateArray().Select(f => Path.GetFileName(f.GetString()!)).ToList();
            Assert.Equal(19, files.Count);
            Assert.Equal(["00-view-days.sql", "00-view-access.sql", "00-view-resident_days.sql", "00-view-user_days.sql", "R01.sql"], files.Take(5));
            var r10 = await File.ReadAllTextAsync(Path.Combine(dir, "R10.sql"));
            Assert.StartsWith("-- R10 BURST", r10);
            Assert.Contains("cardinality(array_distinct(array_agg(resident_id) OVER", r10);
            Assert.DoesNotContain("INTERVAL 5 MINUTE", await File.ReadAllTextAsync(Path.Combine(dir, "R14.sql")));

            var wrong = await CliProcess.RunAsync(["logs", "compile", "--dialect", "oracle", "--out", dir]);
            Assert.Equal(1, wrong.ExitCode);
            Assert.Contains("trino か duckdb", wrong.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
