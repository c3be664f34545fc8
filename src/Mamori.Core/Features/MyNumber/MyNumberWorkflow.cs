using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.MyNumber;

/// <summary>A procedure as the form gives it. With an amendment it is added by that amendment; without one it is already in force from <see cref="EffectiveOn"/>.</summary>
public sealed record ProcedureInput
{
    public string? Name { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Ordinance { get; init; }
    public string? Row { get; init; }
    public string? Purpose { get; init; }
    public string? Sources { get; init; }
    public bool UsesLinkage { get; init; }
    public string? LinkageBasis { get; init; }
    public Guid? AssessedBusinessId { get; init; }
    public IReadOnlyList<Guid> RegisterFileIds { get; init; } = [];
    public Guid? AmendmentId { get; init; }
    public DateOnly? EffectiveOn { get; init; }
}

/// <summary>独自利用事務 and the amendments of the ordinance that allows them, for the pages and the API alike.</summary>
public static partial class MyNumberWorkflow
{
    public const string ProcedureNotFound = "独自利用事務が見つかりません。";
    public const string AmendmentNotFound = "条例改正が見つかりません。";

    public static async Task<Outcome<MyNumberProcedure>> SaveProcedureAsync(AppDbContext db, Guid municipalityId, Guid? id, ProcedureInput input, Guid? version,
        CancellationToken ct)
    {
        var procedure = id is { } existing ? await db.MyNumberProcedures.FirstOrDefaultAsync(p => p.Id == existing, ct) : null;
        if (id is not null && procedure is null)
        {
            return Outcome<MyNumberProcedure>.NotFound(ProcedureNotFound);
        }
        var errors = new FieldErrors();
        foreach (var (field, value, label, max) in new[] { ("Name", input.Name, "事務の名称", 200), ("Ordinance", input.Ordinance, "条例", 300), ("Row", input.Row, "条例の項", 100),
            ("Purpose", input.Purpose, "個人番号を利用する事務の内容", 2000) })
        {
            if (errors.Required(field, value, label))
            {
                errors.MaxLength(field, value, max, label);
            }
        }
        errors.MaxLength("Sources", input.Sources, 2000, "利用する特定個人情報");
        errors.MaxLength("LinkageBasis", input.LinkageBasis, 500, "情報連携の根拠");
        if (input.UsesLinkage && string.IsNullOrWhiteSpace(input.LinkageBasis))
        {
            errors.Add("LinkageBasis", "情報連携を行う場合は、その根拠（主務省令の条項など）を入力してください。");
        }
        if (input.DepartmentId is not { } department || !await db.Departments.AnyAsync(d => d.Id == department, ct))
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        else if (db.Tenant.RestrictToDepartment && department != db.Tenant.DepartmentId)
        {
            errors.Add("DepartmentId", "自課の事務だけを登録できます。");
        }
        if (input.AssessedBusinessId is { } business && !await db.AssessedBusinesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(b => b.Id == business, ct))
        {
            errors.Add("AssessedBusinessId", "評価対象の事務が見つかりません。");
        }
        var files = input.RegisterFileIds.Distinct().ToList();
        if (files.Count > 0 && await db.PersonalInfoFiles.CountAsync(f => files.Contains(f.Id), ct) != files.Count)
        {
            errors.Add("RegisterFileIds", "個人情報ファイルに見つからないものがあります。");
        }
        OrdinanceAmendment? amendment = null;
        if (input.AmendmentId is { } amendmentId)
        {
            amendment = await db.OrdinanceAmendments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == amendmentId, ct);
            if (amendment is null)
            {
                errors.Add("AmendmentId", AmendmentNotFound);
            }
            else if (amendment.EnforcedOn is not null && procedure?.AmendmentId != amendmentId)
            {
                errors.Add("AmendmentId", "施行済みの改正には事務を加えられません。");
            }
        }
        else if (procedure is null && input.EffectiveOn is null)
        {
            errors.Add("EffectiveOn", "今ある事務は施行日を、これから加える事務は条例改正を選んでください。");
        }
        if (errors.Any)
        {
            return errors.Fail<MyNumberProcedure>();
        }
        if (procedure is null)
        {
            procedure = new MyNumberProcedure { MunicipalityId = municipalityId, Name = "", Ordinance = "", Row = "", Purpose = "" };
            db.MyNumberProcedures.Add(procedure);
            if (amendment is null)
            {
                (procedure.State, procedure.EffectiveOn) = (ProcedureState.InForce, input.EffectiveOn);
            }
            else
            {
                (procedure.AmendmentId, procedure.Pending, procedure.State) = (amendment.Id, PendingChange.Add, ProcedureState.Planned);
            }
        }
        else if (version is { } v && v != procedure.Version)
        {
            return Outcome<MyNumberProcedure>.Conflict(OptimisticSave.ConflictMessage);
        }
        procedure.Name = input.Name!.Trim();
        procedure.DepartmentId = input.DepartmentId!.Value;
        procedure.Ordinance = input.Ordinance!.Trim();
        procedure.Row = input.Row!.Trim();
        procedure.Purpose = input.Purpose!.Trim();
        procedure.Sources = InputText.Optional(input.Sources);
        procedure.UsesLinkage = input.UsesLinkage;
        procedure.LinkageBasis = input.UsesLinkage ? InputText.Optional(input.LinkageBasis) : null;
        procedure.AssessedBusinessId = input.AssessedBusinessId;
        // Files linked by someone who sees more (the office) stay linked when a 所管課 saves without seeing them.
        var linked = procedure.RegisterFileIds;
        var visible = linked.Count == 0 ? [] : await db.PersonalInfoFiles.Where(f => linked.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
        procedure.RegisterFileIds = [.. linked.Except(visible), .. files];
        return await OptimisticSave.SaveAsync(db, procedure, ct);
    }

    public static async Task<Outcome<OrdinanceAmendment>> SaveAmendmentAsync(AppDbContext db, Guid municipalityId, Guid? id, string? title, Guid? version, CancellationToken ct)
    {
        var amendment = id is { } existing ? await db.OrdinanceAmendments.FirstOrDefaultAsync(a => a.Id == existing, ct) : null;
        if (id is not null && amendment is null)
        {
            return Outcome<OrdinanceAmendment>.NotFound(AmendmentNotFound);
        }
        var errors = new FieldErrors();
        if (errors.Required("Title", title, "件名"))
        {
            errors.MaxLength("Title", title, 300, "件名");
        }
        if (errors.Any)
        {
            return errors.Fail<OrdinanceAmendment>();
        }
        if (amendment is null)
        {
            amendment = new OrdinanceAmendment { MunicipalityId = municipalityId, Title = "" };
            db.OrdinanceAmendments.Add(amendment);
        }
        else if (version is { } v && v != amendment.Version)
        {
            return Outcome<OrdinanceAmendment>.Conflict(OptimisticSave.ConflictMessage);
        }
        amendment.Title = title!.Trim();
        return await OptimisticSave.SaveAsync(db, amendment, ct);
    }
}
