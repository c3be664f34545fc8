using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Council;

public sealed class CouncilTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Consultation_DeliberatedAtThreeMeetings_ShowsHistoryQuorumAndToshin(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var termStart = Today.AddDays(-400);
        for (var i = 1; i <= 10; i++)
        {
            await MemberAsync(office, council, $"委員{i:00}", termStart, Today.AddDays(300), i == 1 ? "Chair" : i == 2 ? "ViceChair" : "Member");
        }
        // An eleventh member whose term ended the day before the first meeting does not count.
        var first = Today.AddDays(-60);
        await MemberAsync(office, council, "前任 委員", termStart, first.AddDays(-1));

        var item = await ItemAsync(office, council, "Consultation", "特定個人情報保護評価書（住民基本台帳）の第三者点検について", 76);
        var report = await ItemAsync(office, council, "Report", "個人情報の外部結合について", 361);

        var meetings = new List<Guid>();
        var toshinId = "";
        var outcomes = new[] { "Continued", "Continued", "Answered" };
        for (var n = 0; n < 3; n++)
        {
            var meeting = await MeetingAsync(office, council, $"第{n + 1}回", first.AddDays(n * 21));
            meetings.Add(meeting);
            await PlaceAsync(office, meeting, item, "資料1");
            await Handler(office, meeting, "Held", []);
            var html = await office.GetPageAsync($"/council/meetings/{meeting}");
            var ids = System.Text.RegularExpressions.Regex.Matches(html, "name=\"Attendance\\[([0-9a-f-]{36})\\]\" value=\"Present\"").Select(m => m.Groups[1].Value).Distinct().ToList();
            Assert.Equal(10, ids.Count);
            var attendance = ids.Select((id, i) => ($"Attendance[{id}]", i < 6 ? "Present" : "Absent")).ToDictionary(x => x.Item1, x => x.Item2);
            attendance["Observers"] = "2";
            await Handler(office, meeting, "Attendance", attendance);
            if (outcomes[n] == "Answered")
            {
                // 答申 as the outcome needs the 答申 itself first.
                var early = await office.PostFormAsync($"/council/meetings/{meeting}", new() { ["ItemId"] = item.ToString(), ["Outcome"] = "Answered" },
                    $"/council/meetings/{meeting}?handler=Outcome");
                Assert.Contains("諮問第76号の答申（本文）がまだありません", WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync()));
                toshinId = await PostAndFollowAsync(office, $"/council/toshin/edit?itemId={item}", new()
                {
                    ["Input.ItemId"] = item.ToString(),
                    ["Input.Number"] = "",
                    ["Input.AnsweredOn"] = Iso(first.AddDays(42)),
                    ["Input.Text"] = "特定個人情報保護評価指針に照らし、おおむね問題ありません。\nただし、記載内容が十分に遵守されるよう徹底することを求めます。",
                });
            }
            await Handler(office, meeting, "Outcome", new() { ["ItemId"] = item.ToString(), ["Outcome"] = outcomes[n] });
        }
        var page = await office.GetPageAsync($"/council/meetings/{meetings[0]}");
        Assert.Contains("委員10名中6名出席、過半数を満たす", page);

        // After 答申 the consultation cannot be put on another meeting.
        var fourth = await MeetingAsync(office, council, "第4回", first.AddDays(50));
        var refused = await office.PostFormAsync($"/council/meetings/{fourth}", new() { ["ItemId"] = item.ToString() }, $"/council/meetings/{fourth}?handler=Place");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("答申済のため", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        var itemPage = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/items/{item}"));
        var history = itemPage[itemPage.IndexOf("id=\"history\"", StringComparison.Ordinal)..];
        history = history[..history.IndexOf("</table>", StringComparison.Ordinal)];
        var at = 0;
        foreach (var expected in new[] { "第1回", "継続審議", "第2回", "継続審議", "第3回", "答申" })
        {
            var next = history.IndexOf(expected, at, StringComparison.Ordinal);
            Assert.True(next >= 0, $"審議の経過に「{expected}」が順番どおりにありません");
            at = next + expected.Length;
        }
        Assert.Contains("<dd id=\"item-status\">答申済</dd>", itemPage);
        Assert.Contains("おおむね問題ありません", itemPage);
        Assert.Contains("答申第1号", itemPage);

        var toshinPage = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/toshin/{toshinId}"));
        Assert.Contains("諮問第76号で諮問のあった標記の件について", toshinPage.Replace("令和4年10月27日付け", "", StringComparison.Ordinal));
        Assert.Contains("会長　委員01", toshinPage);
        var docx = await office.GetAsync($"/council/toshin/{toshinId}?handler=Docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        Assert.Contains("おおむね問題ありません", DocxText(await docx.Content.ReadAsByteArrayAsync()));

        // The report is acknowledged (了承); 答申 does not fit a report.
        await PlaceAsync(office, fourth, report, "資料2");
        await Handler(office, fourth, "Held", []);
        var wrong = await office.PostFormAsync($"/council/meetings/{fourth}", new() { ["ItemId"] = report.ToString(), ["Outcome"] = "Answered" },
            $"/council/meetings/{fourth}?handler=Outcome");
        Assert.Contains("報告の議題の結果は了承・継続審議・取下げのいずれかです", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        await Handler(office, fourth, "Outcome", new() { ["ItemId"] = report.ToString(), ["Outcome"] = "Acknowledged" });

        // A report the council takes without a number, and an item of another kind: each under its own heading.
        var unnumbered = Guid.Parse(await PostAndFollowAsync(office, "/council/items/edit", new()
        {
            ["Input.CouncilId"] = council.ToString(),
            ["Input.Kind"] = "Report",
            ["Input.Number"] = "362",
            ["Input.Unnumbered"] = "true",
            ["Input.Title"] = "令和5年度の開示請求の状況について",
        }));
        Assert.Null((await factory.AsSystemAsync((_, db) => db.AgendaItems.FirstAsync(i => i.Id == unnumbered))).Number);
        var other = await ItemAsync(office, council, "Other", "次回の開催日程");
        await PlaceAsync(office, fourth, unnumbered, "資料3");
        await PlaceAsync(office, fourth, other, "");

        // The notice of the fourth meeting lists its 報告事項 and prints the document number.
        await PostAndFollowAsync(office, $"/council/meetings/{fourth}/notice", new()
        {
            ["Input.NoticeNumber"] = "5豊政相発第307号",
            ["Input.NoticeOn"] = "令和5年10月2日",
            ["Input.NoticeTo"] = "委員各位",
        });
        var notice = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/meetings/{fourth}/notice"));
        Assert.Contains("5豊政相発第307号", notice);
        Assert.Contains("令和5年10月2日", notice);
        Assert.Contains("報告事項", notice);
        Assert.Contains("（1）個人情報の外部結合について（報告第361号）", notice);
        Assert.Contains("（2）令和5年度の開示請求の状況について</p>", notice);
        Assert.Contains("その他</p>", notice);
        Assert.Contains(">次回の開催日程</p>", notice);
        Assert.DoesNotContain("審議事項", notice[notice.IndexOf("<article", StringComparison.Ordinal)..]);
        var noticeDocx = await office.GetAsync($"/council/meetings/{fourth}/notice?handler=Docx");
        Assert.Contains("5豊政相発第307号", DocxText(await noticeDocx.Content.ReadAsByteArrayAsync()));
    }

    private static string DocxText(byte[] bytes)
    {
        using var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document!.InnerText;
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ItemNumbers_DuplicatesAndGoingBackAreRefused_AGapNeedsItsReason_AndEachKindIsItsOwnSeries(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        await ItemAsync(office, council, "Consultation", "最初の諮問", 75);

        var gap = await office.PostFormAsync("/council/items/edit", new()
        {
            ["Input.CouncilId"] = council.ToString(),
            ["Input.Kind"] = "Consultation",
            ["Input.Number"] = "90",
            ["Input.Title"] = "番号を飛ばした諮問",
        });
        Assert.Contains("諮問第76号から番号を飛ばします。Mamori の外で使った番号なら、「番号を飛ばす理由」に書いてください", WebUtility.HtmlDecode(await gap.Content.ReadAsStringAsync()));
        var duplicate = await office.PostFormAsync("/council/items/edit", new()
        {
            ["Input.CouncilId"] = council.ToString(),
            ["Input.Kind"] = "Consultation",
            ["Input.Number"] = "75",
            ["Input.Title"] = "重なった諮問",
        });
        Assert.Contains("諮問第75号は既に使われています", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        var count = await factory.AsSystemAsync((_, db) => db.AgendaItems.CountAsync(i => i.MunicipalityId == tenant.MunicipalityId));
        Assert.Equal(1, count);
        // Numbers used outside Mamori (第76号 and 第77号 handled on paper) are skipped with the reason, which stays with the item.
        var skipped = await PostAndFollowAsync(office, "/council/items/edit", new()
        {
            ["Input.CouncilId"] = council.ToString(),
            ["Input.Kind"] = "Consultation",
            ["Input.Number"] = "78",
            ["Input.SkipReason"] = "第76号・第77号は書面で諮問した",
            ["Input.Title"] = "番号を飛ばした諮問",
        });
        var kept = await factory.AsSystemAsync((_, db) => db.AgendaItems.IgnoreQueryFilters().SingleAsync(i => i.Id == Guid.Parse(skipped)));
        Assert.Equal((78, "第76号・第77号は書面で諮問した"), (kept.Number!.Value, kept.NumberSkipReason));
        Assert.Contains("第76号・第77号は書面で諮問した", WebUtility.HtmlDecode(await office.GetPageAsync($"/council/items/{skipped}")));
        // Going back is refused, reason or not.
        var back = await office.PostFormAsync("/council/items/edit", new()
        {
            ["Input.CouncilId"] = council.ToString(),
            ["Input.Kind"] = "Consultation",
            ["Input.Number"] = "77",
            ["Input.SkipReason"] = "戻したい",
            ["Input.Title"] = "戻した諮問",
        });
        Assert.Contains("番号を戻すことはできません。次の番号は諮問第79号です", WebUtility.HtmlDecode(await back.Content.ReadAsStringAsync()));
        // Concurrent creation is Hosting/ContentionTests. 報告 is its own series: its first number may continue the paper numbering.
        await ItemAsync(office, council, "Report", "報告", 361);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Member_SeesOnlyOwnCouncils_AndChangesOnlyOwnOpinionsBeforeTheDeadline(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var own = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var other = await CouncilAsync(office, "情報公開・個人情報保護審議会 別の会");
        var memberUser = await UserIdAsync(factory, tenant.UserName(UserRole.Member));
        var secondName = await SecondMemberAsync(factory, tenant);
        var secondUser = await UserIdAsync(factory, secondName);
        await MemberAsync(office, own, "審議 一郎", Today.AddDays(-100), Today.AddDays(600), userId: memberUser);
        await MemberAsync(office, own, "審議 二郎", Today.AddDays(-100), Today.AddDays(600), userId: secondUser);
        var written = await MeetingAsync(office, own, "令和6年度第1回", Today.AddDays(10), "Written", Today.AddDays(5));
        var closed = await MeetingAsync(office, own, "令和6年度第0回", Today.AddDays(10), "Written", Today.AddDays(-1));
        var hidden = await MeetingAsync(office, other, "第1回", Today.AddDays(10));
        var item = await ItemAsync(office, own, "Consultation", "外部結合について");
        await PlaceAsync(office, written, item, "資料1");
        await PlaceAsync(office, closed, item, "資料1");

        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        var index = await member.GetPageAsync("/council");
        Assert.Contains("情報公開・個人情報保護審議会", index);
        Assert.DoesNotContain("別の会", index);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/council/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/council/meetings/{hidden}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync("/council/items/edit")).StatusCode);

        await Handler(member, written, "Opinion", new() { ["ItemId"] = item.ToString(), ["Kind"] = "Question", ["Location"] = "資料1 3ページ", ["Text"] = "委託先の監督方法を教えてください。" });
        var opinion = await factory.AsSystemAsync((_, db) => db.WrittenOpinions.SingleAsync(o => o.MeetingId == written));
        Assert.Equal("委託先の監督方法を教えてください。", opinion.Text);
        var attendance = await factory.AsSystemAsync((_, db) => db.Attendances.SingleAsync(a => a.MeetingId == written));
        Assert.Equal(AttendanceStatus.Written, attendance.Status);

        // The member cannot answer (事務局's part), nor write on a meeting whose deadline has passed.
        var answer = await member.PostFormAsync($"/council/meetings/{written}", new() { ["OpinionId"] = opinion.Id.ToString(), ["Answer"] = "回答" },
            $"/council/meetings/{written}?handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Contains("/account/denied", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var late = await member.PostFormAsync($"/council/meetings/{closed}", new() { ["ItemId"] = item.ToString(), ["Kind"] = "Opinion", ["Text"] = "遅れた意見" },
            $"/council/meetings/{closed}?handler=Opinion");
        Assert.Contains("提出期限", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()));

        // Another member cannot change or withdraw it.
        using var second = await Browser.SignInAsync(factory, tenant, secondName);
        var edit = await second.PostFormAsync($"/council/meetings/{written}", new()
        {
            ["OpinionId"] = opinion.Id.ToString(),
            ["ItemId"] = item.ToString(),
            ["Kind"] = "Opinion",
            ["Text"] = "書き換え",
        }, $"/council/meetings/{written}?handler=EditOpinion");
        Assert.Contains("自分の質問・意見だけを変更できます", WebUtility.HtmlDecode(await edit.Content.ReadAsStringAsync()));
        var delete = await second.PostFormAsync($"/council/meetings/{written}", new() { ["OpinionId"] = opinion.Id.ToString() },
            $"/council/meetings/{written}?handler=DeleteOpinion");
        Assert.Contains("自分の質問・意見だけを変更できます", WebUtility.HtmlDecode(await delete.Content.ReadAsStringAsync()));
        Assert.Equal("委託先の監督方法を教えてください。", (await factory.AsSystemAsync((_, db) => db.WrittenOpinions.SingleAsync(o => o.Id == opinion.Id))).Text);

        // Once answered, the author cannot change it either.
        await Handler(office, written, "Answer", new() { ["OpinionId"] = opinion.Id.ToString(), ["Answer"] = "契約書の特記事項で定期報告を求めています。" });
        var afterAnswer = await member.PostFormAsync($"/council/meetings/{written}", new()
        {
            ["OpinionId"] = opinion.Id.ToString(),
            ["ItemId"] = item.ToString(),
            ["Kind"] = "Question",
            ["Text"] = "変更",
        }, $"/council/meetings/{written}?handler=EditOpinion");
        Assert.Contains("回答済みの質問・意見は変更できません", WebUtility.HtmlDecode(await afterAnswer.Content.ReadAsStringAsync()));

        // The second member has not responded: the reminder names them.
        var meetingPage = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/meetings/{written}"));
        Assert.Contains("未回答の委員（1名）：審議 二郎", meetingPage);
        Assert.Contains("委員2名中1名が書面で回答、過半数に達しない（2名以上が必要）", meetingPage);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Materials_AreServedAsAttachments_AndPagesAndScriptsAreRefused(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var meeting = await MeetingAsync(office, council, "第1回", Today.AddDays(7));

        var html = await office.PostFileAsync($"/council/meetings/{meeting}", "Upload", "資料.html", "<script>alert(1)</script>"u8.ToArray(), $"/council/meetings/{meeting}?handler=Upload");
        Assert.Contains("形式（.html）は登録できません", WebUtility.HtmlDecode(await html.Content.ReadAsStringAsync()));
        var disguised = await office.PostFileAsync($"/council/meetings/{meeting}", "Upload", "資料.pdf", "<html><body>x</body></html>"u8.ToArray(), $"/council/meetings/{meeting}?handler=Upload");
        Assert.Contains("中身が拡張子（.pdf）の形式と一致しません", WebUtility.HtmlDecode(await disguised.Content.ReadAsStringAsync()));

        var pdf = "%PDF-1.4\n%資料\n"u8.ToArray();
        var ok = await office.PostFileAsync($"/council/meetings/{meeting}", "Upload", "資料1.pdf", pdf, $"/council/meetings/{meeting}?handler=Upload");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var material = await factory.AsSystemAsync((_, db) => db.Materials.SingleAsync(m => m.MeetingId == meeting));
        var download = await office.GetAsync($"/council/materials/{material.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        // Not public: the public page does not serve it.
        Assert.Equal(HttpStatusCode.NotFound, (await Browser.Anonymous(factory).GetAsync($"/public/{tenant.Code}/council/materials/{material.Id}")).StatusCode);
        var audit = await factory.AsSystemAsync((_, db) => db.AuditEntries.Where(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == "StoredFile").ToListAsync());
        Assert.Single(audit);
        Assert.DoesNotContain("Content", audit[0].Changes, StringComparison.Ordinal);
    }
}
