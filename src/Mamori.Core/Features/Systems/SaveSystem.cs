using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Systems;

/// <summary>A business system as entered on its form or through the API.</summary>
public sealed record SystemInput
{
    public string? Name { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Vendor { get; init; }
    public SystemHosting Hosting { get; init; }
    public bool HoldsMyNumber { get; init; }
    public string? Holds { get; init; }
    public IReadOnlyList<Guid> RegisterFileIds { get; init; } = [];
    public Guid? AssessedBusinessId { get; init; }
    public string? AccessLogSource { get; init; }
    public IReadOnlyList<Guid> UsingDepartmentIds { get; init; } = [];
    public IReadOnlyList<string> AdministratorIds { get; init; } = [];
    public int? UnusedDays { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>
/// Creates or updates a 情報システム台帳 entry. A 所管課 user keeps only its own department's systems (the context
/// refuses anything else; this gives the readable message first). Linked records must be the municipality's own.
/// </summary>
public static class SaveSystem
{
    public const string NotFoundMessage = "情報システムが見つかりません。";

    public static async Task<Outcome<BusinessSystem>> RunAsync(AppDbContext db, Guid? id, SystemInput input, CancellationToken ct)
    {
        BusinessSystem? system = null;
        if (id is { } existing)
        {
            var (loaded, failure) = await OptimisticSave.LoadAsync(db.BusinessSystems, existing, input.Version, NotFoundMessage, ct);
            if (failure is not null)
            {
                return failure;
            }
            system = loaded;
        }

        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (errors.Required("Name", name, "システム名"))
        {
            errors.MaxLength("Name", name, 200, "システム名");
            if (await db.BusinessSystems.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(s => s.Name == name && s.Id != id, ct))
            {
                errors.Add("Name", $"「{name}」は既に台帳にあります。別の名称にするか、登録済みのシステムを開いてください。");
            }
        }
        errors.MaxLength("Vendor", input.Vendor, 200, "事業者");
        errors.MaxLength("Holds", input.Holds, 4000, "保有する情報");
        errors.MaxLength("AccessLogSource", input.AccessLogSource, 200, "アクセスログ");
        if (input.DepartmentId is not { } departmentId)
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("DepartmentId", "選ばれた所管課が見つかりません。");
        }
        else if (db.Tenant.RestrictToDepartment && departmentId != db.Tenant.DepartmentId)
        {
            errors.Add("DepartmentId", "所管課のアカウントでは、自分の部署のシステムだけを登録できます。");
        }
        var usingDepartments = input.UsingDepartmentIds.Distinct().Where(d => d != input.DepartmentId).ToList();
        if (usingDepartments.Count > 0 && await db.Departments.CountAsync(d => usingDepartments.Contains(d.Id), ct) != usingDepartments.Count)
        {
            errors.Add("UsingDepartmentIds", "利用課に見つからない部署があります。");
        }
        var files = input.RegisterFileIds.Distinct().ToList();
        if (files.Count > 0 && await db.PersonalInfoFiles.CountAsync(f => files.Contains(f.Id), ct) != files.Count)
        {
            errors.Add("RegisterFileIds", "個人情報ファイルに見つからないものがあります。");
        }
        if (input.AssessedBusinessId is { } business
            && !await db.AssessedBusinesses.AnyAsync(b => b.Id == business, ct))
        {
            errors.Add("AssessedBusinessId", "評価対象の事務が見つかりません。");
        }
        var admins = input.AdministratorIds.Where(a => a.Length > 0).Distinct().ToList();
        var municipality = db.Tenant.MunicipalityId;
        if (admins.Count > 0 && await db.Users.CountAsync(u => admins.Contains(u.Id) && u.MunicipalityId == municipality, ct) != admins.Count)
        {
            errors.Add("AdministratorIds", "システム管理者に見つからないアカウントがあります。");
        }
        if (input.UnusedDays is { } days && days is < 1 or > 3650)
        {
            errors.Add("UnusedDays", "未使用とみなす日数は1〜3650日で入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<BusinessSystem>();
        }

        if (system is null)
        {
            system = new BusinessSystem { Name = name! };
            db.BusinessSystems.Add(system);
        }
        else
        {
            system.Name = name!;
        }
        system.DepartmentId = input.DepartmentId!.Value;
        system.Vendor = Optional(input.Vendor);
        system.Hosting = input.Hosting;
        system.HoldsMyNumber = input.HoldsMyNumber;
        system.Holds = Optional(input.Holds);
        system.RegisterFileIds = files;
        system.AssessedBusinessId = input.AssessedBusinessId;
        system.AccessLogSource = Optional(input.AccessLogSource);
        system.UsingDepartmentIds = usingDepartments;
        system.AdministratorIds = admins;
        system.UnusedDays = input.UnusedDays ?? system.UnusedDays;
        return await OptimisticSave.SaveAsync(db, system, ct);
    }

    /// <summary>Saves the headers of the system's account export (列の対応); a blank item is detected from the file.</summary>
    public static async Task<Outcome<BusinessSystem>> SaveColumnsAsync(AppDbContext db, Guid id, AccountColumns columns, Guid? version, CancellationToken ct)
    {
        var (system, failure) = await OptimisticSave.LoadAsync(db.BusinessSystems, id, version, NotFoundMessage, ct);
        if (failure is not null)
        {
            return failure;
        }
        var errors = new FieldErrors();
        foreach (var (field, value) in new[]
                 {
                     ("Login", columns.Login), ("EmployeeNumber", columns.EmployeeNumber), ("Name", columns.Name), ("Kana", columns.Kana),
                     ("LastUsed", columns.LastUsed), ("State", columns.State),
                 })
        {
            errors.MaxLength(field, value, 100, "見出し");
        }
        if (errors.Any)
        {
            return errors.Fail<BusinessSystem>();
        }
        system!.Columns = new AccountColumns
        {
            Login = Optional(columns.Login),
            EmployeeNumber = Optional(columns.EmployeeNumber),
            Name = Optional(columns.Name),
            Kana = Optional(columns.Kana),
            LastUsed = Optional(columns.LastUsed),
            State = Optional(columns.State),
        };
        return await OptimisticSave.SaveAsync(db, system, ct);
    }

}
