using System.Net;
using System.Net.Http.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Hosting;

/// <summary>
/// Every route × every role (and anonymous) → allowed or denied. The expected table is written out
/// here, independently of the policies in the code; a route that is not in the table fails the test.
/// </summary>
public sealed partial class AuthorizationMatrixTests(AppFixture app)
{

    [Fact]
    public async Task EveryRoute_HasARule_AndEveryRuleHasARoute()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var routes = Routes(factory);
        var missing = routes.Where(r => !Rules.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "認可ルールのない経路: " + string.Join(", ", missing));
        var stale = Rules.Keys.Where(k => !routes.Contains(k)).ToList();
        Assert.True(stale.Count == 0, "存在しない経路のルール: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task EveryRoute_ForEveryRole_IsAllowedOrDeniedAsTheTableSays(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var ids = await SampleIds(factory, tenant);
        var failures = new List<string>();

        var sessions = new List<(string Who, UserRole? Role, Browser Browser)> { (Anyone, null, Browser.Anonymous(factory)) };
        foreach (var role in UserRoles.All)
        {
            sessions.Add((role.ToString(), role, await Browser.SignInAsync(factory, tenant, role)));
        }

        foreach (var (rule, allowedRoles) in Rules)
        {
            var (method, pattern) = (rule[..rule.IndexOf(' ')], rule[(rule.IndexOf(' ') + 1)..]);
            var url = Fill(pattern, ids);
            foreach (var (who, role, browser) in sessions)
            {
                var expectAllowed = allowedRoles is null || (role is { } r && allowedRoles.Contains(r));
                var response = await Send(browser, method, url);
                var denied = IsDenied(response, method);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{who} {method} {url} → {(int)response.StatusCode}");
                }
                else if (expectAllowed == denied)
                {
                    failures.Add($"{who} {method} {url}: 期待 {(expectAllowed ? "許可" : "拒否")}, 実際 {(int)response.StatusCode} {response.Headers.Location}");
                }
            }
        }
        foreach (var (_, _, browser) in sessions)
        {
            browser.Dispose();
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task StaticAssets_AreServedWithoutLogin()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        using var browser = Browser.Anonymous(factory);
        foreach (var asset in new[] { "/css/site.css", "/js/site.js", "/lib/design-tokens/tokens.css" })
        {
            var response = await browser.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    internal static bool IsDenied(HttpResponseMessage response, string method)
    {
        if (method == "PAGE")
        {
            // Challenge and forbid redirect with a return URL; pages that redirect on their own do not.
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            return response.StatusCode == HttpStatusCode.Redirect &&
                   (location.Contains("/account/login?ReturnUrl", StringComparison.OrdinalIgnoreCase) ||
                    location.Contains("/account/denied?ReturnUrl", StringComparison.OrdinalIgnoreCase));
        }
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
    }

    private static Task<HttpResponseMessage> Send(Browser browser, string method, string url) => method switch
    {
        "PAGE" or "GET" => browser.GetAsync(url),
        "HEAD" => browser.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, url)),
        "POST" => browser.Client.PostAsJsonAsync(url, new { }),
        "PUT" => browser.Client.PutAsJsonAsync(url, new { }),
        "DELETE" => browser.Client.DeleteAsync(url),
        _ => throw new InvalidOperationException(method),
    };

