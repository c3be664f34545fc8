using Mamori.AccessMonitoring;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Reports;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.AccessMonitoring;

/// <summary>
/// One alert: what fired and why (the rule and its parameters), the user's accesses of that day from the stored
/// log (the alert's resident marked), the triage so far, the next step, and — for a 違反 — the finding it becomes.
/// </summary>
[Authorize(Policy = Policies.AccessRead)]
public sealed class AlertModel(AppDbContext db, CurrentTenant tenant, AccessLogFolders folders, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class MoveInput
    {
        public AlertStatus To { get; set; }
        public AlertOutcome? Outcome { get; set; }
        public string? Supervisor { get; set; }
        public string? Comment { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class FindingInput
    {
        public Guid? DepartmentId { get; set; }
        public string? DueOn { get; set; }
    }

    [BindProperty] public MoveInput Input { get; set; } = new();
    [BindProperty] public FindingInput Finding { get; set; } = new();

    public AccessAlert Alert { get; private set; } = null!;
    public Rule? Rule { get; private set; }
    public IReadOnlyDictionary<string, string> Parameters { get; private set; } = new Dictionary<string, string>();

    /// <summary>Why the alert fired, with the figure and the line it crossed.</summary>
    public string Explanation { get; private set; } = "";
    public IReadOnlyList<AccessRow> Accesses { get; private set; } = [];
    public const int AccessLimit = 1000;
    public List<DepartmentNode> Departments { get; private set; } = [];
    public string? FindingLabel { get; private set; }
    public bool CanWrite { get; private set; }

    /// <summary>The department the staff master names for the alert's user (a department name or code), if any.</summary>
    public Guid? StaffDepartmentId { get; private set; }

    /// <summary>The user's other alerts of the same day.</summary>
    public List<AccessAlert> SameDay { get; private set; } = [];

    /// <summary>The user's alerts over the twelve months up to the alert's, as a chart.</summary>
    public PrintBarChart History { get; private set; } = null!;

    /// <summary>The user's alerts in those twelve months.</summary>
    public int HistoryCount { get; private set; }

    /// <summary>The 所属長 accounts of the staff member's department, who confirm the alert themselves.</summary>
    public List<string> Supervisors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new MoveInput { To = AccessAlerts.Moves(Alert.Status)[0], Version = Alert.Version };
        Finding = DefaultFinding();
        return Page();
    }

    /// <summary>The finding form as first shown: the department the staff master names, due in a month.</summary>
    private FindingInput DefaultFinding() => new()
    {
        DepartmentId = StaffDepartmentId,
        DueOn = WarekiDate.Format(JapanTime.Today(clock).AddMonths(1)),
    };

    public async Task<IActionResult> OnPostMoveAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AccessWrite))
        {
            return Forbid();
        }
        var outcome = await AccessAlerts.MoveAsync(db, id, Input.Version, new AlertMove(Input.To, Input.Outcome, Input.Supervisor, Input.Comment), tenant.ActorName,
            clock.GetUtcNow().UtcDateTime, ct);
        if (outcome.Ok)
        {
            Flash($"アラートを「{AccessPages.StatusText(outcome.Value!)}」にしました。");
            return Redirect($"/access/alerts/{id}");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Finding = DefaultFinding();
        AddErrors(outcome);
        return Page();
    }

    public async Task<IActionResult> OnPostFindingAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.AccessWrite))
        {
            return Forbid();
        }
        var due = ParseDate(Finding.DueOn, "Finding.DueOn");
        if (ModelState.IsValid)
        {
            var outcome = await AccessAlerts.CreateFindingAsync(db, id, Finding.DepartmentId, due, ct);
            if (outcome.Ok)
            {
                Flash("指摘事項に登録しました。対応課が対応を入力し、事務局が確認します。");
                return Redirect($"/findings/{outcome.Value!.Id}");
            }
            AddErrors(outcome, "Finding");
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Input = new MoveInput { To = AccessAlerts.Moves(Alert.Status)[0], Version = Alert.Version };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var alert = await db.AccessAlerts.AsNoTracking().Include(a => a.Comments).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null)
        {
            return false;
        }
        Alert = alert;
        CanWrite = await AllowedAsync(authz, Policies.AccessWrite);
        Rule = RulePack.Default.Rules.FirstOrDefault(r => r.Id == alert.Rule);
        if (alert.Applied is not null)
        {
            Parameters = AlertExplanation.Parse(alert.Applied);
        }
        else if (Rule is not null)
        {
            // Found before the conditions were kept on the alert: today's settings, said as such.
            var overrides = AccessAlerts.ParseParameters((await AccessAlerts.SettingsAsync(db, alert.MunicipalityId, ct)).Parameters).GetValueOrDefault(Rule.Id);
            Parameters = Rule.Parameters.Keys.ToDictionary(k => k, k => overrides?.GetValueOrDefault(k) ?? RulePack.DefaultValue(Rule, k));
        }
        Explanation = AlertExplanation.For(alert, Parameters);
        SameDay = await db.AccessAlerts.AsNoTracking().Where(x => x.UserId == alert.UserId && x.Day == alert.Day && x.Id != alert.Id).OrderBy(x => x.Rule).ToListAsync(ct);
        var twelve = await AccessMonthReport.TwelveAsync(db.AccessAlerts.Where(x => x.UserId == alert.UserId), alert.Day, ct);
        HistoryCount = twelve.Sum(m => m.Alerts);
        History = AccessMonthReport.Chart($"{alert.UserId} のアラート", twelve);
        Accesses = folders.Store(alert.MunicipalityId).Search(null, alert.UserId, alert.Day, alert.Day, AccessLimit);
        Departments = await DepartmentTree.LoadAsync(db, ct);
        StaffDepartmentId = SupervisorReview.DepartmentOf(await db.Departments.AsNoTracking().ToListAsync(ct), alert.UserDept);
        Supervisors = await SupervisorReview.SupervisorsAsync(db, alert, ct);
        if (alert.FindingId is { } findingId)
        {
            FindingLabel = await db.Findings.Where(f => f.Id == findingId).Select(f => f.Heading).FirstOrDefaultAsync(ct);
        }
        SetTitle($"{WarekiDate.Format(alert.Day)} {AccessAlerts.RuleLabel(alert.Rule)}（{alert.UserId}）", AccessPages.Root);
        return true;
    }
}
