using System.Globalization;
using System.Text;

namespace Mamori.AccessMonitoring;

/// <summary>A violation the generator planted: the alert the rule pack must raise for it.</summary>
public sealed record PlantedViolation(string Rule, string UserId, DateOnly Day);

/// <summary>The files a generated log consists of, and what was planted in it.</summary>
public sealed record GeneratedLog(IReadOnlyList<string> Files, LogInputs Inputs, long Rows, IReadOnlyList<PlantedViolation> Planted);

/// <summary>
/// Writes a realistic synthetic access log with its masters, for tests, demos and benchmarks: departments with
/// their roles and business codes, staff working 08:30–17:15 on open days at their own department's terminals,
/// and residents whose cases in the department explain the background accesses. With <c>plant</c>, each rule of
/// the v1 pack gets violations by users of their own (p01 … p17), so a correct engine raises exactly those alerts.
/// The same seed gives the same files.
/// </summary>
public static partial class LogGenerator
{
    private sealed record Department(string Name, string Role, string[] Codes);

    private static readonly Department[] Departments =
    [
        new("戸籍住民課", "CLERK", ["JUKI", "KOSEKI"]),
        new("税務課", "TAX", ["ZEI"]),
        new("保険年金課", "INSURANCE", ["KOKUHO", "NENKIN"]),
        new("福祉課", "WELFARE", ["FUKUSHI"]),
        new("人事課", "HR", ["JINJI", "KYUYO"]),
    ];

    private const int ResidentsPerUserDay = 20;

    private sealed record StaffMember(string Id, Department Dept, string Resident, string Household, string Surname);

    public static GeneratedLog Generate(long rows, int seed, string outDir, Func<DateOnly, bool> isClosedDay, bool plant = true, DateOnly? start = null, LogShape? shape = null)
    {
        Directory.CreateDirectory(outDir);
        var random = new Random(seed);
        var first = start ?? new DateOnly(2024, 4, 1);
        shape ??= new LogShape();
        var perDay = shape.AccessesPerUserDay;
        var users = shape.Users ?? (int)Math.Clamp(rows / (perDay * 20), 10, 2000);
        var openDays = OpenDays(rows, users, perDay, first, isClosedDay);
        var staff = Staff(users, plant);
        var (residents, cases, caseload) = Residents(staff, users, first, shape.Noise > 0 ? Noise.Uncased : 0);
        var planted = new List<PlantedViolation>();
        var logPath = Path.Combine(outDir, "log.csv");
        var written = WriteLog(logPath, rows, users, perDay, shape.Noise > 0 ? new Noise(staff, new Random(seed + 1), shape.Noise) : null, openDays, staff, caseload, random, plant ? planted : null);
        var (staffPath, residentsPath, casesPath, rolesPath, plantedPath) = WriteMasters(outDir, staff, openDays, residents, cases, planted);
        return new GeneratedLog([logPath, staffPath, residentsPath, casesPath, rolesPath, plantedPath],
            new LogInputs([logPath], staffPath, residentsPath, casesPath, rolesPath), written, planted);
    }

    /// <summary>Enough open days from <paramref name="first"/> for <paramref name="rows"/> background accesses.</summary>
    private static List<DateOnly> OpenDays(long rows, int users, int perDay, DateOnly first, Func<DateOnly, bool> isClosedDay)
    {
        var openDays = new List<DateOnly>();
        for (var d = first; openDays.Count * (long)users * perDay < rows; d = d.AddDays(1))
        {
            if (!isClosedDay(d))
            {
                openDays.Add(d);
            }
        }
        if (openDays.Count == 0)
        {
            openDays.Add(first);
        }
        return openDays;
    }

    private static List<StaffMember> Staff(int users, bool plant)
    {
        // Staff: background users spread over the departments; planted users p01…p15 in 戸籍住民課.
        var staff = new List<StaffMember>();
        for (var i = 0; i < users; i++)
        {
            staff.Add(new StaffMember($"u{i + 1:0000}", Departments[i % Departments.Length], $"S{i + 1:0000}", $"HS{i + 1:0000}", $"シヨクイン{i + 1}"));
        }
        var plantUsers = Enumerable.Range(1, 17).Select(i => new StaffMember($"p{i:00}", Departments[0], $"SP{i:00}", $"HSP{i:00}", $"ウエキ{i}")).ToList();
        if (plant)
        {
            staff.AddRange(plantUsers);
        }
        return staff;
    }

