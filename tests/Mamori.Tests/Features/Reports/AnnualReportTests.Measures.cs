using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Reports;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Reports;

public sealed partial class AnnualReportTests
{
    private static async Task<ReportTemplate> TemplateAsync(MamoriFactory factory, Guid id) =>
        await factory.AsSystemAsync((_, db) => db.ReportTemplates.AsNoTracking().IgnoreQueryFilters().FirstAsync(t => t.Id == id));

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task SecurityMeasuresReport_TerminalsOnTheDay_LastYearsFindings_AndAnEditedTemplate_GoToTheCouncil(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        await ReportSeed.AddAsync(factory, tenant);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var templateId = await CopyAsync(office, BuiltInReportTemplates.SecurityMeasures.Key);

        // The office moves the room log to the year before and adds the incidents as an eleventh item, then moves it first.
        var template = await TemplateAsync(factory, templateId);
        var room = template.Sections.Single(s => s.Source == ReportSource.RoomLog);
        await PostAndFollowAsync(office, $"/reports/templates/{templateId}", new()
        {
            ["Key"] = room.Key.ToString(),
            ["Version"] = template.Version.ToString(),
            ["Act"] = "Update",
            ["Input.Heading"] = "CSルームの入退室状況（前年度）",
            ["Input.Source"] = "RoomLog",
            ["Input.PeriodKind"] = "FiscalYear",
            ["Input.YearsBefore"] = "1",
        }, $"/reports/templates/{templateId}?handler=Section");
        template = await TemplateAsync(factory, templateId);
        await PostAndFollowAsync(office, $"/reports/templates/{templateId}", new()
        {
            ["Version"] = template.Version.ToString(),
            ["Act"] = "Add",
            ["Input.Source"] = "Incidents",
            ["Input.Heading"] = "漏えい等事案",
        }, $"/reports/templates/{templateId}?handler=Section");
        template = await TemplateAsync(factory, templateId);
        Assert.Equal(11, template.Sections.Count);
        var added = template.Sections[^1];
        Assert.Equal(ReportSource.Incidents, added.Source);
        for (var i = 0; i < 10; i++)
        {
            template = await TemplateAsync(factory, templateId);
            await PostAndFollowAsync(office, $"/reports/templates/{templateId}", new()
            {
                ["Key"] = added.Key.ToString(),
                ["Version"] = template.Version.ToString(),
                ["Act"] = "MoveUp",
            }, $"/reports/templates/{templateId}?handler=Section");
        }
        template = await TemplateAsync(factory, templateId);
        Assert.Equal("漏えい等事案", template.Sections[0].Heading);
        Assert.Equal(new ReportPeriod(ReportPeriodKind.FiscalYear, 1), template.Sections.Single(s => s.Source == ReportSource.RoomLog).Period);

        var id = await CreateAsync(office, templateId, 2023);
        var page = Text(await office.GetPageAsync($"/reports/{id}/print"));
        Assert.Contains("<h2 class=\"chapter\">１　漏えい等事案</h2>", page);
        Assert.Contains("令和5年度に認知した漏えい等事案はありません。", page);
        // Terminals in place on 令和6年3月31日: not the one removed in December, not the one installed the year after.
        Assert.Contains("令和6年3月31日現在の設置台数　1台", page);
        Assert.Contains("戸籍住民課窓口", page);
        Assert.DoesNotContain("撤去済みの出張所", page);
        Assert.DoesNotContain("翌年度に設置の窓口", page);
        // 定期監査 of the year before with its countermeasure; this year's finding is not in it.
        Assert.Contains("令和4年度 定期監査", page);
        Assert.Contains("<td class=\"pre\">ワイヤーロックの未固定</td>", page);
        Assert.Contains("<td class=\"pre\">毎月点検する</td>", page);
        Assert.DoesNotContain("今年度の指摘", page);
        Assert.Contains("操作者カードの放置", page);
        // The room log as edited: the year before.
        Assert.Contains("ログチェック（2件）", page);

        // The report becomes the material of a 報告 item.
        var council = await CouncilAsync(office, "情報公開・個人情報保護審議会");
        var item = await ItemAsync(office, council, "Report", "住基ネットに係るセキュリティ対策の実施状況について", 12);
        var target = await PostAndFollowAsync(office, $"/reports/{id}", new() { ["itemId"] = item.ToString() }, $"/reports/{id}?handler=Attach");
        Assert.Equal(item.ToString(), target);
        var material = await factory.AsSystemAsync((_, db) => db.Materials.IgnoreQueryFilters().SingleAsync(m => m.ItemId == item));
        Assert.EndsWith(".docx", material.FileName, StringComparison.Ordinal);
        Assert.StartsWith("令和5年度 住民基本台帳ネットワークシステムに係るセキュリティ対策の実施状況", material.Title, StringComparison.Ordinal);
        Assert.False(material.IsPublic);

        // A template a report was made from stays.
        await office.PostFormAsync($"/reports/templates/{templateId}", new(), $"/reports/templates/{templateId}?handler=Delete");
        Assert.NotNull(await factory.AsSystemAsync((_, db) => db.ReportTemplates.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Id == templateId)));
    }
}

