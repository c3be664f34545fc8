using Mamori.Core.Data;
using Mamori.Core.Features.Register;
using Microsoft.EntityFrameworkCore;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Reviews;

/// <summary>The record of a case: questions, answers, opinions and follow-ups, their classification, and the 部会's result.</summary>
public static partial class ReviewWorkflow
{
    /// <summary>
    /// Adds to a case's record. A 所管課 user may only answer; 事務局 asks, answers (marked 事務局),
    /// gives opinions, classifies and records follow-ups.
    /// </summary>
    public static async Task<Outcome<CaseEntry>> AddEntryAsync(AppDbContext db, Guid caseId, EntryInput input, TimeProvider clock, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (reviewCase is null)
        {
            return Outcome<CaseEntry>.NotFound(CaseNotFound);
        }
        var byDepartment = db.Tenant.RestrictToDepartment;
        var errors = new FieldErrors();
        if (reviewCase.Status is CaseStatus.Draft or CaseStatus.Withdrawn)
        {
            errors.Add("", $"提出された案件にだけ質問・回答を記録できます（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        if (byDepartment && input.Kind != EntryKind.Answer)
        {
            errors.Add("Kind", "所管課は質問への回答だけを入力できます。");
        }
        if (input.Kind == EntryKind.FollowUp && reviewCase.Status != CaseStatus.Decided)
        {
            errors.Add("Kind", "部会後の処理は結果を記録してから入力してください。");
        }
        if (errors.Required("Text", input.Text, input.Kind.JapaneseName()))
        {
            errors.MaxLength("Text", input.Text, 4000, input.Kind.JapaneseName());
        }
        if (input.Kind == EntryKind.Answer)
        {
            if (input.ReplyToId is not { } question || !await db.CaseEntries.AnyAsync(e => e.Id == question && e.CaseId == caseId && e.Kind == EntryKind.Question, ct))
            {
                errors.Add("ReplyToId", "どの質問への回答かを選んでください。");
            }
        }
        var categories = input.Categories ?? [];
        if (input.Kind is EntryKind.Question or EntryKind.Opinion)
        {
            if (categories.Contains(QuestionCategory.Other) && string.IsNullOrWhiteSpace(input.OtherTopic))
            {
                errors.Add("OtherTopic", "類型「その他」を選んだときは、その内容（例：個人情報の収集方法）を入力してください。");
            }
        }
        if (input.Response == ResponseCategory.BusinessImprovement && input.ImprovementBy is null)
        {
            errors.Add("ImprovementBy", "業務の改善の場合は、改善の主体（区／区以外）を選んでください。");
        }
        errors.MaxLength("OtherTopic", input.OtherTopic, 100, "その他の内容");
        if (errors.Any)
        {
            return errors.Fail<CaseEntry>();
        }
        var asks = input.Kind is EntryKind.Question or EntryKind.Opinion;
        var entry = new CaseEntry
        {
            CaseId = caseId,
            DepartmentId = reviewCase.DepartmentId,
            Kind = input.Kind,
            ReplyToId = input.Kind == EntryKind.Answer ? input.ReplyToId : null,
            Text = input.Text!.Trim(),
            CategoryMask = asks ? ReviewNames.ToMask(categories) : 0,
            OtherTopic = asks && categories.Contains(QuestionCategory.Other) ? Optional(input.OtherTopic) : null,
            Response = byDepartment ? null : input.Response,
            ImprovementBy = byDepartment || input.Response != ResponseCategory.BusinessImprovement ? null : input.ImprovementBy,
            ByOffice = !byDepartment && input.Kind == EntryKind.Answer,
            AuthorName = db.Tenant.ActorName,
            At = clock.GetUtcNow().UtcDateTime,
        };
        db.CaseEntries.Add(entry);
        await db.SaveChangesAsync(ct);
        return Outcome<CaseEntry>.Success(entry);
    }

    /// <summary>事務局 classifies an entry after the fact (e.g. when compiling the 別表).</summary>
    public static async Task<Outcome<CaseEntry>> ClassifyEntryAsync(AppDbContext db, Guid entryId, IReadOnlyList<QuestionCategory> categories, string? otherTopic,
        ResponseCategory? response, ImprovementBy? improvementBy, CancellationToken ct)
    {
        var entry = await db.CaseEntries.FirstOrDefaultAsync(e => e.Id == entryId, ct);
        if (entry is null)
        {
            return Outcome<CaseEntry>.NotFound("記録が見つかりません。");
        }
        if (categories.Contains(QuestionCategory.Other) && string.IsNullOrWhiteSpace(otherTopic))
        {
            return Outcome<CaseEntry>.Fail("OtherTopic", "類型「その他」を選んだときは、その内容（例：個人情報の収集方法）を入力してください。");
        }
        if (response == ResponseCategory.BusinessImprovement && improvementBy is null)
        {
            return Outcome<CaseEntry>.Fail("ImprovementBy", "業務の改善の場合は、改善の主体（区／区以外）を選んでください。");
        }
        var asks = entry.Kind is EntryKind.Question or EntryKind.Opinion;
        entry.CategoryMask = asks ? ReviewNames.ToMask(categories) : 0;
        entry.OtherTopic = asks && categories.Contains(QuestionCategory.Other) ? Optional(otherTopic) : null;
        entry.Response = response;
        entry.ImprovementBy = response == ResponseCategory.BusinessImprovement ? improvementBy : null;
        await db.SaveChangesAsync(ct);
        return Outcome<CaseEntry>.Success(entry);
    }

    /// <summary>結果: 承認 / 意見を付して承認 / 再審査, with the printed wording, the 要点 and the case's 対応の類型.</summary>
    public static async Task<Outcome<ReviewCase>> RecordResultAsync(AppDbContext db, Guid id, ResultInput input, TimeProvider clock, CancellationToken ct)
    {
        var reviewCase = await db.ReviewCases.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (reviewCase is null)
        {
            return Outcome<ReviewCase>.NotFound(CaseNotFound);
        }
        var errors = new FieldErrors();
        if (reviewCase.Status is not (CaseStatus.Submitted or CaseStatus.Decided))
        {
            errors.Add("", $"提出された案件にだけ結果を記録できます（現在の状態：{reviewCase.Status.JapaneseName()}）。");
        }
        var round = await db.ReviewRounds.FirstAsync(r => r.Id == reviewCase.RoundId, ct);
        if (round.Status == RoundStatus.Open)
        {
            errors.Add("", $"「{round.Title}」はまだ募集中です。締め切ってから結果を記録してください。");
        }
        else if (round.Status == RoundStatus.Reported)
        {
            errors.Add("", "報告済みの回の結果は変更できません。");
        }
        if (input.Result is null)
        {
            errors.Add("Result", "結果（承認／意見を付して承認／再審査）を選んでください。");
        }
        if (input.Responses.Contains(ResponseCategory.BusinessImprovement) && input.ImprovementBy is null)
        {
            errors.Add("ImprovementBy", "業務の改善の場合は、改善の主体（区／区以外）を選んでください。");
        }
        errors.MaxLength("ResultText", input.ResultText, 4000, "結果の内容");
        errors.MaxLength("Points", input.Points, 4000, "部会点検の要点");
        if (errors.Any)
        {
            return errors.Fail<ReviewCase>();
        }
        reviewCase.Result = input.Result;
        reviewCase.ResultText = Optional(input.ResultText) ?? DefaultResultText(input.Result!.Value);
        reviewCase.Points = Optional(input.Points);
        reviewCase.ResponseMask = ReviewNames.ToMask(input.Responses);
        reviewCase.ImprovementBy = input.Responses.Contains(ResponseCategory.BusinessImprovement) ? input.ImprovementBy : null;
        reviewCase.Status = CaseStatus.Decided;
        reviewCase.DecidedAt = clock.GetUtcNow().UtcDateTime;
        reviewCase.DecidedBy = db.Tenant.ActorName;
        await db.SaveChangesAsync(ct);
        return Outcome<ReviewCase>.Success(reviewCase);
    }

    public static string DefaultResultText(ReviewResult result) => result switch
    {
        ReviewResult.Approved => "自己点検内容の妥当性について承認",
        ReviewResult.ApprovedWithOpinion => "意見を付して、自己点検内容の妥当性について承認",
        _ => "再審査",
    };
}
