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
        api.MapGet("/notices/mail-failures", Failures).RequireAuthorization(Policies.Administer).WithTags("お知らせ")
            .WithSummary("送れなかったお知らせメール（管理者。宛先は示さない）");
        api.MapPost("/notices/{id:guid}/mail/retry", Retry).RequireAuthorization(Policies.Administer).WithTags("お知らせ").WithSummary("送れなかったメールをすぐに送り直す");
        return api;
    }

    public sealed record MailFailureResponse(Guid Id, string Rule, string RuleName, DateTime CreatedAt, string Mail, int Attempts, DateTime? NextAttemptAt, string? Error);

    private static MailFailureResponse ToFailure(Notice n) =>
        new(n.Id, n.Rule.ToString(), n.Rule.JapaneseName(), n.CreatedAt, n.Mail.ToString(), n.MailAttempts, n.NextAttemptAt, n.MailError);

    private static async Task<Ok<List<MailFailureResponse>>> Failures(AppDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Notices
            .Where(n => n.MailAttempts > 0 && n.Mail != NoticeMailState.Sent).OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).Take(500), ct)).Select(ToFailure).ToList());

    private static async Task<Results<Ok<MailFailureResponse>, Refusal>> Retry(Guid id, AppDbContext db, NoticeSignal signal, TimeProvider clock, CancellationToken ct) =>
        ApiResults.Changed((await NoticeStore.RetryAsync(db, id, signal, clock, ct)).Map(ToFailure));

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
