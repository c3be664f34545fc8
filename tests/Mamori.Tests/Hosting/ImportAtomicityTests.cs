using System.Net;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Features.Minutes;
using Mamori.Tests.Features.Register;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Tests.Hosting;

/// <summary>
/// Every import is all or nothing even when the database fails halfway: row 150 of a 160-row file carries
/// <see cref="FailingCommands.Marker"/>, which the test database refuses to store. Nothing of the file may be
/// left behind; the same file without the marker then imports whole.
/// </summary>
public sealed class ImportAtomicityTests(AppFixture app)
{
    private const int Rows = 160;
    private const int FailingRow = 150;

    private static string Text(int i, string text) => i == FailingRow ? FailingCommands.Marker + text : text;

    private static void Refused(HttpResponseMessage response) =>
        Assert.False(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/error", StringComparison.Ordinal) != true,
            $"保存に失敗した取込みが成功として扱われました: {(int)response.StatusCode} {response.Headers.Location}");

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RegisterImport_FailingOnRow150_StoresNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        byte[] File(bool fail) => RegisterImportTests.Utf8Bom(RegisterImportTests.Csv(
            Enumerable.Range(1, Rows).Select(i => RegisterImportTests.Row(i, fail ? Text(i, $"住民記録ファイル{i}") : null))));
        Task<int> Count() => factory.AsSystemAsync((_, db) => db.PersonalInfoFiles.CountAsync(f => f.MunicipalityId == tenant.MunicipalityId));

        Refused(await office.PostFileAsync("/register/import", "Upload", "register.csv", File(fail: true)));
        Assert.Equal(0, await Count());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync("/register/import", "Upload", "register.csv", File(fail: false))).StatusCode);
        Assert.Equal(Rows, await Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task StatisticsImport_FailingOnRow150_StoresNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        byte[] File(bool fail) => Encoding.UTF8.GetBytes("区名,人口,申請数,交付数\n"
            + string.Concat(Enumerable.Range(1, Rows).Select(i => $"{(fail ? Text(i, $"第{i}区") : $"第{i}区")},\"1,600\",100,80\n")));
        var asOf = new Dictionary<string, string> { ["AsOf"] = "2024-03-31" };
        Task<int> Count() => factory.AsSystemAsync((_, db) => db.StatRows.CountAsync(r => r.MunicipalityId == tenant.MunicipalityId));

        Refused(await office.PostFileAsync("/statistics/mynumber-cards/import", "Upload", "cards.csv", File(fail: true), null, asOf));
        Assert.Equal(0, await Count());
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFileAsync("/statistics/mynumber-cards/import", "Upload", "cards.csv", File(fail: false), null, asOf)).StatusCode);
        Assert.Equal(Rows, await Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task RoomLogImport_FailingOnRow150_StoresNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        byte[] File(bool fail) => Encoding.UTF8.GetBytes("入室日時,退室日時,区分,所属・会社名,氏名,入室理由\r\n"
            + string.Concat(Enumerable.Range(1, Rows).Select(i =>
            {
                var day = new DateOnly(2022, 4, 1).AddDays(i);
                var reason = fail ? Text(i, "サーバー保守") : "サーバー保守";
                return $"{day:yyyy/MM/dd} 10:00,{day:yyyy/MM/dd} 11:00,ベンダー等,保守株式会社,,{reason}\r\n";
            })));
        Task<int> Count() => factory.AsSystemAsync((_, db) => db.RoomEntries.CountAsync(e => e.MunicipalityId == tenant.MunicipalityId));

        Refused(await security.PostFileAsync("/security/room/import", "Upload", "log.csv", File(fail: true)));
        Assert.Equal(0, await Count());
        Assert.Equal(HttpStatusCode.Redirect, (await security.PostFileAsync("/security/room/import", "Upload", "log.csv", File(fail: false))).StatusCode);
        Assert.Equal(Rows, await Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task MinutesImport_FailingOnTurn150_StoresNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        string Minutes(bool fail) => """
            令和６年度第３回みはらし市個人情報保護審議会　会議録

            １　開催日時　令和６年１０月１日（火）　午後２時００分～午後４時００分
            ２　開催場所　みはらし市役所　第２会議室
            ３　出席委員　青木一郎（会長）、石井花子
            ４　議題
            　(1)　諮問第１５号　窓口業務の外部委託について

            """ + string.Concat(Enumerable.Range(1, Rows).Select(i =>
            $"○{(i % 2 == 0 ? "石井委員" : "会長")}　{(fail ? Text(i, $"発言の{i}番目です。") : $"発言の{i}番目です。")}\n"));
        Task<int> Turns() => factory.AsSystemAsync((_, db) => db.MinutesTurns.CountAsync(t => t.MunicipalityId == tenant.MunicipalityId));
        Task<int> Meetings() => factory.AsSystemAsync((_, db) => db.Meetings.CountAsync(m => m.MunicipalityId == tenant.MunicipalityId));

        Refused(await MinutesTests.PreviewAndImportAsync(office, "R6-3.txt", Minutes(fail: true)));
        Assert.Equal((0, 0), (await Turns(), await Meetings()));
        Assert.Equal(HttpStatusCode.Redirect, (await MinutesTests.PreviewAndImportAsync(office, "R6-3.txt", Minutes(fail: false))).StatusCode);
        Assert.Equal(Rows, await Turns());
    }
}
