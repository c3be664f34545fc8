using System.Globalization;
using System.Text;
using JapaneseCalendar = Mamori.Core.Japanese.JapaneseCalendar;

namespace Mamori.AccessMonitoring.Tests;

/// <summary>
/// A stored period analysed in runs of a few days, with its history taken from the daily aggregates and the rows
/// minutes either side of each run, finds what the whole log analysed at once finds — on a log whose background
/// crosses every rule's line over and over (ten times an office's rates, nights over midnight on two terminals
/// included), stored as files that split a day, with one period replaced by a re-export and some aggregates missing.
/// </summary>
public sealed class StoredRunsTests : IDisposable
{
    private static readonly byte[] PseudonymKey = Encoding.UTF8.GetBytes("test-key-for-pseudonyms-0123456789");
    private readonly string _dir = Directory.CreateTempSubdirectory("mamori-runs-").FullName;

    private static MonitoringSettings Settings => new() { Holidays = Enumerable.Range(2023, 4).SelectMany(y => JapaneseCalendar.Holidays(y).Keys).ToList() };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AStoredPeriodAnalysedInRuns_FindsWhatTheWholeLogFindsAtOnce()
    {
        var generated = LogGenerator.Generate(120_000, 5, Path.Combine(_dir, "gen"), JapaneseCalendar.IsClosed, shape: new LogShape(Noise: 10));
        var lines = File.ReadAllLines(generated.Inputs.Logs[0]);
        var (header, rows) = (lines[0], lines[1..]);
        DateTime At(string row) => DateTime.ParseExact(row[..19], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var first = DateOnly.FromDateTime(rows.Min(At));

        // Three files: the first ends at noon of a day the second goes on with; the second is exported again with a third of its background rows gone.
        var split1 = first.AddDays(9).ToDateTime(new TimeOnly(12, 0));
        var split2 = first.AddDays(19).ToDateTime(TimeOnly.MinValue);
        // u9990 comes back 91 days after the first day: idle from one run to a much later one (R13).
        File.AppendAllLines(generated.Inputs.Staff, ["u9990,S9990,HS9990,ミカタ,戸籍住民課,CLERK,2010-04-01,,,"]);
        var back = first.AddDays(91);
        var a = rows.Where(r => At(r) < split1).Append($"{first:yyyy-MM-dd} 10:00:00,u9990,Tu9990,戸籍住民課,JUKI,VIEW,,,").ToList();
        var b = rows.Where(r => At(r) >= split1 && At(r) < split2).OrderBy(At).ToList();
        var c = rows.Where(r => At(r) >= split2).Append($"{back:yyyy-MM-dd} 10:00:00,u9990,Tu9990,戸籍住民課,JUKI,VIEW,,,").ToList();
        var again = b.Where((r, i) => i == 0 || i == b.Count - 1 || i % 3 != 0 || r.Split(',')[1].StartsWith('p')).ToList();
        string Write(string name, IEnumerable<string> content)
        {
            var path = Path.Combine(_dir, name);
            File.WriteAllLines(path, [header, .. content]);
            return path;
        }
        var store = new LogStore(Path.Combine(_dir, "store"), PseudonymKey);
        foreach (var file in new[] { Write("a.csv", a), Write("b.csv", b), Write("c.csv", c) })
        {
            store.Ingest(file);
        }
        store.Ingest(Write("b-again.csv", again), replace: true);
        var whole = LogAnalyzer.Analyze(generated.Inputs with { Logs = [Write("whole.csv", [.. a, .. again, .. c])] }, Settings);

        var steps = new List<(int Done, int Total, string Step)>();
        var last = back;
        var inRuns = LogAnalyzer.AnalyzeStored(store, first, last, generated.Inputs, Settings with { RowsPerRun = 3_000 }, progress: new Steps(steps));
        var atOnce = LogAnalyzer.AnalyzeStored(store, first, last, generated.Inputs, Settings);
        // Parts whose aggregates are missing (written before they were kept) are aggregated where they are read.
        foreach (var daily in Directory.GetFiles(Path.Combine(_dir, "store", "daily"), "*.parquet", SearchOption.AllDirectories).Where((_, i) => i % 2 == 0))
        {
            File.Delete(daily);
        }
        var withoutSome = LogAnalyzer.AnalyzeStored(store, first, last, generated.Inputs, Settings with { RowsPerRun = 3_000 });

        var runs = steps.Max(s => s.Total) / (RulePack.Default.Rules.Count + 1);
        Assert.InRange(runs, 15, 40);
        Assert.Equal(steps.Max(s => s.Total), steps[^1].Done);
        Assert.Equal(whole.Rows, inRuns.Rows);
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"R{i:00}"), whole.Alerts.Select(x => x.Rule).Distinct().Order());
        Assert.InRange(whole.Alerts.Count, 300, 3000);
        // Runs cut the period between days and R10, R12, R14 and the nights look over midnight: each run must still see its neighbours.
        Assert.Contains(whole.Alerts, x => x.Rule == "R14" && x.Count == 3);
        Assert.Contains(whole.Alerts, x => x is { Rule: "R13", UserId: "u9990", Severity: "medium" } && x.Day == back);
        static IEnumerable<(string, string, DateOnly, string, long, bool)> Found(AnalysisResult r) =>
            r.Alerts.Select(x => (x.Rule, x.UserId, x.Day, x.Severity, x.Count, x.ResidentId is null));
        Assert.Equal(Found(whole), Found(inRuns));
        Assert.Equal(Found(whole), Found(atOnce));
        Assert.Equal(Found(whole), Found(withoutSome));
        Assert.Equal(whole.Days, inRuns.Days);
        Assert.Equal(whole.Days, withoutSome.Days);
    }

    /// <summary>
    /// R09 compares a day with the residents a user looked at on each day before: a resident looked at in the morning
    /// and again in the afternoon of a day stored in two files is one resident of that day, not two.
    /// </summary>
    [Fact]
    public void ADaySplitOverTwoFiles_CountsEachResidentOnce_InTheHistory()
    {
        using var s = new Scenario();
        var day = new DateOnly(2024, 5, 15);
        var history = Enumerable.Range(1, 40).Select(i => day.AddDays(-i)).Where(d => !JapaneseCalendar.IsClosed(d)).Take(12).Order().ToList();
        foreach (var d in history)
        {
            for (var i = 1; i <= 20; i++)
            {
                s.Access("u2", Scenario.Resident(i), $"{d:yyyy-MM-dd} 09:{i:00}:00").Access("u2", Scenario.Resident(i), $"{d:yyyy-MM-dd} 14:{i:00}:00");
            }
        }
        // 61 residents: more than every earlier day (20) and more than three times the usual (60), so R09 fires.
        for (var i = 1; i <= 61; i++)
        {
            s.Access("u2", Scenario.Resident(i), $"{day:yyyy-MM-dd} {9 + i / 30:00}:{i % 30:00}:00");
        }
        var inputs = s.Inputs();
        var rows = File.ReadAllLines(inputs.Logs[0]);
        var store = new LogStore(Path.Combine(_dir, "store"), PseudonymKey);
        // One file from each noon to the next: every day of the history is stored half in one file, half in the next.
        var noons = history.Select(d => d.ToDateTime(new TimeOnly(12, 0))).Append(DateTime.MaxValue).ToList();
        var from = DateTime.MinValue;
        foreach (var noon in noons)
        {
            var part = rows.Skip(1).Where(r => string.CompareOrdinal(r[..19], $"{from:yyyy-MM-dd HH:mm:ss}") >= 0 && string.CompareOrdinal(r[..19], $"{noon:yyyy-MM-dd HH:mm:ss}") < 0);
            var file = Path.Combine(_dir, $"part-{noon:MMdd}.csv");
            File.WriteAllLines(file, [rows[0], .. part]);
            store.Ingest(file);
            from = noon;
        }

        Assert.Equal(13, store.StoredPeriods().Count);
        Assert.Contains(LogAnalyzer.Analyze(inputs, Settings).Alerts, a => a is { Rule: "R09", UserId: "u2" } && a.Day == day);
        Assert.Contains(LogAnalyzer.AnalyzeStored(store, day, day, inputs, Settings).Alerts, a => a is { Rule: "R09", UserId: "u2" } && a.Day == day);
    }

    [Fact]
    public void Runs_AreWholeDaysUpToTheBudget_AndABiggerDayRunsAlone()
    {
        var d = new DateOnly(2024, 6, 3);
        var days = new[] { (d, 5L), (d.AddDays(1), 5L), (d.AddDays(2), 11L), (d.AddDays(4), 1L) };

        Assert.Equal([(d, d.AddDays(1)), (d.AddDays(2), d.AddDays(3)), (d.AddDays(4), d.AddDays(9))], LogAnalyzer.Runs(days, d, d.AddDays(9), 10));
        Assert.Equal([(d, d), (d.AddDays(1), d.AddDays(1)), (d.AddDays(2), d.AddDays(3)), (d.AddDays(4), d.AddDays(9))], LogAnalyzer.Runs(days, d, d.AddDays(9), 9));
        Assert.Equal([(d.AddDays(-3), d.AddDays(9))], LogAnalyzer.Runs(days, d.AddDays(-3), d.AddDays(9), 22));
        Assert.Equal([(d, d.AddDays(9))], LogAnalyzer.Runs([], d, d.AddDays(9), 10));
    }

    private sealed class Steps(List<(int Done, int Total, string Step)> seen) : IProgress<(int Done, int Total, string Step)>
    {
        public void Report((int Done, int Total, string Step) value) => seen.Add(value);
    }
}
