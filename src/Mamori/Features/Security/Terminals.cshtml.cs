using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>統合端末の一覧: place, managers, wire-lock check and the latest audit, with terminals overdue for a check first.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class TerminalsModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    /// <summary>A wire lock not checked for this long is shown as due.</summary>
    public const int CheckIntervalDays = 365;

    public sealed record Row(Terminal Terminal, string Department, TerminalAudit? LastAudit, bool CheckDue);

    public List<Row> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("統合端末", SecurityPages.Root);
        CanWrite = await AllowedAsync(authz, Policies.SecurityWrite);
        var today = JapanTime.Today(clock);
        var labels = await DepartmentTree.LabelsAsync(db, ct);
        var terminals = await db.Terminals.AsNoTracking().Include(t => t.Audits).OrderBy(t => t.Code).ToListAsync(ct);
        Rows = terminals.Select(t => new Row(t, t.DepartmentId is { } d ? labels.GetValueOrDefault(d, "") : "",
                t.Audits.OrderByDescending(a => a.AuditedOn).FirstOrDefault(),
                t.RemovedOn is null && (t.WireLockCheckedOn is null || t.WireLockCheckedOn.Value.AddDays(CheckIntervalDays) < today)))
            .OrderBy(r => r.Terminal.RemovedOn is not null).ThenByDescending(r => r.CheckDue).ThenBy(r => r.Terminal.Code, StringComparer.Ordinal).ToList();
    }
}
