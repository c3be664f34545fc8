using System.Globalization;
using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>An alert as the engine found it, with the user's department from the staff master.</summary>
public sealed record DetectedAlert(string Rule, string UserId, string? UserDept, DateOnly Day, string? ResidentId, string Severity, long Count);

/// <summary>The counts of one analysed day.</summary>
public sealed record DetectedDay(DateOnly Day, long Rows, long ResidentRows, long Explained);

/// <summary>A move of an alert's triage as the form sends it.</summary>
public sealed record AlertMove(AlertStatus To, AlertOutcome? Outcome, string? Supervisor, string? Comment);

/// <summary>An allowlist entry as typed; the resident id is pseudonymised by the caller before it is stored.</summary>
public sealed record AllowlistInput(string? Rule, string? UserId, string? ResidentPseudonym, string? Reason, string? ApprovedBy, DateOnly? ExpiresOn);

/// <summary>
/// The alerts' life in the application database: an analysis's alerts recorded (one per user, rule and day; a
/// later run of the same day keeps the triage), the triage moves, the finding a violation becomes, the allowlist.
/// </summary>
public static partial class AccessAlerts
{
    public const string NotFound = "アラートが見つかりません。";

    /// <summary>The Japanese titles of the rules of the pack, from its rule file (for lists, filters and reports).</summary>
    public static IReadOnlyDictionary<string, string> RuleTitles { get; } =
        Mamori.AccessMonitoring.RulePack.Default.Rules.ToDictionary(r => r.Id, r => r.Title, StringComparer.Ordinal);

    public static string RuleLabel(string rule) => RuleTitles.TryGetValue(rule, out var title) ? $"{rule} {title}" : rule;

    public static string JapaneseName(this AlertStatus status) => status switch
    {
        AlertStatus.New => "新規",
        AlertStatus.Investigating => "確認中",
        AlertStatus.SupervisorReview => "所属長確認",
        _ => "完了",
    };

    public static string JapaneseName(this AlertOutcome outcome) => outcome switch
    {
        AlertOutcome.Violation => "違反",
        AlertOutcome.Legitimate => "正当",
        AlertOutcome.NotDetected => "再分析で非検出",
        _ => "誤検知",
    };

    public static string SeverityName(string severity) => severity switch
    {
        "critical" => "緊急",
        "high" => "高",
        "medium" => "中",
        _ => "低",
    };

    /// <summary>The moves allowed from a status: forward, back for more investigation (差戻し), and reopening a closed alert.</summary>
    public static IReadOnlyList<AlertStatus> Moves(AlertStatus from) => from switch
    {
        AlertStatus.New => [AlertStatus.Investigating],
        AlertStatus.Investigating => [AlertStatus.SupervisorReview],
        AlertStatus.SupervisorReview => [AlertStatus.Closed, AlertStatus.Investigating],
        _ => [AlertStatus.Investigating],
    };

    /// <summary>
    /// Moves an alert one step: 確認中 needs nothing; 所属長確認 needs what the investigation found; 完了 needs the
    /// outcome, the 所属長 who confirmed it and a comment, and is the officer's only where the department has no 所属長
    /// account (otherwise the 所属長 confirms); going back (差戻し) and reopening need the reason.
    /// </summary>
    public static async Task<Outcome<AccessAlert>> MoveAsync(AppDbContext db, Guid id, Guid? version, AlertMove move, string actor, DateTime now, CancellationToken ct)
    {
        var (alert, failure) = await OptimisticSave.LoadAsync(db.AccessAlerts.Include(a => a.Comments), id, version, NotFound, ct);
        if (alert is null)
        {
            return failure!;
        }
        if (await RefusalAsync(db, alert, move, ct) is { } refused)
        {
            return refused;
        }
        Apply(db, alert, move with { Comment = Optional(move.Comment) }, supervisorAccountId: null, actor, now);
        return await OptimisticSave.SaveAsync(db, alert, ct);
    }

