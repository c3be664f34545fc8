using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Minutes;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;
using Seqs = System.Collections.Generic.List<int>;

namespace Mamori.Tests.Features.Minutes;

public sealed partial class MinutesTests(AppFixture app)
{
    /// <summary>Minutes in the ○ format with a keyed header, written for these tests.</summary>
    public const string Fixture = """
        令和６年度第２回みはらし市個人情報保護審議会　会議録

        １　開催日時　令和６年８月２０日（火）　午後２時００分～午後３時３０分
        ２　開催場所　みはらし市役所　本館４階　第２会議室
        ３　出席委員　青木一郎（会長）、石井花子、上田次郎、江藤三郎
        ４　欠席委員　大野四郎
        ５　説明員　　保険年金課長　加藤五郎
        ６　事務局　　総務課長　木村六郎
        ７　議題
        　(1)　諮問第１２号　国民健康保険事務の外部委託について
        　(2)　報告第３４号　防犯カメラの増設について

        ○会長　ただいまから審議会を開会します。委員５名中４名の出席があり、定足数を満たしています。
        ○保険年金課長　国民健康保険の納付書の印刷と封入封緘を外部委託します。委託先はＩＳＭＳの認証を
        受けています。
        ○石井委員　委託先での個人情報の取扱いはどのように確認しますか。
        ○保険年金課長　契約書に特記事項を設け、年１回実地で確認します。
        ○上田委員　髙橋さんの件のような誤送付の再発防止策を伺います。
        ○総務課長　封入封緘後に抽出検査を行います。
        ○会長　諮問第１２号は承認としてよろしいでしょうか。
        （「異議なし」の声あり）
        それでは承認とします。
        ○江藤委員　報告第３４号の防犯カメラの映像の保存期間は何日ですか。
        ○総務課長　７日間です。ＤＸ推進の一環で、管理はクラウドで行います。
        """;

    private static readonly string[] Queries = ["委託", "委", "\"外部委託\"", "個人情報の取扱い", "髙橋", "高橋", "ｄｘ推進", "ISMS", "7日間", "封入封緘", "存在しない語句"];

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ImportedThroughThePage_TheMinutesAreStructured_SearchableExactly_AndScoped(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        var meetingId = await ImportAsync(office, "R6-2.txt", Fixture);
        var stored = await factory.AsSystemAsync(async (_, db) => new
        {
            Meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId),
            Council = await db.Councils.SingleAsync(c => c.MunicipalityId == tenant.MunicipalityId),
            Turns = await db.MinutesTurns.Where(t => t.MeetingId == meetingId).OrderBy(t => t.Seq).ToListAsync(),
            Items = await db.AgendaItems.Where(i => i.MunicipalityId == tenant.MunicipalityId).OrderBy(i => i.Kind).ToListAsync(),
            Audited = await db.AuditEntries.CountAsync(e => e.MunicipalityId == tenant.MunicipalityId && e.EntityType == nameof(MinutesTurn)),
        });
        Assert.Equal("みはらし市個人情報保護審議会", stored.Council.Name);
        Assert.Equal("令和６年度第２回", stored.Meeting.Title);
        Assert.Equal(new DateOnly(2024, 8, 20), stored.Meeting.HeldOn);
        Assert.Equal(new TimeOnly(14, 0), stored.Meeting.StartsAt);
        Assert.Equal(new TimeOnly(15, 30), stored.Meeting.EndsAt);
        Assert.Equal(MeetingStatus.MinutesConfirmed, stored.Meeting.Status);
        Assert.Equal("R6-2.txt", stored.Meeting.ImportedFrom);
        Assert.Equal([(ItemKind.Consultation, 12), (ItemKind.Report, 34)], stored.Items.Select(i => (i.Kind, i.Number ?? 0)));
        Assert.Equal(["会長", "保険年金課長", "石井委員", "保険年金課長", "上田委員", "総務課長", "会長", "江藤委員", "総務課長"],
            stored.Turns.Where(t => !t.IsNote).Select(t => t.Speaker));
        Assert.Contains(stored.Turns, t => t.IsNote && t.Text.Contains("異議なし", StringComparison.Ordinal));
        Assert.Equal(stored.Turns.Count, stored.Audited);

