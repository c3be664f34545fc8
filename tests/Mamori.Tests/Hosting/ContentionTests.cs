using System.Net;
using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Assessments;
using Mamori.Core.Features.Audit;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Findings;
using Mamori.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Mamori.Tests.Features.Council.CouncilPages;
using static Mamori.Tests.Features.Reviews.ReviewApi;

namespace Mamori.Tests.Hosting;

/// <summary>
/// ASVS 11.1.6 (no race conditions in business flows): every record that takes the next number of a series is
/// created 50 times at the same moment, each in a request of its own. All 50 are saved, with 50 distinct
/// consecutive numbers, and nobody sees an error.
/// </summary>
public sealed partial class ContentionTests(AppFixture app)
{
    private const int Concurrent = 50;

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs11_1_6_FiftyIncidentsPostedAtOnce_AllSaved_WithConsecutiveNumbers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var token = await department.TokenAsync("/incidents/edit");

        async Task<HttpStatusCode> PostAsync(int n)
        {
            var response = await department.Client.PostAsync("/incidents/edit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Input.Title"] = $"同時に記録した事案{n}",
                ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
                ["Input.Kind"] = "Leak",
                ["Input.LearnedOn"] = "2026-11-20",
                ["Input.OccurredOn"] = "2026-11-20",
                ["Input.Summary"] = "通知を別人に送付した。",
                ["Input.AffectedCount"] = "1",
            }));
            return response.StatusCode;
        }

        var statuses = await Task.WhenAll(Enumerable.Range(1, Concurrent).Select(PostAsync));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var numbers = await factory.AsSystemAsync((_, db) =>
            db.Incidents.IgnoreQueryFilters().Where(i => i.MunicipalityId == tenant.MunicipalityId).Select(i => i.Number).ToListAsync());
        AssertConsecutive(numbers, 1);
    }

    /// <summary>
    /// The same through two instances of the app on one database (two app servers behind a load balancer): half the
    /// incidents are posted to each, at the same moment. All are saved with consecutive numbers, nobody sees an
    /// error, and the audit trail both instances appended to verifies as one chain.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task FiftyIncidentsPostedAtOnce_ThroughTwoInstances_AllSaved_WithConsecutiveNumbers_AndOneAuditChain(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        await using var other = factory.AnotherInstance();
        var tenant = await TestTenant.CreateAsync(factory);
        using var here = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        using var there = await Browser.SignInAsync(other, tenant, UserRole.Department);
        var tokens = new[] { await here.TokenAsync("/incidents/edit"), await there.TokenAsync("/incidents/edit") };
        var browsers = new[] { here, there };

        async Task<HttpStatusCode> PostAsync(int n)
        {
            var response = await browsers[n % 2].Client.PostAsync("/incidents/edit", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = tokens[n % 2],
                ["Input.Title"] = $"二つのサーバーで同時に記録した事案{n}",
                ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
                ["Input.Kind"] = "Leak",
                ["Input.LearnedOn"] = "2026-11-20",
                ["Input.OccurredOn"] = "2026-11-20",
                ["Input.Summary"] = "通知を別人に送付した。",
                ["Input.AffectedCount"] = "1",
            }));
            return response.StatusCode;
        }

        var statuses = await Task.WhenAll(Enumerable.Range(1, Concurrent).Select(PostAsync));
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        var numbers = await factory.AsSystemAsync((_, db) =>
            db.Incidents.IgnoreQueryFilters().Where(i => i.MunicipalityId == tenant.MunicipalityId).Select(i => i.Number).ToListAsync());
        AssertConsecutive(numbers, 1);
        var verified = await factory.AsSystemAsync((sp, db) => AuditChain.VerifyAsync(db, sp.GetRequiredService<AuditKeys>(), sp.GetRequiredService<AuditAnchors>(), default));
        Assert.True(verified.Ok, verified.ToString());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs11_1_6_FiftyFindingsOfOneInspection_AllSaved_WithConsecutiveNumbers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var inspection = await AsOfficeAsync(factory, tenant, async db => (await FindingWorkflow.SaveInspectionAsync(db, tenant.MunicipalityId, null,
            new InspectionInput(FindingSource.InternalAudit, "令和8年度 内部監査", "監査委員事務局", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), null,
                [tenant.OwnDepartmentId]), null, default)).Value!.Id);

        var numbers = await AllAtOnceAsync(factory, tenant, async (db, n) =>
        {
            var saved = await FindingWorkflow.SaveFindingAsync(db, inspection, null, new FindingInput
            {
                Law = FindingLaw.PersonalInformation,
                Heading = $"指摘{n}",
                Text = "持出簿の記入漏れ",
                DepartmentId = tenant.OwnDepartmentId,
            }, null, default);
            Assert.True(saved.Ok, saved.Describe());
            return saved.Value!.Number;
        });
        AssertConsecutive(numbers, 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs11_1_6_FiftyConsultationsAndTheirToshin_AllSaved_WithConsecutiveNumbers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "個人情報保護審議会");
        await ItemAsync(office, council, "Consultation", "紙の番号を引き継ぐ諮問", 120);

        var items = new Dictionary<int, Guid>();
        var numbers = await AllAtOnceAsync(factory, tenant, async (db, n) =>
        {
            var saved = await CouncilWorkflow.SaveItemAsync(db, null, new ItemInput { CouncilId = council, Kind = ItemKind.Consultation, Title = $"同時の諮問{n}" }, default);
            Assert.True(saved.Ok, saved.Describe());
            lock (items)
            {
                items[n] = saved.Value!.Id;
            }
            return saved.Value!.Number!.Value;
        });
        AssertConsecutive(numbers, 121);

        var toshin = await AllAtOnceAsync(factory, tenant, async (db, n) =>
        {
            var saved = await CouncilWorkflow.SaveToshinAsync(db, null, new ToshinInput(items[n], null, new DateOnly(2026, 11, 20), null, "おおむね妥当である。"), default);
            Assert.True(saved.Ok, saved.Describe());
            return saved.Value!.Number;
        });
        AssertConsecutive(toshin, 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs11_1_6_OneNumberChosenByFiftyAtOnce_IsSavedOnce_AndTheOthersAreToldWhy(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var council = await CouncilAsync(office, "個人情報保護審議会");
        await ItemAsync(office, council, "Consultation", "前の諮問", 75);

        var outcomes = new List<Core.Outcome<AgendaItem>>();
        await AllAtOnceAsync(factory, tenant, async (db, n) =>
        {
            var saved = await CouncilWorkflow.SaveItemAsync(db, null,
                new ItemInput { CouncilId = council, Kind = ItemKind.Consultation, Number = 76, Title = $"番号を選んだ諮問{n}" }, default);
            lock (outcomes)
            {
                outcomes.Add(saved);
            }
            return n;
        });
        Assert.Single(outcomes, o => o.Ok);
        // Whoever checked after the first save is told the number is in use; whoever checked before is told it was taken a moment ago.
        Assert.All(outcomes.Where(o => !o.Ok), o => Assert.Matches("諮問第76号は(既に使われています|、たった今ほかの人が登録しました)", o.Describe()));
        var numbers = await factory.AsSystemAsync((_, db) => db.AgendaItems.Where(i => i.MunicipalityId == tenant.MunicipalityId).Select(i => i.Number).ToListAsync());
        Assert.Equal([75, 76], numbers.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs11_1_6_FiftyVersionsOfOneAssessmentDocument_AllSaved_WithConsecutiveNumbers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var assessment = await AsOfficeAsync(factory, tenant, async db =>
        {
            var business = await AssessmentWorkflow.SaveBusinessAsync(db, null, new AssessedBusinessInput
            {
                Name = "住民基本台帳に関する事務",
                DepartmentId = tenant.OwnDepartmentId,
                SubjectCount = 150_000,
                StaffHandlers = 20,
                ContractorHandlers = 0,
            }, factory.Clock, default);
            Assert.True(business.Ok, business.Describe());
            var started = await AssessmentWorkflow.StartAsync(db, business.Value!.Id, new StartInput(AssessmentKind.Initial, null, factory.Today.AddMonths(6), null),
                factory.Clock, default);
            Assert.True(started.Ok, started.Describe());
            return started.Value!.Id;
        });

        var numbers = await AllAtOnceAsync(factory, tenant, async (db, n) =>
        {
            var saved = await AssessmentWorkflow.AddDocumentAsync(db, assessment, null, $"第{n}稿", "全項目評価書.pdf", "%PDF-1.7 評価書"u8.ToArray(),
                factory.Clock, default);
            Assert.True(saved.Ok, saved.Describe());
            return saved.Value!.Number;
        });
        AssertConsecutive(numbers, 1);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Asvs11_1_6_FiftyReviewCasesSubmittedAtOnce_AllAnswered_WithConsecutiveCaseNumbers(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var round = await RoundAsync(office, "令和8年度第1回", firstCaseNumber: 301);
        var cases = new List<string>();
        for (var n = 1; n <= Concurrent; n++)
        {
            var business = await BusinessAsync(office, tenant.OwnDepartmentId, $"事務{n}", "保有");
            var created = await CaseAsync(office, round, business, $"案件{n}", "保有");
            await FillAllAsync(office, created.Id());
            cases.Add(created.Id());
        }

        var submitted = await Task.WhenAll(cases.Select(async id =>
        {
            var response = await office.Client.PostAsync($"/api/v1/reviews/cases/{id}/submit", null);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        Assert.All(submitted, s => Assert.True(s.StatusCode == HttpStatusCode.OK, $"{(int)s.StatusCode}: {s.Body}"));
        var numbers = submitted.Select(s => int.Parse(CaseNumber().Match(s.Body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        AssertConsecutive(numbers, 301);
    }

    [GeneratedRegex("\"number\":(\\d+)")]
    private static partial Regex CaseNumber();

    private static void AssertConsecutive(IReadOnlyCollection<int> numbers, int first) =>
        Assert.Equal(Enumerable.Range(first, Concurrent), numbers.Order());

    private static async Task<T> AsOfficeAsync<T>(MamoriFactory factory, TestTenant tenant, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().SetUser("test", "事務局", tenant.MunicipalityId, null, false);
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>Runs <paramref name="create"/> <see cref="Concurrent"/> times at once, each in a scope (a request) of its own.</summary>
    private static async Task<List<int>> AllAtOnceAsync(MamoriFactory factory, TestTenant tenant, Func<AppDbContext, int, Task<int>> create)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, Concurrent).Select(async n =>
        {
            await start.Task;
            return await AsOfficeAsync(factory, tenant, db => create(db, n));
        }).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(tasks)];
    }
}
