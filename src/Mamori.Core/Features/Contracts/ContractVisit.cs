using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Contracts;

/// <summary>実地調査 (a visit) or 報告徴収 (a written report asked of the contractor).</summary>
public enum VisitKind
{
    OnSite,
    Report,
}

/// <summary>
/// 委託先の実地調査・報告徴収 during or at the end of a contract (of the contractor or a sub-contractor). Each visit opens
/// an inspection in the findings register, where what it found is entered, answered and checked like any finding.
/// </summary>
[Label("委託先の実地調査・報告徴収")]
public sealed class ContractVisit : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("委託契約")]
    public Guid ContractId { get; set; }

    /// <summary>The sub-contractor visited, or null for the contractor.</summary>
    [Label("再委託")]
    public Guid? ReconsignmentId { get; set; }

    [Label("種類")]
    public VisitKind Kind { get; set; }

    [Label("実施日")]
    public DateOnly HeldOn { get; set; }

    [Label("確認した内容")]
    public required string Summary { get; set; }

    /// <summary>The inspection of the findings register that holds what the visit found.</summary>
    [Label("検査・監査")]
    public Guid InspectionId { get; set; }
}

public static class ContractVisits
{
    public static string JapaneseName(this VisitKind kind) => kind == VisitKind.OnSite ? "実地調査" : "報告徴収";

    /// <summary>
    /// Records a visit and opens its inspection (source 委託先の実地調査・報告徴収, the contract's 所管課 as the department
    /// examined), in one save.
    /// </summary>
    public static async Task<Outcome<ContractVisit>> RecordAsync(AppDbContext db, Guid contractId, Guid? reconsignmentId, VisitKind kind, DateOnly? heldOn,
        string? summary, TimeProvider clock, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
        {
            return Outcome<ContractVisit>.NotFound(SaveContract.NotFoundMessage);
        }
        string? visited = contract.Contractor;
        if (reconsignmentId is { } rid)
        {
            visited = await db.Reconsignments.AsNoTracking().Where(r => r.Id == rid && r.ContractId == contractId).Select(r => r.Subcontractor).FirstOrDefaultAsync(ct);
            if (visited is null)
            {
                return Outcome<ContractVisit>.NotFound(Reconsignments.NotFoundMessage);
            }
        }
        var errors = new FieldErrors();
        if (heldOn is not { } on)
        {
            errors.Add("HeldOn", "実施日を入力してください。");
        }
        else if (on > Japanese.JapanTime.Today(clock))
        {
            errors.Add("HeldOn", "実施日に先の日付は入力できません。実施してから記録してください。");
        }
        if (errors.Required("Summary", summary, "確認した内容"))
        {
            errors.MaxLength("Summary", summary, 4000, "確認した内容");
        }
        if (errors.Any)
        {
            return errors.Fail<ContractVisit>();
        }
        var inspection = new Inspection
        {
            MunicipalityId = contract.MunicipalityId,
            Source = FindingSource.ContractorVisit,
            Title = $"{kind.JapaneseName()}：{visited}（{contract.Title}）",
            StartOn = heldOn!.Value,
            EndOn = heldOn,
            Note = summary!.Trim(),
        };
        inspection.Departments.Add(new InspectionDepartment { MunicipalityId = contract.MunicipalityId, InspectionId = inspection.Id, DepartmentId = contract.DepartmentId });
        if (inspection.Title.Length > 200)
        {
            inspection.Title = inspection.Title[..200];
        }
        db.Inspections.Add(inspection);
        var visit = new ContractVisit
        {
            DepartmentId = contract.DepartmentId,
            ContractId = contractId,
            ReconsignmentId = reconsignmentId,
            Kind = kind,
            HeldOn = heldOn.Value,
            Summary = summary.Trim(),
            InspectionId = inspection.Id,
        };
        db.ContractVisits.Add(visit);
        await db.SaveChangesAsync(ct);
        return Outcome<ContractVisit>.Success(visit);
    }
}

internal sealed class ContractVisitConfiguration : IEntityTypeConfiguration<ContractVisit>
{
    public void Configure(EntityTypeBuilder<ContractVisit> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Reconsignment>().WithMany().HasForeignKey(x => x.ReconsignmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
    }
}
