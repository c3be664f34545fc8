using Mamori.Core.Data;
using Mamori.Core.Features.Reviews;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Reviews;

/// <summary>/api/v1/reviews: a case's summary and 取扱類型 while it is a draft, and the office's classification of an entry.</summary>
public static partial class ReviewEndpoints
{
    public sealed record DraftRequest(IReadOnlyList<string>? Types, string? Summary);

    public sealed record ClassifyRequest(IReadOnlyList<string>? Categories, string? OtherTopic, string? Response, string? ImprovementBy);

    private static void MapDraftEndpoints(RouteGroupBuilder g)
    {
        g.MapPut("/cases/{id:guid}/draft", UpdateDraft).RequireAuthorization(Policies.ReviewsWrite).WithSummary("下書きの案件の概要と取扱類型");
        g.MapPost("/entries/{entryId:guid}/classification", Classify).RequireAuthorization(Policies.ReviewsManage)
            .WithSummary("質問・意見の類型（categories）、対応（response）、改善の主体（improvementBy）を記録する");
    }

    private static Task<Results<Ok<CaseResponse>, Refusal>> UpdateDraft(Guid id, DraftRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var types = ApiResults.ParseEnums<HandlingType>(body.Types, "types", errors, ReviewNames.JapaneseName);
        return errors.Count > 0 ? Task.FromResult<Results<Ok<CaseResponse>, Refusal>>(ApiResults.Invalid(errors))
            : Step(id, db, ReviewWorkflow.UpdateDraftAsync(db, id, types, body.Summary, ct), ct);
    }

    private static async Task<Results<Ok<CaseResponse>, Refusal>> Classify(Guid entryId, ClassifyRequest body, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var categories = ApiResults.ParseEnums<QuestionCategory>(body.Categories, "categories", errors, ReviewNames.JapaneseName);
        var response = ApiResults.ParseEnum<ResponseCategory>(body.Response, "response", errors, ReviewNames.JapaneseName);
        var by = ApiResults.ParseEnum<ImprovementBy>(body.ImprovementBy, "improvementBy", errors, ReviewNames.JapaneseName);
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var caseId = await db.CaseEntries.Where(e => e.Id == entryId).Select(e => (Guid?)e.CaseId).FirstOrDefaultAsync(ct);
        return await Step(caseId ?? Guid.Empty, db, ReviewWorkflow.ClassifyEntryAsync(db, entryId, categories, body.OtherTopic, response, by, ct), ct);
    }
}
