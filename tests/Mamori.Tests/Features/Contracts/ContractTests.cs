using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Tests.Features.Systems;
using Mamori.Tests.Infrastructure;
using static Mamori.Tests.Features.Council.CouncilPages;
using static Mamori.Tests.Features.Findings.FindingTests;

namespace Mamori.Tests.Features.Contracts;

/// <summary>
/// 委託契約 and 再委託 over HTTP on both databases: required clauses checked against the office's template, a
/// re-consignment working without approval flagged, approval refused until both checks are answered with evidence,
/// the end of a contract without 返還・廃棄 overdue, and nothing visible outside the department or the municipality.
/// </summary>
public sealed class ContractTests(AppFixture app)
{
    private static MultipartFormDataContent File(string name, string field = "file") =>
        new() { { new ByteArrayContent("%PDF-1.4 証跡"u8.ToArray()), field, name } };

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Contract_ClausesReconsignmentApprovalAndReturn_AreCheckedAndScoped(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory, "守り区");
        var today = factory.Today;
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);

        // The office keeps its own template; a contract is checked against it.
        var template = await office.Client.PutAsJsonAsync("/api/v1/contracts/clauses", new { required = new[] { "秘密保持", "再委託の制限", "事故時の報告", "返還・廃棄", "立入検査" } });
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using (var department = await Browser.SignInAsync(factory, tenant, UserRole.Department))
        {
            Assert.Contains("/account/denied", (await department.GetAsync("/contracts/clauses")).Headers.Location?.OriginalString ?? "");
            var denied = await department.Client.PutAsJsonAsync("/api/v1/contracts/clauses", new { required = new[] { "x" } });
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var id = await PostAsync(office, "/contracts/edit", new()
        {
            ["Input.Title"] = "障害者福祉総合システム運用保守業務委託",
            ["Input.Contractor"] = "株式会社テスト情報",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.StartOn"] = Iso(today.AddYears(-1)),
            ["Input.EndOn"] = Iso(today.AddDays(-1)),
            ["Input.WorkKinds"] = "運用・保守",
            ["Input.WorkPlace"] = "Contractor",
            ["Input.Clauses"] = "秘密保持",
            ["Input.OtherClauses"] = "再委託の制限\n事故時の報告",
            ["Input.HandlingManager"] = "運用部長 山田",
            ["Input.Handlers"] = "佐藤\n鈴木",
            ["Input.Certifications[0].Name"] = "ISMS（ISO/IEC 27001）",
            ["Input.Certifications[0].Number"] = "IS 000000",
            ["Input.Certifications[0].ExpiresOn"] = Iso(today.AddDays(200)),
        });
        var contract = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Equal(["返還・廃棄", "立入検査"], contract.GetProperty("missingClauses").EnumerateArray().Select(e => e.GetString()!).ToArray());
        var problems = contract.GetProperty("problems").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains("特記事項の不足：返還・廃棄、立入検査", problems);
        // Ended yesterday with nothing returned: overdue.
        Assert.Contains(problems, p => p.StartsWith("返還・廃棄の記録なし", StringComparison.Ordinal));

        // A re-consignment that started today without approval is flagged.
        var created = await office.Client.PostAsJsonAsync($"/api/v1/contracts/{id}/reconsignments",
            new { subcontractor = "株式会社下請データ", work = "申請書のデータ入力", reason = "繁忙期の入力作業のため", startOn = Iso(today) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var rid = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        contract = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Contains(contract.GetProperty("problems").EnumerateArray(), p => p.GetString()!.StartsWith("承認のない再委託：株式会社下請データ", StringComparison.Ordinal));
        var notice = await SystemTests.InTenantAsync(factory, tenant, db => DueItems.ReadAsync(db, tenant.MunicipalityId, today, DateTime.UtcNow, default));
        Assert.Contains(notice, n => n.Rule == NoticeRule.ReconsignmentUnapproved && n.Link == $"/contracts/reconsignments/{rid}");
        Assert.Contains(notice, n => n.Rule == NoticeRule.ContractReturn && n.Occasion == "overdue" && n.Link == $"/contracts/{id}");

        // Approval is refused until both checks are answered, each with its evidence.
        async Task<HttpResponseMessage> Approve() => await office.Client.PostAsJsonAsync($"/api/v1/contracts/reconsignments/{rid}/decision",
            new { approve = true, decidedOn = Iso(today), note = "確認のうえ承認" });
        var refused = await Approve();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var message = await refused.Content.ReadAsStringAsync();
        Assert.Contains("再委託先の責任体制の確認結果", message);
        Assert.Contains("安全管理措置の証跡", message);

        var put = await office.Client.PutAsJsonAsync($"/api/v1/contracts/{id}/reconsignments/{rid}", new
        {
            subcontractor = "株式会社下請データ",
            work = "申請書のデータ入力",
            startOn = Iso(today),
            responsibility = "再委託先に個人情報取扱責任者を置き、事故時は委託先経由で直ちに区へ報告する体制を確認",
            measures = "入退室管理、私物端末の持込み禁止、作業端末のログ取得を実地で確認",
        });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsync($"/api/v1/contracts/reconsignments/{rid}/documents?kind=Responsibility", File("体制図.pdf"))).StatusCode);
        refused = await Approve();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.DoesNotContain("責任体制の証跡", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsync($"/api/v1/contracts/reconsignments/{rid}/documents?kind=安全管理措置", File("点検結果.pdf"))).StatusCode);
        var approved = await Approve();
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("Approved", (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await Approve()).StatusCode);
        var changeAfter = await office.Client.PutAsJsonAsync($"/api/v1/contracts/{id}/reconsignments/{rid}", new { subcontractor = "別会社", work = "入力" });
        Assert.Equal(HttpStatusCode.Conflict, changeAfter.StatusCode);

        // 返還・廃棄 needs its certificate; then the contract has no gap left but the clauses.
        using (var noCertificate = new MultipartFormDataContent { { new StringContent(Iso(today)), "returnedOn" } })
        {
            var response = await office.Client.PostAsync($"/api/v1/contracts/{id}/return", noCertificate);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("廃棄証明書", await response.Content.ReadAsStringAsync());
        }
        var withCertificate = File("廃棄証明書.pdf");
        withCertificate.Add(new StringContent(Iso(today)), "returnedOn");
        withCertificate.Add(new StringContent("作業用端末のデータを消去し、媒体を返還"), "note");
        Assert.Equal(HttpStatusCode.OK, (await office.Client.PostAsync($"/api/v1/contracts/{id}/return", withCertificate)).StatusCode);
        contract = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Equal(["特記事項の不足：返還・廃棄、立入検査"], contract.GetProperty("problems").EnumerateArray().Select(e => e.GetString()!).ToArray());

        // The one-page sheet answers the PPC's questions; the exceptions report lists the gap.
        var sheet = WebUtility.HtmlDecode(await office.GetPageAsync($"/contracts/{id}/sheet"));
        foreach (var phrase in new[] { "委託契約の確認票", "株式会社下請データ", "体制図.pdf", "点検結果.pdf", "承認", "廃棄証明書.pdf", "立入検査", "なし（不足）" })
        {
            Assert.Contains(phrase, sheet);
        }
        Assert.Contains("特記事項の不足：返還・廃棄、立入検査", WebUtility.HtmlDecode(await office.GetPageAsync("/contracts/exceptions")));
        Assert.Equal((byte)'P', (await office.Client.GetByteArrayAsync("/api/v1/contracts/exceptions.xlsx"))[0]);

        // The 所管課 sees its contract; another department and another municipality see nothing.
        using (var department = await Browser.SignInAsync(factory, tenant, UserRole.Department))
        {
            Assert.Contains("障害者福祉総合システム運用保守業務委託", WebUtility.HtmlDecode(await department.GetPageAsync("/contracts")));
        }
        using (var other = await Browser.SignInAsync(factory, tenant, await SystemTests.OtherDepartmentUserAsync(factory, tenant)))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/contracts/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/contracts/reconsignments/{rid}")).StatusCode);
            Assert.Equal("[]", await other.Client.GetStringAsync("/api/v1/contracts"));
            var edit = await other.Client.PutAsJsonAsync($"/api/v1/contracts/{id}", new { title = "x", contractor = "y", departmentId = tenant.OwnDepartmentId, startOn = "2024-04-01", endOn = "2025-03-31" });
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        }
        var stranger = await TestTenant.CreateAsync(factory, "他市");
        using var admin = await Browser.SignInAsync(factory, stranger, UserRole.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/contracts/{id}/sheet")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PostAsJsonAsync($"/api/v1/contracts/reconsignments/{rid}/decision", new { approve = false, decidedOn = Iso(today), note = "x" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Contract_FormRefusesBadInputInJapanese_AndADepartmentOnlyItsOwn(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        using var department = await Browser.SignInAsync(factory, tenant, UserRole.Department);
        var refused = await RefusedAsync(department, "/contracts/edit", new()
        {
            ["Input.Title"] = "",
            ["Input.Contractor"] = "株式会社テスト",
            ["Input.DepartmentId"] = tenant.OtherDepartmentId.ToString(),
            ["Input.StartOn"] = "令和6年4月1日",
            ["Input.EndOn"] = "令和6年3月31日",
            ["Input.Certifications[0].Number"] = "123",
        }, "/contracts/edit");
        Assert.Contains("契約件名を入力してください", refused);
        Assert.Contains("終了日は開始日以降の日付にしてください", refused);
        Assert.Contains("自分の部署の契約だけを登録できます", refused);
        Assert.Contains("1件目の認証の名称", refused);
    }

    [Theory]
    [MemberData(nameof(TestDatabases.All), MemberType = typeof(TestDatabases))]
    public async Task Contract_LinkedFromTheRegisterAndThePiaBusiness_AndAVisitOpensAnInspectionForItsFindings(DatabaseProvider provider)
    {
        var factory = await app.GetAsync(provider);
        var tenant = await TestTenant.CreateAsync(factory);
        var (fileId, businessId) = await factory.AsSystemAsync(async (_, db) =>
        {
            var file = new Core.Features.Register.PersonalInfoFile { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, FileNumber = "K-001", Name = "障害福祉サービス受給者ファイル" };
            var business = new Core.Features.Assessments.AssessedBusiness
            {
                MunicipalityId = tenant.MunicipalityId,
                DepartmentId = tenant.OwnDepartmentId,
                Name = "障害者福祉に関する事務",
                SubjectCount = 12_000,
                StaffHandlers = 20,
            };
            db.AddRange(file, business);
            await db.SaveChangesAsync();
            return (file.Id, business.Id);
        });
        using var office = await Browser.SignInAsync(factory, tenant, UserRole.Office);
        var created = await office.Client.PostAsJsonAsync("/api/v1/contracts", new
        {
            title = "障害者福祉総合システム運用保守",
            contractor = "株式会社テスト情報",
            departmentId = tenant.OwnDepartmentId,
            startOn = Iso(factory.Today.AddMonths(-6)),
            endOn = Iso(factory.Today.AddMonths(6)),
            registerFileIds = new[] { fileId },
            assessedBusinessIds = new[] { businessId },
            workPlace = "庁内",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // The register file and the PIA business link to the contract instead of retyping it; a 委員 does not see contracts.
        Assert.Contains($"/contracts/{id}", await office.GetPageAsync($"/register/{fileId}"));
        Assert.Contains($"/contracts/{id}", await office.GetPageAsync($"/assessments/businesses/{businessId}"));
        using (var auditor = await Browser.SignInAsync(factory, tenant, UserRole.Auditor))
        {
            Assert.Contains($"/contracts/{id}", await auditor.GetPageAsync($"/assessments/businesses/{businessId}"));
        }

        // A visit opens an inspection in the findings register; what it found is entered there and counted on the contract.
        var future = await office.Client.PostAsJsonAsync($"/api/v1/contracts/{id}/visits", new { kind = "OnSite", heldOn = Iso(factory.Today.AddDays(1)), summary = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var visit = await office.Client.PostAsJsonAsync($"/api/v1/contracts/{id}/visits",
            new { kind = "実地調査", heldOn = Iso(factory.Today), summary = "作業場所の入退室管理と持出し記録を確認" });
        Assert.Equal(HttpStatusCode.Created, visit.StatusCode);
        var inspection = (await visit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("inspectionId").GetGuid();
        var inspectionPage = WebUtility.HtmlDecode(await office.GetPageAsync($"/findings/inspections/{inspection}"));
        Assert.Contains("実地調査：株式会社テスト情報（障害者福祉総合システム運用保守）", inspectionPage);
        Assert.Contains("委託先の実地調査・報告徴収", inspectionPage);
        var url = $"/findings/edit?inspection={inspection}";
        await PostAsync(office, url, new()
        {
            ["Input.Law"] = "PersonalInformation",
            ["Input.Heading"] = "持出し記録",
            ["Input.Text"] = "持出し記録に押印漏れがあった。",
            ["Input.DepartmentId"] = tenant.OwnDepartmentId.ToString(),
            ["Input.DueOn"] = Iso(factory.Today.AddDays(30)),
        }, url);
        var contract = await office.Client.GetFromJsonAsync<JsonElement>($"/api/v1/contracts/{id}");
        Assert.Equal(inspection, contract.GetProperty("visits")[0].GetProperty("inspectionId").GetGuid());
        var detail = WebUtility.HtmlDecode(await office.GetPageAsync($"/contracts/{id}"));
        Assert.Contains("1件（うち未了 1件）", detail);
        Assert.Contains("作業場所の入退室管理と持出し記録を確認", WebUtility.HtmlDecode(await office.GetPageAsync($"/contracts/{id}/sheet")));
    }
}
