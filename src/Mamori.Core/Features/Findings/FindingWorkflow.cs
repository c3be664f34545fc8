using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Findings;

/// <summary>An inspection as typed on the form.</summary>
public sealed record InspectionInput(FindingSource Source, string? Title, string? Inspector, DateOnly? StartOn, DateOnly? EndOn, string? Note,
    IReadOnlyList<Guid> DepartmentIds);

/// <summary>A finding as the office enters it.</summary>
public sealed record FindingInput
{
    public FindingLaw Law { get; init; }
    public int? Number { get; init; }
    public string? Heading { get; init; }
    public string? Provision { get; init; }
    public string? Text { get; init; }
    public Guid? DepartmentId { get; init; }
    public DateOnly? DueOn { get; init; }
    public string? Countermeasure { get; init; }
    public Guid? IncidentId { get; init; }
}

/// <summary>The department's response: countermeasure, owner, progress.</summary>
public sealed record FindingResponse(string? Countermeasure, string? Owner, FindingStatus Status, DateOnly? DoneOn);

/// <summary>Inspections, their findings, the departments' responses and the office's closing check.</summary>
public static partial class FindingWorkflow
{
    public const string InspectionNotFound = "検査・監査が見つかりません。";
    public const string FindingNotFound = "指摘事項が見つかりません。";

