using System.Globalization;
using Mamori.Core;
using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// The alerts: open ones by default, filtered by status, rule, department, user and period, with counts by rule,
/// department and user that lead to the filtered list; CSV of what the page shows.
/// </summary>
[Authorize(Policy = Policies.AccessRead)]
public sealed class AlertsModel(AppDbContext db, IAuthorizationService authz, CurrentTenant tenant, TimeProvider clock) : MamoriPageModel
{
    /// <summary>The move the officer gives the alerts selected on the list (one user's, one rule's).</summary>
    public sealed class BulkInput
    {
        public AlertStatus? To { get; set; }
        public AlertOutcome? Outcome { get; set; }
        public string? Supervisor { get; set; }
        public string? Comment { get; set; }
    }

    /// <summary>The alerts ticked on the list, as 「id:version」.</summary>
    [BindProperty] public List<string> Selected { get; set; } = [];
    [BindProperty] public BulkInput Bulk { get; set; } = new();

    public sealed record Count(string Key, string Label, int Open, int All);

    /// <summary>open (the default: not 完了), all, or one status.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Rule { get; set; }
    [BindProperty(SupportsGet = true)] public string? Dept { get; set; }
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Alerts per page: a month of a large city has thousands; the page shows a hundred, the CSV all.</summary>
    public const int PageSize = 100;

    /// <summary>The alerts of this page (the CSV: all that match).</summary>
    public IReadOnlyList<AccessAlert> Alerts { get; private set; } = [];

    /// <summary>How many alerts match the filters.</summary>
    public int Total { get; private set; }

    public Pager Pager => new(PageNumber, Total, PageSize, "/access", Query());
    public IReadOnlyList<Count> ByRule { get; private set; } = [];
    public IReadOnlyList<Count> ByDept { get; private set; } = [];
    public IReadOnlyList<Count> ByUser { get; private set; } = [];
    public AccessAnalysis? LastAnalysis { get; private set; }
    public bool CanWrite { get; private set; }

    public string Query(string? rule = null, string? dept = null, string? user = null) => string.Join("&", new[]
    {
        Status is { Length: > 0 } s ? $"Status={Uri.EscapeDataString(s)}" : null,
        (rule ?? Rule) is { Length: > 0 } r ? $"Rule={Uri.EscapeDataString(r)}" : null,
        (dept ?? Dept) is { Length: > 0 } d ? $"Dept={Uri.EscapeDataString(d)}" : null,
        (user ?? UserId) is { Length: > 0 } u ? $"UserId={Uri.EscapeDataString(u)}" : null,
        From is { Length: > 0 } f ? $"From={Uri.EscapeDataString(f)}" : null,
        To is { Length: > 0 } t ? $"To={Uri.EscapeDataString(t)}" : null,
    }.Where(x => x is not null));

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(paged: true, ct);

