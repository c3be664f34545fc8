using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Contracts;

/// <summary>A re-consignment as entered.</summary>
public sealed record ReconsignmentInput
{
    public Guid? ParentId { get; init; }
    public string? Subcontractor { get; init; }
    public string? Work { get; init; }
    public string? Reason { get; init; }
    public string? Responsibility { get; init; }
    public string? Measures { get; init; }
    public DateOnly? StartOn { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>
/// 再委託承認申請: recording it, keeping the evidence of the two checks, and deciding. Approval is refused until the
/// sub-contractor's 責任体制 and 安全管理措置の具体的取組 are both answered, each with an evidence file (the PPC's finding:
/// re-consignment approved without checking either).
/// </summary>
public static class Reconsignments
{
    public const string NotFoundMessage = "再委託が見つかりません。";

    public static async Task<Outcome<Reconsignment>> SaveAsync(AppDbContext db, Guid contractId, Guid? id, ReconsignmentInput input, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
        {
            return Outcome<Reconsignment>.NotFound(SaveContract.NotFoundMessage);
        }
        Reconsignment? r = null;
        if (id is { } existing)
        {
            var (loaded, failure) = await OptimisticSave.LoadAsync(db.Reconsignments.Where(x => x.ContractId == contractId), existing, input.Version, NotFoundMessage, ct);
            if (failure is not null)
            {
                return failure;
            }
            r = loaded;
            if (r!.Status != ReconsignmentStatus.Requested)
            {
                return Outcome<Reconsignment>.Conflict($"{r.Status.JapaneseName()}済みの再委託は直せません。内容が変わるときは、新しい申請として登録してください。");
            }
        }
        var errors = new FieldErrors();
        if (errors.Required("Subcontractor", input.Subcontractor, "再委託先"))
        {
            errors.MaxLength("Subcontractor", input.Subcontractor!.Trim(), 200, "再委託先");
        }
        if (errors.Required("Work", input.Work, "再委託する業務"))
        {
            errors.MaxLength("Work", input.Work, 1000, "再委託する業務");
        }
        errors.MaxLength("Reason", input.Reason, 1000, "再委託の理由");
        errors.MaxLength("Responsibility", input.Responsibility, 4000, "責任体制");
        errors.MaxLength("Measures", input.Measures, 4000, "安全管理措置の具体的取組");
        if (input.ParentId is { } parent && (parent == id || !await db.Reconsignments.AnyAsync(x => x.Id == parent && x.ContractId == contractId, ct)))
        {
            errors.Add("ParentId", "上位の再委託は、この契約の別の再委託から選んでください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Reconsignment>();
        }
        if (r is null)
        {
            r = new Reconsignment { ContractId = contractId, DepartmentId = contract.DepartmentId, Subcontractor = input.Subcontractor!.Trim(), Work = input.Work!.Trim() };
            db.Reconsignments.Add(r);
        }
        r.ParentId = input.ParentId;
        r.Subcontractor = input.Subcontractor!.Trim();
        r.Work = input.Work!.Trim();
        r.Reason = Optional(input.Reason);
        r.Responsibility = Optional(input.Responsibility);
        r.Measures = Optional(input.Measures);
        r.StartOn = input.StartOn;
        return await OptimisticSave.SaveAsync(db, r, ct);
    }

    /// <summary>What is still missing before a re-consignment may be approved (empty when nothing is).</summary>
    public static IReadOnlyList<string> MissingForApproval(Reconsignment r, IEnumerable<ContractDocument> documents)
    {
        var kinds = documents.Where(d => d.ReconsignmentId == r.Id).Select(d => d.Kind).ToHashSet();
        var missing = new List<string>();
        if (r.Responsibility is null)
        {
            missing.Add("再委託先の責任体制の確認結果");
        }
        if (!kinds.Contains(ContractDocumentKind.Responsibility))
        {
            missing.Add("責任体制の証跡（体制図など）");
        }
        if (r.Measures is null)
        {
            missing.Add("再委託先の安全管理措置の具体的取組の確認結果");
        }
        if (!kinds.Contains(ContractDocumentKind.Measures))
        {
            missing.Add("安全管理措置の証跡（規程・点検結果など）");
        }
        return missing;
    }

    /// <summary>承認 or 不承認 with the date and the content of the decision; approval needs both checks answered with evidence.</summary>
    public static async Task<Outcome<Reconsignment>> DecideAsync(AppDbContext db, Guid id, bool approve, DateOnly? decidedOn, string? note, Guid? version,
        TimeProvider clock, CancellationToken ct)
    {
        var (r, failure) = await OptimisticSave.LoadAsync(db.Reconsignments, id, version, NotFoundMessage, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (r!.Status != ReconsignmentStatus.Requested)
        {
            return Outcome<Reconsignment>.Conflict($"この再委託は{WarekiDate.Format(r.DecidedOn!.Value)}に{r.Status.JapaneseName()}済みです。");
        }
        var errors = new FieldErrors();
        if (decidedOn is not { } on)
        {
            errors.Add("DecidedOn", "承認・不承認の日を入力してください。");
        }
        else if (on > JapanTime.Today(clock))
        {
            errors.Add("DecidedOn", "承認・不承認の日に先の日付は入力できません。");
        }
        errors.MaxLength("DecisionNote", note, 1000, "承認の内容");
        if (approve)
        {
            var documents = await db.ContractDocuments.AsNoTracking().Where(d => d.ReconsignmentId == id).ToListAsync(ct);
            var missing = MissingForApproval(r, documents);
            if (missing.Count > 0)
            {
                errors.Add("", $"承認の前に、次を登録してください：{string.Join("、", missing)}。");
            }
            if (r.ParentId is { } parent && await db.Reconsignments.AsNoTracking().Where(x => x.Id == parent).Select(x => x.Status).FirstAsync(ct) != ReconsignmentStatus.Approved)
            {
                errors.Add("", "上位の再委託がまだ承認されていません。上位から順に承認してください。");
            }
        }
        else if (string.IsNullOrWhiteSpace(note))
        {
            errors.Add("DecisionNote", "不承認の理由を入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Reconsignment>();
        }
        r.Status = approve ? ReconsignmentStatus.Approved : ReconsignmentStatus.Refused;
        r.DecidedOn = decidedOn;
        r.DecidedBy = db.Tenant.ActorName;
        r.DecisionNote = Optional(note);
        return await OptimisticSave.SaveAsync(db, r, ct);
    }

}