        var minutesPage = WebUtility.HtmlDecode(await office.GetPageAsync($"/council/meetings/{meetingId}/minutes"));
        Assert.Contains("id=\"turn-3\"", minutesPage);
        Assert.Contains("青木一郎、石井花子、上田次郎、江藤三郎", minutesPage);

        // Every query returns exactly the turns whose normalized text contains it, through the API.
        foreach (var q in Queries)
        {
            var hits = await SearchAsync(office, q);
            var needle = MinutesNormalizer.Normalize(q.Trim('"'));
            var expected = stored.Turns.Where(t => MinutesNormalizer.Normalize(t.Text).Contains(needle, StringComparison.Ordinal)).Select(t => t.Seq).ToHashSet();
            Assert.True(expected.SetEquals(hits.Select(h => h.GetProperty("seq").GetInt32())), $"「{q}」: 期待 {string.Join(",", expected.Order())}");
        }
        // Words are ANDed and -word excludes.
        Seqs Expect(Func<string, bool> match) => [.. stored.Turns.Where(t => match(MinutesNormalizer.Normalize(t.Text))).Select(t => t.Seq).Order()];
        Assert.Equal(Expect(t => t.Contains("委託", StringComparison.Ordinal) && !t.Contains("isms", StringComparison.Ordinal)), await SeqsAsync(office, "委託 -ISMS"));
        Assert.Equal(Expect(t => t.Contains("委託", StringComparison.Ordinal) && t.Contains("確認", StringComparison.Ordinal)), await SeqsAsync(office, "委託 確認"));
        Assert.Single(Expect(t => t.Contains("委託", StringComparison.Ordinal) && t.Contains("確認", StringComparison.Ordinal)));

        // The page shows the date in 和暦, the speaker, the highlighted snippet and the link to the turn.
        var search = await office.GetPageAsync("/council/minutes/search?q=" + Uri.EscapeDataString("特記事項"));
        Assert.Contains("検索結果 1件", search);
        Assert.Contains("<mark>特記事項</mark>", search);
        Assert.Contains($"/council/meetings/{meetingId}/minutes#turn-4", search);
        Assert.Contains("令和6年8月20日（火）", search);
        // Filters: 区分, speaker, agenda number and dates in 和暦.
        Assert.Equal([3, 5, 9], await SeqsAsync(office, "", "&role=" + Uri.EscapeDataString("委員")));
        Assert.Equal([6, 10], await SeqsAsync(office, "", "&speaker=" + Uri.EscapeDataString("総務")));
        Assert.Equal(stored.Turns.Count, (await SearchAsync(office, "", "&agenda=" + Uri.EscapeDataString("諮問第12号"))).Count);
        Assert.Empty(await SearchAsync(office, "", "&agenda=" + Uri.EscapeDataString("諮問第13号")));
        Assert.Empty(await SearchAsync(office, "委託", "&from=" + Uri.EscapeDataString("令和6年8月21日")));
        Assert.NotEmpty(await SearchAsync(office, "委託", "&from=R6.8.20&to=2024-08-20"));