    private static (StringBuilder Residents, StringBuilder Cases, Dictionary<string, List<string>> Caseload) Residents(List<StaffMember> staff, int users, DateOnly first, int uncased)
    {
        // Residents: each department has its own caseload, opened before the log starts and still open.
        var perDepartment = Math.Max(300, users * 10);
        var residents = new StringBuilder("resident_id,household_id,surname_kana,protected,watch,is_staff\n");
        var cases = new StringBuilder("resident_id,dept,opened,closed\n");
        var caseload = Departments.ToDictionary(d => d.Name, _ => new List<string>());
        for (var d = 0; d < Departments.Length; d++)
        {
            for (var i = 0; i < perDepartment; i++)
            {
                var id = $"J{d}{i:000000}";
                residents.Append(CultureInfo.InvariantCulture, $"{id},H{d}{i:000000},ジュウミン{i % 997},0,0,0\n");
                cases.Append(CultureInfo.InvariantCulture, $"{id},{Departments[d].Name},{first.AddDays(-60):yyyy-MM-dd},\n");
                caseload[Departments[d].Name].Add(id);
            }
        }
        foreach (var s in staff)
        {
            residents.Append(CultureInfo.InvariantCulture, $"{s.Resident},{s.Household},{s.Surname},0,0,1\n");
        }
        // Residents without a case, for the planted unexplained accesses and the background's.
        for (var i = 0; i < 20; i++)
        {
            residents.Append(CultureInfo.InvariantCulture, $"X{i:000},HX{i:000},ホカ{i},0,0,0\n");
        }
        for (var i = 0; i < uncased; i++)
        {
            residents.Append(CultureInfo.InvariantCulture, $"Y{i:000000},HY{i:000000},ジュウミン{i % 997},0,0,0\n");
        }
        residents.Append("V001,HV001,ホゴ,1,0,0\n");
        residents.Append("HSP02M,HSP02,ウエキ2,0,0,0\n"); // p02's household member
        residents.Append("SAME03,HSAME03,ウエキ3,0,0,0\n"); // same surname as p03, another household
        return (residents, cases, caseload);
    }

