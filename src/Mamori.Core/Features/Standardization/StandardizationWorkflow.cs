using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Standardization;

/// <summary>A 業務's record as the form gives it.</summary>
public sealed record TargetInput
{
    public string? Name { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? CurrentSystem { get; init; }
    public string? CurrentVendor { get; init; }
    public string? TargetSystem { get; init; }
    public string? TargetVendor { get; init; }
    public ProvisionModel? Model { get; init; }
    public string? Cloud { get; init; }
    public bool IsmapListed { get; init; }
    public DateOnly? PlannedOn { get; init; }
    public DateOnly? MigratedOn { get; init; }
    public MigrationPhase Phase { get; init; }
    public Guid? AssessedBusinessId { get; init; }
    public bool ChangesSpecificPersonalInfo { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// The move to 標準準拠システム for the pages and the API alike: the twenty standardised 業務 as a starting list, each
/// 業務's record, and the 重要な変更 a move is for its PIA business.
/// </summary>
public static class StandardizationWorkflow
{
    public const string NotFound = "標準化対象業務が見つかりません。一覧から開き直してください。";

    /// <summary>The 基幹業務 of the 地方公共団体情報システムの標準化に関する法律 (20業務), the list the office starts from and edits.</summary>
    public static IReadOnlyList<string> StandardBusinesses { get; } =
    [
        "住民基本台帳", "戸籍", "戸籍附票", "印鑑登録", "選挙人名簿管理", "固定資産税", "個人住民税", "法人住民税", "軽自動車税", "国民健康保険",
        "国民年金", "障害者福祉", "後期高齢者医療", "介護保険", "児童手当", "生活保護", "健康管理", "就学", "児童扶養手当", "子ども・子育て支援",
    ];

    /// <summary>The sections a move to ガバメントクラウド usually changes, offered when recording the 重要な変更.</summary>
    public const string DefaultSections = "特定個人情報ファイルの取扱いの委託：事前\n特定個人情報の保管・消去：事前";

    /// <summary>Adds the standard 業務 the municipality does not list yet, under <paramref name="departmentId"/> until each is given its 所管課.</summary>
    public static async Task<Outcome<int>> SeedAsync(AppDbContext db, Guid municipalityId, Guid? departmentId, CancellationToken ct)
    {
        if (departmentId is not { } department || !await db.Departments.AnyAsync(d => d.Id == department, ct))
        {
            return Outcome<int>.Fail("DepartmentId", "最初に割り当てる所管課を選んでください（あとで業務ごとに直せます）。");
        }
        var listed = (await db.StandardizationTargets.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Select(t => t.Name).ToListAsync(ct)).ToHashSet();
        var added = StandardBusinesses.Where(n => !listed.Contains(n))
            .Select(n => new StandardizationTarget { MunicipalityId = municipalityId, Name = n, DepartmentId = department }).ToList();
        db.StandardizationTargets.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(added.Count);
    }

    public static async Task<Outcome<StandardizationTarget>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, TargetInput input, Guid? version,
        CancellationToken ct)
    {
        var target = id is { } existing ? await db.StandardizationTargets.FirstOrDefaultAsync(t => t.Id == existing, ct) : null;
        if (id is not null && target is null)
        {
            return Outcome<StandardizationTarget>.NotFound(NotFound);
        }
        var errors = new FieldErrors();
        var name = input.Name?.Trim();
        if (errors.Required("Name", name, "業務"))
        {
            errors.MaxLength("Name", name, 100, "業務");
            if (await db.StandardizationTargets.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(t => t.Name == name && t.Id != (id ?? Guid.Empty), ct))
            {
                errors.Add("Name", $"「{name}」はすでに一覧にあります。");
            }
        }
        // A 所管課 keeps its own 業務 (the query filter finds no other department).
        if (input.DepartmentId is not { } department || !await db.Departments.AnyAsync(d => d.Id == department, ct))
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        else if (db.Tenant.RestrictToDepartment && department != db.Tenant.DepartmentId)
        {
            errors.Add("DepartmentId", "自課の業務だけを登録できます。");
        }
        foreach (var (field, value, label) in new[] { ("CurrentSystem", input.CurrentSystem, "現行システム"), ("CurrentVendor", input.CurrentVendor, "現行の事業者"),
            ("TargetSystem", input.TargetSystem, "標準準拠システム"), ("TargetVendor", input.TargetVendor, "標準準拠システムの事業者"), ("Cloud", input.Cloud, "クラウド") })
        {
            errors.MaxLength(field, value, field == "Cloud" ? 100 : 200, label);
        }
        errors.MaxLength("Note", input.Note, 2000, "備考");
        if (input.Phase == MigrationPhase.Migrated && input.MigratedOn is null)
        {
            errors.Add("MigratedOn", "移行済にするときは、移行日を入力してください。");
        }
        else if (input.Phase != MigrationPhase.Migrated && input.MigratedOn is not null)
        {
            errors.Add("Phase", "移行日を入力したときは、段階を「移行済」にしてください。");
        }
        if (input.AssessedBusinessId is { } business && !await db.AssessedBusinesses.AnyAsync(b => b.Id == business, ct))
        {
            errors.Add("AssessedBusinessId", "評価対象の事務が見つかりません。");
        }
        if (errors.Any)
        {
            return errors.Fail<StandardizationTarget>();
        }
        if (target is null)
        {
            target = new StandardizationTarget { MunicipalityId = municipalityId, Name = name! };
            db.StandardizationTargets.Add(target);
        }
        else if (version is { } v && v != target.Version)
        {
            return Outcome<StandardizationTarget>.Conflict(OptimisticSave.ConflictMessage);
        }
        target.Name = name!;
        target.DepartmentId = input.DepartmentId!.Value;
        target.CurrentSystem = InputText.Optional(input.CurrentSystem);
        target.CurrentVendor = InputText.Optional(input.CurrentVendor);
        target.TargetSystem = InputText.Optional(input.TargetSystem);
        target.TargetVendor = InputText.Optional(input.TargetVendor);
        target.Model = input.Model;
        target.Cloud = InputText.Optional(input.Cloud);
        target.IsmapListed = input.IsmapListed;
        target.PlannedOn = input.PlannedOn;
        target.MigratedOn = input.MigratedOn;
        target.Phase = input.Phase;
        target.AssessedBusinessId = input.AssessedBusinessId;
        target.ChangesSpecificPersonalInfo = input.ChangesSpecificPersonalInfo;
        target.Note = InputText.Optional(input.Note);
        return await OptimisticSave.SaveAsync(db, target, ct);
    }

    /// <summary>Whether the move still needs its 重要な変更 recorded in the PIA module.</summary>
    public static bool NeedsPiaChange(StandardizationTarget t) => t.ChangesSpecificPersonalInfo && t.AssessmentChangeId is null;

    /// <summary>
    /// Records the move as a 重要な変更 of the linked PIA business, through the PIA module's own use case (a 事前 section
    /// re-opens an evaluation due the day before the move), once.
    /// </summary>
    public static async Task<Outcome<StandardizationTarget>> RecordPiaChangeAsync(AppDbContext db, Guid id, string? sections, TimeProvider clock, CancellationToken ct)
    {
        var target = await db.StandardizationTargets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return Outcome<StandardizationTarget>.NotFound(NotFound);
        }
        if (target.AssessmentChangeId is not null)
        {
            return Outcome<StandardizationTarget>.Conflict("この移行は、すでに重要な変更として記録しています。");
        }
        if (target.AssessedBusinessId is not { } business)
        {
            return Outcome<StandardizationTarget>.Conflict("評価対象の事務を結び付けてから記録してください。");
        }
        if (!target.ChangesSpecificPersonalInfo)
        {
            return Outcome<StandardizationTarget>.Conflict("特定個人情報の取扱いが変わる移行だけが重要な変更です。「特定個人情報の取扱いが変わる」を選んで保存してください。");
        }
        var system = target.TargetSystem is null ? "" : $"（{target.TargetSystem}）";
        var change = await AssessmentWorkflow.RecordChangeAsync(db, business,
            new ChangeInput(target.PlannedOn, $"{target.Name}の標準準拠システム{system}への移行", sections ?? DefaultSections), clock, ct);
        if (!change.Ok)
        {
            return change.Refused<StandardizationTarget>();
        }
        target.AssessmentChangeId = change.Value!.Id;
        return await OptimisticSave.SaveAsync(db, target, ct);
    }
}