        // Bad filters are a ProblemDetails naming the field, in Japanese.
        var bad = await office.GetAsync("/api/v1/minutes/search?q=a&role=" + Uri.EscapeDataString("議長") + "&from=" + Uri.EscapeDataString("令和元年13月1日") + "&agenda=" + Uri.EscapeDataString("第12"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("会長・委員・事務局・所管課", problem.GetProperty("errors").GetProperty("role")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
        Assert.Contains("諮問第76号", problem.GetProperty("errors").GetProperty("agenda")[0].GetString());
        var badPage = await office.GetPageAsync("/council/minutes/search?q=a&role=" + Uri.EscapeDataString("議長"));
        Assert.Contains("発言者の区分「議長」は使えません", badPage);

        // A 委員 sees the minutes of the councils they sit on only; another municipality sees nothing.
        using var member = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        Assert.Empty(await SearchAsync(member, "委託"));
        await MemberAsync(office, stored.Council.Id, "石井花子", Today.AddYears(-1), Today.AddYears(1), "Member", await UserIdAsync(factory, tenant.UserName(UserRole.Member)));
        using var seated = await Browser.SignInAsync(factory, tenant, UserRole.Member);
        Assert.NotEmpty(await SearchAsync(seated, "委託"));
        var other = await TestTenant.CreateAsync(factory);
        using var otherOffice = await Browser.SignInAsync(factory, other, UserRole.Office);
        Assert.Empty(await SearchAsync(otherOffice, "委託"));

        // The same file again is recognised, the same minutes in another file are refused, and nothing changes.
        var preview = WebUtility.HtmlDecode(await (await office.PostFileAsync("/council/minutes/import", "Upload", "R6-2.txt", Encoding.UTF8.GetBytes(Fixture),
            "/council/minutes/import?handler=Preview")).Content.ReadAsStringAsync());
        Assert.Contains("このファイルは取込み済みです（R6-2.txt、", preview);
        Assert.DoesNotContain("この内容で取り込む", preview);
        preview = WebUtility.HtmlDecode(await (await office.PostFileAsync("/council/minutes/import", "Upload", "R6-2 (2).txt", Encoding.UTF8.GetBytes(Fixture + "\n"),
            "/council/minutes/import?handler=Preview")).Content.ReadAsStringAsync());
        Assert.Contains("には、すでに会議録があります", preview);
        Assert.DoesNotContain("この内容で取り込む", preview);
        var again = await office.PostFormAsync("/council/minutes/import", new() { ["Text"] = Fixture, ["FileName"] = "R6-2.txt" }, "/council/minutes/import?handler=Import");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("R6-2.txt は取込み済みです", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Equal(stored.Turns.Count, await factory.AsSystemAsync((_, db) => db.MinutesTurns.CountAsync(t => t.MunicipalityId == tenant.MunicipalityId)));

        // Deleting the imported minutes takes them out of search; importing again puts them back.
        var deleted = await office.PostFormAsync($"/council/meetings/{meetingId}", [], $"/council/meetings/{meetingId}?handler=DeleteImportedMinutes");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.MinutesTurns.CountAsync(t => t.MeetingId == meetingId)));
        Assert.Empty(await SearchAsync(office, "委託"));
        Assert.Equal(meetingId, await ImportAsync(office, "R6-2.txt", Fixture));
        Assert.Equal(Expect(t => t.Contains("委託", StringComparison.Ordinal)), await SeqsAsync(office, "委託"));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AFileThatIsNotMinutes_IsRejectedWithTheReason_AndNothingIsStored(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        var csv = await office.PostFileAsync("/council/minutes/import", "Upload", "staff.csv", Encoding.UTF8.GetBytes("職員番号,氏名,所属\n1001,山田,総務課\n"),
            "/council/minutes/import?handler=Preview");
        var html = WebUtility.HtmlDecode(await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("staff.csv に発言が見つかりません", html);
        Assert.DoesNotContain("この内容で取り込む", html);

        var binary = await office.PostFileAsync("/council/minutes/import", "Upload", "minutes.pdf", [0x25, 0x50, 0x44, 0x46, 0x00, 0x01],
            "/council/minutes/import?handler=Preview");
        Assert.Contains("minutes.pdf は会議録として読めるファイルではありません", WebUtility.HtmlDecode(await binary.Content.ReadAsStringAsync()));
        var broken = await office.PostFileAsync("/council/minutes/import", "Upload", "broken.pdf", "%PDF-1.7\n1 0 obj <<"u8.ToArray(), "/council/minutes/import?handler=Preview");
        Assert.Contains("broken.pdf は壊れているか、読めない PDF です", WebUtility.HtmlDecode(await broken.Content.ReadAsStringAsync()));

        // A text posted straight to the import step is checked again, not trusted.
        var forged = await office.PostFormAsync("/council/minutes/import", new() { ["Text"] = "こんにちは", ["FileName"] = "note.txt" },
            "/council/minutes/import?handler=Import");
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Contains("note.txt ", WebUtility.HtmlDecode(await forged.Content.ReadAsStringAsync()));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Councils.CountAsync(c => c.MunicipalityId == tenant.MunicipalityId)));
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.Meetings.CountAsync(c => c.MunicipalityId == tenant.MunicipalityId)));

