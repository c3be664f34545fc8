using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Findings;

/// <summary>The department's response to a finding, the office's check, and the evidence files.</summary>
public static partial class FindingWorkflow
{
    /// <summary>
    /// The department's response: the countermeasure, the owner and the progress up to 対応済. 確認済 is the office's
    /// check (<see cref="CheckAsync"/>), so it cannot be chosen here.
    /// </summary>
    public static async Task<Outcome<Finding>> RespondAsync(AppDbContext db, Guid id, FindingResponse input, Guid? version, TimeProvider clock, CancellationToken ct)
    {
        var (finding, failure) = await OptimisticSave.LoadAsync(db.Findings, id, version, FindingNotFound, ct);
        if (finding is null)
        {
            return failure!;
        }
        if (finding.Status == FindingStatus.Confirmed)
        {
            return Outcome<Finding>.Conflict("事務局の確認が済んだ指摘事項です。変更が必要なときは事務局に確認の取消しを依頼してください。");
        }
        var errors = new FieldErrors();
        errors.MaxLength("Countermeasure", input.Countermeasure, 4000, "区の対応（改善策）");
        errors.MaxLength("Owner", input.Owner, 200, "担当者");
        var today = JapanTime.Today(clock);
        switch (input.Status)
        {
            case FindingStatus.Confirmed:
                errors.Add("Status", "「確認済」は事務局が確認したときに付きます。対応が終わったら「対応済」を選んでください。");
                break;
            case FindingStatus.Done:
                if (string.IsNullOrWhiteSpace(input.Countermeasure))
                {
                    errors.Add("Countermeasure", "対応済にするには、区の対応（改善策）を入力してください。");
                }
                if (input.DoneOn is null)
                {
                    errors.Add("DoneOn", "対応済にするには、対応完了日を入力してください。");
                }
                else if (input.DoneOn > today)
                {
                    errors.Add("DoneOn", "対応完了日に未来の日付は入力できません。");
                }
                break;
            default:
                break;
        }
        if (errors.Any)
        {
            return errors.Fail<Finding>();
        }
        finding.Countermeasure = Optional(input.Countermeasure);
        finding.Owner = Optional(input.Owner);
        finding.Status = input.Status;
        finding.DoneOn = input.Status == FindingStatus.Done ? input.DoneOn : null;
        return await OptimisticSave.SaveAsync(db, finding, ct);
    }

    /// <summary>
    /// The office's follow-up check: confirms a response marked 対応済 (確認済, with what was checked), or sends it
    /// back to 対応中 with the reason. A confirmed finding can be reopened the same way.
    /// </summary>
    public static async Task<Outcome<Finding>> CheckAsync(AppDbContext db, Guid id, bool confirm, DateOnly? checkedOn, string? note, Guid? version, TimeProvider clock, CancellationToken ct)
    {
        var (finding, failure) = await OptimisticSave.LoadAsync(db.Findings, id, version, FindingNotFound, ct);
        if (finding is null)
        {
            return failure!;
        }
        var errors = new FieldErrors();
        if (errors.Required("CheckNote", note, confirm ? "確認の内容" : "差戻し・取消しの理由"))
        {
            errors.MaxLength("CheckNote", note, 2000, "確認の内容");
        }
        if (confirm)
        {
            if (finding.Status != FindingStatus.Done)
            {
                errors.Add("", "対応済になった指摘事項だけを確認できます。対応課が対応完了日を入力するまでお待ちください。");
            }
            if (checkedOn is null)
            {
                errors.Add("CheckedOn", "確認日を入力してください。");
            }
            else if (checkedOn > JapanTime.Today(clock))
            {
                errors.Add("CheckedOn", "確認日に未来の日付は入力できません。");
            }
            else if (finding.DoneOn is { } done && checkedOn < done)
            {
                errors.Add("CheckedOn", $"確認日が対応完了日（{WarekiDate.Format(done)}）より前になっています。");
            }
        }
        else if (finding.Status is not (FindingStatus.Done or FindingStatus.Confirmed))
        {
            errors.Add("", "差戻し・取消しができるのは、対応済または確認済の指摘事項です。");
        }
        if (errors.Any)
        {
            return errors.Fail<Finding>();
        }
        finding.CheckNote = note!.Trim();
        if (confirm)
        {
            finding.Status = FindingStatus.Confirmed;
            finding.CheckedOn = checkedOn;
            finding.CheckedBy = db.Tenant.ActorName;
        }
        else
        {
            finding.Status = FindingStatus.InProgress;
            finding.CheckedOn = null;
            finding.CheckedBy = db.Tenant.ActorName;
        }
        return await OptimisticSave.SaveAsync(db, finding, ct);
    }

    /// <summary>Adds an evidence file to a finding (the department or the office); refused once the finding is confirmed.</summary>
    public static async Task<Outcome<FindingEvidence>> AddEvidenceAsync(AppDbContext db, Guid findingId, string? title, string? fileName, byte[] content,
        TimeProvider clock, CancellationToken ct)
    {
        var finding = await db.Findings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return Outcome<FindingEvidence>.NotFound(FindingNotFound);
        }
        if (finding.Status == FindingStatus.Confirmed)
        {
            return Outcome<FindingEvidence>.Conflict("確認済みの指摘事項には証跡を追加できません。");
        }
        var upload = UploadRules.Check(fileName, content);
        if (!upload.Ok)
        {
            return upload.Refused<FindingEvidence>();
        }
        var label = Optional(title) ?? Path.GetFileNameWithoutExtension(upload.Value!.FileName);
        if (label.Length > 200)
        {
            return Outcome<FindingEvidence>.Fail("Title", "証跡の名称は200文字以内で入力してください。");
        }
        var file = StoredFile.From(upload.Value!.Content);
        file.MunicipalityId = finding.MunicipalityId;
        db.StoredFiles.Add(file);
        var evidence = new FindingEvidence
        {
            MunicipalityId = finding.MunicipalityId,
            DepartmentId = finding.DepartmentId,
            FindingId = finding.Id,
            Title = label,
            FileName = upload.Value.FileName,
            ContentType = upload.Value.ContentType,
            Size = file.Size,
            FileId = file.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = db.Tenant.ActorName,
        };
        db.FindingEvidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        return Outcome<FindingEvidence>.Success(evidence);
    }

    public static async Task<Outcome<FindingEvidence>> DeleteEvidenceAsync(AppDbContext db, Guid evidenceId, CancellationToken ct)
    {
        var evidence = await db.FindingEvidence.FirstOrDefaultAsync(e => e.Id == evidenceId, ct);
        if (evidence is null)
        {
            return Outcome<FindingEvidence>.NotFound("証跡が見つかりません。");
        }
        if (await db.Findings.AnyAsync(f => f.Id == evidence.FindingId && f.Status == FindingStatus.Confirmed, ct))
        {
            return Outcome<FindingEvidence>.Conflict("確認済みの指摘事項の証跡は削除できません。");
        }
        db.FindingEvidence.Remove(evidence);
        if (await db.StoredFiles.FirstOrDefaultAsync(f => f.Id == evidence.FileId, ct) is { } file)
        {
            db.StoredFiles.Remove(file);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<FindingEvidence>.Success(evidence);
    }
}