    /// <summary>Why <paramref name="move"/> cannot be made on <paramref name="alert"/> (its state, a missing field, a 所属長 who confirms), or null.</summary>
    private static async Task<Outcome<AccessAlert>?> RefusalAsync(AppDbContext db, AccessAlert alert, AlertMove move, CancellationToken ct)
    {
        var from = alert.Status;
        if (!Moves(from).Contains(move.To))
        {
            return Outcome<AccessAlert>.Conflict($"「{from.JapaneseName()}」のアラートを「{move.To.JapaneseName()}」にはできません。");
        }
        var errors = new FieldErrors();
        var comment = Optional(move.Comment);
        errors.MaxLength("Comment", comment, 4000, "コメント");
        var back = move.To == AlertStatus.Investigating && from != AlertStatus.New;
        if (back && comment is null)
        {
            errors.Add("Comment", from == AlertStatus.Closed ? "再開する理由を入力してください。" : "差し戻す理由を入力してください。");
        }
        if (move.To == AlertStatus.SupervisorReview && comment is null)
        {
            errors.Add("Comment", "確認した内容（本人への聞き取り、業務上の理由の有無など）を入力してください。");
        }
        if (move.To == AlertStatus.Closed)
        {
            if (move.Outcome is null)
            {
                errors.Add("Outcome", "判定（違反・正当・誤検知）を選んでください。");
            }
            if (errors.Required("Supervisor", move.Supervisor, "確認した所属長"))
            {
                errors.MaxLength("Supervisor", move.Supervisor, 200, "確認した所属長");
            }
            if (comment is null)
            {
                errors.Add("Comment", "所属長の確認の結果を入力してください。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<AccessAlert>();
        }
        // The 所属長 confirms their own staff's alert themselves; the officer records a confirmation only where no 所属長 has an account.
        if (move.To == AlertStatus.Closed && await SupervisorReview.SupervisorsAsync(db, alert, ct) is { Count: > 0 } supervisors)
        {
            return Outcome<AccessAlert>.Conflict(
                $"この職員の所属には所属長のアカウント（{string.Join("・", supervisors)}）があります。所属長確認は所属長が自分のアカウントで記録します。代わりに完了にはできません。");
        }
        return null;
    }

    /// <summary>Makes a checked move, records it in the alert's history and saves.</summary>
    internal static async Task<Outcome<AccessAlert>> ApplyAsync(AppDbContext db, AccessAlert alert, AlertMove move, string? supervisorAccountId, string actor, DateTime now,
        CancellationToken ct)
    {
        Apply(db, alert, move, supervisorAccountId, actor, now);
        return await OptimisticSave.SaveAsync(db, alert, ct);
    }

    /// <summary>Makes a checked move and records it in the alert's history, unsaved.</summary>
    private static void Apply(AppDbContext db, AccessAlert alert, AlertMove move, string? supervisorAccountId, string actor, DateTime now)
    {
        var from = alert.Status;
        alert.Status = move.To;
        if (move.To == AlertStatus.Closed)
        {
            alert.Outcome = move.Outcome;
            alert.Supervisor = move.Supervisor!.Trim();
            alert.SupervisorAccountId = supervisorAccountId;
            alert.ClosedAt = now;
        }
        else if (from == AlertStatus.Closed)
        {
            alert.Outcome = null;
            alert.ClosedAt = null;
            alert.SupervisorAccountId = null;
        }
        AddHistory(db, alert, from, actor, now, move.To == AlertStatus.Closed ? move.Outcome : null, move.Comment);
    }

    /// <summary>A line of the alert's history: who moved it from which state to its present one, and why.</summary>
    private static void AddHistory(AppDbContext db, AccessAlert alert, AlertStatus from, string actor, DateTime now, AlertOutcome? outcome, string? text) =>
        // Added through the set: a new child with its key already set would otherwise be taken for an existing row.
        db.AlertComments.Add(new AlertComment
        {
            MunicipalityId = alert.MunicipalityId,
            AlertId = alert.Id,
            At = now,
            Author = actor,
            From = from,
            To = alert.Status,
            Outcome = outcome,
            Text = text,
        });

    /// <summary>
    /// Registers a closed 違反 as a finding (指摘事項) for <paramref name="departmentId"/>: under the month's
    /// inspection of source アクセスログ監視 (created on first use), numbered next under 個人情報保護法. Once per alert.
    /// </summary>
    public static async Task<Outcome<Finding>> CreateFindingAsync(AppDbContext db, Guid alertId, Guid? departmentId, DateOnly? dueOn, CancellationToken ct)
    {
        var alert = await db.AccessAlerts.FirstOrDefaultAsync(a => a.Id == alertId, ct);
        if (alert is null)
        {
            return Outcome<Finding>.NotFound(NotFound);
        }
        if (alert.Status != AlertStatus.Closed || alert.Outcome != AlertOutcome.Violation)
        {
            return Outcome<Finding>.Conflict("指摘事項にできるのは、違反と判定して完了したアラートだけです。");
        }
        if (alert.FindingId is not null)
        {
            return Outcome<Finding>.Conflict("このアラートは指摘事項に登録済みです。");
        }
        if (departmentId is not { } department || !await db.Departments.AnyAsync(d => d.Id == department, ct))
        {
            return Outcome<Finding>.Fail("DepartmentId", "対応課を選んでください。");
        }
        var month = new DateOnly(alert.Day.Year, alert.Day.Month, 1);
        var inspection = await db.Inspections.FirstOrDefaultAsync(i => i.Source == FindingSource.AccessMonitoring && i.StartOn == month, ct);
        if (inspection is null)
        {
            inspection = new Inspection
            {
                MunicipalityId = alert.MunicipalityId,
                Source = FindingSource.AccessMonitoring,
                Title = $"アクセスログ監視（{WarekiDate.FormatMonth(month)}）",
                Inspector = "セキュリティ担当",
                StartOn = month,
                EndOn = month.AddMonths(1).AddDays(-1),
            };
            db.Inspections.Add(inspection);
        }
        var finding = new Finding
        {
            MunicipalityId = alert.MunicipalityId,
            InspectionId = inspection.Id,
            DepartmentId = department,
            Law = FindingLaw.PersonalInformation,
            Heading = $"住民記録の不適正な参照（{RuleLabel(alert.Rule)}）",
            Provision = "個人情報保護法第69条（利用及び提供の制限）",
            Text = $"アクセスログ監視で、職員（利用者ID {alert.UserId}）による{WarekiDate.Format(alert.Day)}の操作が「{RuleLabel(alert.Rule)}」に該当し、"
                + $"所属長の確認により業務上の必要のない参照（違反）と判定された。",
            DueOn = dueOn ?? (alert.ClosedAt is { } closed ? DateOnly.FromDateTime(closed).AddMonths(1) : null),
        };
        db.Findings.Add(finding);
        alert.FindingId = finding.Id;
        return await NumberedSave.SaveAsync(db, finding, nameof(Finding.Number), async () =>
            finding.Number = (await db.Findings.IgnoreQueryFilters([AppDbContext.DepartmentFilter])
                .Where(f => f.InspectionId == inspection.Id && f.Law == FindingLaw.PersonalInformation).MaxAsync(f => (int?)f.Number, ct) ?? 0) + 1, ct);
    }

    /// <summary>Removes an allowlist entry: the next analysis alerts on what it excepted.</summary>
    public static async Task<Outcome<AccessAllowlistEntry>> RemoveAllowlistAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var entry = await db.AccessAllowlist.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entry is null)
        {
            return Outcome<AccessAllowlistEntry>.NotFound("許可リストの項目が見つかりません。");
        }
        db.AccessAllowlist.Remove(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<AccessAllowlistEntry>.Success(entry);
    }

    /// <summary>Adds an allowlist entry: rule, user, reason, approver and an expiry in the future (at most a year ahead).</summary>
    public static async Task<Outcome<AccessAllowlistEntry>> AddAllowlistAsync(AppDbContext db, Guid municipalityId, AllowlistInput input, string actor, DateTime now, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(now);
        if (input.Rule is null || !RuleTitles.ContainsKey(input.Rule))
        {
            errors.Add("Rule", "ルールを選んでください。");
        }
        if (errors.Required("UserId", input.UserId, "利用者ID"))
        {
            errors.MaxLength("UserId", input.UserId, 100, "利用者ID");
        }
        if (errors.Required("Reason", input.Reason, "理由"))
        {
            errors.MaxLength("Reason", input.Reason, 1000, "理由");
        }
        if (errors.Required("ApprovedBy", input.ApprovedBy, "承認者"))
        {
            errors.MaxLength("ApprovedBy", input.ApprovedBy, 200, "承認者");
        }
        if (input.ExpiresOn is not { } expires)
        {
            errors.Add("ExpiresOn", "有効期限を入力してください。");
        }
        else if (expires < today)
        {
            errors.Add("ExpiresOn", "有効期限が過去の日付です。今日以降の日付を入力してください。");
        }
        else if (expires > today.AddYears(1))
        {
            errors.Add("ExpiresOn", "有効期限は1年以内にしてください。続けるときは期限が来たら改めて承認を得て登録します。");
        }
        if (errors.Any)
        {
            return errors.Fail<AccessAllowlistEntry>();
        }
        var entry = new AccessAllowlistEntry
        {
            MunicipalityId = municipalityId,
            Rule = input.Rule!,
            UserId = input.UserId!.Trim(),
            ResidentId = Optional(input.ResidentPseudonym),
            Reason = input.Reason!.Trim(),
            ApprovedBy = input.ApprovedBy!.Trim(),
            ExpiresOn = input.ExpiresOn!.Value,
            CreatedAt = now,
            CreatedBy = actor,
        };
        db.AccessAllowlist.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<AccessAllowlistEntry>.Success(entry);
    }

    /// <summary>The settings of a municipality (the defaults when none are stored).</summary>
    public static async Task<AccessMonitoringSetting> SettingsAsync(AppDbContext db, Guid municipalityId, CancellationToken ct) =>
        await db.AccessMonitoringSettings.FirstOrDefaultAsync(ct) ?? new AccessMonitoringSetting { MunicipalityId = municipalityId };

    /// <summary>The parameter overrides of the settings: R06 → min_residents → "8".</summary>
    public static Dictionary<string, Dictionary<string, string>> ParseParameters(string text)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            var dot = line.IndexOf('.', StringComparison.Ordinal);
            if (eq < 0 || dot < 0 || dot > eq)
            {
                continue;
            }
            var rule = line[..dot];
            if (!result.TryGetValue(rule, out var values))
            {
                result[rule] = values = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            values[line[(dot + 1)..eq]] = line[(eq + 1)..];
        }
        return result;
    }

    /// <summary>Splits a ;-separated setting into its trimmed, distinct items.</summary>
    public static IReadOnlyList<string> Items(string text) =>
        text.Split([';', '；', ',', '、', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>"R06.min_residents=8" lines from overrides, in rule order.</summary>
    public static string FormatParameters(IEnumerable<(string Rule, string Name, string Value)> overrides) =>
        string.Join('\n', overrides.OrderBy(o => o.Rule, StringComparer.Ordinal).ThenBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Rule}.{o.Name}={o.Value}")));
}