    /// <summary>Moves the selected alerts together, all or none; refused, the list shows why with the selection kept.</summary>
    public async Task<IActionResult> OnPostBulkAsync(CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AccessWrite))
        {
            return Forbid();
        }
        var refs = Selected.Select(v => v.Split(':')).Where(p => p.Length == 2 && Guid.TryParse(p[0], out _))
            .Select(p => new AlertRef(Guid.Parse(p[0]), Guid.TryParse(p[1], out var version) ? version : null)).ToList();
        var moved = Bulk.To is not { } to
            ? Outcome<int>.Fail("To", "進め先を選んでください。")
            : await AccessAlerts.MoveManyAsync(db, refs, new AlertMove(to, Bulk.Outcome, Bulk.Supervisor, Bulk.Comment), tenant.ActorName, clock.GetUtcNow().UtcDateTime, ct);
        if (moved.Ok)
        {
            Flash($"{moved.Value}件のアラートを「{Bulk.To!.Value.JapaneseName()}」にしました。");
            return Redirect($"/access?{Query()}");
        }
        AddErrors(moved, "Bulk");
        await LoadAsync(paged: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(string? encoding, CancellationToken ct)
    {
        await LoadAsync(paged: false, ct);
        var enc = CsvEncodings.FromName(encoding);
        var rows = Alerts.Select(a => new[]
        {
            a.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.Rule, AccessAlerts.RuleTitles.GetValueOrDefault(a.Rule), AccessAlerts.SeverityName(a.Severity),
            a.UserId, a.UserDept, a.ResidentId, a.Count.ToString(CultureInfo.InvariantCulture), AlertExplanation.For(a), a.Status.JapaneseName(), a.Outcome?.JapaneseName(),
            a.Supervisor,
        });
        await HttpContext.RecordExportAsync("アクセスログ監視のアラート（CSV）", Alerts.Count);
        return File(CsvWriter.ToBytes(enc, ["日付", "ルール", "名称", "重要度", "利用者ID", "所属", "住民（仮名）", "件数", "検知の理由", "状況", "判定", "所属長"], rows),
            CsvEncodings.ContentType(enc), "アクセスログ監視_アラート.csv");
    }

    private async Task LoadAsync(bool paged, CancellationToken ct)
    {
        SetTitle("アクセスログ監視 アラート");
        CanWrite = await AllowedAsync(authz, Policies.AccessWrite);
        LastAnalysis = await db.AccessAnalyses.AsNoTracking().OrderByDescending(a => a.RanAt).FirstOrDefaultAsync(ct);
        var query = db.AccessAlerts.AsNoTracking();
        var from = ParseDate(From, nameof(From));
        var to = ParseDate(To, nameof(To));
        if (from is { } f)
        {
            query = query.Where(a => a.Day >= f);
        }
        if (to is { } t)
        {
            query = query.Where(a => a.Day <= t);
        }
        var inPeriod = await query.Select(a => new { a.Rule, a.UserDept, a.UserId, a.Status }).ToListAsync(ct);
        static IReadOnlyList<Count> Group<T>(IEnumerable<T> rows, Func<T, string?> key, Func<T, bool> open, Func<string, string> label) =>
            rows.GroupBy(r => key(r) ?? "").Select(g => new Count(g.Key, label(g.Key), g.Count(open), g.Count()))
                .OrderByDescending(c => c.Open).ThenByDescending(c => c.All).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        ByRule = Group(inPeriod, r => r.Rule, r => r.Status != AlertStatus.Closed, AccessAlerts.RuleLabel).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        ByDept = Group(inPeriod, r => r.UserDept, r => r.Status != AlertStatus.Closed, k => k.Length == 0 ? "（職員マスタにない）" : k);
        ByUser = Group(inPeriod, r => r.UserId, r => r.Status != AlertStatus.Closed, k => k).Take(10).ToList();

        switch (Status)
        {
            case null or "" or "open":
                query = query.Where(a => a.Status != AlertStatus.Closed);
                break;
            case "all":
                break;
            default:
                if (Enum.TryParse<AlertStatus>(Status, out var status))
                {
                    query = query.Where(a => a.Status == status);
                }
                break;
        }
        if (!string.IsNullOrWhiteSpace(Rule))
        {
            query = query.Where(a => a.Rule == Rule);
        }
        if (!string.IsNullOrWhiteSpace(Dept))
        {
            query = query.Where(a => a.UserDept == Dept);
        }
        if (!string.IsNullOrWhiteSpace(UserId))
        {
            var user = UserId.Trim();
            query = query.Where(a => a.UserId == user);
        }
        // Open first, newest day first, the most severe first: ordered by the database, so that a page is a slice of the whole.
        var ordered = query.OrderBy(a => a.Status == AlertStatus.Closed ? 1 : 0).ThenByDescending(a => a.Day)
            .ThenBy(a => a.Severity == "critical" ? 0 : a.Severity == "high" ? 1 : a.Severity == "medium" ? 2 : 3)
            .ThenBy(a => a.Rule).ThenBy(a => a.UserId).ThenBy(a => a.Id);
        Total = await query.CountAsync(ct);
        PageNumber = Pager.Current;
        Alerts = paged
            ? await ordered.Skip(Pager.Skip).Take(PageSize).ToListAsync(ct)
            : await ordered.ToListAsync(ct);
    }

    public static string Day(DateOnly day) => WarekiDate.FormatWithWeekday(day);
}
