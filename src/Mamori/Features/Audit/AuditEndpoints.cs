using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Audit;

/// <summary>/api/v1/audit: the current municipality's audit trail, newest first.</summary>
public static class AuditEndpoints
{
    public sealed record AuditEntryResponse(long Sequence, DateTime OccurredAt, string ActorName, string Action, string EntityType, string EntityKey,
        IReadOnlyList<AuditChange> Changes, string Hash);

    public sealed record AuditPage(int Total, IReadOnlyList<AuditEntryResponse> Entries);

    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", List).RequireAuthorization(Policies.AuditRead).WithTags("監査ログ").WithSummary("監査ログ");
        return api;
    }

    private static async Task<Results<Ok<AuditPage>, Refusal>> List(string? from, string? to, string? entityType, AuditAction? action,
        string? actor, int? skip, int? take, AppDbContext db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new AuditFilter(ApiResults.ParseDate(from, "from", errors), ApiResults.ParseDate(to, "to", errors), entityType, action, actor);
        if (take is < 1 or > 1000)
        {
            errors["take"] = ["take は 1 から 1000 の間で指定してください。"];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var query = filter.Apply(db);
        var total = await query.CountAsync(ct);
        var rows = await query.Skip(Math.Max(0, skip ?? 0)).Take(take ?? 100).ToListAsync(ct);
        return TypedResults.Ok(new AuditPage(total, rows.Select(e => new AuditEntryResponse(e.Sequence, e.OccurredAt, e.ActorName, e.Action.ToString(),
            e.EntityType, e.EntityKey, AuditChanges.Parse(e.Changes), e.Hash)).ToList()));
    }
}