    public static async Task<Outcome<Inspection>> SaveInspectionAsync(AppDbContext db, Guid municipalityId, Guid? id, InspectionInput input, Guid? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "名称"))
        {
            errors.MaxLength("Title", input.Title, 200, "名称");
        }
        errors.MaxLength("Inspector", input.Inspector, 200, "検査機関・監査人");
        errors.MaxLength("Note", input.Note, 4000, "講評・備考");
        if (input.StartOn is null)
        {
            errors.Add("StartOn", "実施期間の初日を入力してください。");
        }
        else if (input.EndOn is { } end && end < input.StartOn)
        {
            errors.Add("EndOn", "実施期間の最終日が初日より前になっています。");
        }
        var departments = input.DepartmentIds.Distinct().ToList();
        if (departments.Count > 0 && await db.Departments.CountAsync(d => departments.Contains(d.Id), ct) != departments.Count)
        {
            errors.Add("DepartmentIds", "対象部署が見つかりません。部署一覧から選び直してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Inspection>();
        }
        Inspection inspection;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.Inspections.Include(i => i.Departments), existing, version, InspectionNotFound, ct);
            if (found is null)
            {
                return failure!;
            }
            inspection = found;
            inspection.Title = input.Title!.Trim();
        }
        else
        {
            inspection = new Inspection { MunicipalityId = municipalityId, Title = input.Title!.Trim() };
            db.Inspections.Add(inspection);
        }
        inspection.Source = input.Source;
        inspection.Inspector = Optional(input.Inspector);
        inspection.StartOn = input.StartOn!.Value;
        inspection.EndOn = input.EndOn == input.StartOn ? null : input.EndOn;
        inspection.Note = Optional(input.Note);
        foreach (var gone in inspection.Departments.Where(d => !departments.Contains(d.DepartmentId)).ToList())
        {
            inspection.Departments.Remove(gone);
        }
        foreach (var added in departments.Where(d => inspection.Departments.All(x => x.DepartmentId != d)))
        {
            inspection.Departments.Add(new InspectionDepartment { MunicipalityId = inspection.MunicipalityId, InspectionId = inspection.Id, DepartmentId = added });
        }
        return await OptimisticSave.SaveAsync(db, inspection, ct);
    }

    /// <summary>
    /// Takes the findings of a terminal audit (one per line) into the register: an inspection of source 端末監査 for the
    /// audit, and a finding per line for the terminal's department under 住民基本台帳法, due a month after the audit.
    /// Done once per audit.
    /// </summary>
    public static async Task<Outcome<Inspection>> FromTerminalAuditAsync(AppDbContext db, Guid auditId, CancellationToken ct)
    {
        var audit = await db.TerminalAudits.AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, ct);
        var terminal = audit is null ? null : await db.Terminals.AsNoTracking().FirstOrDefaultAsync(t => t.Id == audit.TerminalId, ct);
        if (audit is null || terminal is null)
        {
            return Outcome<Inspection>.NotFound("端末の監査の記録が見つかりません。");
        }
        if (audit.FindingLines.Count == 0)
        {
            return Outcome<Inspection>.Fail("", "この監査には指摘事項がありません。");
        }
        if (terminal.DepartmentId is not { } department)
        {
            return Outcome<Inspection>.Fail("", $"端末 {terminal.Code} の設置課が登録されていません。対応課を決めるため、先に端末の設置課を登録してください。");
        }
        if (await db.Inspections.AnyAsync(i => i.TerminalAuditId == auditId, ct))
        {
            return Outcome<Inspection>.Conflict("この監査の指摘事項は登録済みです。");
        }
        var inspection = new Inspection
        {
            MunicipalityId = audit.MunicipalityId,
            Source = FindingSource.TerminalAudit,
            Title = $"統合端末 {terminal.Code} の定期監査",
            Inspector = audit.Auditor,
            StartOn = audit.AuditedOn,
            TerminalAuditId = audit.Id,
        };
        inspection.Departments.Add(new InspectionDepartment { MunicipalityId = audit.MunicipalityId, InspectionId = inspection.Id, DepartmentId = department });
        db.Inspections.Add(inspection);
        var number = 0;
        foreach (var line in audit.FindingLines)
        {
            db.Findings.Add(new Finding
            {
                MunicipalityId = audit.MunicipalityId,
                InspectionId = inspection.Id,
                DepartmentId = department,
                Law = FindingLaw.ResidentRegistry,
                Number = ++number,
                Heading = line.Length > 200 ? line[..200] : line,
                Text = $"統合端末 {terminal.Code}（{terminal.Place}）の定期監査で「{line}」が認められた。",
                DueOn = audit.AuditedOn.AddMonths(1),
            });
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Inspection>.Success(inspection);
    }

    /// <summary>Deletes an inspection that has no findings yet (one entered by mistake).</summary>
    public static async Task<Outcome<Inspection>> DeleteInspectionAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var inspection = await db.Inspections.Include(i => i.Departments).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return Outcome<Inspection>.NotFound(InspectionNotFound);
        }
        if (await db.Findings.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(f => f.InspectionId == id, ct))
        {
            return Outcome<Inspection>.Conflict("指摘事項のある検査・監査は削除できません。先に指摘事項を削除してください。");
        }
        db.Inspections.Remove(inspection);
        await db.SaveChangesAsync(ct);
        return Outcome<Inspection>.Success(inspection);
    }

    /// <summary>Enters or corrects a finding (事務局). A blank number takes the next one of its law.</summary>
    public static async Task<Outcome<Finding>> SaveFindingAsync(AppDbContext db, Guid inspectionId, Guid? id, FindingInput input, Guid? version, CancellationToken ct)
    {
        var inspection = await db.Inspections.AsNoTracking().FirstOrDefaultAsync(i => i.Id == inspectionId, ct);
        if (inspection is null)
        {
            return Outcome<Finding>.NotFound(InspectionNotFound);
        }
        var errors = new FieldErrors();
        if (errors.Required("Heading", input.Heading, "項目"))
        {
            errors.MaxLength("Heading", input.Heading, 200, "項目");
        }
        errors.MaxLength("Provision", input.Provision, 300, "根拠");
        if (errors.Required("Text", input.Text, "指摘の内容"))
        {
            errors.MaxLength("Text", input.Text, 4000, "指摘の内容");
        }
        errors.MaxLength("Countermeasure", input.Countermeasure, 4000, "区の対応（改善策）");
        if (input.DepartmentId is null)
        {
            errors.Add("DepartmentId", "対応課を選んでください。");
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == input.DepartmentId, ct))
        {
            errors.Add("DepartmentId", "対応課が見つかりません。部署一覧から選び直してください。");
        }
        if (input.Number is < 1 or > 999)
        {
            errors.Add("Number", "番号は1から999までの数字で入力してください（空欄なら次の番号になります）。");
        }
        if (input.IncidentId is { } incidentId && !await db.Incidents.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(i => i.Id == incidentId, ct))
        {
            errors.Add("IncidentId", "関連する漏えい等事案が見つかりません。");
        }
        var numbers = db.Findings.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).Where(f => f.InspectionId == inspectionId && f.Law == input.Law && f.Id != id);
        if (input.Number is { } wanted && await numbers.AnyAsync(f => f.Number == wanted, ct))
        {
            errors.Add("Number", $"{input.Law.JapaneseName()}の{FindingNames.NumberLabel(wanted)}はすでにあります。別の番号にするか、空欄にしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Finding>();
        }
        Finding finding;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.Findings.Where(f => f.InspectionId == inspectionId), existing, version, FindingNotFound, ct);
            if (found is null)
            {
                return failure!;
            }
            finding = found;
            if (finding.Status == FindingStatus.Confirmed)
            {
                return Outcome<Finding>.Conflict("確認済みの指摘事項は直せません。直すときは、先に確認を取り消してください。");
            }
            finding.Heading = input.Heading!.Trim();
            finding.Text = input.Text!.Trim();
        }
        else
        {
            finding = new Finding { MunicipalityId = inspection.MunicipalityId, InspectionId = inspectionId, Heading = input.Heading!.Trim(), Text = input.Text!.Trim() };
            db.Findings.Add(finding);
        }
        var renumber = input.Number is null && (id is null || finding.Law != input.Law);
        if (input.Number is { } n)
        {
            finding.Number = n;
        }
        finding.Law = input.Law;
        finding.Provision = Optional(input.Provision);
        finding.DepartmentId = input.DepartmentId!.Value;
        finding.DueOn = input.DueOn;
        finding.IncidentId = input.IncidentId;
        if (Optional(input.Countermeasure) is { } measure)
        {
            finding.Countermeasure = measure;
        }
        return await NumberedSave.SaveAsync(db, finding, nameof(Finding.Number),
            renumber ? async () => finding.Number = (await numbers.MaxAsync(f => (int?)f.Number, ct) ?? 0) + 1 : null, ct,
            $"{input.Law.JapaneseName()}の{FindingNames.NumberLabel(finding.Number)}は、たった今ほかの人が登録しました。別の番号にするか、空欄にしてください。");
    }

    /// <summary>Deletes a finding entered by mistake (事務局); a confirmed one stays.</summary>
    public static async Task<Outcome<Finding>> DeleteFindingAsync(AppDbContext db, Guid id, CancellationToken ct)
    {
        var finding = await db.Findings.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (finding is null)
        {
            return Outcome<Finding>.NotFound(FindingNotFound);
        }
        if (finding.Status == FindingStatus.Confirmed)
        {
            return Outcome<Finding>.Conflict("確認済みの指摘事項は削除できません。");
        }
        var evidence = await db.FindingEvidence.Where(e => e.FindingId == id).ToListAsync(ct);
        var fileIds = evidence.Select(e => e.FileId).ToList();
        // The evidence rows go before their files: removing a file first severs a required relationship.
        db.FindingEvidence.RemoveRange(evidence);
        db.StoredFiles.RemoveRange(await db.StoredFiles.Where(f => fileIds.Contains(f.Id)).ToListAsync(ct));
        db.Findings.Remove(finding);
        await db.SaveChangesAsync(ct);
        return Outcome<Finding>.Success(finding);
    }
}
