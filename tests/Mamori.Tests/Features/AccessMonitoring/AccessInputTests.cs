using System.Net;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Features.AccessMonitoring;

/// <summary>ASVS 12.1–12.3 and 5.1: odd file names and empty files are refused with a message, never a 500, and change nothing.</summary>
public sealed class AccessInputTests(AppFixture app)
{
    private const string Header = "ts,user_id,terminal_id,terminal_dept,business_code,op,resident_id,result_count,search_method\n";

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs12_3_OddFileNames_AndHeaderOnlyFiles_AreRefusedWithAMessage_AndChangeNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var log = Encoding.UTF8.GetBytes(Header + "2024-04-01 10:00:00,u0001,T01,D01,JUMIN,VIEW,R0001,1,ID\n");

        foreach (var (name, expected) in new[] { ("..", "ファイル名がありません"), (new string('あ', 296) + ".csv", "ファイル名が300文字あります") })
        {
            var response = await security.PostFilesAsync("/access/data", [("Logs", name, log)], "/access/data?handler=Upload");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.AccessJobs.CountAsync(j => j.MunicipalityId == tenant.MunicipalityId)));

        await security.PostFilesAsync("/access/data", [("Logs", "見出しだけ.csv", Encoding.UTF8.GetBytes(Header))], "/access/data?handler=Upload");
        var job = await AccessPagesTests.WaitForJobAsync(factory, tenant.MunicipalityId, 1);
        Assert.Equal(AccessJobState.Failed, job.State);
        Assert.Contains("見出しだけ.csv にデータの行がありません（見出しだけです）", job.Result);

        var staff = await security.PostFilesAsync("/access/data", [("Staff", "職員.csv", Encoding.UTF8.GetBytes("user_id,resident_id,household_id,surname_kana,dept,role,start_date,end_date,leave,last_active\n"))], "/access/data?handler=Masters");
        Assert.Contains("職員.csv にデータの行がありません（見出しだけです）。マスタは何も変えていません。", WebUtility.HtmlDecode(await staff.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task ALogExportedAgain_OverlappingAStoredPeriod_IsRefused_UnlessReplacing_AndNeverCountedTwice(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        string Rows(int firstDay, int lastDay) => Header + string.Concat(Enumerable.Range(firstDay, lastDay - firstDay + 1)
            .Select(d => $"2024-04-{d:D2} 10:00:00,u0001,T01,D01,JUMIN,VIEW,R0001,1,ID\n"));
        async Task<AccessJob> UploadAsync(string name, string text, bool replace, int job)
        {
            await security.PostFilesAsync("/access/data", [("Logs", name, Encoding.UTF8.GetBytes(text))], "/access/data?handler=Upload",
                replace ? new Dictionary<string, string> { ["Replace"] = "true" } : null);
            return await AccessPagesTests.WaitForJobAsync(factory, tenant.MunicipalityId, job);
        }
        long Stored() => factory.Services.GetRequiredService<AccessLogFolders>().Store(tenant.MunicipalityId)
            .Search(null, "u0001", new DateOnly(2024, 4, 1), new DateOnly(2024, 4, 30)).Count;

        Assert.Equal(AccessJobState.Succeeded, (await UploadAsync("4月前半.csv", Rows(1, 10), false, 1)).State);
        // The same days exported again, with a day more (other bytes): refused, naming the stored file.
        var refused = await UploadAsync("4月前半（再出力）.csv", Rows(5, 11), false, 2);
        Assert.Equal(AccessJobState.Failed, refused.State);
        Assert.Contains("4月前半.csv で取り込み済みです", refused.Result);
        Assert.Contains("このファイルは何も取り込んでいません", refused.Result);
        Assert.Equal(10, Stored());
        // Asked to replace: the period 4/5–4/11 is the new file's; nothing doubles.
        var replaced = await UploadAsync("4月前半（再出力）.csv", Rows(5, 11), true, 3);
        Assert.True(replaced.State == AccessJobState.Succeeded, replaced.Result);
        Assert.Contains("4月前半.csv の同じ期間の記録と置き換え", replaced.Result);
        Assert.Equal(11, Stored());
    }

    /// <summary>Malformed logs of every shape a system or a hand edit produces: each job ends naming the file (and the line when a line is at fault), never an unexpected error.</summary>
    public static TheoryData<string, byte[], string> Malformed()
    {
        const string good = "2024-04-01 10:00:00,u0001,T01,D01,JUMIN,VIEW,R0001,1,ID\n";
        byte[] Text(string body) => Encoding.UTF8.GetBytes(Header + good + body);
        return new()
        {
            { "閉じない引用符.csv", Text("2024-04-01 11:00:00,u0001,\"T01,D01,JUMIN,VIEW,R0001,1,ID\n" + good), "行目" },
            { "列が多い.csv", Text("2024-04-01 11:00:00,u0001,T01,D01,JUMIN,VIEW,R0001,1,ID,余分\n"), "行目" },
            { "列が少ない.csv", Text("2024-04-01 11:00:00,u0001,T01\n"), "行目" },
            { "日時.csv", Text("2024-04-31 11:00:00,u0001,T01,D01,JUMIN,VIEW,R0001,1,ID\n"), "行目" },
            { "操作.csv", Text("2024-04-01 11:00:00,u0001,T01,D01,JUMIN,ERASE,R0001,1,ID\n"), "行目" },
            { "件数.csv", Text("2024-04-01 11:00:00,u0001,T01,D01,JUMIN,SEARCH,,たくさん,NAME\n"), "行目" },
            { "制御文字.csv", Text("2024-04-01 11:00:00,u00\u000001,T01,D01,JUMIN,VIEW,R0001,1,ID\n"), "行目" },
            { "壊れた文字.csv", [.. Encoding.UTF8.GetBytes(Header + good), 0x32, 0x30, 0xff, 0xfe, 0x81, 0x0a], "行目" },
            { "UTF-16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Header + good)], "UTF-8" },
            { "見出しが違う.csv", Encoding.UTF8.GetBytes("ts,user,terminal_id\n2024-04-01 10:00:00,u0001,T01\n"), "user_id" },
            { "空.csv", [], "空.csv" },
        };
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task Asvs12_1_AMalformedLog_EndsItsJobNamingFileAndLine_NeverAnUnexpectedError(string name, byte[] content, string expected)
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var response = await security.PostFilesAsync("/access/data", [("Logs", name, content)], "/access/data?handler=Upload");
        if (response.StatusCode == HttpStatusCode.OK)
        {
            // Refused by the page itself (an empty upload): said there, with nothing queued.
            Assert.Contains("ファイル", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.AccessJobs.CountAsync(j => j.MunicipalityId == tenant.MunicipalityId)));
            return;
        }
        var job = await AccessPagesTests.WaitForJobAsync(factory, tenant.MunicipalityId, 1);
        Assert.Equal(AccessJobState.Failed, job.State);
        Assert.Contains(name, job.Result);
        Assert.Contains(expected, job.Result);
        Assert.DoesNotContain("予期しない", job.Result);
        Assert.Empty(factory.Services.GetRequiredService<AccessLogFolders>().Store(tenant.MunicipalityId).StoredPeriods());
    }

    [Theory]
    [InlineData("報告.pdf", null)]
    [InlineData("..", "ファイル名がありません")]
    [InlineData(".", "ファイル名がありません")]
    [InlineData("", "ファイル名がありません")]
    [InlineData("a\0b.csv", "制御文字")]
    [InlineData("a\u001fb.csv", "制御文字")]
    public void UploadNames_WithoutANameOrWithControlCharacters_AreRefused(string name, string? expected)
    {
        var problem = UploadRules.NameProblem(name);
        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(expected, problem);
        }
        Assert.Null(UploadRules.NameProblem(new string('a', 196) + ".csv"));
        Assert.Contains("201文字", UploadRules.NameProblem(new string('a', 197) + ".csv"));
    }
}
