using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Japanese;

namespace Mamori.AccessMonitoring.Tests;

public sealed class LogStoreTests : IDisposable
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("test-key-for-pseudonyms-0123456789");
    private readonly string _dir = Directory.CreateTempSubdirectory("mamori-store-").FullName;

    private static MonitoringSettings Settings => new() { Holidays = Enumerable.Range(2023, 4).SelectMany(y => JapaneseCalendar.Holidays(y).Keys).ToList() };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Pseudonym_IsHmacSha256_InSqlAsInDotNet()
    {
        var store = new LogStore(Path.Combine(_dir, "store"), Key);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("J0000123"))), store.Pseudonym("J0000123"));
        using var s = new Scenario();
        s.Access("u1", "J0000123", "2024-04-10 10:00:00").Access("u1", "", "2024-05-01 10:00:00", op: "SEARCH", searchMethod: "NAME");
        var result = store.Ingest(s.Inputs().Logs[0]);
        Assert.Equal((2L, false), (result.Rows, result.AlreadyIngested));
        Assert.Equal(["2024-04", "2024-05"], result.Months);
        var rows = store.Search(null, "u1", new DateOnly(2024, 4, 1), new DateOnly(2024, 5, 31));
        Assert.Equal([store.Pseudonym("J0000123"), null], rows.Select(r => r.ResidentId));
        Assert.Single(store.Search("J0000123", null, new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)));
        Assert.Empty(store.Search("J0000123", null, new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 31)));
    }

    [Fact]
    public void Ingest_TheSameFileTwice_StoresItOnce_AndABadFileWritesNothing()
    {
        var store = new LogStore(Path.Combine(_dir, "store"), Key);
        var generated = LogGenerator.Generate(5_000, 2, Path.Combine(_dir, "gen"), JapaneseCalendar.IsClosed);
        var first = store.Ingest(generated.Inputs.Logs[0]);
        var again = store.Ingest(generated.Inputs.Logs[0]);
        Assert.Equal((generated.Rows, true), (again.Rows, again.AlreadyIngested));
        Assert.Equal(first.Months, again.Months);
        var from = new DateOnly(2024, 1, 1);
        var to = new DateOnly(2025, 12, 31);
        Assert.Equal(generated.Rows, LogAnalyzer.AnalyzeStored(store, from, to, generated.Inputs, Settings).Rows);

        var bad = Path.Combine(_dir, "bad.csv");
        File.WriteAllText(bad, string.Join(",", Layout.Log) + "\n2024-06-03 10:00:00,u1,T1,戸籍住民課,JUKI,VIEW,R1,,\n2024-06-03 25:00:00,u1,T1,戸籍住民課,JUKI,VIEW,R1,,\n");
        var error = Assert.Throws<LogInputException>(() => store.Ingest(bad));
        Assert.Equal((3L, "ts"), (error.Line, error.Column));
        Assert.DoesNotContain("2024-06", store.Months());
        Assert.Single(Directory.GetFiles(Path.Combine(_dir, "store", "ingested")));
    }

    /// <summary>
    /// A log exported again with other bytes (another cut-off, a correction) is recognised by its period: refused by
    /// default, naming the stored file and the overlap, with nothing stored; with replace, the stored accesses of its
    /// period give way to its rows, and those outside the period stay. No access is ever counted twice.
    /// </summary>
    [Fact]
    public void Ingest_AFileOverlappingAStoredPeriod_IsRefused_OrReplacesThatPeriodOnly()
    {
        var store = new LogStore(Path.Combine(_dir, "store"), Key);
        using var april = new Scenario();
        for (var day = 1; day <= 10; day++)
        {
            april.Access("u1", "J1", $"2024-04-{day:D2} 10:00:00").Access("u2", "J2", $"2024-04-{day:D2} 15:00:00");
        }
        Assert.Equal(20, store.Ingest(april.Inputs().Logs[0], name: "april-1-10.csv").Rows);
        long Stored() => store.Search(null, "u1", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)).Count
                         + store.Search(null, "u2", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)).Count;

        // 4/8 15:00 to 4/12: the same accesses of 4/8–4/10 again, in a file of other bytes.
        using var overlap = new Scenario();
        overlap.Access("u2", "J2", "2024-04-08 15:00:00").Access("u2", "J2", "2024-04-09 15:00:00").Access("u2", "J2", "2024-04-10 15:00:00")
            .Access("u2", "J2", "2024-04-11 15:00:00").Access("u2", "J2", "2024-04-12 15:00:00");
        var refused = Assert.Throws<LogInputException>(() => store.Ingest(overlap.Inputs().Logs[0], name: "april-8-12.csv"));
        Assert.Contains("april-1-10.csv", refused.Problem);
        Assert.Contains("2024年4月8日 15:00〜2024年4月10日 15:00", refused.Problem);
        Assert.Equal(20, Stored());

        // Replacing: 4/8 15:00–4/12 15:00 is the new file's, whole (u1's 4/9 and 4/10 mornings inside it go, as the new
        // export does not have them); u1's 4/8 morning and everything before stay.
        var replaced = store.Ingest(overlap.Inputs().Logs[0], name: "april-8-12.csv", replace: true);
        Assert.Equal(["april-1-10.csv"], replaced.Replaced);
        Assert.Equal(20 - 5 + 5, Stored());
        Assert.Equal(8, store.Search(null, "u1", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)).Count);
        Assert.Equal(12, store.Search(null, "u2", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)).Count);

        // The same bytes again are skipped, and a file just after the stored periods is taken as it is.
        Assert.True(store.Ingest(overlap.Inputs().Logs[0], name: "april-8-12.csv").AlreadyIngested);
        using var edge = new Scenario();
        edge.Access("u1", "J1", "2024-04-12 15:00:00");
        Assert.Throws<LogInputException>(() => store.Ingest(edge.Inputs().Logs[0], name: "edge.csv"));
        using var later = new Scenario();
        later.Access("u1", "J1", "2024-04-12 15:00:01");
        Assert.Equal(1, store.Ingest(later.Inputs().Logs[0], name: "april-12-late.csv").Rows);
        Assert.Equal(["april-1-10.csv", "april-8-12.csv", "april-12-late.csv"], store.StoredPeriods().Select(p => p.Name));
    }

    [Fact]
    public void AnalyzeStored_FindsThePlantedViolations_WithPseudonymisedResidents()
    {
        var store = new LogStore(Path.Combine(_dir, "store"), Key);
        var generated = LogGenerator.Generate(20_000, 9, Path.Combine(_dir, "gen"), JapaneseCalendar.IsClosed);
        store.Ingest(generated.Inputs.Logs[0]);
        var result = LogAnalyzer.AnalyzeStored(store, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), generated.Inputs, Settings);
        Assert.Equal(generated.Planted.Select(p => (p.Rule, p.UserId, p.Day)).Order(), result.Alerts.Select(a => (a.Rule, a.UserId, a.Day)).Order());
        Assert.Equal(store.Pseudonym("SP01"), result.Alerts.Single(a => a.Rule == "R01").ResidentId);
    }

    [Fact]
    public void AMonthAnalysedAlone_GetsTheAlertsItGetsWithEverythingBefore()
    {
        using var s = new Scenario();
        var may = (From: new DateOnly(2024, 5, 1), To: new DateOnly(2024, 5, 31));
        // u2 looks at 60 residents on every open day from April on: a habit, not a spike, once there is history.
        for (var day = new DateOnly(2024, 4, 1); day <= new DateOnly(2024, 5, 10); day = day.AddDays(1))
        {
            if (!JapaneseCalendar.IsClosed(day))
            {
                for (var i = 0; i < 60; i++)
                {
                    s.Access("u2", Scenario.Resident(i + 1), $"{day:yyyy-MM-dd} {9 + i / 12:00}:{i % 12 * 5:00}:00");
                }
            }
        }
        // u1 looks at R150 on a day in April and two days in May; u3 comes back in May after January.
        s.Access("u1", Scenario.Resident(150), "2024-04-25 10:00:00").Access("u1", Scenario.Resident(150), "2024-05-07 10:00:00").Access("u1", Scenario.Resident(150), "2024-05-08 10:00:00");
        s.Access("u3", "R151", "2024-01-10 10:00:00", terminalDept: "税務課", business: "ZEI").Access("u3", "R151", "2024-05-09 10:00:00", terminalDept: "税務課", business: "ZEI");
        var inputs = s.Inputs();
        var store = new LogStore(Path.Combine(_dir, "store"), Key);
        store.Ingest(inputs.Logs[0]);

        var alone = LogAnalyzer.AnalyzeStored(store, may.From, may.To, inputs, Settings);
        var whole = LogAnalyzer.Analyze(inputs, Settings);

        bool InMay(DateOnly day) => day >= may.From && day <= may.To;
        // The resident an alert names is the smallest id among those behind it; stored ids are pseudonyms, so that one may differ.
        Assert.Equal(whole.Alerts.Where(a => InMay(a.Day)).Select(a => (a.Rule, a.UserId, a.Day, a.Severity, a.Count, a.ResidentId is null)),
            alone.Alerts.Select(a => (a.Rule, a.UserId, a.Day, a.Severity, a.Count, a.ResidentId is null)));
        Assert.Contains(alone.Alerts, a => a is { Rule: "R11", UserId: "u1" } && a.Day == new DateOnly(2024, 5, 8) && a.ResidentId == store.Pseudonym("R150"));
        Assert.Contains(alone.Alerts, a => a is { Rule: "R13", UserId: "u3", Severity: "medium" } && a.Day == new DateOnly(2024, 5, 9));
        Assert.DoesNotContain(alone.Alerts, a => a.Rule == "R09");
        Assert.Contains(whole.Alerts, a => a is { Rule: "R09", UserId: "u2" } && a.Day.Month == 4);
        Assert.Equal(whole.Days.Where(d => InMay(d.Day)), alone.Days);
        Assert.Equal(whole.Days.Where(d => InMay(d.Day)).Sum(d => d.Rows), alone.Rows);
    }
}
