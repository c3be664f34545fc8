using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>One terminal: its registration, the history of periodic audits, and recording a new audit.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class TerminalModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    public sealed class AuditInput
    {
        public string? AuditedOn { get; set; }
        public string? Auditor { get; set; }
        public List<string> Findings { get; set; } = [];
        public string? OtherFindings { get; set; }
        public bool WireLockOk { get; set; }
    }

    [BindProperty] public AuditInput Input { get; set; } = new();
    public Terminal Terminal { get; private set; } = null!;
    public string Department { get; private set; } = "";
    public bool CanWrite { get; private set; }

    /// <summary>Whether the user may take an audit's findings into the findings register (事務局).</summary>
    public bool CanRegisterFindings { get; private set; }

    /// <summary>Audit → the inspection its findings were taken into.</summary>
    public Dictionary<Guid, Guid> TakenOver { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Input.AuditedOn = WarekiDate.Format(JapanTime.Today(clock));
        Input.Auditor = db.Tenant.ActorName;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SecurityWrite))
        {
            return Forbid();
        }
        var on = ParseDate(Input.AuditedOn, "Input.AuditedOn");
        if (ModelState.IsValid)
        {
            var outcome = await Terminals.AuditAsync(db, id, on, Input.Auditor, Input.Findings, Input.OtherFindings, Input.WireLockOk, ct);
            if (outcome.Ok)
            {
                var n = outcome.Value!.FindingLines.Count;
                Flash(n == 0 ? "監査の結果（指摘なし）を記録しました。" : $"監査の結果（指摘 {n} 件）を記録しました。");
                return Redirect($"/security/terminals/{id}");
            }
            AddErrors(outcome);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    /// <summary>Takes an audit's findings into the findings register, where the department answers them.</summary>
    public async Task<IActionResult> OnPostFindingsAsync(Guid id, Guid auditId, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.FindingsManage))
        {
            return Forbid();
        }
        if (!await db.TerminalAudits.AnyAsync(a => a.Id == auditId && a.TerminalId == id, ct))
        {
            return NotFound();
        }
        var outcome = await Core.Features.Findings.FindingWorkflow.FromTerminalAuditAsync(db, auditId, ct);
        if (!outcome.Ok)
        {
            Flash(outcome, string.Empty);
            return Redirect($"/security/terminals/{id}");
        }
        Flash("監査の指摘を指摘事項に登録しました。対応課と期限を確認してください。");
        return Redirect($"/findings/inspections/{outcome.Value!.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var terminal = await db.Terminals.AsNoTracking().Include(t => t.Audits).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (terminal is null)
        {
            return false;
        }
        Terminal = terminal;
        Department = terminal.DepartmentId is { } d ? (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(d, "") : "";
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        CanRegisterFindings = await AllowedAsync(authz, Policies.FindingsManage);
        var auditIds = terminal.Audits.Select(a => (Guid?)a.Id).ToList();
        TakenOver = await db.Inspections.AsNoTracking().Where(i => auditIds.Contains(i.TerminalAuditId))
            .ToDictionaryAsync(i => i.TerminalAuditId!.Value, i => i.Id, ct);
        SetTitle($"統合端末 {terminal.Code}", SecurityPages.Root, new Crumb("統合端末", "/security/terminals"));
        return true;
    }
}
