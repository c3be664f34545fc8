using Mamori.Core.Data;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Assessments;

/// <summary>/api/v1/assessments: しきい値判断 and the dashboard of obligations.</summary>
public static partial class AssessmentEndpoints
{
    public sealed record ThresholdResponse(string Level, IReadOnlyList<string> Evaluations, string Reason);

    public sealed record ObligationResponse(string What, DateOnly DueOn, string DueOnWareki, string State, string StateName);

    public sealed record DashboardResponse(Guid Id, string Name, Guid DepartmentId, string DepartmentName, long SubjectCount, int Handlers, string Level,
        string LevelName, string ThresholdReason, DateOnly? LastPublishedOn, ObligationResponse? Next, IReadOnlyList<ObligationResponse> Obligations);

    public static RouteGroupBuilder MapAssessmentEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/assessments").WithTags("特定個人情報保護評価");
        g.MapGet("/threshold", Threshold).RequireAuthorization(Policies.AssessmentsRead).WithSummary("しきい値判断");
        g.MapGet("", Dashboard).RequireAuthorization(Policies.AssessmentsRead).WithSummary("評価対象の事務と次の義務（期限超過が先）");
        MapWriteEndpoints(g);
        return api;
    }

    private static Results<Ok<ThresholdResponse>, Refusal> Threshold(long? subjects, int? handlers, bool? seriousIncident)
    {
        var errors = new Dictionary<string, string[]>();
        if (subjects is not >= 0)
        {
            errors["subjects"] = ["subjects（対象人数）を0以上の数で指定してください。"];
        }
        if (handlers is not >= 0)
        {
            errors["handlers"] = ["handlers（取扱者数：職員と委託先の従業者）を0以上の数で指定してください。"];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors, "しきい値判断の入力を確認してください。");
        }
        var j = PiaThreshold.Judge(subjects!.Value, handlers!.Value, seriousIncident ?? false);
        return TypedResults.Ok(new ThresholdResponse(j.Level.Code(), j.Evaluations, j.Reason));
    }

    private static async Task<Ok<List<DashboardResponse>>> Dashboard(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await AssessmentQueries.DashboardAsync(db, JapanTime.Today(clock), ct);
        return TypedResults.Ok(rows.Select(r => new DashboardResponse(r.Business.Id, r.Business.Name, r.Business.DepartmentId, r.DepartmentName,
            r.Business.SubjectCount, r.Business.Handlers, r.Position.Level.Code(), r.Position.Level.JapaneseName(), r.Position.Judgment.Reason,
            r.Position.Last?.CompletedOn, r.Position.Next is { } n ? ToResponse(n) : null, r.Position.Obligations.Select(ToResponse).ToList())).ToList());
    }

    private static ObligationResponse ToResponse(Obligation o) =>
        new(o.What, o.DueOn, WarekiDate.Format(o.DueOn), o.State.ToString(), o.State.JapaneseName());
}
