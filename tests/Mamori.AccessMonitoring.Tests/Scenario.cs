using System.Text;
using Mamori.Core.Japanese;

namespace Mamori.AccessMonitoring.Tests;

/// <summary>
/// A small hand-made municipality for rule tests: two clerks in 戸籍住民課 (u1, u2), a tax clerk (u3) and an HR
/// officer (hr1); residents with households and surnames; CSVs written to a temporary folder per scenario.
/// Accesses default to Wednesday 2024-04-10 10:00 on 戸籍住民課's terminal for 住民記録 (JUKI).
/// </summary>
public sealed class Scenario : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mamori-rules-").FullName;
    private readonly List<string> _log = [];

    public List<string> Staff { get; } =
    [
        "u1,S1,H1,ヤマダ,戸籍住民課,CLERK,2015-04-01,,",
        "u2,S2,H2,スズキ,戸籍住民課,CLERK,2018-04-01,,",
        "u3,S3,H3,タナカ,税務課,TAX,2010-04-01,,",
        "hr1,S4,H4,サトウ,人事課,HR,2012-04-01,,",
    ];

    public List<string> Residents { get; } =
    [
        "S1,H1,ヤマダ,0,0,1",
        "S2,H2,スズキ,0,0,1",
        "S3,H3,タナカ,0,0,1",
        "S4,H4,サトウ,0,0,1",
        "F1,H1,ヤマダ,0,0,0",
        "Y9,H9,ヤマダ,0,0,0",
        "P1,H5,コバヤシ,1,0,0",
        "W1,H6,イトウ,0,1,0",
    ];

    public List<string> Cases { get; } = [];

    public List<string> Roles { get; } = ["CLERK,JUKI;KOSEKI,0", "TAX,ZEI;JUKI,0", "HR,JINJI;KYUYO,1"];

    /// <summary>Residents R001… with nothing in common with the staff.</summary>
    public static string Resident(int i) => $"R{i:000}";

    public Scenario()
    {
        for (var i = 1; i <= 200; i++)
        {
            Residents.Add($"{Resident(i)},HR{i:000},ジュウミン{i},0,0,0");
        }
    }

    public Scenario Access(string user, string resident, string at = "2024-04-10 10:00:00", string op = "VIEW", string terminal = "T1", string terminalDept = "戸籍住民課",
        string business = "JUKI", int? results = null, string searchMethod = "")
    {
        _log.Add($"{at},{user},{terminal},{terminalDept},{business},{op},{resident},{results?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (op == "SEARCH" ? "1" : "")},{searchMethod}");
        return this;
    }

    public Scenario Case(string resident, string dept, string opened, string closed = "")
    {
        Cases.Add($"{resident},{dept},{opened},{closed}");
        return this;
    }

    public string Write(string name, string header, IEnumerable<string> lines, Encoding? encoding = null)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, header + "\n" + string.Join("\n", lines) + "\n", encoding ?? new UTF8Encoding(false));
        return path;
    }

    public LogInputs Inputs(Encoding? logEncoding = null) => new(
        [Write("log.csv", string.Join(",", Layout.Log), _log, logEncoding)],
        Write("staff.csv", string.Join(",", Layout.Staff), Staff),
        Write("residents.csv", string.Join(",", Layout.Residents), Residents),
        Write("cases.csv", string.Join(",", Layout.Cases), Cases),
        Write("roles.csv", string.Join(",", Layout.Roles), Roles));

    public static MonitoringSettings Settings => new()
    {
        Holidays = Enumerable.Range(2023, 3).SelectMany(y => JapaneseCalendar.Holidays(y).Keys).ToList(),
    };

    public AnalysisResult Analyze(MonitoringSettings? settings = null) => LogAnalyzer.Analyze(Inputs(), settings ?? Settings);

    /// <summary>The alerts of one rule.</summary>
    public IReadOnlyList<Alert> Alerts(string rule, MonitoringSettings? settings = null) => Analyze(settings).Alerts.Where(a => a.Rule == rule).ToList();

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
