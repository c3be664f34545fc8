using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Council;

/// <summary>
/// A written meeting's published table of questions and answers is stored as the meeting's questions,
/// opinions and answers: members and items suggested from the table, the rest chosen by 事務局, all rows or
/// none, never twice — and a table uploaded as minutes is offered to a written meeting instead of being lost.
/// </summary>
public sealed partial class OpinionSheetTests(AppFixture app)
{
    private const string Sheet = """
        令和6年度第3回みなと市個人情報保護審議会（書面開催）
        委員からのご意見・ご質問と回答
        番号	委員	議題	記載箇所	ご意見・ご質問	区の回答
        1	石川委員	諮問第12号	資料1 3ページ	録画の保存期間は何日ですか。	7日間です。
        				設置場所の表示はありますか。	入口に掲示します。
        2	上田 次郎	報告第3号	資料2	再発防止策の周知を徹底すべきである。
        3	山田委員	諮問第12号		委託先の監督方法を教えてください。	毎月の報告で確認します。
        - 1 -
        以上
        """;

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AWrittenMeetingsTable_BecomesItsQuestionsAndAnswers_AllOrNothing_AndNeverTwice(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "みなと市個人情報保護審議会");
        foreach (var (name, role) in new[] { ("青木一郎", "Chair"), ("石川花子", "Member"), ("上田次郎", "Member"), ("山田太郎", "Member"), ("山田花子", "Member") })
        {
            await MemberAsync(office, council, name, Today.AddDays(-300), Today.AddDays(300), role);
        }
        var meeting = await MeetingAsync(office, council, "令和6年度第3回", Today.AddDays(-10), "Written", Today.AddDays(-12));
        var cameras = await ItemAsync(office, council, "Consultation", "防犯カメラの設置について", 12);
        var leak = await ItemAsync(office, council, "Report", "個人情報の漏えい事案について", 3);
        await PlaceAsync(office, meeting, cameras, "諮問第12号");
        await PlaceAsync(office, meeting, leak, "報告第3号");
        var url = $"/council/meetings/{meeting}/opinion-sheet";

        var preview = await PreviewAsync(office, url, "answers.txt", Encoding.UTF8.GetBytes(Sheet));
        var form = Form(preview);
        var members = await factory.AsSystemAsync((_, db) => db.CouncilMembers.Where(m => m.CouncilId == council).ToDictionaryAsync(m => m.Name, m => m.Id));
        Assert.Equal(members["石川花子"].ToString(), form["Members[0]"]);
        Assert.Equal(members["上田次郎"].ToString(), form["Members[1]"]);
        Assert.Equal("", form["Members[2]"]); // 山田 is two members: not guessed.
        Assert.Equal(cameras.ToString(), form["Items[0]"]);
        Assert.Equal(leak.ToString(), form["Items[1]"]);

        // A row whose member is not chosen stops the whole table, with the row named.
        var refused = await office.PostFormAsync(url, form, url + "?handler=Import");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("answers.txt の表の3行目：質問・意見を出した委員を選んでください（表では「山田委員」）。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.WrittenOpinions.CountAsync(o => o.MeetingId == meeting)));

        form["Members[2]"] = members["山田太郎"].ToString();
        var imported = await office.PostFormAsync(url, form, url + "?handler=Import");
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var stored = await factory.AsSystemAsync((_, db) => db.WrittenOpinions.Where(o => o.MeetingId == meeting).OrderBy(o => o.Text).ToListAsync());
        Assert.Equal(3, stored.Count);
        var first = stored.Single(o => o.MemberId == members["石川花子"]);
        Assert.Equal("録画の保存期間は何日ですか。\n設置場所の表示はありますか。", first.Text);
        Assert.Equal("7日間です。\n入口に掲示します。", first.Answer);
        Assert.Equal(OpinionKind.Question, first.Kind);
        Assert.Equal("資料1 3ページ", first.Location);
        var opinion = stored.Single(o => o.MemberId == members["上田次郎"]);
        Assert.Equal((OpinionKind.Opinion, leak, (string?)null), (opinion.Kind, opinion.ItemId, opinion.Answer));
        var responded = await factory.AsSystemAsync((_, db) => db.Attendances.Where(a => a.MeetingId == meeting && a.Status == AttendanceStatus.Written)
            .Select(a => a.MemberId).ToListAsync());
        Assert.Equal(new[] { members["石川花子"], members["上田次郎"], members["山田太郎"] }.Order(), responded.Order());
        Assert.True(await factory.AsSystemAsync((_, db) => db.AuditEntries.AnyAsync(e => e.EntityType == nameof(WrittenOpinion) && e.EntityKey == first.Id.ToString())));

        // The same table again adds nothing.
        var again = await office.PostFormAsync(url, form, url + "?handler=Import");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await factory.AsSystemAsync((_, db) => db.WrittenOpinions.CountAsync(o => o.MeetingId == meeting)));

