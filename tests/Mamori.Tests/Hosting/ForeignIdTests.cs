using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Audit;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Hosting.AuthorizationMatrixTests;

namespace Mamori.Tests.Hosting;

/// <summary>
/// Every route and page handler that takes an id, opened and posted with the id of another municipality's record (and,
/// for a 所管課, of another department's): 404 or a refusal, or exactly the answer an id of no record gets (a form
/// that refuses empty input before it looks anything up), never the record; and nothing changed (ASVS 4.2.1, IDOR).
/// The routes are read from the two matrix tables, so a new route with an id is swept without being listed here.
/// </summary>
public sealed class ForeignIdTests(AppFixture app)
{
    /// <summary>Routes a 所管課 may open with another department's id, and why: the record is the municipality's, not a department's.</summary>
    private static readonly Dictionary<string, string> SharedAcrossDepartments = new()
    {
        ["/reviews/rounds/"] = "点検の回は団体全体のもの",
        ["/api/v1/reviews/rounds/"] = "点検の回は団体全体のもの",
        ["/security/self-checks/"] = "セルフチェックは全職員が回答する",
        ["/mynumber/amendments/"] = "条例改正は団体全体のもの",
        ["/api/v1/mynumber/amendments/"] = "条例改正は団体全体のもの",
        ["/advisories/"] = "国の通知は団体全体のもの（点検は自課の分だけ見える）",
        ["/api/v1/advisories/"] = "国の通知は団体全体のもの（点検は自課の分だけ見える）",
        ["/api/v1/security/self-checks/"] = "セルフチェックは全職員が回答する（回答状況は自課の分だけ）",
        ["/findings/inspections/"] = "検査は団体のもので、対象課の一覧は全課が見る",
        ["/api/v1/reviews/templates/"] = "点検票のひな形は全課が使う",
    };

    private static bool TakesAnId(string pattern) =>
        pattern.Contains("{id", StringComparison.Ordinal) || pattern.Contains("{memberId", StringComparison.Ordinal);

    private static bool Refused(HttpResponseMessage response, string method) =>
        response.StatusCode == HttpStatusCode.NotFound || IsDenied(response, method);

    private static readonly System.Text.RegularExpressions.Regex Guids = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /// <summary>The URL with every id replaced by an id of no record.</summary>
    private static string Unknown(string url) => Guids.Replace(url, _ => Guid.NewGuid().ToString());

