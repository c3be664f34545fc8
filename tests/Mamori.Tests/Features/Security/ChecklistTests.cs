using System.Net;
using System.Net.Http.Json;
using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Security;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Council.CouncilPages;

namespace Mamori.Tests.Features.Security;

public sealed class ChecklistTests(AppFixture app)
{
    private const string Items = "分類,番号,項目,回答の根拠,非公表\r\n"
        + "体制・規程等の整備,1,セキュリティ責任者を定めているか,任命通知,\r\n"
        + "体制・規程等の整備,2,規程を定めているか,規程名,\r\n"
        + "環境及び整備,3,入退室を記録しているか,記録簿,\r\n"
        + "環境及び整備,4,サーバ室の配置図を秘匿しているか,管理状況,○\r\n";

    private static string Scale => "0 該当しない\n1 整備していない\n2 整備している\n3 運用している";

    private static async Task<Guid> ImportTemplateAsync(Browser browser, string name, string fileName, byte[] content)
    {
        var response = await browser.PostFileAsync("/security/templates", "Upload", fileName, content, "/security/templates?handler=Import",
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Scale"] = Scale });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static async Task<Guid> StartAsync(Browser browser, Guid template, int fiscalYear)
    {
        var response = await browser.PostFormAsync("/security", new()
        {
            ["Input.TemplateId"] = template.ToString(),
            ["Input.FiscalYear"] = fiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.DepartmentId"] = "",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, Errors(await response.Content.ReadAsStringAsync()));
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static Dictionary<string, string> AnswerFields(params (string Number, int Value, string? Plan)[] answers)
    {
        var fields = new Dictionary<string, string> { ["AnsweredOn"] = "令和4年10月1日" };
        foreach (var (a, i) in answers.Select((a, i) => (a, i)))
        {
            fields[$"Answers[{i}].ItemNumber"] = a.Number;
            fields[$"Answers[{i}].Value"] = a.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            fields[$"Answers[{i}].Evidence"] = $"根拠{a.Number}";
            if (a.Plan is not null)
            {
                fields[$"Answers[{i}].PlanMeasure"] = a.Plan;
                fields[$"Answers[{i}].PlanOwner"] = "情報政策課";
                fields[$"Answers[{i}].PlanDueOn"] = "令和5年3月31日";
            }
        }
        return fields;
    }

    private sealed record ScoreJson(decimal? Score, List<CategoryJson> Categories, int? PreviousFiscalYear, decimal? PreviousScore, bool Closed);

    private sealed record CategoryJson(string Category, decimal? Score);

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Assessment_ItemBelowTheTopNeedsAPlanBeforeClosing_AndNextYearComparesWithIt(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var template = await ImportTemplateAsync(security, "住基ネット調査表", "items.csv", Encoding.UTF8.GetBytes(Items));
        var id = await StartAsync(security, template, 2021);

        await PostAndFollowAsync(security, $"/security/assessments/{id}", AnswerFields(("1", 3, null), ("2", 2, null), ("3", 3, null), ("4", 0, null)));
        var page = WebUtility.HtmlDecode(await security.GetPageAsync($"/security/assessments/{id}"));
        Assert.Contains("項目 2「規程を定めているか」は「整備している」のため、改善計画（改善策・担当・期限）を入力してください。", page);
        var refused = await security.PostFormAsync($"/security/assessments/{id}", new(), $"/security/assessments/{id}?handler=Close");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("改善計画（改善策・担当・期限）を入力してください", Errors(await refused.Content.ReadAsStringAsync()));

        await PostAndFollowAsync(security, $"/security/assessments/{id}", AnswerFields(("1", 3, null), ("2", 2, "規程の改正案を作成する"), ("3", 3, null), ("4", 0, null)));
        await PostAndFollowAsync(security, $"/security/assessments/{id}", new(), $"/security/assessments/{id}?handler=Close");
        var score = (await security.Client.GetFromJsonAsync<ScoreJson>($"/api/v1/security/assessments/{id}/score"))!;
        Assert.True(score.Closed);
        Assert.Equal(2.67m, score.Score); // (3 + 2 + 3) / 3, 該当しない left out
        Assert.Equal([2.50m, 3.00m], score.Categories.Select(c => c.Score!.Value));

        // A closed assessment does not take answers.
        var closedSave = await security.PostFormAsync($"/security/assessments/{id}", AnswerFields(("1", 1, null)));
        Assert.Contains("完了しています", Errors(await closedSave.Content.ReadAsStringAsync()));

        // Next year, a new template of the same name: 前回 is last year's assessment.
        var exported = await security.GetAsync($"/security/templates/{template}?handler=Xlsx");
        var nextTemplate = await ImportTemplateAsync(security, "住基ネット調査表", "items.xlsx", await exported.Content.ReadAsByteArrayAsync());
        var items = await factory.AsSystemAsync(async (_, db) => (await db.ChecklistTemplates.FirstAsync(t => t.Id == nextTemplate)).Items);
        Assert.Equal(["1", "2", "3", "4"], items.Select(i => i.Number));
        Assert.True(items[3].NeverPublished);
        var next = await StartAsync(security, nextTemplate, 2022);
        await PostAndFollowAsync(security, $"/security/assessments/{next}", AnswerFields(("1", 3, null), ("2", 3, null), ("3", 1, "入退室記録の確認を月次にする"), ("4", 3, null)));
        var nextScore = (await security.Client.GetFromJsonAsync<ScoreJson>($"/api/v1/security/assessments/{next}/score"))!;
        Assert.Equal(2021, nextScore.PreviousFiscalYear);
        Assert.Equal(2.67m, nextScore.PreviousScore);
        Assert.Equal(2.50m, nextScore.Score);
        var nextPage = WebUtility.HtmlDecode(await security.GetPageAsync($"/security/assessments/{next}"));
        Assert.Contains("前回（令和3年度）", nextPage);

        // The same template, year and unit cannot be started twice.
        var duplicate = await security.PostFormAsync("/security", new() { ["Input.TemplateId"] = nextTemplate.ToString(), ["Input.FiscalYear"] = "2022" });
        Assert.Contains("すでにあります", Errors(await duplicate.Content.ReadAsStringAsync()));
        // An answered template keeps its items.
        var replace = await security.PostFileAsync($"/security/templates/{template}", "Upload", "items.csv", Encoding.UTF8.GetBytes(Items), null,
            new Dictionary<string, string> { ["Input.Name"] = "住基ネット調査表", ["Input.Scale"] = Scale });
        Assert.Contains("すでに回答があるため", Errors(await replace.Content.ReadAsStringAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task TemplateImport_WithProblems_NamesRowAndColumn_AndStoresNothing(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        var bad = "分類,番号,項目,回答の根拠,非公表\r\n体制,1,責任者,,\r\n体制,1,規程,,\r\n環境,3,,,はいかも\r\n";
        var response = await security.PostFileAsync("/security/templates", "Upload", "bad.csv", Core.Csv.CsvEncodings.Cp932.GetBytes(bad), "/security/templates?handler=Import",
            new Dictionary<string, string> { ["Input.Name"] = "調査表", ["Input.Scale"] = Scale });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("bad.csv に 3 件の問題があるため、何も取り込んでいません", page);
        Assert.Contains("番号 1 が 2 行目と重複しています", page);
        Assert.Contains("<td class=\"num\">4</td><td>項目</td>", page);
        Assert.Contains("「はいかも」は使えません", page);
        Assert.Equal(0, await factory.AsSystemAsync((_, db) => db.ChecklistTemplates.CountAsync(t => t.MunicipalityId == tenant.MunicipalityId)));

        // Office staff read the checklists but do not change them.
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/security/templates")).StatusCode);
        var forbidden = await office.PostFormAsync("/security/templates", new() { ["Input.Name"] = "x" }, "/security/templates?handler=Standard");
        Assert.Contains("/account/denied", forbidden.Headers.Location?.OriginalString ?? "");
    }
}
