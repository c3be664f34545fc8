using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Reviews.ReviewApi;

namespace Mamori.Tests.Features.Reviews;

/// <summary>The round of the corpus report, re-entered in Mamori: the printed case headings come out as the office wrote them.</summary>
public sealed partial class CorpusReportTests(AppFixture app)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^【報告】(?<title>.+)（(?<dept>[^（）]+)）…（(?<n>\d+)）$", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex CaseHeading();

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task CorpusRound_ReenteredCases_ReportHeadingsMatchTheOriginal(DatabaseProvider provider)
    {
        var text = Corpus.Read("suginami_2023-12-19_report.txt");
        Assert.SkipWhen(text is null, "../shared/corpus がありません");
        var headings = CaseHeading().Matches(text!).Select(m => (Line: m.Value.Trim(), Title: m.Groups["title"].Value, Dept: m.Groups["dept"].Value,
            Number: int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(8, headings.Count);

        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var roundId = await RoundAsync(office, "令和5年度第3回", firstCaseNumber: headings[0].Number);
        foreach (var h in headings)
        {
            var business = await BusinessAsync(office, tenant.OtherDepartmentId, h.Title, "保有");
            var created = await Json(await office.Client.PostAsJsonAsync("/api/v1/reviews/cases",
                new { roundId, businessId = business, types = new[] { "保有" }, summary = "自己点検を行った。", departmentsLabel = h.Dept }), HttpStatusCode.Created);
            await FillAllAsync(office, created.Id());
            Assert.Equal(h.Number, (await SubmitAsync(office, created.Id())).GetProperty("number").GetInt32());
        }
        var report = System.Net.WebUtility.HtmlDecode(await office.GetPageAsync($"/reviews/rounds/{roundId}/report"));
        foreach (var h in headings)
        {
            Assert.Contains(h.Line, report);
        }
    }
}
