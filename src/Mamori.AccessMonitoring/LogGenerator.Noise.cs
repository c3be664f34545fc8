namespace Mamori.AccessMonitoring;

/// <summary>
/// The shape of a generated log: how many users (by default from the rows), accesses per user and open day, and how
/// often the background crosses the rules' lines (<see cref="Noise"/>: 1 for an office's rates, 10 for ten times
/// those, 0 for never, when only the planted violations fire).
/// </summary>
public sealed record LogShape(int? Users = null, int AccessesPerUserDay = 40, double Noise = 0);

public static partial class LogGenerator
{
    /// <summary>Writes one access of the current user: time, terminal, business code, operation, resident, result count, search method.</summary>
    private delegate void Access(DateTime at, string terminal, string code, string op, string resident, int? results = null, string? method = null);

    /// <summary>
    /// The background's own alerts, as a real office has them (hundreds to a few thousand a month for two thousand
    /// users): on some user-days, one episode that crosses a rule's line — overtime, a night shift over midnight on two
    /// terminals, a burst of lookups, unexplained lookups, a print run, a name search followed by lookups, a colleague's
    /// record, another terminal within minutes, another department's business, a protected record — and a few curious
    /// users who keep coming back to one resident without a case. The rates are per user-day; the same seed gives the
    /// same episodes.
    /// </summary>
    private sealed class Noise(List<StaffMember> staff, Random random, double times)
    {
        /// <summary>Residents without any case, looked at by the episodes.</summary>
        internal const int Uncased = 5000;

        private static readonly (double Rate, string Kind)[] Episodes =
        [
            (0.008, "overtime"), (0.001, "night"), (0.002, "burst"), (0.003, "unexplained"), (0.002, "print"), (0.002, "name"),
            (0.003, "colleague"), (0.003, "terminal"), (0.002, "business"), (0.0002, "protected"),
        ];

        public void Day(DateOnly day, int index, List<string> load, Access write)
        {
            var user = staff[index];
            if (index % 20 == 7 && random.NextDouble() < Math.Min(1, 0.15 * times))
            {
                write(At(day, 11, random.Next(60)), "T" + user.Id, user.Dept.Codes[0], "VIEW", $"Y{index % Uncased:000000}");
            }
            var roll = random.NextDouble() / times;
            foreach (var (rate, kind) in Episodes)
            {
                if (roll >= rate)
                {
                    roll -= rate;
                    continue;
                }
                Episode(kind, day, user, load, write);
                return;
            }
        }

        private void Episode(string kind, DateOnly day, StaffMember user, List<string> load, Access write)
        {
            var terminal = "T" + user.Id;
            var code = user.Dept.Codes[0];
            string Cased() => load[random.Next(load.Count)];
            string Uncased() => $"Y{random.Next(Noise.Uncased):000000}";
            switch (kind)
            {
                case "overtime":
                    for (var i = 0; i < 3; i++)
                    {
                        write(At(day, 19, 30 + i * 10), terminal, code, "VIEW", Cased());
                    }
                    break;
                case "night":
                    // Over midnight, moving between two terminals: the rows of one episode fall on two days.
                    var night = day.ToDateTime(new TimeOnly(23, 54));
                    for (var i = 0; i < 6; i++)
                    {
                        write(night.AddMinutes(i * 2), i % 2 == 0 ? terminal : terminal + "b", code, "VIEW", Cased());
                    }
                    break;
                case "burst":
                    var burst = At(day, 15, 0);
                    for (var i = 0; i < 35; i++)
                    {
                        write(burst.AddSeconds(i * 13), terminal, code, "VIEW", Cased());
                    }
                    break;
                case "unexplained":
                    for (var i = 0; i < 6; i++)
                    {
                        write(At(day, 13, i * 5), terminal, code, "VIEW", Uncased());
                    }
                    break;
                case "print":
                    write(At(day, 16, 0), terminal, code, "PRINT", "", 100 + random.Next(400));
                    break;
                case "name":
                    for (var i = 0; i < 3; i++)
                    {
                        write(At(day, 10 + i, 0), terminal, code, "SEARCH", "", 2, "NAME");
                        write(At(day, 10 + i, 3), terminal, code, "VIEW", Uncased());
                    }
                    break;
                case "colleague":
                    write(At(day, 12, 10), terminal, code, "VIEW", staff[random.Next(staff.Count)].Resident);
                    break;
                case "terminal":
                    write(At(day, 14, 0), terminal, code, "VIEW", Cased());
                    write(At(day, 14, 2), terminal + "b", code, "VIEW", Cased());
                    break;
                case "business":
                    write(At(day, 11, 0), terminal, user.Dept.Role == "TAX" ? "JUKI" : "ZEI", "VIEW", Cased());
                    break;
                default:
                    write(At(day, 9, 0), terminal, code, "VIEW", "V001");
                    break;
            }
        }

        private static DateTime At(DateOnly day, int hour, int minute) => day.ToDateTime(new TimeOnly(hour, 0)).AddMinutes(minute);
    }
}
