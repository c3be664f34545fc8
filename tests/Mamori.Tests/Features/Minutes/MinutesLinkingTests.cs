using System.Net;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Minutes;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Minutes;

/// <summary>
/// Imported minutes are linked to registered 諮問・報告 only where it is sure, or where someone chose to:
/// a number alone never links, what is registered is never rewritten, a council of another name is
/// proposed and not created, and every choice is in the audit trail.
/// </summary>
public sealed class MinutesLinkingTests(AppFixture app)
{
    private static string Minutes(string council, string date, string agenda, string place = "市役所　第１会議室") => $"""
        {council}　会議録
        日時　{date}　午後２時～午後３時
        場所　{place}
        出席委員　山田一郎（会長）、佐藤花子
        議題
        {agenda}

        ○会長　ただいまから開会します。
        ○事務局　資料について説明します。
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ANumberAlone_IsNeverLinkedSilently_TheClerkChooses_AndNothingRegisteredIsRewritten(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var councilId = await CouncilAsync(office, "まもり市個人情報保護審議会");
        // Both submitted 令和4年10月27日.
        var item76 = await ItemAsync(office, councilId, "Consultation", "住民基本台帳ネットワークシステムのセキュリティ評価について", 76);
        var item77 = await ItemAsync(office, councilId, "Consultation", "防犯カメラの設置及び運用について", 77);

        // 平成28年 minutes name 諮問第76号 for another matter: shown side by side, nothing chosen for it.
        var old = Minutes("平成28年度第1回まもり市個人情報保護審議会", "平成２８年７月６日（水）",
            "(1) 諮問第76号　社会保障・税番号制度における特定個人情報保護評価について\n(2) 報告第9号　個人情報の漏えい事案について");
        var preview = await PreviewAsync(office, "H28-1.pdf.txt", old);
        Assert.Contains("要確認", preview);
        Assert.Contains("住民基本台帳ネットワークシステムのセキュリティ評価について", preview);
        Assert.Contains("社会保障・税番号制度における特定個人情報保護評価について", preview);
        Assert.Contains("件名が違います。提出日（令和4年10月27日）が会議の日から2年を超えて離れています。", WebUtility.HtmlDecode(preview));
        var form = MinutesTests.ImportForm(preview);
        Assert.False(form.ContainsKey("Choices[0]"), "確かめられない結び付けが選ばれた状態で表示されています");
        Assert.Equal("New", form["Choices[1]"]);

        // Importing without a choice is refused, and nothing is stored.
        var refused = await office.PostFormAsync("/council/minutes/import", form, "/council/minutes/import?handler=Import");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("諮問第76号：登録済みの「住民基本台帳ネットワークシステムのセキュリティ評価について」と同じ議題か確かめられません",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Meetings.CountAsync(m => m.CouncilId == councilId)));

        // Left out: 76 keeps its title and is not placed on the 平成28年 meeting; 報告第9号 is a new item.
        form["Choices[0]"] = "Skip";
        var meetingId = await ImportedAsync(office, form);
        var stored = await factory.AsSystemAsync(async (_, db) => new
        {
            Title76 = await db.AgendaItems.Where(i => i.Id == item76).Select(i => i.Title).SingleAsync(),
            Placed = await db.MeetingItems.Where(x => x.MeetingId == meetingId).Join(db.AgendaItems, x => x.ItemId, i => i.Id, (x, i) => i.Number).ToListAsync(),
            Record = await db.MinutesImports.SingleAsync(r => r.MeetingId == meetingId),
        });
        Assert.Equal("住民基本台帳ネットワークシステムのセキュリティ評価について", stored.Title76);
        Assert.Equal([9], stored.Placed);
        Assert.Contains("諮問第76号：取り込まない（登録済み「住民基本台帳ネットワークシステムのセキュリティ評価について」とは結び付けない）", stored.Record.Decisions);
        Assert.Contains("報告第9号：新しい議題「個人情報の漏えい事案について」", stored.Record.Decisions);
        Assert.Equal(64, stored.Record.Sha256.Length);
        var audited = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.EntityType == nameof(MinutesImportRecord) && e.EntityKey == stored.Record.Id.ToString())
            .Select(e => e.Changes).SingleAsync());
        Assert.Contains("取り込まない", audited);

        // 令和4年度 minutes of the same council: 諮問第77号 with a title alike and near in time is suggested, and linked —
        // to the registered meeting of that day, whose place (recorded) stays.
        var planned = await MeetingAsync(office, councilId, "令和4年度第3回", new DateOnly(2022, 11, 17));
        var recent = Minutes("令和4年度第3回まもり市個人情報保護審議会", "令和４年１１月１７日（木）", "(1) 諮問第77号　防犯カメラの設置・運用について", place: "オンライン");
        preview = await PreviewAsync(office, "R4-3.txt", recent);
        Assert.Contains("一致", preview);
        Assert.Contains("登録済みの会議「令和4年度第3回」", WebUtility.HtmlDecode(preview));
        form = MinutesTests.ImportForm(preview);
        Assert.Equal("Link", form["Choices[0]"]);
        Assert.Equal(planned, await ImportedAsync(office, form));
        var linked = await factory.AsSystemAsync(async (_, db) => new
        {
            Title77 = await db.AgendaItems.Where(i => i.Id == item77).Select(i => i.Title).SingleAsync(),
            Placed = await db.MeetingItems.Where(x => x.MeetingId == planned).Select(x => x.ItemId).ToListAsync(),
            Meeting = await db.Meetings.SingleAsync(m => m.Id == planned),
        });
        Assert.Equal("防犯カメラの設置及び運用について", linked.Title77);
        Assert.Equal([item77], linked.Placed);
        Assert.Equal("本庁舎6階 第2委員会室", linked.Meeting.Place);
        Assert.Equal("令和4年度第3回", linked.Meeting.Title);
        Assert.Equal("山田一郎、佐藤花子", linked.Meeting.AttendeesText);

        // Minutes of a council of another name: a new council is proposed, not created, until confirmed.
        var other = Minutes("令和6年度第1回まもり市情報公開審査会", "令和６年５月２０日（月）", "(1) その他");
        preview = await PreviewAsync(office, "R6-1.txt", other);
        Assert.Contains("会議録の名称「まもり市情報公開審査会」の審議会は登録されていません", WebUtility.HtmlDecode(preview));
        var councils = await factory.AsSystemAsync((_, db) => db.Councils.CountAsync(c => c.MunicipalityId == tenant.MunicipalityId));
        var unconfirmed = await office.PostFormAsync("/council/minutes/import", MinutesTests.ImportForm(preview, council: ""), "/council/minutes/import?handler=Import");
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("新しい審議会として登録することを選んでください", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Equal(councils, await factory.AsSystemAsync((_, db) => db.Councils.CountAsync(c => c.MunicipalityId == tenant.MunicipalityId)));
        await ImportedAsync(office, MinutesTests.ImportForm(preview, council: "new"));
        Assert.Equal(councils + 1, await factory.AsSystemAsync((_, db) => db.Councils.CountAsync(c => c.MunicipalityId == tenant.MunicipalityId)));
    }

    private static async Task<string> PreviewAsync(Browser office, string fileName, string text)
    {
        var response = await office.PostFileAsync("/council/minutes/import", "Upload", fileName, Encoding.UTF8.GetBytes(text), "/council/minutes/import?handler=Preview");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && html.Contains("この内容で取り込む", StringComparison.Ordinal), Errors(html));
        return html;
    }

    private static async Task<Guid> ImportedAsync(Browser office, Dictionary<string, string> form)
    {
        var response = await office.PostFormAsync("/council/minutes/import", form, "/council/minutes/import?handler=Import");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }
}
