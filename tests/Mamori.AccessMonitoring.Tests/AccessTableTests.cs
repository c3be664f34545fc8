using System.Globalization;
using JapaneseCalendar = Mamori.Core.Japanese.JapaneseCalendar;

namespace Mamori.AccessMonitoring.Tests;

/// <summary>
/// The <c>access</c> table DuckDB builds with integer keys and merged case spans holds, once its keys are turned
/// back into text, exactly the rows of the view's definition (the text the Trino view is compiled from) — on a
/// generated log with masters made awkward on purpose: cases whose spans overlap, touch, are repeated or close
/// before they open, at the 7- and 30-day edges, a staff member missing from the resident master, a resident in
/// no master at all.
/// </summary>
public sealed class AccessTableTests
{
    [Fact]
    public void TheKeyedTable_HoldsTheRowsOfTheViewDefinition()
    {
        var dir = Directory.CreateTempSubdirectory("mamori-access-").FullName;
        try
        {
            var generated = LogGenerator.Generate(30_000, 9, dir, JapaneseCalendar.IsClosed, plant: true, new DateOnly(2024, 6, 3));
            // Residents Q0000… appear in no generated case: each is looked at once by a clerk, and the cases written
            // for them decide alone whether the access is explained.
            var clerks = File.ReadLines(generated.Inputs.Staff).Skip(1).Select(l => l.Split(',')).Where(c => c[5] == "CLERK" && c[7].Length == 0).Take(8).ToList();
            var day = new DateOnly(2024, 6, 12);
            string D(int offset) => day.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var log = new List<string>();
            var cases = new List<string>();
            var residents = new List<string>();
            for (var i = 0; i < 80; i++)
            {
                var (user, dept, resident) = (clerks[i % clerks.Count][0], clerks[i % clerks.Count][4], $"Q{i:0000}");
                log.Add($"{D(0)} 10:{i % 60:00}:00,{user},T{user},{dept},JUKI,VIEW,{resident},,");
                if (i % 2 == 0)
                {
                    residents.Add($"{resident},HQ{i / 4:0000},キュー{i % 3},0,0,0");
                }
                cases.AddRange((i % 10) switch
                {
                    0 => [$"{resident},{dept},{D(7)},"],                                   // opened 7 days after: explained
                    1 => [$"{resident},{dept},{D(8)},"],                                   // 8 days after: not
                    2 => [$"{resident},{dept},{D(-90)},{D(-30)}"],                         // closed 30 days before: explained
                    3 => [$"{resident},{dept},{D(-90)},{D(-31)}"],                         // 31 days before: not
                    4 => [$"{resident},{dept},{D(-60)},{D(-20)}", $"{resident},{dept},{D(-25)},{D(5)}"], // overlapping
                    5 => [$"{resident},{dept},{D(-90)},{D(-31)}", $"{resident},{dept},{D(8)},"], // a one-day gap on the day: not
                    6 => [$"{resident},{dept},{D(-5)},{D(-40)}"],                          // closed before it opened: not
                    7 => [$"{resident},{dept},{D(-3)},", $"{resident},{dept},{D(-3)},"],  // the same case twice
                    8 => [$"{resident},他課,{D(-3)},"],                                     // another department's case: not
                    _ => [],
                });
            }
            File.AppendAllLines(generated.Inputs.Logs[0], [.. log,
                "2024-06-04 10:00:00,u9990,Tu9990,戸籍住民課,JUKI,VIEW,S9990,,",
                "2024-06-04 10:01:00,u9990,Tu9990,戸籍住民課,JUKI,VIEW,Z0000001,,",
            ]);
            File.AppendAllLines(generated.Inputs.Cases, cases);
            File.AppendAllLines(generated.Inputs.Residents, residents);
            File.AppendAllLines(generated.Inputs.Staff, ["u9990,S9990,HS9990,ミカタ,戸籍住民課,CLERK,2010-04-01,,,"]);

            using var files = new TextFiles();
            using var db = LogAnalyzer.Load(generated.Inputs, files);
            DuckDb.Execute(db, "CREATE TABLE reference AS " + LogAnalyzer.AccessSql);
            LogAnalyzer.BuildViews(db);
            DuckDb.Execute(db, """
                CREATE TABLE decoded AS
                SELECT a.ts, a.user_id, a.terminal_id, a.terminal_dept, a.business_code, a.op, r.resident_id, a.result_count, a.search_method,
                       a.day, a.known, a.user_dept, a.role, o.resident_id AS own_resident, oh.household_id AS own_household, os.surname_kana AS own_surname,
                       rh.household_id AS res_household, rs.surname_kana AS res_surname, a.res_protected, a.res_watch, a.res_is_staff, a.explained
                FROM access a
                LEFT JOIN resident_key r ON r.k = a.resident_id LEFT JOIN resident_key o ON o.k = a.own_resident
                LEFT JOIN household_key oh ON oh.k = a.own_household LEFT JOIN surname_key os ON os.k = a.own_surname
                LEFT JOIN household_key rh ON rh.k = a.res_household LEFT JOIN surname_key rs ON rs.k = a.res_surname
                """);

            Assert.Equal(generated.Rows + 82, DuckDb.Scalar<long>(db, "SELECT count(*) FROM reference"));
            Assert.Equal(DuckDb.Scalar<long>(db, "SELECT count(*) FROM reference"), DuckDb.Scalar<long>(db, "SELECT count(*) FROM decoded"));
            Assert.Equal(0, DuckDb.Scalar<long>(db, "SELECT count(*) FROM (SELECT * FROM reference EXCEPT ALL SELECT * FROM decoded)"));
            Assert.Equal(0, DuckDb.Scalar<long>(db, "SELECT count(*) FROM (SELECT * FROM decoded EXCEPT ALL SELECT * FROM reference)"));
            // The awkward cases answer as written, and the outsiders are there.
            Assert.Equal("0,2,4,7", DuckDb.Scalar<string>(db, "SELECT array_to_string(list_sort(list(DISTINCT CAST(resident_id[2:] AS INTEGER) % 10)), ',') FROM reference WHERE resident_id LIKE 'Q%' AND explained"));
            Assert.True(DuckDb.Scalar<bool>(db, "SELECT res_is_staff AND resident_id = own_resident FROM decoded WHERE user_id = 'u9990' AND resident_id = 'S9990'"));
            Assert.True(DuckDb.Scalar<bool>(db, "SELECT resident_id = 'Z0000001' AND res_household IS NULL AND NOT res_is_staff FROM decoded WHERE user_id = 'u9990' AND ts = TIMESTAMP '2024-06-04 10:01:00'"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
