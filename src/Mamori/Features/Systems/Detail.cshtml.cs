using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Systems;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Systems;

/// <summary>
/// One business system: what it is, its account list (import, column mapping, staff matching) and the account check —
/// whose account is still open that should not be, since when, and what was done about it.
/// </summary>
[Authorize(Policy = Policies.SystemsRead)]
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IAuthorizationService authz, AccessLogFolders logs) : MamoriPageModel
{
    public sealed class CloseInput
    {
        public Guid ListingId { get; set; }
        public ListingAction? Action { get; set; }
        public string? ClosedOn { get; set; }
        public string? Note { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class ColumnsInput
    {
        public string? Login { get; set; }
        public string? EmployeeNumber { get; set; }
        public string? Name { get; set; }
        public string? Kana { get; set; }
        public string? LastUsed { get; set; }
        public string? State { get; set; }
        public Guid? Version { get; set; }
    }

    [BindProperty] public CloseInput Close { get; set; } = new();
    [BindProperty] public ColumnsInput Columns { get; set; } = new();

    public BusinessSystem System { get; private set; } = null!;
    public SystemLinks Links { get; private set; } = null!;
    public AccountCheckReport Report { get; private set; } = null!;
    public IReadOnlyList<SystemAccount> Accounts { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();
    public AccountImportResult? Imported { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanWrite { get; private set; }
    public bool CanClose { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Close = new CloseInput { ClosedOn = WarekiDate.Format(Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid id, IFormFile? file, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SystemsWrite))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(file, UploadRules.MaxBytes, ct);
        if (file is null || content.Length == 0 || tooLarge is not null)
        {
            ModelState.AddModelError("File", tooLarge ?? "アカウント一覧のファイル（CSV または Excel）を選んでください。");
            return await ReloadAsync(id, ct);
        }
        var outcome = await ImportAccounts.RunAsync(db, id, Path.GetFileName(file.FileName), new MemoryStream(content), clock, ct,
            logs.LastAccess(db.Tenant.MunicipalityId!.Value));
        if (!outcome.Ok)
        {
            AddErrors(outcome, "");
            return await ReloadAsync(id, ct);
        }
        var r = outcome.Value!;
        Flash($"アカウント {r.Accounts:N0} 件を取り込みました（職員と照合 {r.Matched:N0} 件、照合できない {r.Unmatched.Count:N0} 件、停止済み {r.Disabled:N0} 件）。"
            + (r.NewListings > 0 ? $"点検で新たに {r.NewListings} 件を一覧に載せました。{AccountCheck.CloseWithinDays}日以内に対応を記録してください。" : "点検で新たに載ったアカウントはありません。"));
        return Redirect($"/systems/{id}");
    }

    public async Task<IActionResult> OnPostColumnsAsync(Guid id, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SystemsWrite))
        {
            return Forbid();
        }
        var outcome = await SaveSystem.SaveColumnsAsync(db, id, new AccountColumns
        {
            Login = Columns.Login,
            EmployeeNumber = Columns.EmployeeNumber,
            Name = Columns.Name,
            Kana = Columns.Kana,
            LastUsed = Columns.LastUsed,
            State = Columns.State,
        }, Columns.Version, ct);
        if (!outcome.Ok)
        {
            AddErrors(outcome, "Columns");
            return await ReloadAsync(id, ct);
        }
        Flash("列の対応を保存しました。次の取込から使います。");
        return Redirect($"/systems/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, IFormFile? evidence, CancellationToken ct)
    {
        if (!await AllowedAsync(authz, Policies.SystemsWrite))
        {
            return Forbid();
        }
        var (content, tooLarge) = await Uploads.ReadAsync(evidence, UploadRules.MaxBytes, ct);
        if (tooLarge is not null)
        {
            ModelState.AddModelError("Close.Evidence", tooLarge);
            return await ReloadAsync(id, ct);
        }
        var closedOn = ParseDate(Close.ClosedOn, "Close.ClosedOn");
        if (ModelState.IsValid)
        {
            var outcome = await AccountListings.CloseAsync(db, Close.ListingId,
                new ListingClosure(Close.Action, closedOn, Close.Note, evidence?.FileName, content.Length > 0 ? content : null, Close.Version), clock, ct);
            if (outcome.Ok)
            {
                Flash($"「{outcome.Value!.Login}」を「{outcome.Value.Action!.Value.JapaneseName()}」として記録しました。");
                return Redirect($"/systems/{id}#listings");
            }
            AddErrors(outcome, "Close");
        }
        return await ReloadAsync(id, ct);
    }

    private async Task<IActionResult> ReloadAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var system = await db.BusinessSystems.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (system is null)
        {
            return false;
        }
        System = system;
        Today = JapanTime.Today(clock);
        Links = await SystemLinks.LoadAsync(db, ct);
        Report = await AccountCheckReport.BuildAsync(db, Today, id, ct);
        Accounts = await db.SystemAccounts.AsNoTracking().Where(a => a.SystemId == id).OrderBy(a => a.StaffId != null).ThenBy(a => a.Row).ToListAsync(ct);
        var staffIds = Accounts.Where(a => a.StaffId != null).Select(a => a.StaffId!.Value).Distinct().ToList();
        StaffNames = await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking().Where(s => staffIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => $"{s.EmployeeNumber} {s.Name}", ct);
        CanWrite = await AllowedAsync(authz, Policies.SystemsWrite);
        CanClose = CanWrite && await AccountListings.MayCloseAsync(db, system, ct);
        var saved = system.Columns;
        if (Columns.Version is null)
        {
            Columns = new ColumnsInput
            {
                Login = saved.Login,
                EmployeeNumber = saved.EmployeeNumber,
                Name = saved.Name,
                Kana = saved.Kana,
                LastUsed = saved.LastUsed,
                State = saved.State,
                Version = system.Version,
            };
        }
        SetTitle(system.Name, SystemsPages.Root);
        return true;
    }
}
