namespace Mamori.AccessMonitoring;

/// <summary>An approved exception: alerts of a rule for a user (and resident, when given) are suppressed until it expires.</summary>
public sealed record AllowlistEntry(string Rule, string UserId, string? ResidentId, string ApprovedBy, DateOnly Expires);

/// <summary>The settings of an analysis; everything has the defaults of the v1 rule pack.</summary>
public sealed record MonitoringSettings
{
    /// <summary>National holidays (including 振替休日 and 国民の休日); weekends and 12/29–1/3 are closed days anyway.</summary>
    public IReadOnlyCollection<DateOnly> Holidays { get; init; } = [];

    /// <summary>Business codes of HR, payroll and tax withholding, where looking up colleagues is the work (R04).</summary>
    public IReadOnlyCollection<string> ExemptBusinessCodes { get; init; } = ["JINJI", "KYUYO", "GENSEN"];

    /// <summary>Departments allowed to handle protected records (R05); empty means any department with a case.</summary>
    public IReadOnlyCollection<string> ProtectedDepartments { get; init; } = [];

    /// <summary>Parameter overrides by rule id: R06 → min_residents → 8.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Parameters { get; init; } = new Dictionary<string, IReadOnlyDictionary<string, decimal>>();

    public IReadOnlyList<AllowlistEntry> Allowlist { get; init; } = [];

    /// <summary>How much memory the engine may use before it spills to temporary files (DuckDB's memory_limit).</summary>
    public string MemoryLimit { get; init; } = "2GB";
}

/// <summary>One alert: a rule fired for a user on a day (once per user, rule and day).</summary>
public sealed record Alert(string Rule, string UserId, DateOnly Day, string? ResidentId, string Severity, long Count);

/// <summary>What an analysis read and found.</summary>
public sealed record AnalysisResult(long Rows, IReadOnlyList<Alert> Alerts);