        // Only 事務局 imports.
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var denied = await department.GetAsync("/council/minutes/import");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CorpusMinutes_ImportThroughTheCommandLine_EveryTurnStored_AndPhraseSearchIsExact(DatabaseProvider provider)
    {
        Assert.SkipWhen(Corpus.Directory is null, "../shared/corpus がありません");
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var files = new Dictionary<string, Func<string, List<string>>>
        {
            // Independent readings of each file's speakers: the speaker column of the table, and the 【…】 markers.
            ["tokorozawa_2016-07-06_minutes.txt"] = text =>
            {
                var lines = text.Split('\n');
                var header = Array.FindIndex(lines, l => l.StartsWith("発言者\t", StringComparison.Ordinal));
                return lines.Skip(header + 1).Where(l => l.Contains('\t', StringComparison.Ordinal) && l.Split('\t')[0].Trim().Length > 0)
                    .Select(l => Spaces().Replace(l.Split('\t')[0], "")).ToList();
            },
            ["shinjuku_2022-11-17_minutes.txt"] = text =>
                text.Split('\n').Where(l => l.StartsWith('【')).Select(l => Spaces().Replace(BracketSpeaker().Match(l).Groups[1].Value, "")).ToList(),
        };
        foreach (var (name, speakers) in files)
        {
            var path = Path.Combine(Corpus.Directory!, name);
            var result = await CliProcess.RunAsync([.. factory.CliDatabaseArguments, "minutes", "import", path, "--municipality", tenant.Code, "--json"]);
            Assert.True(result.ExitCode == 0, result.Stderr);
            var meetingId = result.Json.GetProperty("meetingId").GetGuid();
            var expected = speakers(await File.ReadAllTextAsync(path));
            Assert.Equal(expected.Count, result.Json.GetProperty("utterances").GetInt32());
            var stored = await factory.AsSystemAsync((_, db) => db.MinutesTurns.Where(t => t.MeetingId == meetingId && !t.IsNote).OrderBy(t => t.Seq).Select(t => t.Speaker).ToListAsync());
            Assert.Equal(expected, stored);
        }

        var turns = await factory.AsSystemAsync((_, db) => db.MinutesTurns.Where(t => t.MunicipalityId == tenant.MunicipalityId).ToListAsync());
        // The first phrase through the command line, the others through the API on the same index (a process start each costs seconds).
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var first = true;
        foreach (var phrase in new[] { "個人情報", "特定個人情報保護評価", "委託", "会長", "マイナンバーカード", "審議会" })
        {
            JsonElement result;
            if (first)
            {
                var search = await CliProcess.RunAsync([.. factory.CliDatabaseArguments, "minutes", "search", $"\"{phrase}\"", "--municipality", tenant.Code, "--limit", "1000", "--json"]);
                Assert.True(search.ExitCode == 0, search.Stderr);
                result = search.Json;
                first = false;
            }
            else
            {
                result = JsonDocument.Parse(await office.GetPageAsync($"/api/v1/minutes/search?take=100&q={Uri.EscapeDataString($"\"{phrase}\"")}")).RootElement;
            }
            var found = result.GetProperty("hits").EnumerateArray().Select(h => (h.GetProperty("meetingId").GetGuid(), h.GetProperty("seq").GetInt32())).ToHashSet();
            var needle = MinutesNormalizer.Normalize(phrase);
            var expected = turns.Where(t => MinutesNormalizer.Normalize(t.Text).Contains(needle, StringComparison.Ordinal)).Select(t => (t.MeetingId, t.Seq)).ToHashSet();
            Assert.True(expected.Count > 0, phrase);
            Assert.Equal(expected.Count, result.GetProperty("total").GetInt32());
            Assert.True(expected.SetEquals(found), phrase);
        }

        // A date filter in 和暦 narrows to the 2022 meeting; reindex rebuilds from the database.
        var narrowed = await CliProcess.RunAsync([.. factory.CliDatabaseArguments, "minutes", "search", "個人情報", "--from", "令和4年1月1日", "--municipality", tenant.Code, "--json"]);
        Assert.All(narrowed.Json.GetProperty("hits").EnumerateArray(), h => Assert.Equal("2022-11-17", h.GetProperty("heldOn").GetString()));
        var bad = await CliProcess.RunAsync([.. factory.CliDatabaseArguments, "minutes", "search", "個人情報", "--role", "議長", "--municipality", tenant.Code]);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("発言者の区分「議長」は使えません", bad.Stderr);
        var reindex = await CliProcess.RunAsync([.. factory.CliDatabaseArguments, "minutes", "reindex", "--json"]);
        Assert.True(reindex.ExitCode == 0, reindex.Stderr);
        Assert.True(reindex.Json.GetProperty("turns").GetInt32() >= turns.Count);
    }

