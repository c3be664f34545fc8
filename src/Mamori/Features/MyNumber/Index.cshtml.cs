using Mamori.Core.Data;
using Mamori.Core.Features.MyNumber;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.MyNumber;

/// <summary>独自利用事務: the uses of the My Number the ordinance allows, with their row, basis and 情報連携, and the amendments under way.</summary>
[Authorize(Policy = Policies.AssessmentsRead)]
public sealed class IndexModel(AppDbContext db, IAuthorizationService authz, TimeProvider clock) : MamoriPageModel
{
    public List<MyNumberProcedure> Procedures { get; private set; } = [];
    public List<OrdinanceAmendment> Amendments { get; private set; } = [];
    public Dictionary<Guid, string> Departments { get; private set; } = [];
    public bool CanWrite { get; private set; }
    public bool CanAmend { get; private set; }
    public string Code { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("独自利用事務（番号利用条例）");
        CanWrite = await AllowedAsync(authz, Policies.AssessmentsWrite);
        CanAmend = await AllowedAsync(authz, Policies.CouncilManage);
        Departments = await DepartmentTree.LabelsAsync(db, ct);
        Procedures = (await db.MyNumberProcedures.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.State).ThenBy(p => p.Row, StringComparer.Ordinal).ThenBy(p => p.Name).ToList();
        Amendments = await db.OrdinanceAmendments.AsNoTracking().OrderBy(a => a.EnforcedOn != null).ThenByDescending(a => a.DraftedOn).ThenBy(a => a.Id).ToListAsync(ct);
        Code = await db.Municipalities.Select(m => m.Code).FirstAsync(ct);
    }

    /// <summary>The procedures in force as .xlsx, in the import's columns.</summary>
    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        var procedures = await db.MyNumberProcedures.AsNoTracking().Where(p => p.State == ProcedureState.InForce).ToListAsync(ct);
        await HttpContext.RecordExportAsync("独自利用事務の一覧（Excel）", procedures.Count);
        return File(MyNumberImport.ToXlsx(procedures, await DepartmentTree.LabelsAsync(db, ct)), Reports.ReportsPages.XlsxType, $"独自利用事務_{JapanTime.Today(clock):yyyyMMdd}.xlsx");
    }
}
