using System.Net;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.AccessMonitoring;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Files;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
