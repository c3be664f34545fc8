using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Contracts;

/// <summary>A certification as entered: name, number, expiry.</summary>
public sealed record CertificationInput(string? Name, string? Number, DateOnly? ExpiresOn);

/// <summary>A contract as entered on its form or through the API.</summary>
public sealed record ContractInput
{
    public string? Title { get; init; }
    public string? Contractor { get; init; }
    public Guid? DepartmentId { get; init; }
    public DateOnly? StartOn { get; init; }
    public DateOnly? EndOn { get; init; }
    public IReadOnlyList<Guid> SystemIds { get; init; } = [];
    public IReadOnlyList<Guid> RegisterFileIds { get; init; } = [];
    public IReadOnlyList<Guid> AssessedBusinessIds { get; init; } = [];
    public IReadOnlyList<Guid> ReviewCaseIds { get; init; } = [];
    public IReadOnlyList<string> WorkKinds { get; init; } = [];
    public WorkPlace WorkPlace { get; init; }
    public IReadOnlyList<string> Clauses { get; init; } = [];
    public string? HandlingManager { get; init; }
    public IReadOnlyList<string> Handlers { get; init; } = [];
    public IReadOnlyList<CertificationInput> Certifications { get; init; } = [];
    public Guid? Version { get; init; }
}

/// <summary>Creates or updates a 委託契約 (a 所管課 its own department's only).</summary>
public static class SaveContract
{
    public const string NotFoundMessage = "委託契約が見つかりません。";

    public static async Task<Outcome<Contract>> RunAsync(AppDbContext db, Guid? id, ContractInput input, CancellationToken ct)
    {
        Contract? contract = null;
        if (id is { } existing)
        {
            var (loaded, failure) = await OptimisticSave.LoadAsync(db.Contracts.Include(c => c.Certifications), existing, input.Version, NotFoundMessage, ct);
            if (failure is not null)
            {
                return failure;
            }
            contract = loaded;
        }
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "契約件名"))
        {
            errors.MaxLength("Title", input.Title!.Trim(), 200, "契約件名");
        }
        if (errors.Required("Contractor", input.Contractor, "委託先"))
        {
            errors.MaxLength("Contractor", input.Contractor!.Trim(), 200, "委託先");
        }
        errors.MaxLength("HandlingManager", input.HandlingManager, 200, "取扱責任者");
        if (input.StartOn is null)
        {
            errors.Add("StartOn", "契約期間の開始日を入力してください。");
        }
        if (input.EndOn is null)
        {
            errors.Add("EndOn", "契約期間の終了日を入力してください。");
        }
        else if (input.StartOn is { } s && input.EndOn < s)
        {
            errors.Add("EndOn", "終了日は開始日以降の日付にしてください。");
        }
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
            errors.Add("DepartmentId", "所管課のアカウントでは、自分の部署の契約だけを登録できます。");
        }
        var systems = input.SystemIds.Distinct().ToList();
        if (systems.Count > 0 && await db.BusinessSystems.CountAsync(x => systems.Contains(x.Id), ct) != systems.Count)
        {
            errors.Add("SystemIds", "情報システムに見つからないものがあります。");
        }
        var files = input.RegisterFileIds.Distinct().ToList();
        if (files.Count > 0 && await db.PersonalInfoFiles.CountAsync(f => files.Contains(f.Id), ct) != files.Count)
        {
            errors.Add("RegisterFileIds", "個人情報ファイルに見つからないものがあります。");
        }
        var businesses = input.AssessedBusinessIds.Distinct().ToList();
        if (businesses.Count > 0 && await db.AssessedBusinesses.CountAsync(b => businesses.Contains(b.Id), ct) != businesses.Count)
        {
            errors.Add("AssessedBusinessIds", "評価対象の事務に見つからないものがあります。");
        }
        var cases = input.ReviewCaseIds.Distinct().ToList();
        if (cases.Count > 0 && await db.ReviewCases.CountAsync(c => cases.Contains(c.Id), ct) != cases.Count)
        {
            errors.Add("ReviewCaseIds", "部会審査の案件に見つからないものがあります。");
        }
        var certifications = input.Certifications.Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.Number) || c.ExpiresOn is not null).ToList();
        for (var i = 0; i < certifications.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(certifications[i].Name))
            {
                errors.Add($"Certifications[{i}].Name", $"{i + 1}件目の認証の名称（プライバシーマーク、ISMS、ISMAP など）を入力してください。");
            }
        }
        var handlers = input.Handlers.Select(h => h.Trim()).Where(h => h.Length > 0).Distinct().ToList();
        if (handlers.Any(h => h.Length > 100))
        {
            errors.Add("Handlers", "取扱者は1人100文字以内で、1行に1人ずつ入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Contract>();
        }

        if (contract is null)
        {
            contract = new Contract { Title = input.Title!.Trim(), Contractor = input.Contractor!.Trim() };
            db.Contracts.Add(contract);
        }
        contract.Title = input.Title!.Trim();
        contract.Contractor = input.Contractor!.Trim();
        contract.DepartmentId = input.DepartmentId!.Value;
        contract.StartOn = input.StartOn!.Value;
        contract.EndOn = input.EndOn!.Value;
        contract.SystemIds = systems;
        contract.RegisterFileIds = files;
        contract.AssessedBusinessIds = businesses;
        contract.ReviewCaseIds = cases;
        contract.WorkKinds = input.WorkKinds.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToList();
        contract.WorkPlace = input.WorkPlace;
        contract.Clauses = input.Clauses.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        contract.HandlingManager = Optional(input.HandlingManager);
        contract.Handlers = handlers;
        db.ContractCertifications.RemoveRange(contract.Certifications);
        contract.Certifications.Clear();
        foreach (var c in certifications)
        {
            contract.Certifications.Add(new ContractCertification
            {
                MunicipalityId = contract.MunicipalityId,
                Name = c.Name!.Trim(),
                Number = Optional(c.Number),
                ExpiresOn = c.ExpiresOn,
            });
        }
        return await OptimisticSave.SaveAsync(db, contract, ct);
    }
}