public sealed class CustomDatasetReportTests(AppFixture app)
{
    private static string Text(string html) => AnnualReportTests.Text(html);

    private static Task<Guid> CopyAsync(Browser office, string builtIn) => AnnualReportTests.CopyAsync(office, builtIn);

    private static Task<Guid> CreateAsync(Browser office, Guid template, int year) => AnnualReportTests.CreateAsync(office, template, year);

    private static Task<AnnualReport> ReportAsync(MamoriFactory factory, Guid id) => AnnualReportTests.ReportAsync(factory, id);

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task AReportSection_ShowsATableTheOfficeDefined_AndSaysSoWhenItWasRemoved(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var key = await factory.AsSystemAsync(async (_, db) =>
        {
            var saved = await Core.Features.Statistics.StatDatasets.SaveAsync(db, tenant.MunicipalityId, null, new Core.Features.Statistics.StatDatasetInput
            {
                Name = "窓口の証明書交付",
                PeriodKind = Core.Features.Statistics.PeriodKind.FiscalYear,
                Columns = [new() { Name = "住民票" }, new() { Name = "印鑑登録証明" }, new() { Name = "合計", Kind = Core.Features.Statistics.StatColumnKind.Sum, Operands = "住民票、印鑑登録証明" }],
            }, null, factory.Clock, default);
            var d = saved.Value!;
            var columns = d.Columns;
            db.StatRows.Add(new Core.Features.Statistics.StatRow
            {
                MunicipalityId = tenant.MunicipalityId,
                Dataset = d.Key,
                Period = "2023",
                Label = "令和5年度",
                ValuesJson = $"{{\"{columns[0].Key}\":7001,\"{columns[1].Key}\":2}}",
            });
            await db.SaveChangesAsync();
            return d.Key;
        });
        var templateId = await CopyAsync(office, BuiltInReportTemplates.ResidentNetwork.Key);
        var id = await CreateAsync(office, templateId, 2023);
        var report = await ReportAsync(factory, id);
        await PostAndFollowAsync(office, $"/reports/{id}", new() { ["Version"] = report.Version.ToString(), ["Act"] = "Add", ["Input.Source"] = "Statistics", ["Input.Dataset"] = key },
            $"/reports/{id}?handler=Section");
        report = await ReportAsync(factory, id);
        var added = report.Sections[^1];
        await PostAndFollowAsync(office, $"/reports/{id}", new()
        {
            ["Key"] = added.Key.ToString(),
            ["Version"] = report.Version.ToString(),
            ["Act"] = "Update",
            ["Input.Heading"] = "窓口の証明書交付",
            ["Input.Source"] = "Statistics",
            ["Input.PeriodKind"] = "FiscalYear",
            ["Input.YearsBefore"] = "0",
            ["Input.Dataset"] = key,
        }, $"/reports/{id}?handler=Section");
        var print = Text(await office.GetPageAsync($"/reports/{id}/print"));
        Assert.Contains("<h2 class=\"chapter\">９　窓口の証明書交付</h2>", print);
        Assert.Contains("<td class=\"pre\">令和5年度</td><td class=\"pre num\">7,001</td><td class=\"pre num\">2</td><td class=\"pre num\">7,003</td>", print);

        await PostAndFollowAsync(office, $"/statistics/definition/{key}", new(), $"/statistics/definition/{key}?handler=Delete");
        Assert.Contains("この章の統計は見つかりません（削除された可能性があります）", Text(await office.GetPageAsync($"/reports/{id}/print")));
    }
}
