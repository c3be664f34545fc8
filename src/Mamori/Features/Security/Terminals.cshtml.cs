using Mamori.Core.Csv;
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

/// <summary>統合端末の一覧: place, managers, wire-lock check and the latest audit, with terminals overdue for a check first.</summary>
[Authorize(Policy = Policies.SecurityRead)]
public sealed class TerminalsModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz) : MamoriPageModel
{
    /// <summary>A wire lock not checked for this long is shown as due.</summary>
    public const int CheckIntervalDays = 365;

    public sealed record Row(Terminal Terminal, string Department, TerminalAudit? LastAudit, bool CheckDue);

    public List<Row> Rows { get; private set; } = [];
    public bool CanWrite { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>端末台帳 as CSV: registration, wire-lock check and the latest audit of every terminal.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? encoding, CancellationToken ct)
    {
        await LoadAsync(ct);
        static string? D(DateOnly? d) => d is { } x ? WarekiDate.Format(x) : null;
        var enc = CsvEncodings.FromName(encoding);
        var rows = Rows.Select(r => new[]
        {
            r.Terminal.Code, r.Terminal.Place, r.Department, r.Terminal.Manager, r.Terminal.Assistant, D(r.Terminal.InstalledOn),
            D(r.Terminal.WireLockCheckedOn), D(r.Terminal.RemovedOn), D(r.LastAudit?.AuditedOn), r.LastAudit is { } a ? string.Join("、", a.FindingLines) : null,
        });
        return File(CsvWriter.ToBytes(enc, ["端末番号", "設置場所", "設置課", "端末機管理責任者", "補助者", "設置日", "ワイヤーロック確認日", "撤去日", "直近の監査日", "直近の指摘事項"], rows),
            CsvEncodings.ContentType(enc), "統合端末台帳.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
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
