using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Assessments;

/// <summary>The council's third-party review, 重要な変更 and the evaluation documents with their versions.</summary>
public static partial class AssessmentWorkflow
{
    /// <summary>Creates the consultation (諮問) for the 第三者点検 of a 全項目評価, numbered next in the series.</summary>
    public static async Task<Outcome<Assessment>> ConsultAsync(AppDbContext db, Guid id, Guid councilId, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Outcome<Assessment>.NotFound(AssessmentNotFound);
        }
        if (CheckConsultable(a) is { } refusal)
        {
            return Outcome<Assessment>.Conflict(refusal);
        }
        var business = await db.AssessedBusinesses.AsNoTracking().FirstAsync(b => b.Id == a.BusinessId, ct);
        var kind = a.Kind == AssessmentKind.Initial ? "" : "（再評価）";
        var item = await CouncilWorkflow.SaveItemAsync(db, null, new ItemInput
        {
            CouncilId = councilId,
            Kind = ItemKind.Consultation,
            Title = $"{business.Name}に係る特定個人情報保護評価書（全項目評価書）{kind}の第三者点検について",
            DepartmentId = business.DepartmentId,
            SubmittedOn = JapanTime.Today(clock),
            About = $"特定個人情報保護評価：{business.Name}　{a.Kind.JapaneseName()}の評価（{a.Trigger ?? "理由の記載なし"}）",
        }, ct);
        if (!item.Ok)
        {
            return item.Refused<Assessment>();
        }
        a.ConsultationItemId = item.Value!.Id;
        return await SaveAsync(db, a, ct);
    }

    /// <summary>Links an existing consultation (諮問) as the evaluation's 第三者点検.</summary>
    public static async Task<Outcome<Assessment>> LinkConsultationAsync(AppDbContext db, Guid id, Guid itemId, CancellationToken ct)
    {
        var a = await db.Assessments.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return Outcome<Assessment>.NotFound(AssessmentNotFound);
        }
        if (CheckConsultable(a) is { } refusal)
        {
            return Outcome<Assessment>.Conflict(refusal);
        }
        if (!await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.Kind == ItemKind.Consultation, ct))
        {
            return Outcome<Assessment>.Fail("ItemId", "諮問を選んでください。");
        }
        if (await db.Assessments.AnyAsync(x => x.ConsultationItemId == itemId, ct))
        {
            return Outcome<Assessment>.Fail("ItemId", "その諮問は別の評価の第三者点検に使われています。");
        }
        a.ConsultationItemId = itemId;
        return await SaveAsync(db, a, ct);
    }

    private static string? CheckConsultable(Assessment a) =>
        !a.Steps.Contains(AssessmentStep.ThirdPartyReview) ? "第三者点検（審議会への諮問）は全項目評価で行います。"
        : a.ConsultationItemId is not null ? "この評価は既に審議会へ諮問しています。"
        : a.CommentOpinions is null ? "住民意見募集を終えて意見の件数を記録してから諮問してください。"
        : null;


    /// <summary>Records a 重要な変更. A 事前 section re-opens an evaluation (or joins the one under way) due the day before the change.</summary>
    public static async Task<Outcome<AssessmentChange>> RecordChangeAsync(AppDbContext db, Guid businessId, ChangeInput input, TimeProvider clock, CancellationToken ct)
    {
        var business = await db.AssessedBusinesses.AsNoTracking().FirstOrDefaultAsync(b => b.Id == businessId, ct);
        if (business is null)
        {
            return Outcome<AssessmentChange>.NotFound(BusinessNotFound);
        }
        var errors = new FieldErrors();
        if (input.PlannedOn is null)
        {
            errors.Add("PlannedOn", "変更の予定日を入力してください。");
        }
        if (errors.Required("Summary", input.Summary, "変更の内容"))
        {
            errors.MaxLength("Summary", input.Summary, 500, "変更の内容");
        }
        var sections = AssessmentText.ParseChanges(input.Sections);
        if (!sections.Ok)
        {
            errors.Add("Sections", sections.Errors["Sections"][0]);
        }
        if (errors.Any)
        {
            return errors.Fail<AssessmentChange>();
        }
        var change = new AssessmentChange
        {
            DepartmentId = business.DepartmentId,
            BusinessId = business.Id,
            PlannedOn = input.PlannedOn!.Value,
            Summary = input.Summary!.Trim(),
            Sections = AssessmentText.FormatChanges(sections.Value!),
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            RecordedBy = db.Tenant.ActorName,
        };
        if (sections.Value!.Any(s => s.Timing == ChangeTiming.Prior))
        {
            var open = await db.Assessments.FirstOrDefaultAsync(a => a.BusinessId == businessId && a.Kind != AssessmentKind.PeriodicReview && a.PublishedOn == null, ct);
            if (open is null)
            {
                var evaluations = await db.Assessments.AsNoTracking().Where(a => a.BusinessId == businessId).ToListAsync(ct);
                var today = JapanTime.Today(clock);
                open = new Assessment
                {
                    DepartmentId = business.DepartmentId,
                    BusinessId = business.Id,
                    Kind = evaluations.Any(e => e.CompletedOn is not null && e.Kind != AssessmentKind.PeriodicReview) ? AssessmentKind.Reevaluation : AssessmentKind.Initial,
                    // A business below the threshold that records a 重要な変更 is evaluated at least at the basic level.
                    Level = (PiaLevel)Math.Max((int)business.EffectiveLevel(today), (int)PiaLevel.Basic),
                    Trigger = $"重要な変更（事前）：{change.Summary}",
                    StartedOn = today,
                };
                ProposeDueDates(open, change.PlannedOn.AddDays(-1));
                db.Assessments.Add(open);
            }
            change.AssessmentId = open.Id;
        }
        db.AssessmentChanges.Add(change);
        return await SaveAsync(db, change, ct);
    }


    private static readonly string[] DocumentExtensions = [".pdf", ".docx", ".doc"];

    /// <summary>Adds a version of the evaluation document (PDF or Word), numbered per business.</summary>
    public static async Task<Outcome<AssessmentDocument>> AddDocumentAsync(AppDbContext db, Guid assessmentId, string? sections, string? note, string? fileName,
        byte[] content, TimeProvider clock, CancellationToken ct)
    {
        var a = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assessmentId, ct);
        if (a is null)
        {
            return Outcome<AssessmentDocument>.NotFound(AssessmentNotFound);
        }
        if (!DocumentExtensions.Contains(Path.GetExtension(fileName ?? string.Empty), StringComparer.OrdinalIgnoreCase))
        {
            return Outcome<AssessmentDocument>.Fail("File", "評価書はPDFかWordのファイル（.pdf, .docx, .doc）で登録してください。");
        }
        var upload = UploadRules.Check(fileName, content);
        if (!upload.Ok)
        {
            return upload.Refused<AssessmentDocument>();
        }
        var errors = new FieldErrors();
        errors.MaxLength("Sections", sections, 4000, "評価書の項目");
        errors.MaxLength("Note", note, 2000, "前の版からの変更");
        if (errors.Any)
        {
            return errors.Fail<AssessmentDocument>();
        }
        var file = StoredFile.From(upload.Value!.Content);
        db.StoredFiles.Add(file);
        var document = new AssessmentDocument
        {
            DepartmentId = a.DepartmentId,
            BusinessId = a.BusinessId,
            AssessmentId = a.Id,
            Sections = string.Join('\n', AssessmentText.Lines(sections)),
            Note = Optional(note),
            FileName = upload.Value.FileName,
            ContentType = upload.Value.ContentType,
            Size = file.Size,
            FileId = file.Id,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
            UploadedBy = db.Tenant.ActorName,
        };
        db.AssessmentDocuments.Add(document);
        return await NumberedSave.SaveAsync(db, document, nameof(AssessmentDocument.Number), async () =>
            document.Number = (await db.AssessmentDocuments.Where(d => d.BusinessId == a.BusinessId).MaxAsync(d => (int?)d.Number, ct) ?? 0) + 1, ct);
    }

    /// <summary>Puts a version on the public page (taking the business's previous one off), or takes it off.</summary>
    public static async Task<Outcome<AssessmentDocument>> PublishDocumentAsync(AppDbContext db, Guid documentId, bool publish, CancellationToken ct)
    {
        var document = await db.AssessmentDocuments.FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return Outcome<AssessmentDocument>.NotFound("評価書が見つかりません。");
        }
        if (publish)
        {
            foreach (var other in await db.AssessmentDocuments.Where(d => d.BusinessId == document.BusinessId && d.IsPublished && d.Id != documentId).ToListAsync(ct))
            {
                other.IsPublished = false;
            }
        }
        document.IsPublished = publish;
        return await SaveAsync(db, document, ct);
    }

    /// <summary>Sections added and removed from the previous version's list.</summary>
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) CompareSections(AssessmentDocument? previous, AssessmentDocument current)
    {
        var before = previous?.SectionList ?? [];
        var after = current.SectionList;
        return (after.Except(before).ToList(), before.Except(after).ToList());
    }
}
