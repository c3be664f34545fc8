namespace Mamori.AccessMonitoring;

/// <summary>An approved exception: alerts of a rule for a user (and resident, when given) are suppressed until it expires.</summary>
public sealed record AllowlistEntry(string Rule, string UserId, string? ResidentId, string ApprovedBy, DateOnly Expires);

/// <summary>The settings of an analysis; everything has the defaults of the v1 rule pack.</summary>
public sealed record MonitoringSettings
{
    /// <summary>National holidays (including 振替休日 and 国民の休日); weekends and 12/29–1/3 are closed days anyway.</summary>
    public IReadOnlyCollection<DateOnly> Holidays { get; init; } = [];

    /// <summary>Whether the office is closed on <paramref name="day"/>: a weekend, 12/29–1/3 or a holiday (as the <c>days</c> view says).</summary>
    public bool IsClosed(DateOnly day) =>
        day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (day.Month == 12 && day.Day >= 29) || (day.Month == 1 && day.Day <= 3) || Holidays.Contains(day);

    /// <summary>Business codes of HR, payroll and tax withholding, where looking up colleagues is the work (R04).</summary>
    public IReadOnlyCollection<string> ExemptBusinessCodes { get; init; } = ["JINJI", "KYUYO", "GENSEN"];

    /// <summary>Departments allowed to handle protected records (R05); empty means any department with a case.</summary>
    public IReadOnlyCollection<string> ProtectedDepartments { get; init; } = [];

    /// <summary>
    /// Parameter overrides by rule id, as text: R06 → min_residents → "8", R08 → day_start → "08:00:00". A number
    /// parameter takes a number, a time parameter a time (<see cref="RulePack.CheckParameter"/>).
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parameters { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, string>>();

    public IReadOnlyList<AllowlistEntry> Allowlist { get; init; } = [];

    /// <summary>How much memory the engine may use before it spills to temporary files (DuckDB's memory_limit).</summary>
    public string MemoryLimit { get; init; } = "2GB";

    /// <summary>
    /// How many stored rows one run of an analysis reads at most: a longer period is analysed in runs of whole days
    /// one after the other, so that memory is that of one run (measured: about 1 GB for 10 million rows).
    /// </summary>
    public long RowsPerRun { get; init; } = 10_000_000;
}

/// <summary>One alert: a rule fired for a user on a day (once per user, rule and day).</summary>
public sealed record Alert(string Rule, string UserId, DateOnly Day, string? ResidentId, string Severity, long Count);

/// <summary>One day of an analysis: rows read, rows that name a resident, and those a case of the user's department explains.</summary>
public sealed record DayCount(DateOnly Day, long Rows, long ResidentRows, long Explained);

/// <summary>What an analysis read and found, with the counts per day (for the monthly report's share of explained accesses).</summary>
public sealed record AnalysisResult(long Rows, IReadOnlyList<Alert> Alerts, IReadOnlyList<DayCount> Days)
{
    /// <summary>Each user's department as the staff master names it.</summary>
    public IReadOnlyDictionary<string, string> UserDepartments { get; init; } = new Dictionary<string, string>();

    /// <summary>Each user's last active day in the period (what a following period counts as the user's last activity).</summary>
    internal IReadOnlyDictionary<string, DateOnly> LastActive { get; init; } = new Dictionary<string, DateOnly>();
}