    internal static async Task<HttpResponseMessage> PreviewAndImportAsync(Browser office, string fileName, string text)
    {
        var preview = await office.PostFileAsync("/council/minutes/import", "Upload", fileName, Encoding.UTF8.GetBytes(text), "/council/minutes/import?handler=Preview");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("読み取った内容", html);
        var carried = HiddenText().Match(html);
        Assert.True(carried.Success, "プレビューに取込み用のテキストがありません");
        return await office.PostFormAsync("/council/minutes/import", ImportForm(html), "/council/minutes/import?handler=Import");
    }

    /// <summary>
    /// The import form as the preview filled it: its hidden fields, the agenda choices already checked, and the
    /// council selected — or, when the preview leaves the council to choose, a new council confirmed.
    /// </summary>
    internal static Dictionary<string, string> ImportForm(string html, string? council = null)
    {
        var form = Hidden().Matches(html).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        foreach (Match radio in CheckedRadio().Matches(html))
        {
            form[WebUtility.HtmlDecode(radio.Groups[1].Value)] = radio.Groups[2].Value;
        }
        var selected = SelectedCouncil().Match(html);
        form["Council"] = council ?? (selected.Success ? selected.Groups[1].Value : "new");
        return form;
    }

    private static async Task<Guid> ImportAsync(Browser office, string fileName, string text)
    {
        var response = await PreviewAndImportAsync(office, fileName, text);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        var match = MinutesUrl().Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, response.Headers.Location.OriginalString);
        return Guid.Parse(match.Groups[1].Value);
    }

    private static async Task<Seqs> SeqsAsync(Browser browser, string q, string extra = "") =>
        [.. (await SearchAsync(browser, q, extra)).Select(h => h.GetProperty("seq").GetInt32()).Order()];

    private static async Task<List<JsonElement>> SearchAsync(Browser browser, string q, string extra = "")
    {
        var response = await browser.GetAsync($"/api/v1/minutes/search?take=100&q={Uri.EscapeDataString(q)}{extra}");
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        var hits = json.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(json.GetProperty("total").GetInt32(), hits.Count);
        return hits;
    }

    [GeneratedRegex("name=\"Text\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenText();

    [GeneratedRegex("<input type=\"hidden\" name=\"(Text|FileName|Sha256|Format)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("<input type=\"radio\" name=\"([^\"]+)\" value=\"([A-Za-z]+)\" checked=\"checked\"")]
    private static partial Regex CheckedRadio();

    [GeneratedRegex("<option value=\"([^\"]+)\" selected=\"selected\">")]
    private static partial Regex SelectedCouncil();

    [GeneratedRegex(@"^/council/meetings/([0-9a-f-]{36})/minutes$")]
    private static partial Regex MinutesUrl();

    [GeneratedRegex(@"\s")]
    private static partial Regex Spaces();

    [GeneratedRegex("^【([^】]*)】")]
    private static partial Regex BracketSpeaker();
}
