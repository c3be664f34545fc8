using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.AccessMonitoring;

/// <summary>An alert as the list showed it: its id and the version the officer saw.</summary>
public sealed record AlertRef(Guid Id, Guid? Version);

public static partial class AccessAlerts
{
    /// <summary>How many alerts one bulk move may carry: a page of the list.</summary>
    public const int MaxBulk = 100;

    /// <summary>
    /// Moves several alerts (of one user or one rule, as the officer selects them) the same step with the same comment,
    /// each checked exactly as if moved alone and each with the comment in its own history, then saved together. All or
    /// none: a missing comment is named once; an alert whose state does not allow the move, that someone changed
    /// meanwhile, or whose 所属長 must confirm it, is named by day, rule and user, and no alert changes.
    /// </summary>
    public static async Task<Outcome<int>> MoveManyAsync(AppDbContext db, IReadOnlyList<AlertRef> alerts, AlertMove move, string actor, DateTime now, CancellationToken ct)
    {
        var distinct = alerts.DistinctBy(a => a.Id).ToList();
        if (distinct.Count == 0)
        {
            return Outcome<int>.Fail("Alerts", "進めるアラートを一覧で選んでください。");
        }
        if (distinct.Count > MaxBulk)
        {
            return Outcome<int>.Fail("Alerts", $"一度に進められるのは{MaxBulk}件までです（{distinct.Count}件選ばれています）。");
        }
        // Every alert is checked before any changes, and all are saved in one save: one transaction, and one append
        // to the audit chain (a transaction held across several saves would hold the chain's next number meanwhile).
        var problems = new List<string>();
        var checkedAlerts = new List<AccessAlert>();
        foreach (var a in distinct)
        {
            var (alert, failure) = await OptimisticSave.LoadAsync(db.AccessAlerts.Include(x => x.Comments), a.Id, a.Version, NotFound, ct);
            var refused = alert is null ? failure : await RefusalAsync(db, alert, move, ct);
            if (refused is null)
            {
                checkedAlerts.Add(alert!);
                continue;
            }
            if (refused.Kind == FailureKind.Invalid)
            {
                // What the form lacks is lacking for every alert: said once, by field.
                db.ChangeTracker.Clear();
                return refused.Refused<int>();
            }
            problems.Add($"{await LabelAsync(db, a.Id, ct)}：{refused.Describe()}");
        }
        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            return Outcome<int>.Conflict($"次の{problems.Count}件を進められないため、どのアラートも変えていません。\n{string.Join("\n", problems)}");
        }
        foreach (var alert in checkedAlerts)
        {
            Apply(db, alert, move with { Comment = InputText.Optional(move.Comment) }, supervisorAccountId: null, actor, now);
        }
        var saved = await OptimisticSave.SaveAsync(db, checkedAlerts[0], ct);
        return saved.Ok ? Outcome<int>.Success(checkedAlerts.Count) : saved.Refused<int>();
    }

    /// <summary>「令和6年4月3日 R01 本人の記録の参照（S00123）」, or 「選んだアラート」 for one that is not found.</summary>
    private static async Task<string> LabelAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.AccessAlerts.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.Day, a.Rule, a.UserId }).FirstOrDefaultAsync(ct) is { } a
            ? $"{WarekiDate.Format(a.Day)} {RuleLabel(a.Rule)}（{a.UserId}）"
            : "選んだアラート（見つかりません）";
}
