using System.Net;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Hosting.AuthorizationMatrixTests;

namespace Mamori.Tests.Hosting;

/// <summary>
/// Every page POST handler × every role (and anonymous), posted with a valid antiforgery token of that
/// session: a write check that a handler forgets (監査 triaging an alert, 委員 changing a meeting) shows up
/// as an allowed post where the table below says denied. The table is written from the roles' duties in
/// PRODUCT.md, not read from the code; a handler missing from it fails the test.
/// </summary>
public sealed class PageHandlerMatrixTests(AppFixture app)
{
    private static readonly UserRole[] MemberOnly = [UserRole.Member];
    private static readonly UserRole[] Reflectors = [UserRole.Admin, UserRole.Department, UserRole.Security];

    /// <summary>"POST route[?handler=Name]" → roles allowed; null means anonymous posts are allowed.</summary>
    internal static readonly Dictionary<string, UserRole[]?> Rules = new()
    {
        ["POST /setup"] = null,
        ["POST /error/{code:int?}"] = null,
        ["POST /account/login"] = null,
        ["POST /account/login-2fa"] = null,
        ["POST /account/directory"] = null,
        ["POST /account/forgot"] = null,
        ["POST /account/reset"] = null,
        ["POST /account/password"] = All,
        ["POST /account/tokens?handler=Issue"] = All,
        ["POST /account/tokens?handler=Revoke"] = All,
        ["POST /account/two-factor?handler=Enable"] = All,
        ["POST /account/two-factor?handler=Disable"] = All,
        ["POST /account/two-factor?handler=CreateKey"] = All,
        ["POST /organization/municipality"] = AdminOnly,
        ["POST /organization/notices"] = AdminOnly,
        ["POST /organization/sign-in"] = AdminOnly,
        ["POST /organization/tokens?handler=Revoke"] = AdminOnly,
        ["POST /organization/notices?handler=Test"] = AdminOnly,
        ["POST /organization/notices?handler=Retry"] = AdminOnly,
        ["POST /inbox?handler=ReadAll"] = All,
        ["POST /access/alerts/{id:guid}/confirm"] = All,
        ["POST /access/alerts/{id:guid}/confirm?handler=SendBack"] = All,
        ["POST /account/notices"] = All,
        ["POST /account/notices?handler=IssueFeed"] = All,
        ["POST /account/notices?handler=RevokeFeed"] = All,
        ["POST /organization/departments/edit/{id:guid?}"] = AdminOnly,
        ["POST /organization/staff/edit/{id:guid?}"] = StaffWriters,
        ["POST /organization/staff/edit/{id:guid?}?handler=AddAbsence"] = StaffWriters,
        ["POST /organization/accounts/edit/{id?}"] = AdminOnly,
        ["POST /organization/accounts/edit/{id?}?handler=ResetPassword"] = AdminOnly,
        ["POST /organization/accounts/edit/{id?}?handler=ResetTwoFactor"] = AdminOnly,
        ["POST /organization/accounts/{id}/suspend"] = Suspenders,
        ["POST /organization/accounts/{id}/suspend?handler=Resume"] = Suspenders,
        ["POST /systems/edit/{id:guid?}"] = SystemWriters,
        ["POST /systems/{id:guid}?handler=Import"] = SystemWriters,
        ["POST /systems/{id:guid}?handler=Columns"] = SystemWriters,
        ["POST /systems/{id:guid}?handler=Close"] = SystemWriters,
        ["POST /contracts/edit/{id:guid?}"] = ContractWriters,
        ["POST /contracts/{id:guid}?handler=Return"] = ContractWriters,
        ["POST /contracts/{id:guid}?handler=Document"] = ContractWriters,
        ["POST /contracts/{id:guid}?handler=Visit"] = ContractWriters,
        ["POST /contracts/{id:guid}/reconsignments/edit/{rid:guid?}"] = ContractWriters,
        ["POST /contracts/reconsignments/{id:guid}?handler=Document"] = ContractWriters,
        ["POST /contracts/reconsignments/{id:guid}?handler=Decide"] = ContractWriters,
        ["POST /contracts/clauses"] = ContractManagers,
        ["POST /advisories/edit/{id:guid?}"] = AdvisoryManagers,
        ["POST /advisories/{id:guid}?handler=Assign"] = AdvisoryManagers,
        ["POST /advisories/{id:guid}?handler=Record"] = AdvisoryCheckers,
        ["POST /advisories/{id:guid}?handler=Close"] = AdvisoryManagers,
        ["POST /advisories/{id:guid}?handler=Report"] = CouncilManagers,
        ["POST /standardization?handler=Seed"] = CouncilManagers,
        ["POST /standardization/edit/{id:guid?}"] = AssessmentWriters,
        ["POST /standardization/edit/{id:guid?}?handler=PiaChange"] = AssessmentWriters,
        ["POST /mynumber/procedures/edit/{id:guid?}"] = AssessmentWriters,
        ["POST /mynumber/import"] = AssessmentWriters,
        ["POST /mynumber/amendments/edit/{id:guid?}"] = CouncilManagers,
        ["POST /mynumber/amendments/{id:guid}?handler=Step"] = CouncilManagers,
        ["POST /mynumber/amendments/{id:guid}?handler=Repeal"] = CouncilManagers,
        ["POST /mynumber/amendments/{id:guid}?handler=Revise"] = CouncilManagers,
        ["POST /mynumber/amendments/{id:guid}?handler=Withdraw"] = CouncilManagers,
        ["POST /register/edit/{id:guid?}"] = RegisterWriters,
        ["POST /register/import"] = RegisterWriters,
        ["POST /register/{id:guid}/submit"] = RegisterWriters,
        ["POST /register/{id:guid}/review?handler=Confirm"] = RegisterReviewers,
        ["POST /register/{id:guid}/review?handler=Return"] = RegisterReviewers,
        ["POST /register/{id:guid}/review?handler=Publish"] = RegisterReviewers,
        ["POST /register/{id:guid}/review?handler=Remove"] = RegisterReviewers,
        ["POST /reviews/businesses/edit/{id:guid?}"] = ReviewWriters,
        ["POST /reviews/cases/new"] = ReviewWriters,
        ["POST /reviews/cases/{id:guid}?handler=Submit"] = ReviewWriters,
        ["POST /reviews/cases/{id:guid}?handler=Withdraw"] = ReviewWriters,
        ["POST /reviews/cases/{id:guid}?handler=Draft"] = ReviewWriters,
        ["POST /reviews/cases/{id:guid}?handler=Entry"] = ReviewWriters,
        ["POST /reviews/cases/{id:guid}?handler=Classify"] = ReviewManagers,
        ["POST /reviews/cases/{id:guid}?handler=Result"] = ReviewManagers,
        ["POST /reviews/cases/{id:guid}/inspection/{type}"] = ReviewWriters,
        ["POST /reviews/rounds/edit/{id:guid?}"] = ReviewManagers,
        ["POST /reviews/rounds/{id:guid}?handler=Close"] = ReviewManagers,
        ["POST /reviews/rounds/{id:guid}?handler=Reopen"] = ReviewManagers,
        ["POST /reviews/rounds/{id:guid}?handler=Report"] = ReviewManagers,
        ["POST /reviews/templates"] = ReviewManagers,
        ["POST /council/edit/{id:guid?}"] = CouncilManagers,
        ["POST /council/{id:guid}?handler=Reappoint"] = CouncilManagers,
        ["POST /council/{id:guid}/members/edit/{memberId:guid?}"] = CouncilManagers,
        ["POST /council/items/edit/{id:guid?}"] = CouncilManagers,
        ["POST /council/items/{id:guid}?handler=Upload"] = CouncilManagers,
        ["POST /council/toshin/edit/{id:guid?}"] = CouncilManagers,
        ["POST /council/toshin/{id:guid}?handler=Request"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/actions?handler=Add"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/actions?handler=Done"] = CouncilManagers,
        ["POST /council/{id:guid}/topics?handler=Review"] = CouncilManagers,
        // A member proposes a topic to their council; the office reviews it.
        ["POST /council/{id:guid}/topics?handler=Propose"] = MemberOnly,
        // Only a member answers a draft sent for confirmation.
        ["POST /council/toshin/{id:guid}?handler=Respond"] = MemberOnly,
        ["POST /council/meetings/edit/{id:guid?}"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/notice"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/minutes"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Held"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Attendance"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Place"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Remove"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Outcome"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Upload"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=DeleteMaterial"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Answer"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=PublishQa"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=Confirm"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=DeleteImportedMinutes"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}?handler=PublishMinutes"] = CouncilManagers,
        // Written questions and opinions are the members' own; the office answers them but never writes them.
        ["POST /council/meetings/{id:guid}?handler=Opinion"] = MemberOnly,
        ["POST /council/meetings/{id:guid}?handler=EditOpinion"] = MemberOnly,
        ["POST /council/meetings/{id:guid}?handler=DeleteOpinion"] = MemberOnly,
        ["POST /council/meetings/{id:guid}?handler=NoOpinion"] = MemberOnly,
        ["POST /council/minutes/import?handler=Preview"] = CouncilManagers,
        ["POST /council/minutes/import?handler=Import"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/opinion-sheet?handler=Preview"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/opinion-sheet?handler=Import"] = CouncilManagers,
        ["POST /council/minutes/synonyms"] = CouncilManagers,
        ["POST /assessments/businesses/edit/{id:guid?}"] = AssessmentWriters,
        ["POST /assessments/businesses/{id:guid}?handler=Start"] = AssessmentWriters,
        ["POST /assessments/businesses/{id:guid}?handler=Change"] = AssessmentWriters,
        ["POST /assessments/{id:guid}?handler=Step"] = AssessmentWriters,
        ["POST /assessments/{id:guid}?handler=Upload"] = AssessmentWriters,
        ["POST /assessments/{id:guid}?handler=Publish"] = AssessmentWriters,
        // The third-party review is a consultation to the council: the office's act.
        ["POST /assessments/{id:guid}?handler=Consult"] = CouncilManagers,
        ["POST /security"] = SecurityWriters,
        ["POST /security/templates?handler=Standard"] = SecurityWriters,
        ["POST /security/templates?handler=Import"] = SecurityWriters,
        ["POST /security/templates/{id:guid}"] = SecurityWriters,
        ["POST /security/assessments/{id:guid}"] = SecurityWriters,
        ["POST /security/assessments/{id:guid}?handler=Close"] = SecurityWriters,
        ["POST /security/assessments/{id:guid}?handler=Reopen"] = SecurityWriters,
        ["POST /security/drills/edit/{id:guid?}"] = SecurityWriters,
        ["POST /security/terminals/edit/{id:guid?}"] = SecurityWriters,
        ["POST /security/terminals/{id:guid}"] = SecurityWriters,
        // Taking terminal audits into the findings register is the office's.
        ["POST /security/terminals/{id:guid}?handler=Findings"] = FindingManagers,
        ["POST /security/room/edit/{id:guid?}"] = SecurityWriters,
        ["POST /security/room/edit/{id:guid?}?handler=Delete"] = SecurityWriters,
        ["POST /security/room/import"] = SecurityWriters,
        ["POST /security/room/reasons"] = SecurityWriters,
        ["POST /security/room/reasons?handler=Delete"] = SecurityWriters,
        ["POST /security/self-checks/edit/{id:guid?}"] = SecurityWriters,
        ["POST /security/self-checks/{id:guid}?handler=Set"] = SecurityWriters,
        // 振り返り is written by the department (and the security staff, 管理者); 監査 and 事務局 read it.
        ["POST /security/self-checks/{id:guid}?handler=Reflect"] = Reflectors,
        ["POST /security/self-checks/{id:guid}/answer"] = SelfCheckers,
        ["POST /findings/inspections/edit/{id:guid?}"] = FindingManagers,
        ["POST /findings/inspections/edit/{id:guid?}?handler=Delete"] = FindingManagers,
        ["POST /findings/edit/{id:guid?}"] = FindingManagers,
        ["POST /findings/edit/{id:guid?}?handler=Delete"] = FindingManagers,
        ["POST /findings/{id:guid}?handler=Respond"] = FindingResponders,
        ["POST /findings/{id:guid}?handler=Evidence"] = FindingResponders,
        ["POST /findings/{id:guid}?handler=DeleteEvidence"] = FindingResponders,
        ["POST /findings/{id:guid}?handler=Check"] = FindingManagers,
        ["POST /findings/tasks/edit/{id:guid?}"] = FindingResponders,
        ["POST /findings/tasks/{id:guid}"] = FindingResponders,
        ["POST /incidents/edit/{id:guid?}"] = IncidentWriters,
        ["POST /incidents/{id:guid}"] = IncidentWriters,
        ["POST /incidents/{id:guid}/report"] = IncidentWriters,
        ["POST /statistics/{dataset}?handler=Public"] = StatisticsWriters,
        ["POST /statistics/{dataset}?handler=Delete"] = StatisticsWriters,
        ["POST /statistics/{dataset}/import"] = StatisticsWriters,
        ["POST /statistics/definition/{dataset?}"] = StatisticsWriters,
        ["POST /council/meetings/{id:guid}/minutes?handler=ClosedTurns"] = CouncilManagers,
        ["POST /council/meetings/{id:guid}/minutes?handler=ClosedItem"] = CouncilManagers,
        ["POST /statistics/definition/{dataset?}?handler=Delete"] = StatisticsWriters,
        ["POST /reports?handler=Copy"] = ReportWriters,
        ["POST /reports?handler=Create"] = ReportWriters,
        ["POST /reports/templates/{id:guid}?handler=Rename"] = ReportWriters,
        ["POST /reports/templates/{id:guid}?handler=Section"] = ReportWriters,
        ["POST /reports/templates/{id:guid}?handler=Delete"] = ReportWriters,
        ["POST /reports/{id:guid}?handler=Section"] = ReportWriters,
        // Handing a report to the council is the office's: the security staff write reports but do not manage the council.
        ["POST /reports/{id:guid}?handler=Attach"] = CouncilManagers,
        ["POST /reports/{id:guid}?handler=Delete"] = ReportWriters,
        ["POST /access/data?handler=Upload"] = AccessWriters,
        ["POST /access/data?handler=Inbox"] = AccessWriters,
        ["POST /access/data?handler=Masters"] = AccessWriters,
        ["POST /access/data?handler=Analyze"] = AccessWriters,
        ["POST /access/settings"] = AccessWriters,
        ["POST /access/allowlist"] = AccessWriters,
        ["POST /access/allowlist?handler=Delete"] = AccessWriters,
        // Triage and the finding a violation becomes are writes: 監査 reads alerts but never moves them.
        ["POST /access/alerts/{id:guid}?handler=Move"] = AccessWriters,
        ["POST /access?handler=Bulk"] = AccessWriters,
        ["POST /access/alerts/{id:guid}?handler=Finding"] = AccessWriters,
        // The investigation search is a read (recorded with its purpose), open to 監査.
        ["POST /access/search"] = AccessReaders,
        // These end the session: posted last.
        ["POST /account/security?handler=SignOutEverywhere"] = All,
        ["POST /account/logout"] = null,
    };

