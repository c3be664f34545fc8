using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Register;

/// <summary>A register entry as entered on the form, the API or an import row.</summary>
public sealed record RegisterInput
{
    public string? FileNumber { get; init; }
    public string? Name { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Purpose { get; init; }
    public string? RecordItems { get; init; }
    public string? RecordScope { get; init; }
    public string? CollectionMethods { get; init; }
    public bool HasSensitive { get; init; }
    public string? SensitiveKinds { get; init; }
    public string? OrdinanceSensitive { get; init; }
    public string? RegularRecipients { get; init; }
    public string? RequestOffice { get; init; }
    public string? SpecialProvisions { get; init; }
    public long? SubjectCount { get; init; }
    public bool IsSpecificPersonalInfo { get; init; }
    public FileForm Form { get; init; }
    public string? Remarks { get; init; }
    public string? AgencyName { get; init; }
    public string? RequestOfficeAddress { get; init; }
    public bool HasRelatedManualFile { get; init; }
    public bool InvitesProposals { get; init; }
    public string? ProposalOffice { get; init; }
    public string? ProposalOfficeAddress { get; init; }
    public string? AnonymizedSummary { get; init; }
    public string? NoProposalReason { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>
/// The register's life: 下書き → 確認待ち → (差戻し | 確認済み) → 公表中 → (revised → 公表中 as a new
/// version) … → 消除. Who may take each step is the caller's authorization policy; which step is
/// possible from which status is decided here.
/// </summary>
public static class RegisterWorkflow
{
    /// <summary>Checks the fields that need no database; used by the form, the API and the import alike.</summary>
    public static void Validate(RegisterInput input, FieldErrors errors)
    {
        // A blank 整理番号 is assigned on saving (FileNumbers).
        errors.MaxLength("FileNumber", input.FileNumber, 40, "整理番号");
        if (errors.Required("Name", input.Name, "名称"))
        {
            errors.MaxLength("Name", input.Name, 200, "名称");
        }
        if (input.DepartmentId is null)
        {
            errors.Add("DepartmentId", "保有課を選んでください。");
        }
        errors.Required("Purpose", input.Purpose, "利用目的");
        if (RegisterContent.Lines(input.RecordItems).Count == 0)
        {
            errors.Add("RecordItems", "記録項目を1つ以上入力してください（1行に1項目）。");
        }
        errors.Required("RecordScope", input.RecordScope, "記録範囲");
        if (RegisterContent.Lines(input.CollectionMethods).Count == 0)
        {
            errors.Add("CollectionMethods", "収集方法を1つ以上入力してください（例：本人から）。");
        }
        if (input.HasSensitive && string.IsNullOrWhiteSpace(input.SensitiveKinds))
        {
            errors.Add("SensitiveKinds", "要配慮個人情報を含む場合は、その種類（例：病歴）を入力してください。");
        }
        if (input.InvitesProposals && string.IsNullOrWhiteSpace(input.ProposalOffice))
        {
            errors.Add("ProposalOffice", "提案の募集をするファイルは、提案を受ける組織の名称を入力してください。");
        }
        errors.MaxLength("AgencyName", input.AgencyName, 100, "行政機関等の名称");
        errors.MaxLength("RequestOfficeAddress", input.RequestOfficeAddress, 400, "開示請求等を受理する組織の所在地");
        errors.MaxLength("ProposalOffice", input.ProposalOffice, 200, "提案を受ける組織の名称");
        errors.MaxLength("ProposalOfficeAddress", input.ProposalOfficeAddress, 400, "提案を受ける組織の所在地");
        if (input.SubjectCount is < 0)
        {
            errors.Add("SubjectCount", "本人の数は0以上の数で入力してください。");
        }
        foreach (var (field, label, value) in new[]
        {
            ("Purpose", "利用目的", input.Purpose), ("RecordItems", "記録項目", input.RecordItems), ("RecordScope", "記録範囲", input.RecordScope),
            ("Remarks", "備考", input.Remarks), ("RegularRecipients", "経常的提供先", input.RegularRecipients),
            ("AnonymizedSummary", "行政機関等匿名加工情報の概要", input.AnonymizedSummary), ("NoProposalReason", "提案の募集をしない理由", input.NoProposalReason),
        })
        {
            errors.MaxLength(field, value, 4000, label);
        }
    }

    /// <summary>The 整理番号 as stored: NFKC, trimmed.</summary>
    public static string NormalizeFileNumber(string? text) => (text ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Trim();

    /// <summary>Creates a draft or changes the working copy. A change to a published file starts a revision.</summary>
    public static async Task<Outcome<PersonalInfoFile>> SaveAsync(AppDbContext db, Guid? id, RegisterInput input, CancellationToken ct)
    {
        PersonalInfoFile? file = null;
        if (id is { } existing)
        {
            file = await db.PersonalInfoFiles.FirstOrDefaultAsync(f => f.Id == existing, ct);
            if (file is null)
            {
                return Outcome<PersonalInfoFile>.NotFound("個人情報ファイルが見つかりません。");
            }
            if (file.Status == RegisterStatus.Removed)
            {
                return Outcome<PersonalInfoFile>.Conflict("消除したファイルは変更できません。");
            }
            if (file.Status == RegisterStatus.Submitted && db.Tenant.RestrictToDepartment)
            {
                return Outcome<PersonalInfoFile>.Conflict("事務局の確認待ちの間は変更できません。差し戻されてから修正してください。");
            }
        }

        var errors = new FieldErrors();
        Validate(input, errors);
        await CheckDatabaseAsync(db, id, input, errors, ct);
        if (errors.Any)
        {
            return errors.Fail<PersonalInfoFile>();
        }

        input = await CompleteAsync(db, input, file?.FileNumber, ct);
        var numberAssigned = file is null && NormalizeFileNumber(input.FileNumber).Length == 0;
        if (file is null)
        {
            file = new PersonalInfoFile { FileNumber = NormalizeFileNumber(input.FileNumber), Name = input.Name!.Trim(), Status = RegisterStatus.Draft };
            db.PersonalInfoFiles.Add(file);
        }
        else
        {
            db.Entry(file).Property(f => f.Version).OriginalValue = input.Version ?? file.Version;
        }
        Apply(file, input);
        MarkChanged(file);
        if (numberAssigned)
        {
            // Two new files of a department saved at once both get a number: the one that lost the race takes the next.
            var created = file;
            return await NumberedSave.SaveAsync(db, created, nameof(PersonalInfoFile.FileNumber),
                async () => created.FileNumber = await FileNumbers.NextAsync(db, created.DepartmentId, ct), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && UniqueViolation.Of(ex) is not null)
        {
            // A number typed by 事務局 that another save took a moment before.
            db.Entry(file).State = EntityState.Detached;
            return Outcome<PersonalInfoFile>.Conflict($"整理番号 {file.FileNumber} は、いま他の人が登録したファイルに付きました。別の番号にするか、空欄にして保存してください（次の番号が付きます）。");
        }
        catch (DbUpdateConcurrencyException)
        {
            db.Entry(file).State = EntityState.Detached;
            var current = await db.PersonalInfoFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == file.Id, ct);
            return Outcome<PersonalInfoFile>.Conflict(current is null
                ? "このファイルは他の人が削除しました。"
                : $"他の人が先にこのファイルを更新しました（現在の名称「{current.Name}」、{current.Status.JapaneseName()}）。画面を開き直して、最新の内容に対して変更してください。");
        }
        return Outcome<PersonalInfoFile>.Success(file);
    }

    /// <summary>
    /// What Mamori fills in: an existing file keeps its 整理番号 when none is given (a 所管課 always keeps it; a new file's
    /// number is taken on saving, <see cref="FileNumbers"/>), and the 行政機関等の名称 left blank is the municipality's head
    /// (「豊島区長」).
    /// </summary>
    internal static async Task<RegisterInput> CompleteAsync(AppDbContext db, RegisterInput input, string? currentNumber, CancellationToken ct)
    {
        var number = db.Tenant.RestrictToDepartment && currentNumber is not null ? currentNumber : NormalizeFileNumber(input.FileNumber);
        var agency = string.IsNullOrWhiteSpace(input.AgencyName) ? await DefaultAgencyAsync(db, ct) : input.AgencyName;
        return input with { FileNumber = number.Length == 0 ? currentNumber : number, AgencyName = agency };
    }

    /// <summary>The municipality's head (「豊島区長」): the 行政機関等 of most files.</summary>
    public static async Task<string> DefaultAgencyAsync(AppDbContext db, CancellationToken ct) =>
        await MunicipalityHead.NameAsync(db, null, ct);

    /// <summary>The current municipality's 条例要配慮個人情報 categories.</summary>
    public static async Task<IReadOnlyList<string>> OrdinanceCategoriesAsync(AppDbContext db, CancellationToken ct) =>
        RegisterContent.Lines(await db.Municipalities.Select(m => m.OrdinanceSensitiveCategories).FirstOrDefaultAsync(ct));

    /// <summary>Adds a message for every 条例要配慮個人情報 entry that is not in the municipality's list.</summary>
    public static void CheckOrdinanceCategories(string? entered, IReadOnlyList<string> allowed, FieldErrors errors)
    {
        foreach (var item in RegisterContent.Lines(entered).Where(i => !allowed.Contains(i)))
        {
            errors.Add("OrdinanceSensitive", allowed.Count == 0
                ? $"条例要配慮個人情報「{item}」は使えません。この団体では条例要配慮個人情報の項目がまだ設定されていません（管理者が「団体」画面で設定します）。"
                : $"条例要配慮個人情報「{item}」はこの団体の一覧（{string.Join("、", allowed)}）にありません。");
        }
    }

    internal static async Task CheckDatabaseAsync(AppDbContext db, Guid? id, RegisterInput input, FieldErrors errors, CancellationToken ct)
    {
        CheckOrdinanceCategories(input.OrdinanceSensitive, await OrdinanceCategoriesAsync(db, ct), errors);
        if (input.DepartmentId is { } departmentId)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
            {
                errors.Add("DepartmentId", "選ばれた保有課が見つかりません。");
            }
            else if (db.Tenant.RestrictToDepartment && departmentId != db.Tenant.DepartmentId)
            {
                errors.Add("DepartmentId", "所管課のアカウントでは、自分の課のファイルだけを登録できます。");
            }
        }
        var number = NormalizeFileNumber(input.FileNumber);
        if (db.Tenant.RestrictToDepartment && number.Length > 0)
        {
            var current = id is null ? null : await db.PersonalInfoFiles.Where(f => f.Id == id).Select(f => f.FileNumber).FirstOrDefaultAsync(ct);
            if (current != number)
            {
                errors.Add("FileNumber", "整理番号は事務局が付けます。新しいファイルは空欄のまま登録してください（保存すると自動で付きます）。");
                return;
            }
        }
        if (number.Length > 0 && await db.PersonalInfoFiles.IgnoreQueryFilters([AppDbContext.DepartmentFilter])
                .AnyAsync(f => f.FileNumber == number && f.Id != id, ct))
        {
            errors.Add("FileNumber", $"整理番号 {number} は既に使われています。");
        }
    }

    /// <summary>
    /// The working copy changed: it differs from what is published, and a file that was confirmed,
    /// returned or published goes back to 下書き to be submitted again.
    /// </summary>
    internal static void MarkChanged(PersonalInfoFile file)
    {
        file.HasUnpublishedChanges = true;
        if (file.Status is RegisterStatus.Published or RegisterStatus.Confirmed or RegisterStatus.Returned)
        {
            file.Status = RegisterStatus.Draft;
        }
    }

    internal static void Apply(PersonalInfoFile file, RegisterInput input)
    {
        static string Joined(string? s) => string.Join('\n', RegisterContent.Lines(s));
        file.FileNumber = NormalizeFileNumber(input.FileNumber);
        file.Name = input.Name!.Trim();
        file.DepartmentId = input.DepartmentId!.Value;
        file.Purpose = input.Purpose!.Trim();
        file.RecordItems = Joined(input.RecordItems);
        file.RecordScope = input.RecordScope!.Trim();
        file.CollectionMethods = Joined(input.CollectionMethods);
        file.HasSensitive = input.HasSensitive;
        file.SensitiveKinds = input.HasSensitive ? Optional(input.SensitiveKinds) : null;
        file.OrdinanceSensitive = Optional(Joined(input.OrdinanceSensitive));
        file.RegularRecipients = Optional(input.RegularRecipients);
        file.RequestOffice = Optional(input.RequestOffice);
        file.SpecialProvisions = Optional(input.SpecialProvisions);
        file.SubjectCount = input.SubjectCount;
        file.IsSpecificPersonalInfo = input.IsSpecificPersonalInfo;
        file.Form = input.Form;
        file.Remarks = Optional(input.Remarks);
        file.AgencyName = Optional(input.AgencyName);
        file.RequestOfficeAddress = Optional(input.RequestOfficeAddress);
        file.HasRelatedManualFile = input.Form != FileForm.Manual && input.HasRelatedManualFile;
        file.InvitesProposals = input.InvitesProposals;
        file.ProposalOffice = input.InvitesProposals ? Optional(input.ProposalOffice) : null;
        file.ProposalOfficeAddress = input.InvitesProposals ? Optional(input.ProposalOfficeAddress) : null;
        file.AnonymizedSummary = Optional(input.AnonymizedSummary);
        file.NoProposalReason = input.InvitesProposals ? null : Optional(input.NoProposalReason);
    }

    private static async Task<Outcome<PersonalInfoFile>> Step(AppDbContext db, Guid id, RegisterStatus[] from, string notAllowed,
        Action<PersonalInfoFile> change, CancellationToken ct)
    {
        var file = await db.PersonalInfoFiles.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return Outcome<PersonalInfoFile>.NotFound("個人情報ファイルが見つかりません。");
        }
        if (!from.Contains(file.Status))
        {
            return Outcome<PersonalInfoFile>.Conflict($"{notAllowed}（現在の状態：{file.Status.JapaneseName()}）");
        }
        change(file);
        await db.SaveChangesAsync(ct);
        return Outcome<PersonalInfoFile>.Success(file);
    }

    /// <summary>提出: the department sends the draft to 事務局.</summary>
    public static Task<Outcome<PersonalInfoFile>> SubmitAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        Step(db, id, [RegisterStatus.Draft, RegisterStatus.Returned], "下書きか差戻しのファイルだけを提出できます。",
            f => f.Status = RegisterStatus.Submitted, ct);

    /// <summary>差戻し with a comment saying what to fix.</summary>
    public static Task<Outcome<PersonalInfoFile>> ReturnAsync(AppDbContext db, Guid id, string? comment, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(comment)
            ? Task.FromResult(Outcome<PersonalInfoFile>.Fail("Comment", "差し戻す理由（直してほしい点）を入力してください。"))
            : Step(db, id, [RegisterStatus.Submitted], "確認待ちのファイルだけを差し戻せます。", f =>
            {
                f.Status = RegisterStatus.Returned;
                f.ReturnComment = comment.Trim();
            }, ct);

    /// <summary>確認: 事務局 accepts the submitted content.</summary>
    public static Task<Outcome<PersonalInfoFile>> ConfirmAsync(AppDbContext db, Guid id, CancellationToken ct) =>
        Step(db, id, [RegisterStatus.Submitted], "確認待ちのファイルだけを確認済みにできます。", f =>
        {
            f.Status = RegisterStatus.Confirmed;
            f.ReturnComment = null;
        }, ct);

    /// <summary>
    /// 公表: freezes the confirmed content as the next version. The first publication's reason defaults to
    /// 新規登録; a revision must say why it was revised.
    /// </summary>
    public static async Task<Outcome<PersonalInfoFile>> PublishAsync(AppDbContext db, Guid id, string? reason, TimeProvider clock, CancellationToken ct)
    {
        var file = await db.PersonalInfoFiles.Include(f => f.Versions).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null)
        {
            return Outcome<PersonalInfoFile>.NotFound("個人情報ファイルが見つかりません。");
        }
        if (file.Status != RegisterStatus.Confirmed)
        {
            return Outcome<PersonalInfoFile>.Conflict($"確認済みのファイルだけを公表できます（現在の状態：{file.Status.JapaneseName()}）。");
        }
        var number = file.Versions.Count == 0 ? 1 : file.Versions.Max(v => v.Number) + 1;
        if (number > 1 && string.IsNullOrWhiteSpace(reason))
        {
            return Outcome<PersonalInfoFile>.Fail("Reason", "改訂の理由を入力してください（例：記録項目の追加）。");
        }
        var label = (await DepartmentTree.LabelsAsync(db, ct)).GetValueOrDefault(file.DepartmentId, string.Empty);
        var now = clock.GetUtcNow().UtcDateTime;
        // Added explicitly: a child with a client-generated key found through a navigation would be taken for an existing row.
        db.PersonalInfoFileVersions.Add(new PersonalInfoFileVersion
        {
            MunicipalityId = file.MunicipalityId,
            FileId = file.Id,
            Number = number,
            RevisedOn = DateOnly.FromDateTime(JapanTime.FromUtc(now)),
            Reason = string.IsNullOrWhiteSpace(reason) ? "新規登録" : reason.Trim(),
            Snapshot = RegisterContent.Of(file, label).ToJson(),
            PublishedAt = now,
            PublishedBy = db.Tenant.ActorName,
        });
        file.Status = RegisterStatus.Published;
        file.HasUnpublishedChanges = false;
        await db.SaveChangesAsync(ct);
        return Outcome<PersonalInfoFile>.Success(file);
    }

    /// <summary>消除: hides the file from the public register; the file and its versions stay.</summary>
    public static Task<Outcome<PersonalInfoFile>> RemoveAsync(AppDbContext db, Guid id, string? reason, TimeProvider clock, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(reason)
            ? Task.FromResult(Outcome<PersonalInfoFile>.Fail("Reason", "消除の理由を入力してください（例：事務の廃止）。"))
            : Step(db, id, [RegisterStatus.Draft, RegisterStatus.Submitted, RegisterStatus.Returned, RegisterStatus.Confirmed, RegisterStatus.Published],
                "既に消除されています。", f =>
                {
                    f.Status = RegisterStatus.Removed;
                    f.RemovedAt = clock.GetUtcNow().UtcDateTime;
                    f.RemovalReason = reason.Trim();
                }, ct);
}
