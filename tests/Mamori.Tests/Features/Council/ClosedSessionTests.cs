using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Council;

public sealed class ClosedSessionTests(AppFixture app)
{
    private static string Text(string html) => System.Text.RegularExpressions.Regex.Replace(WebUtility.HtmlDecode(html), @">\s+<", "><");

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ClosedParts_AreLeftOutOfThePublicPageSearchAndMaterials_AndStayForTheOffice(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var meeting = await MeetingAsync(office, council, "令和6年度第3回", Today.AddDays(-10));
        var open = await ItemAsync(office, council, "Report", "防犯カメラの運用状況について", 401);
        var appeal = await ItemAsync(office, council, "Consultation", "審査請求（開示決定）について", 90);
        await PlaceAsync(office, meeting, open, "資料1");
        await PlaceAsync(office, meeting, appeal, "資料2");
        await Handler(office, meeting, "Held", []);
        await PostAndFollowAsync(office, $"/council/meetings/{meeting}/minutes", new()
        {
            ["Text"] = "○会長　ただいまから開会します。防犯カメラの報告をお願いします。\n○事務局　設置台数は四十二台です。\n"
                + "○会長　ここからは審査請求のため非公開とします。\n○事務局　請求人は隣家の診療記録の開示を求めています。\n○委員　請求人の事情を確認したい。\n"
                + "○会長　公開に戻します。閉会します。",
        });
        // The appeal's material is marked public by mistake: the closed item keeps it off the public page all the same.
        var material = await factory.AsSystemAsync(async (_, db) =>
        {
            var file = Core.Features.Files.StoredFile.From("%PDF-1.4"u8.ToArray());
            file.MunicipalityId = tenant.MunicipalityId;
            var m = new Material { MunicipalityId = tenant.MunicipalityId, CouncilId = council, ItemId = appeal, Title = "審査請求書（写し）", FileName = "appeal.pdf", ContentType = "application/pdf", FileId = file.Id, IsPublic = true };
            db.AddRange(file, m);
            await db.SaveChangesAsync();
            return m.Id;
        });

        // Turns 3 to 5 and the appeal are marked closed; the minutes are confirmed and published.
        await PostAndFollowAsync(office, $"/council/meetings/{meeting}/minutes", new() { ["fromSeq"] = "4", ["toSeq"] = "5", ["closed"] = "true" },
            $"/council/meetings/{meeting}/minutes?handler=ClosedTurns");
        var refused = await office.PostFormAsync($"/council/meetings/{meeting}/minutes", new() { ["fromSeq"] = "5", ["toSeq"] = "4", ["closed"] = "true" },
            $"/council/meetings/{meeting}/minutes?handler=ClosedTurns");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("小さい番号から", WebUtility.HtmlDecode(await office.GetPageAsync($"/council/meetings/{meeting}/minutes")));
        await PostAndFollowAsync(office, $"/council/meetings/{meeting}/minutes", new() { ["itemId"] = appeal.ToString(), ["closed"] = "true" },
            $"/council/meetings/{meeting}/minutes?handler=ClosedItem");
        await Handler(office, meeting, "Confirm", new() { ["ConfirmedOn"] = Iso(Today.AddDays(-1)) });
        await Handler(office, meeting, "PublishMinutes", new() { ["Publish"] = "true" });

        var publicPage = Text(await Browser.Anonymous(factory).GetPageAsync($"/public/{tenant.Code}/council/meetings/{meeting}"));
        Assert.Contains("設置台数は四十二台です", publicPage);
        Assert.Contains(ClosedSession.ClosedNote, publicPage);
        Assert.Equal(1, System.Text.RegularExpressions.Regex.Count(publicPage, System.Text.RegularExpressions.Regex.Escape(ClosedSession.ClosedNote)));
        Assert.DoesNotContain("診療記録", publicPage);
        Assert.DoesNotContain("請求人の事情", publicPage);
        Assert.DoesNotContain("審査請求（開示決定）について", publicPage);
        Assert.Contains(ClosedSession.ClosedTitle, publicPage);
        Assert.DoesNotContain("審査請求書（写し）", publicPage);
        // The turn before and after the closed part are public; so is the 会長 announcing it.
        Assert.Contains("ここからは審査請求のため非公開とします", publicPage);
        Assert.Contains("公開に戻します", publicPage);
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Anonymous(factory).GetAsync($"/public/{tenant.Code}/council/materials/{material}")).StatusCode);

        // Public search finds the open words and never the closed ones; the office's search finds both.
        var anyone = Browser.Anonymous(factory);
        Assert.Contains("四十二台", Text(await anyone.GetPageAsync($"/public/{tenant.Code}/council/search?q=四十二台")));
        var closedSearch = Text(await anyone.GetPageAsync($"/public/{tenant.Code}/council/search?q=診療記録"));
        Assert.Contains("検索結果 0件", closedSearch);
        Assert.DoesNotContain("隣家", closedSearch);
        var officeSearch = Text(await office.GetPageAsync("/council/minutes/search?q=診療記録"));
        Assert.Contains("検索結果 1件", officeSearch);
        Assert.Contains("隣家", officeSearch);

        // The office reads the closed part as it was said, marked.
        var minutes = Text(await office.GetPageAsync($"/council/meetings/{meeting}/minutes"));
        Assert.Contains("［非公開］【事務局】", minutes);
        Assert.Contains("請求人は隣家の診療記録の開示を求めています", minutes);
        Assert.Contains("審査請求（開示決定）について（非公開）", minutes);

        // Opened again, the turns reach the public page and its search.
        await office.PostFormAsync($"/council/meetings/{meeting}/minutes", new() { ["fromSeq"] = "4", ["toSeq"] = "5", ["closed"] = "false" },
            $"/council/meetings/{meeting}/minutes?handler=ClosedTurns");
        Assert.Contains("診療記録", Text(await anyone.GetPageAsync($"/public/{tenant.Code}/council/meetings/{meeting}")));
        Assert.Contains("隣家", Text(await anyone.GetPageAsync($"/public/{tenant.Code}/council/search?q=診療記録")));
    }
}
