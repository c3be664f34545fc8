using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Mamori.Tests.Features.Reviews.ReviewApi;

namespace Mamori.Tests.Features.Reviews;

/// <summary>Cases entered through the pages.</summary>
public sealed class ReviewPageTests(AppFixture app)
{
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task NewCasePage_SeveralBusinessesUnderOneTitle_KeepsThePrintedTitle_AndRefusesAClosedRound(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var roundId = await RoundAsync(office, "令和5年度第3回");
        var business = await BusinessAsync(office, tenant.OtherDepartmentId, "障害者自立支援給付に関する業務", "外部委託", "電算入力");
        var created = await office.PostFormAsync("/reviews/cases/new", new()
        {
            ["Input.RoundId"] = roundId,
            ["Input.BusinessId"] = business,
            ["Input.Types"] = "Outsourcing",
            ["Input.Summary"] = "標準準拠システムへの移行に当たり、外部委託、電算入力に係る自己点検を行った。",
            ["Input.Title"] = "障害者自立支援給付に関する業務外6業務",
            ["Input.DepartmentsLabel"] = "障害者施策課外3課",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = await office.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("障害者自立支援給付に関する業務外6業務", page);
        Assert.Contains("障害者施策課外3課", page);

        await StatusAsync(office, roundId, "Closed");
        var refused = await office.PostFormAsync("/reviews/cases/new", new()
        {
            ["Input.RoundId"] = roundId,
            ["Input.BusinessId"] = business,
            ["Input.Types"] = "Outsourcing",
            ["Input.Summary"] = "締切後の提出",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("締め切られています", await refused.Content.ReadAsStringAsync());
    }
}
