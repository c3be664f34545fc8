using Mamori.Core.Data;
using Mamori.Core.Features.Security;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Security;

/// <summary>/api/v1/security: the server-room table (the same shape as <c>mamori room-access report</c>) and checklist scores; the writing endpoints are in the other parts.</summary>
public static partial class SecurityEndpoints
{
    public sealed record MonthResponse(string Month, int Staff, int Vendor, int Total);

    public sealed record RoomReportResponse(int FiscalYear, string FiscalYearName, IReadOnlyList<MonthResponse> Months, int Staff, int Vendor, int Total);

    public sealed record CategoryResponse(string Category, decimal? Score, int Answered, int NotApplicable, int Unanswered);

    public sealed record ScoreResponse(Guid Id, string Template, int FiscalYear, Guid? DepartmentId, bool Closed, decimal? Score,
        IReadOnlyList<CategoryResponse> Categories, int? PreviousFiscalYear, decimal? PreviousScore);

    public static RouteGroupBuilder MapSecurityEndpoints(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/security").WithTags("セキュリティ点検");
        g.MapGet("/room-access/report", RoomReport).RequireAuthorization(Policies.SecurityRead).WithSummary("CSルーム入退室の年度・月別件数");
        g.MapGet("/assessments/{id:guid}/score", Score).RequireAuthorization(Policies.SecurityRead).WithSummary("点検の評点（分類別・前回）");
        MapChecklistEndpoints(g);
        MapRecordEndpoints(g);
        MapSelfCheckEndpoints(g);
        return api;
    }

    /// <summary>The JSON of CLI.md for a fiscal-year table.</summary>
    public static RoomReportResponse ToResponse(FiscalYearTable t) =>
        new(t.Year.StartYear, t.Year.ToWareki(), t.Months.Select(m => new MonthResponse(m.Key, m.Staff, m.Vendor, m.Total)).ToList(), t.Staff, t.Vendor, t.Total);

    private static async Task<Results<Ok<RoomReportResponse>, Refusal>> RoomReport(int? fiscalYear, AppDbContext db, CancellationToken ct)
    {
        if (fiscalYear is not (>= 1989 and <= 2200))
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["fiscalYear"] = ["fiscalYear（年度の始まる西暦年。例：2022）を指定してください。"] },
                "集計する年度を確認してください。");
        }
        var table = await RoomAccess.FiscalYearAsync(db, db.Tenant.MunicipalityId!.Value, new FiscalYear(fiscalYear.Value), ct);
        return TypedResults.Ok(ToResponse(table));
    }

    private static async Task<Results<Ok<ScoreResponse>, NotFound>> Score(Guid id, AppDbContext db, CancellationToken ct)
    {
        var assessment = await db.ChecklistAssessments.AsNoTracking().Include(a => a.Answers).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assessment is null)
        {
            return TypedResults.NotFound();
        }
        var template = await db.ChecklistTemplates.AsNoTracking().FirstAsync(t => t.Id == assessment.TemplateId, ct);
        var scores = ChecklistScore.Compute(template.Items, assessment.Values);
        var previous = await Checklists.PreviousAsync(db, assessment, template.Name, ct);
        return TypedResults.Ok(new ScoreResponse(assessment.Id, template.Name, assessment.FiscalYear, assessment.DepartmentId, assessment.IsClosed, scores.Score,
            scores.Categories.Select(c => new CategoryResponse(c.Category, c.Score, c.Answered, c.NotApplicable, c.Unanswered)).ToList(),
            previous?.FiscalYear, previous is null ? null : ChecklistScore.Compute(template.Items, previous.Values).Score));
    }
}