        // A meeting held in person takes no such table.
        var inPerson = await MeetingAsync(office, council, "令和6年度第4回", Today.AddDays(-5));
        await PlaceAsync(office, inPerson, cameras, "諮問第12号");
        var other = $"/council/meetings/{inPerson}/opinion-sheet";
        var otherForm = Form(await PreviewAsync(office, other, "answers.txt", Encoding.UTF8.GetBytes(Sheet)));
        foreach (var i in new[] { 0, 1, 2 })
        {
            otherForm[$"Members[{i}]"] = members["青木一郎"].ToString();
            otherForm[$"Items[{i}]"] = cameras.ToString();
        }
        var notWritten = await office.PostFormAsync(other, otherForm, other + "?handler=Import");
        Assert.Contains("書面開催の会議ではありません", WebUtility.HtmlDecode(await notWritten.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.WrittenOpinions.CountAsync(o => o.MeetingId == inPerson)));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ATableUploadedAsMinutes_IsOfferedToAWrittenMeeting(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "みなと市個人情報保護審議会");
        await MemberAsync(office, council, "石川花子", Today.AddDays(-300), Today.AddDays(300));
        var meeting = await MeetingAsync(office, council, "令和6年度第3回", Today.AddDays(-10), "Written", Today.AddDays(-12));
        await MeetingAsync(office, council, "令和6年度第4回", Today.AddDays(-5));

        var response = await office.PostFileAsync("/council/minutes/import", "Upload", "answers.txt", Encoding.UTF8.GetBytes(Sheet), "/council/minutes/import?handler=Preview");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("answers.txt は書面会議の「ご意見・ご質問」と「回答」の表で", html);
        Assert.Contains($"action=\"/council/meetings/{meeting}/opinion-sheet?handler=Preview\"", html);
        Assert.DoesNotContain("令和6年度第4回", html); // held in person: not offered.

        // The offer carries the text: the written meeting's preview opens without uploading again.
        var carried = Hidden().Matches(await response.Content.ReadAsStringAsync()).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var next = await office.PostFormAsync($"/council/meetings/{meeting}/opinion-sheet", carried, $"/council/meetings/{meeting}/opinion-sheet?handler=Preview");
        var page = WebUtility.HtmlDecode(await next.Content.ReadAsStringAsync());
        Assert.Contains("読み取った表（answers.txt、3件）", page);
    }

    private static async Task<string> PreviewAsync(Browser office, string url, string fileName, byte[] content)
    {
        var response = await office.PostFileAsync(url, "Upload", fileName, content, url + "?handler=Preview");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && html.Contains("この内容で取り込む", StringComparison.Ordinal), WebUtility.HtmlDecode(html));
        return html;
    }

    /// <summary>The import form as the preview filled it: hidden fields and the member and item selected on each row.</summary>
    private static Dictionary<string, string> Form(string html)
    {
        var form = Hidden().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (Match select in Select().Matches(html))
        {
            var chosen = Selected().Match(select.Groups[2].Value);
            form[WebUtility.HtmlDecode(select.Groups[1].Value)] = chosen.Success ? chosen.Groups[1].Value : "";
        }
        return form;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(Text|FileName)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("<select [^>]*name=\"((?:Members|Items)\\[\\d+\\])\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\"")]
    private static partial Regex Selected();
}
