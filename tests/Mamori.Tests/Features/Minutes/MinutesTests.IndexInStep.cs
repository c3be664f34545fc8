using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Minutes;

public sealed partial class MinutesTests
{
    private static string Agenda(string number) => "&agenda=" + Uri.EscapeDataString(number);

    /// <summary>
    /// Whatever changes a meeting, its agenda or a turn keeps the search in step: each change made
    /// through the pages is found by the very next search, with no <c>minutes reindex</c>.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryChange_IsFoundByTheNextSearch_WithoutAReindex(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var meetingId = await ImportAsync(office, "R6-2.txt", Fixture);
        var (councilId, turns) = await factory.AsSystemAsync(async (_, db) =>
            ((await db.Meetings.SingleAsync(m => m.Id == meetingId)).CouncilId, await db.MinutesTurns.CountAsync(t => t.MeetingId == meetingId)));
        Assert.Empty(await SearchAsync(office, "", Agenda("諮問第13号")));

        // An item placed on the meeting (numbered 諮問第13号, the next in the series).
        var itemId = await ItemAsync(office, councilId, "Consultation", "マイナンバー利用事務の追加について");
        await PlaceAsync(office, meetingId, itemId, "資料3");
        Assert.Equal(turns, (await SearchAsync(office, "", Agenda("諮問第13号"))).Count);

        // The item taken off the meeting.
        await Handler(office, meetingId, "Remove", new() { ["ItemId"] = itemId.ToString() });
        Assert.Empty(await SearchAsync(office, "", Agenda("諮問第13号")));
        Assert.Equal(turns, (await SearchAsync(office, "", Agenda("諮問第12号"))).Count);

        // The meeting moved to another day.
        var meetingVersion = await factory.AsSystemAsync((_, db) => db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Version).SingleAsync());
        await PostAndFollowAsync(office, $"/council/meetings/edit/{meetingId}", new()
        {
            ["Input.CouncilId"] = councilId.ToString(),
            ["Input.Title"] = "令和６年度第２回みはらし市個人情報保護審議会",
            ["Input.Kind"] = "InPerson",
            ["Input.HeldOn"] = "2024-08-27",
            ["Input.Version"] = meetingVersion.ToString(),
        });
        Assert.Empty(await SearchAsync(office, "委託", "&from=2024-08-20&to=2024-08-20"));
        Assert.NotEmpty(await SearchAsync(office, "委託", "&from=2024-08-27&to=2024-08-27"));

        // The imported minutes removed, then typed in again.
        await Handler(office, meetingId, "DeleteImportedMinutes", []);
        Assert.Empty(await SearchAsync(office, "封入封緘"));
        await PostAndFollowAsync(office, $"/council/meetings/{meetingId}/minutes", new()
        {
            ["Text"] = "○会長　ただいまから審議会を開会します。\n○石井委員　指定管理者の選定について伺います。",
        });
        Assert.Single(await SearchAsync(office, "指定管理者"));
        Assert.Equal(2, (await SearchAsync(office, "", Agenda("諮問第12号"))).Count);
    }

    /// <summary>
    /// Start-up reconciliation: a meeting indexed with other text (a lost write of an edit) is indexed again, and a meeting
    /// the database does not have is removed.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Reconciliation_RewritesMeetingsThatDiffer_AndRemovesOnesTheDatabaseLacks(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var meetingId = await ImportAsync(office, "R6-2.txt", Fixture);
        var index = factory.Services.GetRequiredService<Core.Features.Minutes.MinutesIndex>();
        // The change feed has read the import already: it would otherwise mend the index written wrong below.
        var fed = await factory.AsSystemAsync((_, db) => db.MinutesChanges.MaxAsync(c => c.Sequence));
        var reconciler = factory.Services.GetRequiredService<Core.Features.Minutes.MinutesIndexReconciler>();
        var until = DateTime.UtcNow.AddMinutes(2);
        while (reconciler.ReadUpTo < fed && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        var phantom = Guid.NewGuid();
        await factory.AsSystemAsync(async (_, db) =>
        {
            var turns = await Core.Features.Minutes.MinutesIndexing.MeetingAsync(db, meetingId, default);
            await index.ReplaceMeetingAsync(meetingId, turns.Select(t => t with { Text = t.Text.Replace("委託", "書換", StringComparison.Ordinal) }));
            await index.ReplaceMeetingAsync(phantom, [turns[0] with { TurnId = Guid.NewGuid(), MeetingId = phantom, Text = "幻の発言" }]);
            return 0;
        });
        Assert.Empty(await SearchAsync(office, "委託"));
        Assert.NotEmpty(index.MatchingIds(tenant.MunicipalityId, "幻の発言"));

        var (_, fixedCount) = await factory.AsSystemAsync((_, db) => Core.Features.Minutes.MinutesIndexReconciler.RunAsync(index, db, default));
        // At least these two: other tests of the run may import minutes meanwhile.
        Assert.True(fixedCount >= 2, $"作り直した会議 {fixedCount} 件");
        Assert.NotEmpty(await SearchAsync(office, "委託"));
        Assert.Empty(await SearchAsync(office, "書換"));
        Assert.Empty(index.MatchingIds(tenant.MunicipalityId, "幻の発言"));
    }

    /// <summary>
    /// Two instances of the app on one database, each with its own index: minutes imported through one are found
    /// through the other (which reads the change feed), and a turn edited through the other is found through the first.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MinutesSavedThroughAnotherInstance_AreFoundHere_WithoutAReindex(DatabaseProvider provider)
    {
        var first = await app.GetAsync(provider);
        await using var second = first.AnotherInstance();
        var tenant = await TestTenant.CreateAsync(first);
        using var onFirst = await Browser.SignInAsync(first, tenant, UserRole.Office);
        using var onSecond = await Browser.SignInAsync(second, tenant, UserRole.Office);
        var meetingId = await ImportAsync(onFirst, "R6-2.txt", Fixture);
        var here = await SearchAsync(onFirst, "委託");
        Assert.NotEmpty(here);
        var there = await WaitForAsync(() => SearchAsync(onSecond, "委託"), hits => hits.Count == here.Count);
        static IEnumerable<string> Turns(List<JsonElement> hits) => hits.Select(h => $"{h.GetProperty("meetingId").GetGuid()}:{h.GetProperty("seq").GetInt32()}").Order(StringComparer.Ordinal);
        Assert.Equal(Turns(here), Turns(there));

        // An edit of one turn through the second instance reaches the first instance's index.
        var firstTurn = await first.AsSystemAsync((_, db) => db.MinutesTurns.AsNoTracking().Where(t => t.MeetingId == meetingId).OrderBy(t => t.Seq).FirstAsync());
        var (turnId, seq) = (firstTurn.Id, firstTurn.Seq);
        await second.AsSystemAsync(async (_, db) =>
        {
            var turn = await db.MinutesTurns.SingleAsync(t => t.Id == turnId);
            turn.Text = "別のインスタンスで直した発言";
            return await db.SaveChangesAsync();
        });
        var edited = await WaitForAsync(() => SearchAsync(onFirst, "別のインスタンスで直した"), hits => hits.Count == 1);
        Assert.Equal(seq, Assert.Single(edited).GetProperty("seq").GetInt32());
    }

    /// <summary>Asks until the answer satisfies <paramref name="done"/>; the limit only ends a wait for something that never comes.</summary>
    private static async Task<T> WaitForAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var answer = await ask();
            if (done(answer) || DateTime.UtcNow > until)
            {
                return answer;
            }
            await Task.Delay(50);
        }
    }
}
