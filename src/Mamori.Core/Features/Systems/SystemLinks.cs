using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Systems;

/// <summary>
/// The records a system links to, by id with the label a person reads: departments, 個人情報ファイル (番号 名称), PIA
/// businesses and the accounts that may administer a system. A 所管課 is offered its own files and businesses only (drafts
/// of other departments are not its to read); accounts are the municipality's active staff accounts (not 委員).
/// </summary>
public sealed record SystemLinks(
    IReadOnlyList<DepartmentNode> Departments,
    IReadOnlyDictionary<Guid, string> Files,
    IReadOnlyDictionary<Guid, string> Businesses,
    IReadOnlyDictionary<string, string> Accounts)
{
    public static async Task<SystemLinks> LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var departments = await DepartmentTree.LoadAsync(db, ct);
        var accounts = await db.TenantUsers().AsNoTracking().Where(u => u.SuspendedAt == null && u.Role != UserRole.Member)
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct);
        return new SystemLinks(departments, await FilesAsync(db, ct), await BusinessesAsync(db, ct),
            accounts.ToDictionary(a => a.Id, a => $"{a.DisplayName}（{a.UserName}）"));
    }

    /// <summary>The 個人情報ファイル the user sees, as 「番号 名称」, in number order.</summary>
    public static async Task<Dictionary<Guid, string>> FilesAsync(AppDbContext db, CancellationToken ct) =>
        (await db.PersonalInfoFiles.AsNoTracking().OrderBy(f => f.FileNumber).Select(f => new { f.Id, f.FileNumber, f.Name }).ToListAsync(ct))
            .ToDictionary(f => f.Id, f => $"{f.FileNumber} {f.Name}");

    /// <summary>The PIA businesses the user sees, by name.</summary>
    public static async Task<Dictionary<Guid, string>> BusinessesAsync(AppDbContext db, CancellationToken ct) =>
        await db.AssessedBusinesses.AsNoTracking().OrderBy(b => b.Name).ToDictionaryAsync(b => b.Id, b => b.Name, ct);

    public string Department(Guid id) => Departments.FirstOrDefault(d => d.Id == id)?.Label ?? "不明な部署";
}
