using System.Globalization;
using System.Net;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Council;

/// <summary>Drives the council pages as 事務局 does, returning the ids the redirects point to.</summary>
internal static class CouncilPages
{
    /// <summary>The shared applications' day (<see cref="TestClock.DefaultToday"/>).</summary>
    public static readonly DateOnly Today = TestClock.DefaultToday;

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts a form and expects the Post/Redirect/Get redirect; returns the last path segment of the target.</summary>
    public static async Task<string> PostAndFollowAsync(Browser browser, string pageUrl, Dictionary<string, string> fields, string? action = null)
    {
        var response = await browser.PostFormAsync(pageUrl, fields, action);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"POST {action ?? pageUrl} → {(int)response.StatusCode}: {Errors(body)}");
        return response.Headers.Location!.OriginalString.Split('?')[0].TrimEnd('/').Split('/')[^1];
    }

    /// <summary>The validation messages of a re-displayed form.</summary>
    public static string Errors(string html)
    {
        var start = html.IndexOf("validation-summary", StringComparison.Ordinal);
        return start < 0 ? "(エラー表示なし)" : WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html[start..Math.Min(html.Length, start + 1500)], "<[^>]+>", " "));
    }

    public static async Task<Guid> CouncilAsync(Browser office, string name, Guid? parentId = null) =>
        Guid.Parse(await PostAndFollowAsync(office, "/council/edit", new()
        {
            ["Input.Name"] = name,
            ["Input.ParentId"] = parentId?.ToString() ?? "",
            ["Input.TermYears"] = "2",
            ["Input.Quorum"] = "MoreThanHalf",
            ["Input.IsPublic"] = "true",
            ["Input.Contact"] = "総合政策部区政情報課 電話 03-0000-0000",
        }));

    public static async Task MemberAsync(Browser office, Guid councilId, string name, DateOnly start, DateOnly end, string role = "Member", string? userId = null)
    {
        await PostAndFollowAsync(office, $"/council/{councilId}/members/edit", new()
        {
            ["Input.Name"] = name,
            ["Input.Affiliation"] = "学識経験者",
            ["Input.TermStart"] = Iso(start),
            ["Input.TermEnd"] = Iso(end),
            ["Input.Role"] = role,
            ["Input.UserId"] = userId ?? "",
        });
    }

    public static async Task<Guid> MeetingAsync(Browser office, Guid councilId, string title, DateOnly heldOn, string kind = "InPerson", DateOnly? deadline = null) =>
        Guid.Parse(await PostAndFollowAsync(office, $"/council/meetings/edit?councilId={councilId}", new()
        {
            ["Input.CouncilId"] = councilId.ToString(),
            ["Input.Title"] = title,
            ["Input.Kind"] = kind,
            ["Input.HeldOn"] = Iso(heldOn),
            ["Input.StartsAt"] = "14:00",
            ["Input.EndsAt"] = "午後4時",
            ["Input.Place"] = "本庁舎6階 第2委員会室",
            ["Input.ResponseDeadline"] = deadline is { } d ? Iso(d) : "",
        }));

    public static async Task<Guid> ItemAsync(Browser office, Guid councilId, string kind, string title, int? number = null) =>
        Guid.Parse(await PostAndFollowAsync(office, "/council/items/edit", new()
        {
            ["Input.CouncilId"] = councilId.ToString(),
            ["Input.Kind"] = kind,
            ["Input.Number"] = number?.ToString(CultureInfo.InvariantCulture) ?? "",
            ["Input.Title"] = title,
            ["Input.SubmittedOn"] = "令和4年10月27日",
        }));

    public static Task Handler(Browser office, Guid meetingId, string handler, Dictionary<string, string> fields) =>
        PostAndFollowAsync(office, $"/council/meetings/{meetingId}", fields, $"/council/meetings/{meetingId}?handler={handler}");

    public static async Task PlaceAsync(Browser office, Guid meetingId, Guid itemId, string label) =>
        await Handler(office, meetingId, "Place", new() { ["ItemId"] = itemId.ToString(), ["Label"] = label });

    public static async Task<string> UserIdAsync(MamoriFactory factory, string userName) =>
        await factory.AsSystemAsync(async (_, db) => await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());

    /// <summary>A second 委員 account in the tenant.</summary>
    public static async Task<string> SecondMemberAsync(MamoriFactory factory, TestTenant tenant) =>
        await factory.AsSystemAsync(async (services, db) =>
        {
            var users = services.GetService(typeof(Microsoft.AspNetCore.Identity.UserManager<AppUser>)) as Microsoft.AspNetCore.Identity.UserManager<AppUser>;
            var name = "member2-" + Guid.NewGuid().ToString("N")[..8];
            var created = await CreateAccount.RunAsync(db, users!, new NewAccount(tenant.MunicipalityId, name, "二人目 委員", UserRole.Member, null, null, TestTenant.Password), default);
            Assert.True(created.Ok, created.Describe());
            return name;
        });
}
