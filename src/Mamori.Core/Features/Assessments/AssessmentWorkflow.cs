using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Assessments;

/// <summary>A business as entered.</summary>
public sealed record AssessedBusinessInput
{
    public string? Name { get; init; }
    public Guid? DepartmentId { get; init; }
    public string? Summary { get; init; }
    public long? SubjectCount { get; init; }
    public int? StaffHandlers { get; init; }
    public int? ContractorHandlers { get; init; }
    public DateOnly? SeriousIncidentOn { get; init; }
    public string? SeriousIncidentNote { get; init; }
    public PiaLevel? ChosenLevel { get; init; }
    public IReadOnlyList<Guid>? FileIds { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>A new evaluation: why, at which level (empty: the business's), and the date it must be published by.</summary>
public sealed record StartInput(AssessmentKind Kind, PiaLevel? Level, DateOnly? TargetOn, string? Trigger);

/// <summary>What a step form sends; only the fields of the step are read.</summary>
public sealed record StepInput
{
    public AssessmentStep Step { get; init; }
    public DateOnly? DueOn { get; init; }
    public DateOnly? DoneOn { get; init; }
    public string? MeetingName { get; init; }
    public DateOnly? CommentStartOn { get; init; }
    public DateOnly? CommentEndOn { get; init; }
    public int? CommentOpinions { get; init; }
    public string? CommentResponses { get; init; }
    public string? PublishedUrl { get; init; }
    public string? ReviewNote { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>A 重要な変更 as entered: the planned date, what changes, and the changed sections (項目：事前/事後 per line).</summary>
public sealed record ChangeInput(DateOnly? PlannedOn, string? Summary, string? Sections);

/// <summary>
/// The PIA use cases: businesses and their しきい値判断, evaluations and their steps in order (a 全項目評価
/// is submitted only after 30 days of public comment and the council's 答申), 重要な変更, and the
/// versions of the evaluation document.
/// </summary>
public static partial class AssessmentWorkflow
{
    public const int MinimumCommentDays = 30;
    private const string BusinessNotFound = "評価対象の事務が見つかりません。";
    private const string AssessmentNotFound = "評価が見つかりません。";

    // ---- businesses -------------------------------------------------------------------------------

    public static async Task<Outcome<AssessedBusiness>> SaveBusinessAsync(AppDbContext db, Guid? id, AssessedBusinessInput input, TimeProvider clock, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "事務の名称"))
        {
            errors.MaxLength("Name", input.Name, 200, "事務の名称");
        }
        errors.MaxLength("Summary", input.Summary, 2000, "事務の概要");
        errors.MaxLength("SeriousIncidentNote", input.SeriousIncidentNote, 1000, "重大事故の内容");
        if (input.DepartmentId is not { } departmentId || !await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        if (input.SubjectCount is not { } subjects || subjects < 0)
        {
            errors.Add("SubjectCount", "対象人数を0以上の数で入力してください（特定個人情報ファイルに記録される本人の数）。");
        }
        if (input.StaffHandlers is not { } staff || staff < 0)
        {
            errors.Add("StaffHandlers", "取扱者数（職員）を0以上の数で入力してください。");
        }
        if (input.ContractorHandlers is < 0)
        {
            errors.Add("ContractorHandlers", "取扱者数（委託先）は0以上の数で入力してください。");
        }
        if (input.SeriousIncidentOn > today)
        {
            errors.Add("SeriousIncidentOn", "重大事故の発生日に未来の日付は入力できません。");
        }
        if (input.SeriousIncidentOn is not null && string.IsNullOrWhiteSpace(input.SeriousIncidentNote))
        {
            errors.Add("SeriousIncidentNote", "重大事故の内容を入力してください。");
        }
        var fileIds = (input.FileIds ?? []).Distinct().ToList();
        if (fileIds.Count > 0)
        {
            var found = await db.PersonalInfoFiles.Where(f => fileIds.Contains(f.Id) && f.IsSpecificPersonalInfo).CountAsync(ct);
            if (found != fileIds.Count)
            {
                errors.Add("FileIds", "特定個人情報ファイルとして登録されている個人情報ファイルを選んでください。");
            }
        }
        var name = input.Name?.Trim();
        if (name is not null && await db.AssessedBusinesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(b => b.Name == name && b.Id != id, ct))
        {
            errors.Add("Name", $"「{name}」は既に登録されています。");
        }
        if (errors.Any)
        {
            return errors.Fail<AssessedBusiness>();
        }

        // A new business inherits the organization's 重大事故 of the past year from the incident register.
        var seriousOn = input.SeriousIncidentOn;
        var seriousNote = input.SeriousIncidentNote;
        if (id is null && seriousOn is null && await Findings.Incidents.RecentSeriousAsync(db, today, ct) is { } recent)
        {
            (seriousOn, seriousNote) = recent;
        }
        var required = PiaThreshold.Judge(input.SubjectCount!.Value, input.StaffHandlers!.Value + (input.ContractorHandlers ?? 0),
            AssessedBusiness.IsWithinTheYear(seriousOn, today));
        if (input.ChosenLevel is { } chosen && chosen < required.Level)
        {
            return Outcome<AssessedBusiness>.Fail("ChosenLevel",
                $"{required.Reason}です。しきい値判断より低い評価（{chosen.JapaneseName()}）は選べません。");
        }

        AssessedBusiness? business;
        if (id is { } existing)
        {
            business = await db.AssessedBusinesses.Include(b => b.Files).FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (business is null)
            {
                return Outcome<AssessedBusiness>.NotFound(BusinessNotFound);
            }
            if (input.Version is { } version)
            {
                db.Entry(business).Property(b => b.Version).OriginalValue = version;
            }
        }
        else
        {
            business = new AssessedBusiness { Name = name! };
            db.AssessedBusinesses.Add(business);
        }
        business.Name = name!;
        business.DepartmentId = input.DepartmentId!.Value;
        business.Summary = Optional(input.Summary);
        business.SubjectCount = input.SubjectCount!.Value;
        business.StaffHandlers = input.StaffHandlers!.Value;
        business.ContractorHandlers = input.ContractorHandlers ?? 0;
        business.SeriousIncidentOn = seriousOn;
        business.SeriousIncidentNote = seriousOn is null ? null : Optional(seriousNote);
        business.ChosenLevel = input.ChosenLevel is { } c && c > required.Level ? c : null;
        business.Files.RemoveAll(f => !fileIds.Contains(f.FileId));
        foreach (var fileId in fileIds.Where(f => business.Files.All(x => x.FileId != f)))
        {
            business.Files.Add(new AssessedBusinessFile { BusinessId = business.Id, FileId = fileId });
        }
        return await SaveAsync(db, business, ct);
    }

    private static Task<Outcome<T>> SaveAsync<T>(AppDbContext db, T value, CancellationToken ct) => OptimisticSave.SaveAsync(db, value, ct);
}
