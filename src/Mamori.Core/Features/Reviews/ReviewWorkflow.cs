using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Reviews;

/// <summary>A business as entered on the form or the API.</summary>
public sealed record BusinessInput(string? Name, Guid? DepartmentId, string? JointDepartments, string? Summary, IReadOnlyList<HandlingType> Types,
    bool IsDiscontinued = false, Guid? Version = null);

/// <summary>A review round's schedule as entered.</summary>
public sealed record RoundInput
{
    public string? Title { get; init; }
    public string? Body { get; init; }
    public DateOnly? NoticeOn { get; init; }
    public DateOnly? DeadlineOn { get; init; }
    public required IReadOnlyList<DateOnly> PreConsultations { get; init; }
    public DateOnly? MeetingOn { get; init; }
    public DateOnly? ReportOn { get; init; }
    public string? ReportTo { get; init; }
    public int? FirstCaseNumber { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>A new case: which business, which types are inspected this time, and the summary.</summary>
public sealed record CaseInput(Guid RoundId, Guid BusinessId, IReadOnlyList<HandlingType> Types, string? Summary, string? Title = null, string? DepartmentsLabel = null);

/// <summary>The answers of one 自己点検表.</summary>
public sealed record InspectionInput(IReadOnlyDictionary<string, string> Answers, InspectionDetails Details, bool HasSensitive, string? OrdinanceSensitive);

/// <summary>A question, answer, opinion or follow-up.</summary>
public sealed record EntryInput(EntryKind Kind, string? Text, Guid? ReplyToId = null, IReadOnlyList<QuestionCategory>? Categories = null,
    string? OtherTopic = null, ResponseCategory? Response = null, ImprovementBy? ImprovementBy = null);

/// <summary>The 部会's result for a case.</summary>
public sealed record ResultInput(ReviewResult? Result, string? ResultText, string? Points, IReadOnlyList<ResponseCategory> Responses, ImprovementBy? ImprovementBy);

/// <summary>
/// The review process: businesses, rounds, cases and their self-inspections, the record of questions
/// and answers, and results. Who may call what is the caller's policy; what the state allows is decided here.
/// </summary>
public static partial class ReviewWorkflow
{
    private const string CaseNotFound = "案件が見つかりません。";

    public static async Task<Outcome<Business>> SaveBusinessAsync(AppDbContext db, Guid? id, BusinessInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Name", input.Name, "事務の名称"))
        {
            errors.MaxLength("Name", input.Name, 200, "事務の名称");
        }
        errors.MaxLength("JointDepartments", input.JointDepartments, 200, "共管課");
        if (input.Types.Count == 0)
        {
            errors.Add("Types", "該当する取扱類型を1つ以上選んでください（例：保有、外部委託）。");
        }
        if (input.DepartmentId is not { } departmentId)
        {
            errors.Add("DepartmentId", "所管課を選んでください。");
        }
        else if (!await db.Departments.AnyAsync(d => d.Id == departmentId, ct))
        {
            errors.Add("DepartmentId", "選ばれた所管課が見つかりません。");
        }
        else if (db.Tenant.RestrictToDepartment && departmentId != db.Tenant.DepartmentId)
        {
            errors.Add("DepartmentId", "所管課のアカウントでは、自分の課の事務だけを登録できます。");
        }
        var name = input.Name?.Trim();
        if (name is not null && input.DepartmentId is { } dept &&
            await db.Businesses.IgnoreQueryFilters([AppDbContext.DepartmentFilter]).AnyAsync(b => b.Name == name && b.DepartmentId == dept && b.Id != id, ct))
        {
            errors.Add("Name", $"「{name}」は既に登録されています。");
        }

        Business? business = null;
        if (id is { } existing)
        {
            business = await db.Businesses.FirstOrDefaultAsync(b => b.Id == existing, ct);
            if (business is null)
            {
                return Outcome<Business>.NotFound("事務が見つかりません。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<Business>();
        }
        if (business is null)
        {
            business = new Business { Name = name! };
            db.Businesses.Add(business);
        }
        else
        {
            db.Entry(business).Property(b => b.Version).OriginalValue = input.Version ?? business.Version;
        }
        business.Name = name!;
        business.DepartmentId = input.DepartmentId!.Value;
        business.JointDepartments = Optional(input.JointDepartments);
        business.Summary = Optional(input.Summary);
        business.TypeMask = ReviewNames.ToMask(input.Types);
        business.IsDiscontinued = input.IsDiscontinued;
        return await SaveAsync(db, business, "この事務", ct);
    }

    /// <summary>Saves, turning a concurrent edit into a message that says what to do.</summary>
    private static async Task<Outcome<T>> SaveAsync<T>(AppDbContext db, T entity, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Outcome<T>.Success(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome<T>.Conflict($"他の人が先に{what}を更新しました。画面を開き直して、最新の内容に対して変更してください。");
        }
    }

    public static async Task<Outcome<ReviewRound>> SaveRoundAsync(AppDbContext db, Guid? id, RoundInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "回の名称"))
        {
            errors.MaxLength("Title", input.Title, 100, "回の名称");
        }
        if (input.DeadlineOn is null)
        {
            errors.Add("DeadlineOn", "案件提出締切を入力してください。");
        }
        if (input.NoticeOn is { } notice && input.DeadlineOn is { } deadline && deadline < notice)
        {
            errors.Add("DeadlineOn", "案件提出締切は案件募集通知の日より後にしてください。");
        }
        if (input.MeetingOn is { } meeting && input.DeadlineOn is { } d2 && meeting < d2)
        {
            errors.Add("MeetingOn", "部会開催日は案件提出締切より後にしてください。");
        }
        if (input.ReportOn is { } report && input.MeetingOn is { } m2 && report < m2)
        {
            errors.Add("ReportOn", "報告日は部会開催日より後にしてください。");
        }
        if (input.FirstCaseNumber is < 1)
        {
            errors.Add("FirstCaseNumber", "最初の案件番号は1以上にしてください。");
        }
        var title = input.Title?.Trim();
        if (title is not null && await db.ReviewRounds.AnyAsync(r => r.Title == title && r.Id != id, ct))
        {
            errors.Add("Title", $"「{title}」は既にあります。");
        }
        ReviewRound? round = null;
        if (id is { } existing && (round = await db.ReviewRounds.FirstOrDefaultAsync(r => r.Id == existing, ct)) is null)
        {
            return Outcome<ReviewRound>.NotFound("審査の回が見つかりません。");
        }
        if (errors.Any)
        {
            return errors.Fail<ReviewRound>();
        }
        if (round is null)
        {
            round = new ReviewRound { Title = title!, Status = RoundStatus.Open };
            db.ReviewRounds.Add(round);
        }
        else
        {
            db.Entry(round).Property(r => r.Version).OriginalValue = input.Version ?? round.Version;
        }
        round.Title = title!;
        round.Body = Optional(input.Body);
        round.NoticeOn = input.NoticeOn;
        round.DeadlineOn = input.DeadlineOn;
        round.PreConsultationDates = ReviewRound.FormatDates(input.PreConsultations);
        round.MeetingOn = input.MeetingOn;
        round.ReportOn = input.ReportOn;
        round.ReportTo = Optional(input.ReportTo);
        round.FirstCaseNumber = input.FirstCaseNumber;
        return await SaveAsync(db, round, "この回", ct);
    }

    /// <summary>
    /// 締切 / 再開 / 報告. Reporting needs a result for every submitted case; after it, every department
    /// may read the round's report.
    /// </summary>
    public static async Task<Outcome<ReviewRound>> SetRoundStatusAsync(AppDbContext db, Guid id, RoundStatus status, TimeProvider clock, CancellationToken ct)
    {
        var round = await db.ReviewRounds.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null)
        {
            return Outcome<ReviewRound>.NotFound("審査の回が見つかりません。");
        }
        if (round.Status == RoundStatus.Reported)
        {
            return Outcome<ReviewRound>.Conflict("報告済みの回は変更できません。");
        }
        if (status == RoundStatus.Reported)
        {
            if (round.Status != RoundStatus.Closed)
            {
                return Outcome<ReviewRound>.Conflict("締め切ってから報告済みにしてください。");
            }
            var pending = await db.ReviewCases.Where(c => c.RoundId == id && c.Status == CaseStatus.Submitted)
                .OrderBy(c => c.Number).Select(c => new { c.Number, c.Title }).ToListAsync(ct);
            if (pending.Count > 0)
            {
                return Outcome<ReviewRound>.Conflict("結果が記録されていない案件があります："
                    + string.Join("、", pending.Select(p => $"{ReviewCase.NumberLabel(p.Number)}{p.Title}")) + "。結果を記録してから報告済みにしてください。");
            }
            round.ReportedAt = clock.GetUtcNow().UtcDateTime;
        }
        round.Status = status;
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewRound>.Success(round);
    }

    public static string JapaneseName(this CaseStatus status) => status switch
    {
        CaseStatus.Draft => "作成中",
        CaseStatus.Submitted => "提出済",
        CaseStatus.Decided => "審査済",
        CaseStatus.Withdrawn => "取下げ",
        _ => status.ToString(),
    };

    public static string JapaneseName(this RoundStatus status) => status switch
    {
        RoundStatus.Open => "募集中",
        RoundStatus.Closed => "締切済",
        RoundStatus.Reported => "報告済",
        _ => status.ToString(),
    };
}
