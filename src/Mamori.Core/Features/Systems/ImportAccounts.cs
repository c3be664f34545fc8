using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Systems;

/// <summary>What an account import stored: how many accounts, how many matched to staff, and what the check listed.</summary>
public sealed record AccountImportResult(int Accounts, int Matched, int Disabled, IReadOnlyList<string> Unmatched, int NewListings, AccountColumns Columns);

/// <summary>
/// Replaces a system's account list with an export of the system (CSV in UTF-8 or CP932, or .xlsx) — all or nothing:
/// one bad row and nothing is stored, every problem named by row and column. The columns found are saved for the next
/// import, the accounts are matched to staff, and the check runs at once.
/// </summary>
public static class ImportAccounts
{
    public static async Task<Outcome<AccountImportResult>> RunAsync(AppDbContext db, Guid systemId, string fileName, Stream content, TimeProvider clock, CancellationToken ct,
        Lazy<IReadOnlyDictionary<string, DateOnly>>? accessLog = null)
    {
        var system = await db.BusinessSystems.FirstOrDefaultAsync(s => s.Id == systemId, ct);
        if (system is null)
        {
            return Outcome<AccountImportResult>.NotFound(SaveSystem.NotFoundMessage);
        }
        CsvTable table;
        try
        {
            table = TableFile.Read(content, fileName);
        }
        catch (CsvFormatException ex)
        {
            return Outcome<AccountImportResult>.Fail("File", ex.Message + " 何も取り込んでいません。");
        }
        var (columns, rows, problems) = AccountFile.Read(table, system.Columns);
        if (problems.Count > 0)
        {
            var messages = problems.Take(50).Select(p => p.Describe(fileName)).ToList();
            if (problems.Count > 50)
            {
                messages.Add($"ほかに {problems.Count - 50} 件の問題があります。");
            }
            messages.Add("何も取り込んでいません。直してからもう一度取り込んでください。");
            return Outcome<AccountImportResult>.Fail(new Dictionary<string, string[]> { ["File"] = [.. messages] });
        }

        var staff = await db.Staff.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AsNoTracking()
            .Select(s => new StaffKey(s.Id, s.EmployeeNumber, s.Name, s.NameKana)).ToListAsync(ct);
        var users = await db.TenantUsers().AsNoTracking().Where(u => u.StaffId != null && u.UserName != null)
            .Select(u => new { u.UserName, StaffId = u.StaffId!.Value }).ToListAsync(ct);
        var matching = new AccountMatching(staff, users.Select(u => (u.UserName!, u.StaffId)));

        // The list is replaced in one save: accounts no longer exported are removed, the others updated in place (so that
        // a monthly re-import records only what changed in the audit trail), new ones added. A failure changes nothing.
        var existing = await db.SystemAccounts.Where(a => a.SystemId == system.Id).ToDictionaryAsync(a => a.Login, StringComparer.Ordinal, ct);
        var exported = rows.Select(r => r.Login).ToHashSet(StringComparer.Ordinal);
        db.SystemAccounts.RemoveRange(existing.Values.Where(a => !exported.Contains(a.Login)));
        var unmatched = new List<string>();
        var matched = 0;
        foreach (var row in rows)
        {
            var (staffId, by) = matching.Match(row);
            if (staffId is null)
            {
                unmatched.Add(row.Name is null ? row.Login : $"{row.Login}（{row.Name}）");
            }
            else
            {
                matched++;
            }
            if (!existing.TryGetValue(row.Login, out var account))
            {
                account = new SystemAccount { MunicipalityId = system.MunicipalityId, SystemId = system.Id, Login = row.Login };
                db.SystemAccounts.Add(account);
            }
            account.DepartmentId = system.DepartmentId;
            account.Row = row.Row;
            account.EmployeeNumber = row.EmployeeNumber;
            account.Name = row.Name;
            account.NameKana = row.Kana;
            account.LastUsedOn = row.LastUsedOn;
            account.IsDisabled = row.IsDisabled;
            account.StaffId = staffId;
            account.MatchedBy = by;
        }
        system.Columns = columns;
        system.LastImportedAt = clock.GetUtcNow().UtcDateTime;
        system.LastImportFile = Path.GetFileName(fileName) is { Length: <= 255 } n ? n : Path.GetFileName(fileName)[..255];
        system.LastImportBy = db.Tenant.ActorName;
        var saved = await OptimisticSave.SaveAsync(db, system, ct);
        if (!saved.Ok)
        {
            return saved.Refused<AccountImportResult>();
        }
        var listed = await AccountListings.RefreshAsync(db, system.Id, clock, ct, accessLog);
        return Outcome<AccountImportResult>.Success(new AccountImportResult(rows.Count, matched, rows.Count(r => r.IsDisabled), unmatched, listed, columns));
    }
}
