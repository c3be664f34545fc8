using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ical.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Features.Notices.NoticeSetup;

namespace Mamori.Tests.Features.Notices;

/// <summary>Each account's own inbox and calendar feed: nobody else's notices, a count in the header, a revocable secret URL.</summary>
public sealed partial class InboxAndFeedTests(AppFixture app)
{
    public sealed record ApiNotice(Guid Id, string Rule, string Module, string Title, string Link, DateOnly? DueOn, DateTime? ReadAt);

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheInbox_IsOwn_CountedInTheHeader_AndOpensTheRecord(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var today = factory.Today;
        var incident = await IncidentAsync(factory, tenant, today.AddDays(1));
        var finding = await FindingAsync(factory, tenant, tenant.OwnDepartmentId, today.AddDays(7), "申請書の保管");
        await RunAsync(factory, tenant);

        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var officeNotices = await office.Client.GetFromJsonAsync<List<ApiNotice>>("/api/v1/notices");
        var departmentNotices = await department.Client.GetFromJsonAsync<List<ApiNotice>>("/api/v1/notices");
        var officeNotice = Assert.Single(officeNotices!);
        Assert.Equal("IncidentReport", officeNotice.Rule);
        Assert.Equal($"/incidents/{incident.Id}", officeNotice.Link);
        Assert.Equal(["FindingAssigned", "FindingDue"], departmentNotices!.Select(n => n.Rule).Order(StringComparer.Ordinal).ToArray());
        var departmentNotice = departmentNotices!.Single(n => n.Rule == "FindingDue");
        Assert.Equal($"/findings/{finding.Id}", departmentNotice.Link);
        Assert.Equal("指摘・事故", departmentNotice.Module);

        // The header counts the unread; the inbox lists them with the module filter.
        var home = await office.GetPageAsync("/");
        Assert.Matches(@"class=""unread-badge"">1<", home);
        var inbox = WebUtility.HtmlDecode(await office.GetPageAsync("/inbox"));
        Assert.Contains(officeNotice.Title, inbox);
        Assert.DoesNotContain("申請書の保管", inbox);
        Assert.DoesNotContain(officeNotice.Title, WebUtility.HtmlDecode(await office.GetPageAsync("/inbox?module=審議会")));

        // Another account's notice is not there for this one, and stays unread.
        Assert.Equal(HttpStatusCode.NotFound, (await department.GetAsync($"/inbox/{officeNotice.Id}")).StatusCode);
        Assert.Null((await NoticesAsync(factory, tenant)).Single(n => n.Id == officeNotice.Id).ReadAt);

        // Opening it marks it read and leads to the record.
        var open = await office.GetAsync($"/inbox/{officeNotice.Id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal($"/incidents/{incident.Id}", open.Headers.Location!.OriginalString);
        Assert.NotNull((await NoticesAsync(factory, tenant)).Single(n => n.Id == officeNotice.Id).ReadAt);
        Assert.DoesNotContain("unread-badge", await office.GetPageAsync("/"));

        // すべて既読 reads the caller's own only.
        var readAll = await department.PostFormAsync("/inbox", new Dictionary<string, string>(), "/inbox?handler=ReadAll");
        Assert.Equal(HttpStatusCode.Redirect, readAll.StatusCode);
        Assert.All(await NoticesAsync(factory, tenant), n => Assert.NotNull(n.ReadAt));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheCalendarFeed_ParsesWithTheOwnDeadlinesOnly_AndARevokedUrlAnswers404(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var today = factory.Today;
        var finding = await FindingAsync(factory, tenant, tenant.OwnDepartmentId, today.AddDays(40), "申請書の保管");
        await FindingAsync(factory, tenant, tenant.OtherDepartmentId, today.AddDays(20), "他課の指摘");
        await IncidentAsync(factory, tenant, today.AddDays(2));

        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var url = await IssueAsync(department);
        using var anonymous = Browser.Anonymous(factory);
        var response = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Calendar.Load(text);
        Assert.NotNull(calendar);
        // A due date 40 days away is in the calendar though nobody is told of it yet; the other department's and the 事務局's are not.
        var e = Assert.Single(calendar.Events);
        Assert.Equal("指摘事項「申請書の保管」の改善期限", e.Summary);
        Assert.Equal(today.AddDays(40), DateOnly.FromDateTime(e.DtStart!.Value));
        Assert.False(e.DtStart.HasTime);
        Assert.Equal($"finding:{finding.Id}@mamori", e.Uid);
        Assert.DoesNotContain(ResidentName, text);

        // The 事務局's own feed holds the incident's 速報 and 確報.
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var officeFeed = Calendar.Load(await anonymous.Client.GetStringAsync(new Uri(await IssueAsync(office)).PathAndQuery))!;
        Assert.Equal(["漏えい等事案 第1号の確報", "漏えい等事案 第1号の速報"], officeFeed.Events.Select(x => x.Summary!).Order(StringComparer.Ordinal).ToArray());

        // A new URL retires the old one; stopping the feed retires both.
        var renewed = await IssueAsync(department);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(url).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri(renewed).PathAndQuery)).StatusCode);
        var stop = await department.PostFormAsync("/account/notices", new Dictionary<string, string>(), "/account/notices?handler=RevokeFeed");
        Assert.Equal(HttpStatusCode.Redirect, stop.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(renewed).PathAndQuery)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/calendar/not-a-secret.ics")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TheOwnMailChoice_IsSaved_AndABadAddressIsRefused(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        var refused = await member.PostFormAsync("/account/notices", new Dictionary<string, string> { ["Email"] = "hogo iin@", ["Choice"] = "Digest" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("メールアドレスを「kojinjoho@city.example.lg.jp」のような形で入力してください。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var saved = await member.PostFormAsync("/account/notices", new Dictionary<string, string> { ["Email"] = "iin@example.jp", ["Choice"] = "Digest" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var user = await factory.AsSystemAsync((_, db) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Users, u => u.UserName == tenant.UserName(UserRole.Member)));
        Assert.Equal("iin@example.jp", user.Email);
        Assert.Equal(NoticeMailChoice.Digest, user.NoticeMail);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AFindingSentBack_IsToldToItsDepartment_OncePerReason(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var finding = await FindingAsync(factory, tenant, tenant.OwnDepartmentId, factory.Today.AddDays(60), "申請書の保管");
        async Task SendBackAsync(string reason) => await factory.AsSystemAsync(async (_, db) =>
        {
            var f = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(db.Findings, x => x.Id == finding.Id);
            (f.Status, f.CheckedBy, f.CheckNote, f.CheckedOn) = (Core.Features.Findings.FindingStatus.InProgress, "事務局 太郎", reason, null);
            return await db.SaveChangesAsync();
        });
        await RunAsync(factory, tenant);
        Assert.DoesNotContain(await NoticesAsync(factory, tenant), n => n.Rule == NoticeRule.FindingReturned);

        await SendBackAsync("施錠の記録が添付されていません。");
        await RunAsync(factory, tenant);
        await RunAsync(factory, tenant);
        var told = Assert.Single(await NoticesAsync(factory, tenant), n => n.Rule == NoticeRule.FindingReturned);
        Assert.Equal("指摘事項「申請書の保管」の対応が事務局から差し戻されました", told.Title);
        Assert.Equal(await UserIdAsync(factory, tenant, UserRole.Department), told.RecipientId);

        // Sent back again for another reason: told again.
        await SendBackAsync("鍵の管理者が決まっていません。");
        await RunAsync(factory, tenant);
        Assert.Equal(2, (await NoticesAsync(factory, tenant)).Count(n => n.Rule == NoticeRule.FindingReturned));
    }

    private static async Task<string> IssueAsync(Browser browser)
    {
        var issued = await browser.PostFormAsync("/account/notices", new Dictionary<string, string>(), "/account/notices?handler=IssueFeed");
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var match = FeedUrl().Match(await issued.Content.ReadAsStringAsync());
        Assert.True(match.Success, "発行した URL が画面にありません。");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex(@"id=""feed-url"">([^<]+)<")]
    private static partial Regex FeedUrl();
}