    /// <summary>What an answer tells: its status and where it leads, ids left out.</summary>
    private static string Shape(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {Guids.Replace(response.Headers.Location?.OriginalString ?? string.Empty, "{id}")}";

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs4_2_1_EveryRouteAndHandler_WithAnotherMunicipalitysIds_AnswersNotFound_AndChangesNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var a = await TestTenant.CreateAsync(factory, "甲市");
        var b = await TestTenant.CreateAsync(factory, "乙町");
        // B's records, reached through A's public pages too: {code} stays A's.
        var ids = new Dictionary<string, string>(await SampleIds(factory, b)) { ["{code}"] = a.Code };
        var failures = await SweepAsync(factory, a, ids, _ => true, watched: b.MunicipalityId);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs4_2_1_EveryRouteAndHandler_WithAnotherDepartmentsIds_AnswersNotFoundToA所管課_AndChangesNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var ids = await SampleIds(factory, tenant, tenant.OtherDepartmentId);
        var failures = await SweepAsync(factory, tenant, ids, role => role == UserRole.Department, watched: tenant.MunicipalityId,
            skip: pattern => SharedAcrossDepartments.Keys.Any(k => pattern.StartsWith(k, StringComparison.Ordinal)));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task<List<string>> SweepAsync(MamoriFactory factory, TestTenant tenant, IReadOnlyDictionary<string, string> ids,
        Func<UserRole, bool> asRole, Guid watched, Func<string, bool>? skip = null)
    {
        var failures = new List<string>();
        var sessions = new Dictionary<UserRole, (Browser Browser, string Token)>();
        async Task<(Browser Browser, string Token)?> SessionAsync(UserRole[]? allowed)
        {
            // The strongest role the route lets in: it sees the most, so a missing filter shows.
            var role = (allowed ?? [UserRole.Admin]).Where(asRole).Cast<UserRole?>().FirstOrDefault();
            if (role is not { } r)
            {
                return null;
            }
            if (!sessions.TryGetValue(r, out var session))
            {
                var browser = await Browser.SignInAsync(factory, tenant, r);
                session = (browser, await browser.TokenAsync("/"));
                sessions[r] = session;
            }
            return session;
        }

        var before = await ChangesAsync(factory, watched);
        var swept = 0;
        foreach (var (rule, allowed) in Rules)
        {
            var (method, pattern) = (rule[..rule.IndexOf(' ')], rule[(rule.IndexOf(' ') + 1)..]);
            if (!TakesAnId(pattern) || skip?.Invoke(pattern) == true || await SessionAsync(allowed) is not { } session)
            {
                continue;
            }
            var url = Fill(pattern, ids);
            Task<HttpResponseMessage> SendAsync(string target) => method switch
            {
                "PAGE" or "GET" => session.Browser.GetAsync(target),
                "HEAD" => session.Browser.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, target)),
                "POST" => session.Browser.Client.PostAsJsonAsync(target, new { }),
                "PUT" => session.Browser.Client.PutAsJsonAsync(target, new { }),
                "DELETE" => session.Browser.Client.DeleteAsync(target),
                _ => throw new InvalidOperationException(method),
            };
            var response = await SendAsync(url);
            swept++;
            if (!Refused(response, method == "PAGE" ? "PAGE" : "API") && Shape(response) != Shape(await SendAsync(Unknown(url))))
            {
                failures.Add($"{method} {url} → {Shape(response)}（404 または拒否、または存在しない id と同じ応答のはず）");
            }
        }
        foreach (var (rule, allowed) in PageHandlerMatrixTests.Rules)
        {
            var path = rule[(rule.IndexOf(' ') + 1)..];
            var q = path.IndexOf("?handler=", StringComparison.Ordinal);
            var pattern = q >= 0 ? path[..q] : path;
            if (!TakesAnId(pattern) || skip?.Invoke(pattern) == true || await SessionAsync(allowed) is not { } session)
            {
                continue;
            }
            var url = Fill(pattern, ids) + (q >= 0 ? path[q..] : string.Empty);
            Task<HttpResponseMessage> PostAsync(string target) =>
                session.Browser.Client.PostAsync(target, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = session.Token }));
            var response = await PostAsync(url);
            swept++;
            if (!Refused(response, "PAGE") && Shape(response) != Shape(await PostAsync(Unknown(url))))
            {
                failures.Add($"POST {url} → {Shape(response)}（404 または拒否、または存在しない id と同じ応答のはず）");
            }
        }
        foreach (var (session, _) in sessions.Values)
        {
            session.Dispose();
        }
        Assert.True(swept >= 40, $"id を取る経路が {swept} 件しか試されていません");
        var after = await ChangesAsync(factory, watched);
        if (after != before)
        {
            failures.Add($"他の団体・他課の id での操作で記録が変わりました（監査ログ {before} → {after} 件）");
        }
        return failures;
    }

    /// <summary>
    /// How many changes of a municipality's records the audit trail holds: every change of a record is one. Sign-ins (the
    /// account's last login, its session) and security events are the sweep's own and left out, and so are the notices the
    /// scheduler stores meanwhile about the sample records (a notice opened or marked read still counts).
    /// </summary>
    private static Task<int> ChangesAsync(MamoriFactory factory, Guid municipality) =>
        factory.AsSystemAsync((_, db) => db.AuditEntries.CountAsync(e => e.MunicipalityId == municipality
            && e.EntityType != nameof(SecurityEvent) && e.EntityType != nameof(SignInSession) && e.EntityType != nameof(AppUser)
            && !(e.EntityType == nameof(Core.Features.Notices.Notice) && e.Action == Core.Features.Audit.AuditAction.Insert)));
}
