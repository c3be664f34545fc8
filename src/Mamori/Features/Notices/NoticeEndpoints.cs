using Mamori.Core.Data;
using Mamori.Core.Features.Notices;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Notices;

/// <summary>The calendar feed (a secret URL, no sign-in) and the caller's own notices for programs.</summary>
public static class NoticeEndpoints
{
    public sealed record NoticeResponse(Guid Id, string Rule, string RuleName, string Module, string Title, string Link, DateOnly? DueOn, DateTime CreatedAt, DateTime? ReadAt, string Mail);

    public static RouteGroupBuilder MapNoticeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/notices", List).RequireAuthorization(Policies.SignedIn).WithTags("お知らせ").WithSummary("自分宛てのお知らせ（新しい順）");
        return api;
    }

    /// <summary>GET /calendar/{secret}.ics: anyone holding the secret may read it, like a calendar app that cannot sign in.</summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", Feed).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<Ok<List<NoticeResponse>>> List(AppDbContext db, bool? unread, string? module, CancellationToken ct)
    {
        var rows = await Inbox.ListAsync(db, db.Tenant.UserId!, NoticeRules.Modules.Contains(module) ? module : null, unread == true, 500, ct);
        return TypedResults.Ok(rows.Select(r => new NoticeResponse(r.Id, r.Rule.ToString(), r.Rule.JapaneseName(), r.Rule.Module(), r.Title, r.Link, r.DueOn,
            r.CreatedAt, r.ReadAt, r.Mail.ToString())).ToList());
    }

    private static async Task<Results<ContentHttpResult, NotFound>> Feed(string secret, AppDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var owner = await CalendarFeed.OwnerAsync(db, secret, ct);
        if (owner is null)
        {
            return TypedResults.NotFound();
        }
        db.Tenant.SetJob(owner.MunicipalityId, "カレンダー配信");
        var ics = await CalendarFeed.BuildAsync(db, owner, JapanTime.Today(clock), clock.GetUtcNow().UtcDateTime, ct);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }
}
