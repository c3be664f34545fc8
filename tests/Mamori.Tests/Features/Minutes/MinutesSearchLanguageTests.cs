using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Minutes;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Features.Minutes;

/// <summary>OR and parentheses, the municipality's synonyms (said on the page), and a question found with its answer.</summary>
public sealed class MinutesSearchLanguageTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task OrParenthesesSynonyms_AndQuestionsWithTheirAnswers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var response = await MinutesTests.PreviewAndImportAsync(office, "R6-2.txt", MinutesTests.Fixture);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var turns = await factory.AsSystemAsync((_, db) => db.MinutesTurns.Where(t => t.MunicipalityId == tenant.MunicipalityId).ToListAsync());

        // OR and parentheses find exactly what the query means on the normalized text.
        foreach (var q in new[] { "ISMS OR 抽出検査", "(特記事項 OR 抽出検査) -契約書", "委託 (確認 OR 防止)", "-委託 (会長 OR 課長 OR 日間)" })
        {
            var condition = MinutesQueryText.Parse(q)!;
            var expected = turns.Where(t => MinutesQueryText.Matches(condition, MinutesNormalizer.Normalize(t.Text))).Select(t => t.Seq).Order().ToList();
            var found = (await SearchAsync(office, q)).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("seq").GetInt32()).Order().ToList();
            Assert.True(expected.Count > 0, q);
            Assert.Equal(expected, found);
        }
        Assert.Equal([SeqOf(turns, "抽出検査")], (await SearchAsync(office, "(特記事項 OR 抽出検査) -契約書")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("seq").GetInt32()));

        // Synonyms: a list with a wrong line is refused whole, naming the line; a good one widens plain words only.
        var bad = await office.PostFormAsync("/council/minutes/synonyms", new() { ["Text"] = "抽出検査、サンプリング\n個人番号カード\n" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("2行目：同じ意味の語を2つ以上", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.MinutesSynonymGroups.CountAsync(g => g.MunicipalityId == tenant.MunicipalityId)));
        Assert.Equal(0, (await SearchAsync(office, "サンプリング")).GetProperty("total").GetInt32());
        var saved = await office.PostFormAsync("/council/minutes/synonyms", new() { ["Text"] = "抽出検査、サンプリング\r\n個人番号カード ⇔ マイナンバーカード\n" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var widened = await SearchAsync(office, "サンプリング");
        Assert.Equal([SeqOf(turns, "抽出検査")], widened.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("seq").GetInt32()));
        var said = Assert.Single(widened.GetProperty("synonyms").EnumerateArray());
        Assert.Equal("サンプリング", said.GetProperty("word").GetString());
        Assert.Equal(["抽出検査"], said.GetProperty("alsoSearched").EnumerateArray().Select(w => w.GetString()));
        Assert.Equal(0, (await SearchAsync(office, "\"サンプリング\"")).GetProperty("total").GetInt32());
        var page = WebUtility.HtmlDecode(await office.GetPageAsync("/council/minutes/search?q=" + Uri.EscapeDataString("サンプリング")));
        Assert.Contains("「サンプリング」は同義語の「抽出検査」も含めて検索しました", page);
        var other = await TestTenant.CreateAsync(factory);
        using var otherOffice = await Browser.SignInAsync(factory, other, UserRole.Office);
        Assert.DoesNotContain("サンプリング", await otherOffice.GetPageAsync("/council/minutes/synonyms"));

        // A member's question comes with the answer after it, an answer with its question, the chair's turn with neither.
        var question = Assert.Single((await SearchAsync(office, "再発防止策")).GetProperty("hits").EnumerateArray());
        var answer = question.GetProperty("pair");
        Assert.Equal("answer", answer.GetProperty("kind").GetString());
        Assert.Equal("総務課長", answer.GetProperty("speaker").GetString());
        Assert.Equal("封入封緘後に抽出検査を行います。", answer.GetProperty("text").GetString());
        var reply = Assert.Single((await SearchAsync(office, "特記事項")).GetProperty("hits").EnumerateArray());
        Assert.Equal("question", reply.GetProperty("pair").GetProperty("kind").GetString());
        Assert.Equal("石井委員", reply.GetProperty("pair").GetProperty("speaker").GetString());
        var chair = (await SearchAsync(office, "開会")).GetProperty("hits").EnumerateArray().First(h => h.GetProperty("speaker").GetString() == "会長");
        Assert.Equal(JsonValueKind.Null, chair.GetProperty("pair").ValueKind);
        page = WebUtility.HtmlDecode(await office.GetPageAsync("/council/minutes/search?q=" + Uri.EscapeDataString("再発防止策")));
        Assert.Contains("回答", page);
        Assert.Contains("封入封緘後に抽出検査を行います。", page);
    }

    private static int SeqOf(List<MinutesTurn> turns, string text) => turns.Single(t => t.Text.Contains(text, StringComparison.Ordinal)).Seq;

    private static async Task<JsonElement> SearchAsync(Browser browser, string q)
    {
        var response = await browser.GetAsync($"/api/v1/minutes/search?take=100&q={Uri.EscapeDataString(q)}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
