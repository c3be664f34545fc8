using Mamori.Core.Japanese;

namespace Mamori.AccessMonitoring.Tests;

/// <summary>
/// Fixed-seed fuzzing: on generated logs with a planted violation of every rule, the engine raises exactly the
/// planted alerts — each with its rule id — and nothing on the clean background.
/// </summary>
public sealed class GeneratedLogTests
{
    [Theory]
    [InlineData(1, 30_000, "2024-04-01")]
    [InlineData(7, 60_000, "2024-12-02")] // over the year end and 成人の日
    [InlineData(42, 20_000, "2025-04-21")] // Golden Week
    public void EveryPlantedViolation_IsFound_AndNothingElse(int seed, int rows, string start)
    {
        var dir = Directory.CreateTempSubdirectory("mamori-gen-").FullName;
        try
        {
            var generated = LogGenerator.Generate(rows, seed, dir, JapaneseCalendar.IsClosed, plant: true, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(17, generated.Planted.Count);
            Assert.Equal(Enumerable.Range(1, 15).Select(i => $"R{i:00}"), generated.Planted.Select(p => p.Rule).Distinct().Order());
            var settings = new MonitoringSettings { Holidays = Enumerable.Range(2023, 5).SelectMany(y => JapaneseCalendar.Holidays(y).Keys).ToList() };
            var result = LogAnalyzer.Analyze(generated.Inputs, settings);
            Assert.Equal(generated.Rows, result.Rows);
            var found = result.Alerts.Select(a => (a.Rule, a.UserId, a.Day)).Order().ToList();
            var planted = generated.Planted.Select(p => (p.Rule, p.UserId, p.Day)).Order().ToList();
            Assert.Equal(planted, found);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void TheSameSeed_GivesTheSameFiles()
    {
        var a = Directory.CreateTempSubdirectory("mamori-gen-").FullName;
        var b = Directory.CreateTempSubdirectory("mamori-gen-").FullName;
        try
        {
            LogGenerator.Generate(5_000, 3, a, JapaneseCalendar.IsClosed);
            LogGenerator.Generate(5_000, 3, b, JapaneseCalendar.IsClosed);
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, "log.csv")), File.ReadAllBytes(Path.Combine(b, "log.csv")));
        }
        finally
        {
            Directory.Delete(a, recursive: true);
            Directory.Delete(b, recursive: true);
        }
    }
}
