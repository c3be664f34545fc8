using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Contracts;

/// <summary>The files kept with a contract — the evidence of a re-consignment's checks, a visit's record — and the 返還・廃棄 with its 廃棄証明書.</summary>
public static class ContractFiles
{
    /// <summary>Keeps a file with a contract (a 廃棄証明書, a visit's record) or with a re-consignment's check.</summary>
    public static async Task<Outcome<ContractDocument>> AddDocumentAsync(AppDbContext db, Guid contractId, Guid? reconsignmentId, ContractDocumentKind kind,
        string? fileName, byte[] content, TimeProvider clock, CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
        {
            return Outcome<ContractDocument>.NotFound(SaveContract.NotFoundMessage);
        }
        if (reconsignmentId is { } rid && !await db.Reconsignments.AnyAsync(r => r.Id == rid && r.ContractId == contractId, ct))
        {
            return Outcome<ContractDocument>.NotFound(Reconsignments.NotFoundMessage);
        }
        if (reconsignmentId is null && kind is ContractDocumentKind.Responsibility or ContractDocumentKind.Measures)
        {
            return Outcome<ContractDocument>.Fail("Kind", "責任体制・安全管理措置の証跡は、再委託ごとに登録してください。");
        }
        var upload = UploadRules.Check(fileName, content);
        if (!upload.Ok)
        {
            return upload.Refused<ContractDocument>();
        }
        var document = Stage(db, contract, reconsignmentId, kind, upload.Value!, clock);
        await db.SaveChangesAsync(ct);
        return Outcome<ContractDocument>.Success(document);
    }

    /// <summary>Adds a checked upload and its document row to the context (saved by the caller, with whatever else changes).</summary>
    private static ContractDocument Stage(AppDbContext db, Contract contract, Guid? reconsignmentId, ContractDocumentKind kind, CheckedUpload upload, TimeProvider clock)
    {
        var file = StoredFile.From(upload.Content);
        file.MunicipalityId = contract.MunicipalityId;
        db.StoredFiles.Add(file);
        var document = new ContractDocument
        {
            DepartmentId = contract.DepartmentId,
            ContractId = contract.Id,
            ReconsignmentId = reconsignmentId,
            Kind = kind,
            FileName = upload.FileName,
            ContentType = upload.ContentType,
            FileId = file.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = db.Tenant.ActorName,
        };
        db.ContractDocuments.Add(document);
        return document;
    }

    /// <summary>返還・廃棄: the date and what was returned or destroyed; the 廃棄証明書 is required.</summary>
    public static async Task<Outcome<Contract>> RecordReturnAsync(AppDbContext db, Guid contractId, DateOnly? returnedOn, string? note, string? fileName, byte[]? certificate,
        Guid? version, TimeProvider clock, CancellationToken ct)
    {
        var (contract, failure) = await OptimisticSave.LoadAsync(db.Contracts, contractId, version, SaveContract.NotFoundMessage, ct);
        if (failure is not null)
        {
            return failure;
        }
        var errors = new FieldErrors();
        if (returnedOn is not { } on)
        {
            errors.Add("ReturnedOn", "返還・廃棄の日を入力してください。");
        }
        else if (on > JapanTime.Today(clock))
        {
            errors.Add("ReturnedOn", "返還・廃棄の日に先の日付は入力できません。");
        }
        errors.MaxLength("ReturnNote", note, 1000, "返還・廃棄の内容");
        var hasCertificate = await db.ContractDocuments.AnyAsync(d => d.ContractId == contractId && d.Kind == ContractDocumentKind.Disposal, ct);
        if (!hasCertificate && certificate is not { Length: > 0 })
        {
            errors.Add("Certificate", "廃棄証明書（返還の受領書）のファイルを添えてください。");
        }
        CheckedUpload? upload = null;
        if (certificate is { Length: > 0 })
        {
            var checkedUpload = UploadRules.Check(fileName, certificate);
            foreach (var message in checkedUpload.Errors.SelectMany(e => e.Value))
            {
                errors.Add("Certificate", message);
            }
            upload = checkedUpload.Value;
        }
        if (errors.Any)
        {
            return errors.Fail<Contract>();
        }
        if (upload is not null)
        {
            Stage(db, contract!, null, ContractDocumentKind.Disposal, upload, clock);
        }
        contract!.ReturnedOn = returnedOn;
        contract.ReturnNote = Optional(note);
        return await OptimisticSave.SaveAsync(db, contract, ct);
    }
}
