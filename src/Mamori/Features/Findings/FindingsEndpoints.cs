using Mamori.Core.Data;
using Mamori.Core.Features.Findings;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Findings;

/// <summary>/api/v1/findings: the findings list and what is late or due (the same shape as <c>mamori findings due</c>).</summary>
public static partial class FindingsEndpoints
{
    public sealed record FindingResponse(Guid Id, Guid InspectionId, string Inspection, string Source, string Law, int Number, string Heading, string? Provision,
        Guid DepartmentId, DateOnly? DueOn, string Status, bool Overdue, DateOnly? DoneOn, DateOnly? CheckedOn);

    public sealed record OverdueResponse(Guid Id, string Heading, string Inspection, Guid DepartmentId, DateOnly DueOn, string Status);

    public sealed record MissedResponse(Guid TaskId, string Title, Guid DepartmentId, DateOnly DueOn);

    public sealed record DutyResponse(Guid IncidentId, int Number, string Title, Guid DepartmentId, string Duty, DateOnly? DueOn, bool Overdue);

    public sealed record DueResponse(DateOnly Today, IReadOnlyList<OverdueResponse> OverdueFindings, int AwaitingCheck, IReadOnlyList<MissedResponse> MissedTasks,
        IReadOnlyList<DutyResponse> IncidentDuties);

    public static RouteGroupBuilder MapFindingsEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/findings", List).WithTags("指摘事項・漏えい等事案").RequireAuthorization(Policies.FindingsRead).WithSummary("指摘事項の一覧（所管課は自課のみ）");
        api.MapGet("/findings/due", Due).WithTags("指摘事項・漏えい等事案").RequireAuthorization(Policies.FindingsRead).WithSummary("期限超過の指摘事項・未実施の定期的な取組・未了の報告");
        MapWriteEndpoints(api);
        return api;
    }

    /// <summary>The JSON of <c>findings due</c> and of GET /api/v1/findings/due.</summary>
    public static DueResponse ToResponse(FindingsOverview o, DateOnly today) => new(
        today,
        o.OverdueFindings.Select(f => new OverdueResponse(f.Id, f.Heading, f.Inspection, f.DepartmentId, f.DueOn, f.Status.JapaneseName())).ToList(),
        o.AwaitingCheck,
        o.MissedTasks.Select(m => new MissedResponse(m.TaskId, m.Title, m.DepartmentId, m.DueOn)).ToList(),
        o.IncidentDuties.Select(d => new DutyResponse(d.IncidentId, d.Number, d.Title, d.DepartmentId, d.Duty, d.DueOn, d.IsOverdue(today))).ToList());

    private static async Task<Ok<List<FindingResponse>>> List(bool? overdue, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        var rows = await db.Findings.AsNoTracking().Join(db.Inspections.AsNoTracking(), f => f.InspectionId, i => i.Id, (f, i) => new { f, i }).ToListAsync(ct);
        return TypedResults.Ok(rows
            .Where(x => overdue != true || x.f.IsOverdue(today))
            .OrderBy(x => x.i.StartOn).ThenBy(x => x.f.Law).ThenBy(x => x.f.Number)
            .Select(x => new FindingResponse(x.f.Id, x.i.Id, x.i.Title, x.i.Source.JapaneseName(), x.f.Law.JapaneseName(), x.f.Number, x.f.Heading, x.f.Provision,
                x.f.DepartmentId, x.f.DueOn, x.f.Status.JapaneseName(), x.f.IsOverdue(today), x.f.DoneOn, x.f.CheckedOn))
            .ToList());
    }

    private static async Task<Ok<DueResponse>> Due(AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var today = JapanTime.Today(clock);
        return TypedResults.Ok(ToResponse(await FindingsOverview.BuildAsync(db, db.Tenant.MunicipalityId!.Value, today, ct), today));
    }
}