    [Fact]
    public async Task EveryPagePostHandler_HasARule_AndEveryRuleHasAHandler()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var handlers = await PostHandlersAsync(factory);
        var missing = handlers.Where(h => !Rules.ContainsKey(h)).ToList();
        Assert.True(missing.Count == 0, "認可ルールのないページハンドラー: " + string.Join(", ", missing));
        var stale = Rules.Keys.Where(k => !handlers.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "存在しないハンドラーのルール: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryPagePostHandler_ForEveryRole_WithAValidToken_IsAllowedOrDeniedAsTheTableSays(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var ids = await SampleIds(factory, tenant);
        var failures = new List<string>();

        var sessions = new List<(string Who, UserRole? Role, Browser Browser, string Token)>();
        var anonymous = Browser.Anonymous(factory);
        sessions.Add((Anyone, null, anonymous, await anonymous.TokenAsync("/account/login")));
        foreach (var role in UserRoles.All)
        {
            var browser = await Browser.SignInAsync(factory, tenant, role);
            sessions.Add((role.ToString(), role, browser, await browser.TokenAsync("/")));
        }

        // Deleting handlers run after the others so that every handler finds the sample records; within a
        // handler, the sessions that must be refused post first, before an allowed one can change the record.
        foreach (var (rule, allowedRoles) in Rules.OrderBy(r => Order(r.Key)))
        {
            var path = rule[(rule.IndexOf(' ') + 1)..];
            var q = path.IndexOf("?handler=", StringComparison.Ordinal);
            var url = q >= 0 ? Fill(path[..q], ids) + path[q..] : Fill(path, ids);
            bool Allowed(UserRole? role) => allowedRoles is null || (role is { } r && allowedRoles.Contains(r));
            foreach (var (who, role, browser, token) in sessions.OrderBy(s => Allowed(s.Role)))
            {
                var expectAllowed = Allowed(role);
                // After "sign out everywhere" the session is anonymous and needs an anonymous token.
                var valid = Order(rule) >= 3 ? await CurrentTokenAsync(browser) : token;
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = valid });
                var response = await browser.Client.PostAsync(url, form);
                var denied = IsDenied(response, "PAGE");
                if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.BadRequest)
                {
                    // 400 is the antiforgery refusal: the token of this session was not accepted.
                    failures.Add($"{who} POST {url} → {(int)response.StatusCode} {factory.ServerErrors.Errors.LastOrDefault()?.Split('\n').Take(12).Aggregate((a, b) => a + "\n" + b)}");
                }
                else if (expectAllowed == denied)
                {
                    failures.Add($"{who} POST {url}: 期待 {(expectAllowed ? "許可" : "拒否")}, 実際 {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        foreach (var (_, _, browser, _) in sessions)
        {
            browser.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task APagePost_WithoutAnAntiforgeryToken_IsRefused()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var tenant = await TestTenant.CreateAsync(factory);
        using var security = await Browser.SignInAsync(factory, tenant, UserRole.Security);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = "理由" });
        var response = await security.Client.PostAsync("/security/room/reasons", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static int Order(string rule) =>
        rule.EndsWith("/account/logout", StringComparison.Ordinal) ? 3
        : rule.Contains("SignOutEverywhere", StringComparison.Ordinal) ? 2
        : rule.Contains("handler=Delete", StringComparison.Ordinal) || rule.Contains("handler=Remove", StringComparison.Ordinal)
          || rule.Contains("handler=Withdraw", StringComparison.Ordinal) ? 1
        : 0;

    private static async Task<string> CurrentTokenAsync(Browser browser) =>
        (await browser.GetAsync("/")).StatusCode == HttpStatusCode.OK ? await browser.TokenAsync("/") : await browser.TokenAsync("/account/login");

    /// <summary>Every page's POST handlers, as the pages are compiled: "POST /route" or "POST /route?handler=Name".</summary>
    private static async Task<HashSet<string>> PostHandlersAsync(MamoriFactory factory) =>
        [.. (await PageCatalog.HandlersAsync(factory)).Where(h => h.Method == "POST").Select(h => "POST " + h.Path)];

}
