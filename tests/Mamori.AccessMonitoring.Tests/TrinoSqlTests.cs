using System.Diagnostics;
using System.Text.Json;

namespace Mamori.AccessMonitoring.Tests;

/// <summary>The rule file compiled to Trino SQL parses with Trino's grammar (dt-sql-parser, run by Node in tools/trino-parse).</summary>
public sealed class TrinoSqlTests
{
    [Fact]
    public void Translate_RewritesWhatTrinoSpellsDifferently()
    {
        Assert.Equal("SELECT d + INTERVAL '7' DAY", TrinoSql.Translate("SELECT d + INTERVAL 7 DAY"));
        Assert.Equal("SELECT ((10 * 60 - 1) * INTERVAL '1' SECOND)", TrinoSql.Translate("SELECT INTERVAL (10 * 60 - 1) SECOND"));
        Assert.Equal("SELECT approx_percentile(n, 0.5), approx_percentile(n, 0.99) FROM t", TrinoSql.Translate("SELECT median(n), quantile_cont(n, 0.99) FROM t"));
        Assert.Equal("SELECT cardinality(array_distinct(array_agg(r) OVER (PARTITION BY u ORDER BY ts))) AS n, count(DISTINCT r) FROM t",
            TrinoSql.Translate("SELECT count(DISTINCT r) OVER (PARTITION BY u ORDER BY ts) AS n, count(DISTINCT r) FROM t"));
        var r10 = TrinoSql.Compile(RulePack.Default.Rules.Single(r => r.Id == "R10"), Scenario.Settings);
        Assert.Contains("RANGE BETWEEN ((10 * 60 - 1) * INTERVAL '1' SECOND) PRECEDING", r10);
        Assert.DoesNotContain("count(DISTINCT resident_id) OVER", r10);
    }

    [Fact]
    public void EveryRuleAndView_ParsesAsTrino_AndTheDuckDbOriginalOfR14DoesNot()
    {
        var tool = Path.Combine(RepositoryRoot(), "tools", "trino-parse");
        if (!Directory.Exists(Path.Combine(tool, "node_modules", "dt-sql-parser")))
        {
            Assert.True(Environment.GetEnvironmentVariable("MAMORI_REQUIRE_TRINO_PARSER") != "1", "tools/trino-parse の node_modules がありません（scripts/test.sh が npm ci で入れます）。");
            Assert.Skip("Trino の構文チェッカー（tools/trino-parse）が入っていません。");
        }
        var dir = Directory.CreateTempSubdirectory("mamori-trino-").FullName;
        try
        {
            var files = new List<string>();
            foreach (var (name, sql) in TrinoSql.Views())
            {
                files.Add(Write(dir, $"view-{name}.sql", sql));
            }
            foreach (var rule in RulePack.Default.Rules)
            {
                files.Add(Write(dir, $"{rule.Id}.sql", TrinoSql.Compile(rule, Scenario.Settings with { ProtectedDepartments = ["福祉課"] })));
            }
            var (exit, report) = Validate(tool, files);
            foreach (var (file, errors) in report)
            {
                Assert.True(errors.Count == 0, $"{Path.GetFileName(file)}: {string.Join(" / ", errors)}\n{File.ReadAllText(file)}");
            }
            Assert.Equal(19, report.Count);
            Assert.Equal(0, exit);

            var duck = Write(dir, "R14-duckdb.sql", RulePack.Compile(RulePack.Default.Rules.Single(r => r.Id == "R14"), Scenario.Settings));
            var (badExit, badReport) = Validate(tool, [duck]);
            Assert.Equal(1, badExit);
            Assert.NotEmpty(badReport[duck]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Write(string dir, string name, string sql)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, sql);
        return path;
    }

    private static (int Exit, Dictionary<string, List<string>> Report) Validate(string tool, IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = tool, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["--import", "./register.mjs", "validate.mjs", .. files])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(output.Length > 0, error);
        return (process.ExitCode, JsonSerializer.Deserialize<Dictionary<string, List<string>>>(output)!);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Mamori.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Mamori.slnx が見つかりません。");
    }
}