    private static HashSet<string> Routes(MamoriFactory factory)
    {
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var result = new HashSet<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var raw = "/" + (endpoint.RoutePattern.RawText ?? string.Empty).TrimStart('/');
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>() is not null
                || endpoint.Metadata.OfType<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>().Any())
            {
                result.Add("PAGE " + raw);
                continue;
            }
            // Fingerprinted static files (css, js, tokens) are public by design and checked separately.
            if (endpoint.Metadata.Any(m => m.GetType().Name == "StaticAssetDescriptor"))
            {
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var m in methods)
            {
                result.Add($"{m} {raw}");
            }
        }
        return result;
    }

    internal static string Fill(string pattern, IReadOnlyDictionary<string, string> ids)
    {
        var url = pattern;
        // Longest first: a route's own sample wins over one of a shorter route it begins with.
        foreach (var (key, value) in ids.OrderByDescending(i => i.Key.Length))
        {
            url = url.Replace(key, value, StringComparison.Ordinal);
        }
        return System.Text.RegularExpressions.Regex.Replace(url, @"/\{[^}]+\?\}", "");
    }

    /// <summary>A record of every kind the routes take an id of, in the tenant's own department (or the one given), by route pattern.</summary>
    internal static async Task<IReadOnlyDictionary<string, string>> SampleIds(MamoriFactory factory, TestTenant tenant, Guid? departmentId = null) =>
        await factory.AsSystemAsync(async (services, db) =>
        {
            var department = departmentId ?? tenant.OwnDepartmentId;
            var staff = new Staff { MunicipalityId = tenant.MunicipalityId, DepartmentId = department, EmployeeNumber = "M0001", Name = "権限 確認" };
            db.Staff.Add(staff);
            var file = new Core.Features.Register.PersonalInfoFile
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                FileNumber = "M-1",
                Name = "権限確認ファイル",
            };
            db.PersonalInfoFiles.Add(file);
            var business = new Core.Features.Reviews.Business { MunicipalityId = tenant.MunicipalityId, DepartmentId = department, Name = "権限確認事務", TypeMask = 1 };
            var round = new Core.Features.Reviews.ReviewRound { MunicipalityId = tenant.MunicipalityId, Title = "権限確認の回" };
            var template = new Core.Features.Reviews.InspectionTemplate
            {
                MunicipalityId = tenant.MunicipalityId,
                Type = Core.Features.Reviews.HandlingType.Holding,
                Number = 1,
                QuestionsJson = "[]",
            };
            var reviewCase = new Core.Features.Reviews.ReviewCase
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                RoundId = round.Id,
                BusinessId = business.Id,
                Title = business.Name,
            };
            var council = new Core.Features.Council.AdvisoryCouncil { MunicipalityId = tenant.MunicipalityId, Name = "権限確認審議会" };
            var meeting = new Core.Features.Council.Meeting { MunicipalityId = tenant.MunicipalityId, CouncilId = council.Id, Title = "第1回", HeldOn = new DateOnly(2024, 4, 1) };
            var item = new Core.Features.Council.AgendaItem
            {
                MunicipalityId = tenant.MunicipalityId,
                CouncilId = council.Id,
                Kind = Core.Features.Council.ItemKind.Consultation,
                Number = 1,
                Title = "権限確認の諮問",
            };
            var toshin = new Core.Features.Council.Toshin { MunicipalityId = tenant.MunicipalityId, CouncilId = council.Id, ItemId = item.Id, Number = 1, Text = "答申" };
            var stored = Core.Features.Files.StoredFile.From("%PDF-1.4"u8.ToArray());
            stored.MunicipalityId = tenant.MunicipalityId;
            var material = new Core.Features.Council.Material
            {
                MunicipalityId = tenant.MunicipalityId,
                CouncilId = council.Id,
                MeetingId = meeting.Id,
                Title = "資料1",
                FileName = "shiryo1.pdf",
                ContentType = "application/pdf",
                FileId = stored.Id,
            };
            var councilMember = new Core.Features.Council.CouncilMember
            {
                MunicipalityId = tenant.MunicipalityId,
                CouncilId = council.Id,
                Name = "権限 確認",
                TermStart = new DateOnly(2024, 4, 1),
                TermEnd = new DateOnly(2026, 3, 31),
            };
            db.AddRange(business, round, template, reviewCase, council);
            db.AddRange(meeting, item, stored);
            db.AddRange(toshin, material, councilMember);
            var piaBusiness = new Core.Features.Assessments.AssessedBusiness
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                Name = "権限確認の評価対象事務",
                SubjectCount = 340_000,
                StaffHandlers = 10,
            };
            var assessment = new Core.Features.Assessments.Assessment
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                BusinessId = piaBusiness.Id,
                Level = Core.Features.Assessments.PiaLevel.Full,
                StartedOn = new DateOnly(2024, 4, 1),
            };
            var piaFile = Core.Features.Files.StoredFile.From("%PDF-1.4"u8.ToArray());
            piaFile.MunicipalityId = tenant.MunicipalityId;
            var piaDocument = new Core.Features.Assessments.AssessmentDocument
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                BusinessId = piaBusiness.Id,
                AssessmentId = assessment.Id,
                Number = 1,
                FileName = "hyokasho.pdf",
                ContentType = "application/pdf",
                FileId = piaFile.Id,
                IsPublished = true,
            };
            db.AddRange(piaBusiness, assessment, piaFile, piaDocument);
            var checklist = new Core.Features.Security.ChecklistTemplate { MunicipalityId = tenant.MunicipalityId, Name = "住基ネット調査表" };
            checklist.SetItems(Core.Features.Security.ChecklistTemplate.DefaultItems);
            checklist.SetScale(Core.Features.Security.ChecklistTemplate.DefaultScale);
            var checkAssessment = new Core.Features.Security.ChecklistAssessment { MunicipalityId = tenant.MunicipalityId, TemplateId = checklist.Id, FiscalYear = 2024 };
            var drill = new Core.Features.Security.Drill { MunicipalityId = tenant.MunicipalityId, Title = "訓練", TargetGroup = "職員", Content = "内容", HeldOn = new DateOnly(2024, 11, 1) };
            var terminal = new Core.Features.Security.Terminal { MunicipalityId = tenant.MunicipalityId, Code = "T-001", Place = "窓口", Manager = "責任者" };
            var roomEntry = new Core.Features.Security.RoomEntry
            {
                MunicipalityId = tenant.MunicipalityId,
                EnteredAt = factory.Clock.GetUtcNow().UtcDateTime,
                Kind = Core.Features.Security.RoomEntryKind.Vendor,
                Organization = "保守会社",
                Reason = "点検",
            };
            var campaign = new Core.Features.Security.SelfCheckCampaign
            {
                MunicipalityId = tenant.MunicipalityId,
                Title = "セルフチェック",
                StartOn = new DateOnly(2024, 1, 1),
                EndOn = new DateOnly(2099, 12, 31),
            };
            db.AddRange(checklist, checkAssessment, drill, terminal, roomEntry, campaign);
            var advisory = new Core.Features.Advisories.Advisory
            {
                MunicipalityId = tenant.MunicipalityId,
                Title = "権限確認の通知",
                Requirement = "点検すること",
                IssuedOn = new DateOnly(2026, 11, 1),
            };
            db.Add(advisory);
            var migration = new Core.Features.Standardization.StandardizationTarget { MunicipalityId = tenant.MunicipalityId, DepartmentId = department, Name = "住民基本台帳" };
            db.Add(migration);
            var amendment = new Core.Features.MyNumber.OrdinanceAmendment { MunicipalityId = tenant.MunicipalityId, Title = "権限確認の条例改正" };
            var procedure = new Core.Features.MyNumber.MyNumberProcedure
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                Name = "権限確認の独自利用事務",
                Ordinance = "番号利用条例",
                Row = "別表第一 1の項",
                Purpose = "確認",
                State = Core.Features.MyNumber.ProcedureState.InForce,
            };
            db.AddRange(amendment, procedure);
            var inspection = new Core.Features.Findings.Inspection { MunicipalityId = tenant.MunicipalityId, Title = "実地調査", StartOn = new DateOnly(2023, 7, 31) };
            var finding = new Core.Features.Findings.Finding
            {
                MunicipalityId = tenant.MunicipalityId,
                InspectionId = inspection.Id,
                DepartmentId = department,
                Number = 1,
                Heading = "個人情報ファイル簿",
                Text = "公表していなかった。",
            };
            var evidenceFile = Core.Features.Files.StoredFile.From("%PDF-1.4"u8.ToArray());
            evidenceFile.MunicipalityId = tenant.MunicipalityId;
            var evidence = new Core.Features.Findings.FindingEvidence
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                FindingId = finding.Id,
                Title = "証跡",
                FileName = "shoseki.pdf",
                ContentType = "application/pdf",
                FileId = evidenceFile.Id,
            };
            var task = new Core.Features.Findings.RecurringTask
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                Title = "ログ分析",
                FirstDueOn = new DateOnly(2024, 1, 31),
            };
            var incident = new Core.Features.Findings.Incident
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                Number = 1,
                Title = "誤送付",
                Summary = "通知書を誤送付した。",
                LearnedOn = new DateOnly(2024, 5, 1),
            };
            db.AddRange(inspection, finding, evidenceFile, evidence, task, incident);
            var system = new Core.Features.Systems.BusinessSystem { MunicipalityId = tenant.MunicipalityId, DepartmentId = department, Name = "権限確認システム" };
            var listingFile = Core.Features.Files.StoredFile.From("%PDF-1.4"u8.ToArray());
            listingFile.MunicipalityId = tenant.MunicipalityId;
            var listing = new Core.Features.Systems.AccountListing
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                SystemId = system.Id,
                Login = "u1",
                Reason = "退職",
                Since = new DateOnly(2024, 4, 1),
                ListedOn = new DateOnly(2024, 4, 1),
                EvidenceFileId = listingFile.Id,
                EvidenceName = "停止.pdf",
                EvidenceType = "application/pdf",
            };
            db.AddRange(system, listingFile, listing);
            var contract = new Core.Features.Contracts.Contract
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                Title = "権限確認契約",
                Contractor = "株式会社権限",
                StartOn = new DateOnly(2024, 4, 1),
                EndOn = new DateOnly(2025, 3, 31),
            };
            var reconsignment = new Core.Features.Contracts.Reconsignment
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                ContractId = contract.Id,
                Subcontractor = "株式会社再委託",
                Work = "入力",
            };
            var contractFile = Core.Features.Files.StoredFile.From("%PDF-1.4"u8.ToArray());
            contractFile.MunicipalityId = tenant.MunicipalityId;
            var contractDocument = new Core.Features.Contracts.ContractDocument
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                ContractId = contract.Id,
                ReconsignmentId = reconsignment.Id,
                Kind = Core.Features.Contracts.ContractDocumentKind.Responsibility,
                FileName = "体制図.pdf",
                ContentType = "application/pdf",
                FileId = contractFile.Id,
            };
            db.AddRange(contract, reconsignment, contractFile, contractDocument);
            db.SelfInspections.Add(new Core.Features.Reviews.SelfInspection
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = department,
                CaseId = reviewCase.Id,
                Type = Core.Features.Reviews.HandlingType.Holding,
                TemplateId = template.Id,
            });
            var analysis = new Core.Features.AccessMonitoring.AccessAnalysis
            {
                MunicipalityId = tenant.MunicipalityId,
                From = new DateOnly(2024, 4, 1),
                To = new DateOnly(2024, 4, 30),
                RanBy = "権限 確認",
            };
            var alert = new Core.Features.AccessMonitoring.AccessAlert
            {
                MunicipalityId = tenant.MunicipalityId,
                AnalysisId = analysis.Id,
                Rule = "R01",
                UserId = "u1",
                Day = new DateOnly(2024, 4, 10),
                Severity = "high",
                Count = 1,
            };
            db.AddRange(analysis, alert);
            var reportTemplate = new Core.Features.Reports.ReportTemplate
            {
                MunicipalityId = tenant.MunicipalityId,
                Name = "権限確認のひな形",
                Title = "権限確認の報告書",
                SectionsJson = Core.Features.Reports.ReportSections.ToJson(Core.Features.Reports.BuiltInReportTemplates.ResidentNetwork.Sections),
            };
            var annualReport = new Core.Features.Reports.AnnualReport
            {
                MunicipalityId = tenant.MunicipalityId,
                TemplateId = reportTemplate.Id,
                FiscalYear = 2024,
                Title = "権限確認の報告書",
                SectionsJson = reportTemplate.SectionsJson,
            };
            db.AddRange(reportTemplate, annualReport);
            await db.SaveChangesAsync();
            // A separate account to be suspended, so that no session of the matrix is cut short.
            var target = await CreateAccount.RunAsync(db, services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>(),
                new NewAccount(tenant.MunicipalityId, "target-" + Guid.NewGuid().ToString("N")[..8], "対象 花子", UserRole.Member, null, null, TestTenant.Password), default);
            var user = target.Value!;
            var sequence = await db.AuditEntries.Where(e => e.MunicipalityId == tenant.MunicipalityId).MaxAsync(e => e.Sequence);
            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["/organization/staff/{id:guid}"] = $"/organization/staff/{staff.Id}",
                ["/organization/staff/edit/{id:guid?}"] = $"/organization/staff/edit/{staff.Id}",
                ["/api/v1/organization/staff/{id:guid}"] = $"/api/v1/organization/staff/{staff.Id}",
                ["/organization/departments/edit/{id:guid?}"] = $"/organization/departments/edit/{department}",
                ["/api/v1/organization/departments/{id:guid}"] = $"/api/v1/organization/departments/{department}",
                ["{id?}"] = user.Id,
                ["/api/v1/register/{id:guid}"] = $"/api/v1/register/{file.Id}",
                ["/register/edit/{id:guid?}"] = $"/register/edit/{file.Id}",
                ["/register/{id:guid}"] = $"/register/{file.Id}",
                ["{id}"] = user.Id,
                ["/reviews/businesses/edit/{id:guid?}"] = $"/reviews/businesses/edit/{business.Id}",
                ["/reviews/businesses/{id:guid}"] = $"/reviews/businesses/{business.Id}",
                ["/reviews/rounds/edit/{id:guid?}"] = $"/reviews/rounds/edit/{round.Id}",
                ["/reviews/rounds/{id:guid}"] = $"/reviews/rounds/{round.Id}",
                ["/reviews/cases/{id:guid}"] = $"/reviews/cases/{reviewCase.Id}",
                ["{type}"] = "Holding",
                ["/council/edit/{id:guid?}"] = $"/council/edit/{council.Id}",
                ["/council/{id:guid}/members/edit/{memberId:guid?}"] = $"/council/{council.Id}/members/edit/{councilMember.Id}",
                ["/council/{id:guid}"] = $"/council/{council.Id}",
                ["/council/meetings/edit/{id:guid?}"] = $"/council/meetings/edit/{meeting.Id}",
                ["/council/meetings/{id:guid}"] = $"/council/meetings/{meeting.Id}",
                ["/council/items/edit/{id:guid?}"] = $"/council/items/edit/{item.Id}",
                ["/council/items/{id:guid}"] = $"/council/items/{item.Id}",
                ["{itemId:guid}"] = item.Id.ToString(),
                ["{memberId:guid}"] = councilMember.Id.ToString(),
                ["{opinionId:guid}"] = Guid.CreateVersion7().ToString(),
                ["{actionId:guid}"] = Guid.CreateVersion7().ToString(),
                ["{topicId:guid}"] = Guid.CreateVersion7().ToString(),
                ["{entryId:guid}"] = Guid.CreateVersion7().ToString(),
                ["{taskId:guid}"] = Guid.CreateVersion7().ToString(),
                ["/advisories/edit/{id:guid?}"] = $"/advisories/edit/{advisory.Id}",
                ["/advisories/{id:guid}"] = $"/advisories/{advisory.Id}",
                ["/standardization/edit/{id:guid?}"] = $"/standardization/edit/{migration.Id}",
                ["/api/v1/standardization/{id:guid}"] = $"/api/v1/standardization/{migration.Id}",
                ["/mynumber/procedures/edit/{id:guid?}"] = $"/mynumber/procedures/edit/{procedure.Id}",
                ["/api/v1/mynumber/procedures/{id:guid}"] = $"/api/v1/mynumber/procedures/{procedure.Id}",
                ["/mynumber/amendments/edit/{id:guid?}"] = $"/mynumber/amendments/edit/{amendment.Id}",
                ["/mynumber/amendments/{id:guid}"] = $"/mynumber/amendments/{amendment.Id}",
                ["/api/v1/mynumber/amendments/{id:guid}"] = $"/api/v1/mynumber/amendments/{amendment.Id}",
                ["{step}"] = "Drafted",
                ["/api/v1/notices/{id:guid}"] = $"/api/v1/notices/{Guid.CreateVersion7()}",
                ["/api/v1/access/jobs/{id:guid}"] = $"/api/v1/access/jobs/{Guid.CreateVersion7()}",
                ["/council/toshin/edit/{id:guid?}"] = $"/council/toshin/edit/{toshin.Id}",
                ["/council/toshin/{id:guid}"] = $"/council/toshin/{toshin.Id}",
                ["/council/materials/{id:guid}"] = $"/council/materials/{material.Id}",
                ["/assessments/businesses/edit/{id:guid?}"] = $"/assessments/businesses/edit/{piaBusiness.Id}",
                ["/assessments/businesses/{id:guid}"] = $"/assessments/businesses/{piaBusiness.Id}",
                ["/assessments/documents/{id:guid}"] = $"/assessments/documents/{piaDocument.Id}",
                ["/assessments/{id:guid}"] = $"/assessments/{assessment.Id}",
                ["/security/templates/{id:guid}"] = $"/security/templates/{checklist.Id}",
                ["/security/assessments/{id:guid}"] = $"/security/assessments/{checkAssessment.Id}",
                ["/security/drills/edit/{id:guid?}"] = $"/security/drills/edit/{drill.Id}",
                ["/security/terminals/edit/{id:guid?}"] = $"/security/terminals/edit/{terminal.Id}",
                ["/security/terminals/{id:guid}"] = $"/security/terminals/{terminal.Id}",
                ["/security/room/edit/{id:guid?}"] = $"/security/room/edit/{roomEntry.Id}",
                ["/security/self-checks/edit/{id:guid?}"] = $"/security/self-checks/edit/{campaign.Id}",
                ["/security/self-checks/{id:guid}"] = $"/security/self-checks/{campaign.Id}",
                ["/api/v1/security/assessments/{id:guid}"] = $"/api/v1/security/assessments/{checkAssessment.Id}",
                ["/api/v1/security/templates/{id:guid}"] = $"/api/v1/security/templates/{checklist.Id}",
                ["/api/v1/security/drills/{id:guid}"] = $"/api/v1/security/drills/{drill.Id}",
                ["/api/v1/security/terminals/{id:guid}"] = $"/api/v1/security/terminals/{terminal.Id}",
                ["/api/v1/security/room/entries/{id:guid}"] = $"/api/v1/security/room/entries/{roomEntry.Id}",
                ["/api/v1/security/room/reasons/{id:guid}"] = $"/api/v1/security/room/reasons/{Guid.CreateVersion7()}",
                ["/api/v1/security/self-checks/{id:guid}"] = $"/api/v1/security/self-checks/{campaign.Id}",
                ["{auditId:guid}"] = Guid.CreateVersion7().ToString(),
                ["{setId:guid}"] = Guid.CreateVersion7().ToString(),
                ["/findings/inspections/edit/{id:guid?}"] = $"/findings/inspections/edit/{inspection.Id}",
                ["/findings/inspections/{id:guid}"] = $"/findings/inspections/{inspection.Id}",
                ["/findings/edit/{id:guid?}"] = $"/findings/edit/{finding.Id}",
                ["/findings/{id:guid}"] = $"/findings/{finding.Id}",
                ["/findings/evidence/{id:guid}"] = $"/findings/evidence/{evidence.Id}",
                ["/contracts/edit/{id:guid?}"] = $"/contracts/edit/{contract.Id}",
                ["/contracts/{id:guid}"] = $"/contracts/{contract.Id}",
                ["/contracts/{id:guid}/sheet"] = $"/contracts/{contract.Id}/sheet",
                ["/contracts/{id:guid}/reconsignments/edit/{rid:guid?}"] = $"/contracts/{contract.Id}/reconsignments/edit/{reconsignment.Id}",
                ["/contracts/reconsignments/{id:guid}"] = $"/contracts/reconsignments/{reconsignment.Id}",
                ["/contracts/documents/{id:guid}"] = $"/contracts/documents/{contractDocument.Id}",
                ["/api/v1/contracts/{id:guid}"] = $"/api/v1/contracts/{contract.Id}",
                ["/api/v1/contracts/{id:guid}/reconsignments"] = $"/api/v1/contracts/{contract.Id}/reconsignments",
                ["/api/v1/contracts/{id:guid}/reconsignments/{rid:guid}"] = $"/api/v1/contracts/{contract.Id}/reconsignments/{reconsignment.Id}",
                ["/api/v1/contracts/reconsignments/{rid:guid}/documents"] = $"/api/v1/contracts/reconsignments/{reconsignment.Id}/documents",
                ["/api/v1/contracts/reconsignments/{rid:guid}/decision"] = $"/api/v1/contracts/reconsignments/{reconsignment.Id}/decision",
                ["/api/v1/contracts/{id:guid}/return"] = $"/api/v1/contracts/{contract.Id}/return",
                ["/api/v1/contracts/{id:guid}/visits"] = $"/api/v1/contracts/{contract.Id}/visits",
                ["/systems/edit/{id:guid?}"] = $"/systems/edit/{system.Id}",
                ["/systems/{id:guid}"] = $"/systems/{system.Id}",
                ["/systems/listings/{id:guid}/evidence"] = $"/systems/listings/{listing.Id}/evidence",
                ["/api/v1/systems/{id:guid}"] = $"/api/v1/systems/{system.Id}",
                ["/api/v1/systems/{id:guid}/columns"] = $"/api/v1/systems/{system.Id}/columns",
                ["/api/v1/systems/{id:guid}/accounts"] = $"/api/v1/systems/{system.Id}/accounts",
                ["/api/v1/systems/{id:guid}/listings"] = $"/api/v1/systems/{system.Id}/listings",
                ["/api/v1/systems/listings/{id:guid}/close"] = $"/api/v1/systems/listings/{listing.Id}/close",
                ["/findings/tasks/edit/{id:guid?}"] = $"/findings/tasks/edit/{task.Id}",
                ["/findings/tasks/{id:guid}"] = $"/findings/tasks/{task.Id}",
                ["/incidents/edit/{id:guid?}"] = $"/incidents/edit/{incident.Id}",
                ["/incidents/{id:guid}"] = $"/incidents/{incident.Id}",
                ["/access/alerts/{id:guid}"] = $"/access/alerts/{alert.Id}",
                // No allowlist entry is made here: the route's authorization answers before the record is looked for.
                ["/access/allowlist/{id:guid}"] = $"/access/allowlist/{Guid.CreateVersion7()}",
                ["/reports/templates/{id:guid}"] = $"/reports/templates/{reportTemplate.Id}",
                ["/reports/{id:guid}"] = $"/reports/{annualReport.Id}",
                ["/api/v1/reports/templates/{id:guid}"] = $"/api/v1/reports/templates/{reportTemplate.Id}",
                ["/api/v1/reports/{id:guid}"] = $"/api/v1/reports/{annualReport.Id}",
                ["{period}"] = "2023-10-31",
                ["{sequence:long}"] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["{code:int?}"] = "404",
                ["{code}"] = tenant.Code,
                ["{dataset}"] = "mynumber-cards",
            };
        });
}