    /// <summary>The background accesses day by day and user by user, then the planted violations (when <paramref name="planted"/> is given).</summary>
    private static long WriteLog(string logPath, long rows, int users, int perDay, Noise? noise, List<DateOnly> openDays, List<StaffMember> staff,
        Dictionary<string, List<string>> caseload, Random random, List<PlantedViolation>? planted)
    {
        long written = 0;
        using (var log = new StreamWriter(logPath, false, new UTF8Encoding(false), 1 << 20))
        {
            log.Write("ts,user_id,terminal_id,terminal_dept,business_code,op,resident_id,result_count,search_method\n");
            void Write(DateTime at, string user, string terminal, string dept, string code, string op, string resident, int? results = null, string method = "")
            {
                log.Write(at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                log.Write(',');
                log.Write(user);
                log.Write(',');
                log.Write(terminal);
                log.Write(',');
                log.Write(dept);
                log.Write(',');
                log.Write(code);
                log.Write(',');
                log.Write(op);
                log.Write(',');
                log.Write(resident);
                log.Write(',');
                if (results is { } r)
                {
                    log.Write(r.ToString(CultureInfo.InvariantCulture));
                }
                log.Write(',');
                log.Write(method);
                log.Write('\n');
                written++;
            }
            var pool = new string[ResidentsPerUserDay];
            foreach (var day in openDays)
            {
                for (var u = 0; u < users && written < rows; u++)
                {
                    var s = staff[u];
                    var load = caseload[s.Dept.Name];
                    for (var k = 0; k < pool.Length; k++)
                    {
                        pool[k] = load[random.Next(load.Count)];
                    }
                    // 08:30 … 17:15, in time order.
                    var seconds = Enumerable.Range(0, perDay).Select(_ => random.Next(8 * 3600 + 1800, 17 * 3600 + 900)).Order().ToArray();
                    for (var a = 0; a < perDay && written < rows; a++)
                    {
                        var at = day.ToDateTime(TimeOnly.MinValue).AddSeconds(seconds[a]);
                        var code = s.Dept.Codes[random.Next(s.Dept.Codes.Length)];
                        var roll = random.Next(100);
                        if (roll < 15)
                        {
                            Write(at, s.Id, "T" + s.Id, s.Dept.Name, code, "SEARCH", "", random.Next(1, 20), random.Next(2) == 0 ? "ID" : "ADDRESS");
                        }
                        else
                        {
                            var op = roll < 90 ? "VIEW" : roll < 96 ? "UPDATE" : "PRINT";
                            Write(at, s.Id, "T" + s.Id, s.Dept.Name, code, op, pool[random.Next(pool.Length)], op == "PRINT" ? random.Next(1, 5) : null);
                        }
                    }
                    noise?.Day(day, u, load, (at, terminal, code, op, resident, results, method) => Write(at, s.Id, terminal, s.Dept.Name, code, op, resident, results, method ?? ""));
                }
            }
            if (planted is not null)
            {
                Plant(Write, openDays, caseload[Departments[0].Name], planted);
            }
        }
        return written;
    }

    private static (string Staff, string Residents, string Cases, string Roles, string Planted) WriteMasters(string outDir, List<StaffMember> staff, List<DateOnly> openDays,
        StringBuilder residents, StringBuilder cases, List<PlantedViolation> planted)
    {
        var staffPath = Path.Combine(outDir, "staff.csv");
        var staffText = new StringBuilder("user_id,resident_id,household_id,surname_kana,dept,role,start_date,end_date,leave,last_active\n");
        foreach (var s in staff)
        {
            var middle = openDays[openDays.Count / 2];
            var (end, leave, lastActive) = s.Id switch
            {
                "p13" => (openDays[0].AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", ""),
                "p16" => ("", $"{middle.AddDays(-2):yyyy-MM-dd}/{middle.AddDays(2):yyyy-MM-dd}", ""),
                "p17" => ("", "", $"{middle.AddDays(-120):yyyy-MM-dd}"),
                _ => ("", "", ""),
            };
            staffText.Append(CultureInfo.InvariantCulture, $"{s.Id},{s.Resident},{s.Household},{s.Surname},{s.Dept.Name},{s.Dept.Role},2010-04-01,{end},{leave},{lastActive}\n");
        }
        File.WriteAllText(staffPath, staffText.ToString(), new UTF8Encoding(false));
        var residentsPath = Path.Combine(outDir, "residents.csv");
        File.WriteAllText(residentsPath, residents.ToString(), new UTF8Encoding(false));
        var casesPath = Path.Combine(outDir, "cases.csv");
        File.WriteAllText(casesPath, cases.ToString(), new UTF8Encoding(false));
        var rolesPath = Path.Combine(outDir, "roles.csv");
        File.WriteAllText(rolesPath, "role,business_codes,roaming\n" + string.Concat(Departments.Select(d => $"{d.Role},{string.Join(';', d.Codes)},{(d.Role == "HR" ? 1 : 0)}\n")), new UTF8Encoding(false));
        var plantedPath = Path.Combine(outDir, "planted.csv");
        File.WriteAllText(plantedPath, "rule,user_id,day\n" + string.Concat(planted.Select(p => $"{p.Rule},{p.UserId},{p.Day:yyyy-MM-dd}\n")), new UTF8Encoding(false));
        return (staffPath, residentsPath, casesPath, rolesPath, plantedPath);
    }

    /// <summary>One violation per rule (three kinds for R13), by users p01…p17 of 戸籍住民課 (terminal T-pNN), each raising its own rule only.</summary>
    private static void Plant(Action<DateTime, string, string, string, string, string, string, int?, string> write, List<DateOnly> openDays, List<string> explained, List<PlantedViolation> planted)
    {
        const string Dept = "戸籍住民課";
        var day = openDays[openDays.Count / 2];
        DateTime At(int hour, int minute, int second = 0) => day.ToDateTime(new TimeOnly(hour, minute, second));
        void W(string user, DateTime at, string resident, string op = "VIEW", int? results = null, string method = "", string code = "JUKI", string? terminal = null) =>
            write(at, user, terminal ?? "T-" + user, Dept, code, op, resident, results, method);
        void Mark(string rule, string user, DateOnly on) => planted.Add(new PlantedViolation(rule, user, on));

        W("p01", At(10, 0), "SP01"); Mark("R01", "p01", day);
        W("p02", At(10, 0), "HSP02M"); Mark("R02", "p02", day);
        W("p03", At(10, 0), "SAME03"); Mark("R03", "p03", day);
        W("p04", At(10, 0), "S0001"); Mark("R04", "p04", day);
        W("p05", At(10, 0), "V001"); Mark("R05", "p05", day);
        for (var i = 0; i < 5; i++)
        {
            W("p06", At(10, i * 10), $"X{i:000}");
        }
        Mark("R06", "p06", day);
        W("p07", At(10, 0), explained[0], code: "ZEI"); Mark("R07", "p07", day);
        W("p08", At(20, 15), explained[1]); Mark("R08", "p08", day);
        for (var i = 0; i < 60; i++)
        {
            W("p09", At(9 + i / 8, i % 8 * 7), explained[100 + i]);
        }
        Mark("R09", "p09", day);
        for (var i = 0; i < 30; i++)
        {
            W("p10", At(14, i / 4, i % 4 * 15), explained[200 + i]);
        }
        Mark("R10", "p10", day);
        var repeatDays = openDays.Where(d => d <= day).TakeLast(3).ToList();
        if (repeatDays.Count == 3 && repeatDays[0].AddDays(29) >= repeatDays[2])
        {
            foreach (var d in repeatDays)
            {
                write(d.ToDateTime(new TimeOnly(11, 0)), "p11", "T-p11", Dept, "JUKI", "VIEW", "X010", null, "");
            }
            Mark("R11", "p11", repeatDays[2]);
        }
        for (var i = 0; i < 3; i++)
        {
            W("p12", At(13 + i, 0), "", "SEARCH", 3, "NAME");
            W("p12", At(13 + i, 2), $"X{11 + i:000}");
        }
        Mark("R12", "p12", day);
        W("p13", At(10, 0), explained[2]); Mark("R13", "p13", day);
        // p16 works during leave; p17 comes back after 120 idle days.
        W("p16", At(10, 0), explained[3]); Mark("R13", "p16", day);
        W("p17", At(10, 30), explained[4]); Mark("R13", "p17", day);
        W("p14", At(10, 0), explained[5], terminal: "T-p14a");
        W("p14", At(10, 4), explained[6], terminal: "T-p14b");
        Mark("R14", "p14", day);
        W("p15", At(10, 0), "", "PRINT", 150); Mark("R15", "p15", day);
    }
}
