using Mamori.Core.Data;
using Mamori.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Tests.Hosting;

/// <summary>
/// Every Razor form has its API endpoint (the same use case), or a reason it is a person's own action; a table like the
/// authorization matrix. A new form must be placed in one of the two, and every endpoint named here must exist.
/// </summary>
public sealed class FormApiCoverageTests(AppFixture app)
{
    /// <summary>Form → the API endpoints that do the same (method and route as the OpenAPI document names them).</summary>
    internal static readonly Dictionary<string, string[]> Apis = new()
    {
        ["POST /organization/departments/edit/{id:guid?}"] = ["POST /api/v1/organization/departments", "PUT /api/v1/organization/departments/{id:guid}"],
        ["POST /organization/staff/edit/{id:guid?}"] = ["POST /api/v1/organization/staff", "PUT /api/v1/organization/staff/{id:guid}"],
        ["POST /organization/accounts/{id}/suspend"] = ["POST /api/v1/organization/accounts/{id}/suspend"],
        ["POST /systems/edit/{id:guid?}"] = ["POST /api/v1/systems", "PUT /api/v1/systems/{id:guid}"],
        ["POST /systems/{id:guid}?handler=Import"] = ["POST /api/v1/systems/{id:guid}/accounts"],
        ["POST /systems/{id:guid}?handler=Columns"] = ["PUT /api/v1/systems/{id:guid}/columns"],
        ["POST /systems/{id:guid}?handler=Close"] = ["POST /api/v1/systems/listings/{id:guid}/close"],
        ["POST /contracts/edit/{id:guid?}"] = ["POST /api/v1/contracts", "PUT /api/v1/contracts/{id:guid}"],
        ["POST /contracts/{id:guid}?handler=Return"] = ["POST /api/v1/contracts/{id:guid}/return"],
        ["POST /contracts/{id:guid}?handler=Visit"] = ["POST /api/v1/contracts/{id:guid}/visits"],
        ["POST /contracts/{id:guid}/reconsignments/edit/{rid:guid?}"] = ["POST /api/v1/contracts/{id:guid}/reconsignments", "PUT /api/v1/contracts/{id:guid}/reconsignments/{rid:guid}"],
        ["POST /contracts/reconsignments/{id:guid}?handler=Document"] = ["POST /api/v1/contracts/reconsignments/{rid:guid}/documents"],
        ["POST /contracts/reconsignments/{id:guid}?handler=Decide"] = ["POST /api/v1/contracts/reconsignments/{rid:guid}/decision"],
        ["POST /contracts/clauses"] = ["PUT /api/v1/contracts/clauses"],
        ["POST /register/edit/{id:guid?}"] = ["POST /api/v1/register", "PUT /api/v1/register/{id:guid}"],
        ["POST /register/{id:guid}/submit"] = ["POST /api/v1/register/{id:guid}/submit"],
        ["POST /register/{id:guid}/review?handler=Confirm"] = ["POST /api/v1/register/{id:guid}/confirm"],
        ["POST /register/{id:guid}/review?handler=Return"] = ["POST /api/v1/register/{id:guid}/return"],
        ["POST /register/{id:guid}/review?handler=Publish"] = ["POST /api/v1/register/{id:guid}/publish"],
        ["POST /register/{id:guid}/review?handler=Remove"] = ["POST /api/v1/register/{id:guid}/remove"],
        ["POST /reviews/businesses/edit/{id:guid?}"] = ["POST /api/v1/reviews/businesses", "PUT /api/v1/reviews/businesses/{id:guid}"],
        ["POST /reviews/cases/new"] = ["POST /api/v1/reviews/cases"],
        ["POST /reviews/cases/{id:guid}?handler=Submit"] = ["POST /api/v1/reviews/cases/{id:guid}/submit"],
        ["POST /reviews/cases/{id:guid}?handler=Withdraw"] = ["POST /api/v1/reviews/cases/{id:guid}/withdraw"],
        ["POST /reviews/cases/{id:guid}?handler=Entry"] = ["POST /api/v1/reviews/cases/{id:guid}/entries"],
        ["POST /reviews/cases/{id:guid}?handler=Result"] = ["POST /api/v1/reviews/cases/{id:guid}/result"],
        ["POST /reviews/cases/{id:guid}/inspection/{type}"] = ["PUT /api/v1/reviews/cases/{id:guid}/inspections/{type}"],
        ["POST /reviews/rounds/edit/{id:guid?}"] = ["POST /api/v1/reviews/rounds", "PUT /api/v1/reviews/rounds/{id:guid}"],
        ["POST /reviews/rounds/{id:guid}?handler=Close"] = ["POST /api/v1/reviews/rounds/{id:guid}/status"],
        ["POST /reviews/rounds/{id:guid}?handler=Reopen"] = ["POST /api/v1/reviews/rounds/{id:guid}/status"],
        ["POST /reviews/templates"] = ["PUT /api/v1/reviews/templates/{type}"],
        ["POST /council/items/edit/{id:guid?}"] = ["POST /api/v1/council/items", "PUT /api/v1/council/items/{id:guid}"],
        ["POST /council/toshin/edit/{id:guid?}"] = ["POST /api/v1/council/toshin", "PUT /api/v1/council/toshin/{id:guid}"],
        ["POST /council/meetings/edit/{id:guid?}"] = ["POST /api/v1/council/meetings", "PUT /api/v1/council/meetings/{id:guid}"],
        ["POST /council/meetings/{id:guid}?handler=Held"] = ["POST /api/v1/council/meetings/{id:guid}/held"],
        ["POST /council/meetings/{id:guid}?handler=Attendance"] = ["PUT /api/v1/council/meetings/{id:guid}/attendance"],
        ["POST /council/meetings/{id:guid}?handler=Place"] = ["POST /api/v1/council/meetings/{id:guid}/items"],
        ["POST /council/meetings/{id:guid}?handler=Remove"] = ["DELETE /api/v1/council/meetings/{id:guid}/items/{itemId:guid}"],
        ["POST /council/meetings/{id:guid}?handler=Outcome"] = ["POST /api/v1/council/meetings/{id:guid}/items/{itemId:guid}/outcome"],
        ["POST /council/meetings/{id:guid}?handler=Upload"] = ["POST /api/v1/council/meetings/{id:guid}/materials"],
        ["POST /council/meetings/{id:guid}?handler=DeleteMaterial"] = ["DELETE /api/v1/council/materials/{id:guid}"],
        ["POST /council/minutes/import?handler=Preview"] = ["POST /api/v1/minutes/parse"],
        ["POST /council/minutes/import?handler=Import"] = ["POST /api/v1/minutes/import"],
        ["POST /findings/inspections/edit/{id:guid?}"] = ["POST /api/v1/findings/inspections", "PUT /api/v1/findings/inspections/{id:guid}"],
        ["POST /findings/inspections/edit/{id:guid?}?handler=Delete"] = ["DELETE /api/v1/findings/inspections/{id:guid}"],
        ["POST /findings/edit/{id:guid?}"] = ["POST /api/v1/findings/inspections/{id:guid}/findings", "PUT /api/v1/findings/{id:guid}"],
        ["POST /findings/edit/{id:guid?}?handler=Delete"] = ["DELETE /api/v1/findings/{id:guid}"],
        ["POST /findings/{id:guid}?handler=Respond"] = ["POST /api/v1/findings/{id:guid}/response"],
        ["POST /findings/{id:guid}?handler=Evidence"] = ["POST /api/v1/findings/{id:guid}/evidence"],
        ["POST /findings/{id:guid}?handler=DeleteEvidence"] = ["DELETE /api/v1/findings/evidence/{id:guid}"],
        ["POST /findings/{id:guid}?handler=Check"] = ["POST /api/v1/findings/{id:guid}/check"],
        ["POST /findings/tasks/edit/{id:guid?}"] = ["POST /api/v1/findings/tasks", "PUT /api/v1/findings/tasks/{id:guid}"],
        ["POST /findings/tasks/{id:guid}"] = ["POST /api/v1/findings/tasks/{id:guid}/complete"],
        ["POST /incidents/edit/{id:guid?}"] = ["POST /api/v1/incidents", "PUT /api/v1/incidents/{id:guid}"],
        ["POST /incidents/{id:guid}"] = ["POST /api/v1/incidents/{id:guid}/progress"],
        ["POST /incidents/{id:guid}/report"] = ["POST /api/v1/incidents/{id:guid}/reports"],
        ["POST /assessments/businesses/edit/{id:guid?}"] = ["POST /api/v1/assessments/businesses", "PUT /api/v1/assessments/businesses/{id:guid}"],
        ["POST /assessments/businesses/{id:guid}?handler=Start"] = ["POST /api/v1/assessments/businesses/{id:guid}/evaluations"],
        ["POST /assessments/businesses/{id:guid}?handler=Change"] = ["POST /api/v1/assessments/businesses/{id:guid}/changes"],
        ["POST /assessments/{id:guid}?handler=Step"] = ["PUT /api/v1/assessments/{id:guid}/steps/{step}"],
        ["POST /assessments/{id:guid}?handler=Upload"] = ["POST /api/v1/assessments/{id:guid}/documents"],
        ["POST /assessments/{id:guid}?handler=Publish"] = ["POST /api/v1/assessments/documents/{id:guid}/publish"],
        ["POST /assessments/{id:guid}?handler=Consult"] = ["POST /api/v1/assessments/{id:guid}/consultation"],
        ["POST /access/alerts/{id:guid}?handler=Move"] = ["POST /api/v1/access/alerts/{id:guid}/move"],
        ["POST /access/alerts/{id:guid}?handler=Finding"] = ["POST /api/v1/access/alerts/{id:guid}/finding"],
        ["POST /access/allowlist"] = ["POST /api/v1/access/allowlist"],
        ["POST /access/allowlist?handler=Delete"] = ["DELETE /api/v1/access/allowlist/{id:guid}"],
        ["POST /council/edit/{id:guid?}"] = ["POST /api/v1/council", "PUT /api/v1/council/{id:guid}"],
        ["POST /council/{id:guid}/members/edit/{memberId:guid?}"] = ["POST /api/v1/council/{id:guid}/members", "PUT /api/v1/council/{id:guid}/members/{memberId:guid}"],
        ["POST /council/{id:guid}?handler=Reappoint"] = ["POST /api/v1/council/members/{memberId:guid}/reappoint"],
        ["POST /security"] = ["POST /api/v1/security/assessments"],
        ["POST /security/templates?handler=Standard"] = ["POST /api/v1/security/templates/standard"],
        ["POST /security/templates?handler=Import"] = ["POST /api/v1/security/templates"],
        ["POST /security/templates/{id:guid}"] = ["PUT /api/v1/security/templates/{id:guid}"],
        ["POST /security/assessments/{id:guid}"] = ["PUT /api/v1/security/assessments/{id:guid}/answers"],
        ["POST /security/assessments/{id:guid}?handler=Close"] = ["POST /api/v1/security/assessments/{id:guid}/close"],
        ["POST /security/assessments/{id:guid}?handler=Reopen"] = ["POST /api/v1/security/assessments/{id:guid}/reopen"],
        ["POST /security/drills/edit/{id:guid?}"] = ["POST /api/v1/security/drills", "PUT /api/v1/security/drills/{id:guid}"],
        ["POST /security/terminals/edit/{id:guid?}"] = ["POST /api/v1/security/terminals", "PUT /api/v1/security/terminals/{id:guid}"],
        ["POST /security/terminals/{id:guid}"] = ["POST /api/v1/security/terminals/{id:guid}/audits"],
        ["POST /security/terminals/{id:guid}?handler=Findings"] = ["POST /api/v1/security/terminals/audits/{auditId:guid}/findings"],
        ["POST /security/room/edit/{id:guid?}"] = ["POST /api/v1/security/room/entries", "PUT /api/v1/security/room/entries/{id:guid}"],
        ["POST /security/room/edit/{id:guid?}?handler=Delete"] = ["DELETE /api/v1/security/room/entries/{id:guid}"],
        ["POST /security/room/import"] = ["POST /api/v1/security/room/import"],
        ["POST /security/room/reasons"] = ["POST /api/v1/security/room/reasons"],
        ["POST /security/room/reasons?handler=Delete"] = ["DELETE /api/v1/security/room/reasons/{id:guid}"],
        ["POST /security/self-checks/edit/{id:guid?}"] = ["POST /api/v1/security/self-checks", "PUT /api/v1/security/self-checks/{id:guid}"],
        ["POST /security/self-checks/{id:guid}?handler=Set"] = ["POST /api/v1/security/self-checks/{id:guid}/sets", "PUT /api/v1/security/self-checks/{id:guid}/sets/{setId:guid}"],
        ["POST /security/self-checks/{id:guid}?handler=Reflect"] = ["POST /api/v1/security/self-checks/{id:guid}/reflections"],
        ["POST /statistics/{dataset}?handler=Public"] = ["PUT /api/v1/statistics/{dataset}/public"],
        ["POST /statistics/{dataset}?handler=Delete"] = ["DELETE /api/v1/statistics/{dataset}/periods/{period}"],
        ["POST /statistics/{dataset}/import"] = ["POST /api/v1/statistics/{dataset}/import"],
        ["POST /statistics/definition/{dataset?}"] = ["POST /api/v1/statistics", "PUT /api/v1/statistics/{dataset}/definition"],
        ["POST /statistics/definition/{dataset?}?handler=Delete"] = ["DELETE /api/v1/statistics/{dataset}/definition"],
        ["POST /reports?handler=Copy"] = ["POST /api/v1/reports/templates"],
        ["POST /reports?handler=Create"] = ["POST /api/v1/reports"],
        ["POST /reports/templates/{id:guid}?handler=Rename"] = ["PUT /api/v1/reports/templates/{id:guid}"],
        ["POST /reports/templates/{id:guid}?handler=Section"] = ["POST /api/v1/reports/templates/{id:guid}/sections"],
        ["POST /reports/templates/{id:guid}?handler=Delete"] = ["DELETE /api/v1/reports/templates/{id:guid}"],
        ["POST /reports/{id:guid}?handler=Section"] = ["POST /api/v1/reports/{id:guid}/sections"],
        ["POST /reports/{id:guid}?handler=Attach"] = ["POST /api/v1/reports/{id:guid}/attach"],
        ["POST /reports/{id:guid}?handler=Delete"] = ["DELETE /api/v1/reports/{id:guid}"],
        ["POST /council/items/{id:guid}?handler=Upload"] = ["POST /api/v1/council/items/{id:guid}/materials"],
        ["POST /council/toshin/{id:guid}?handler=Request"] = ["POST /api/v1/council/toshin/{id:guid}/confirmation"],
        ["POST /council/meetings/{id:guid}/actions?handler=Add"] = ["POST /api/v1/council/meetings/{id:guid}/actions"],
        ["POST /council/meetings/{id:guid}/actions?handler=Done"] = ["POST /api/v1/council/actions/{actionId:guid}/done"],
        ["POST /council/{id:guid}/topics?handler=Review"] = ["POST /api/v1/council/topics/{topicId:guid}/review"],
        ["POST /council/meetings/{id:guid}/notice"] = ["PUT /api/v1/council/meetings/{id:guid}/notice"],
        ["POST /council/meetings/{id:guid}/minutes"] = ["PUT /api/v1/council/meetings/{id:guid}/minutes"],
        ["POST /council/meetings/{id:guid}?handler=Answer"] = ["POST /api/v1/council/opinions/{opinionId:guid}/answer"],
        ["POST /council/meetings/{id:guid}?handler=PublishQa"] = ["PUT /api/v1/council/meetings/{id:guid}/qa/publication"],
        ["POST /council/meetings/{id:guid}?handler=Confirm"] = ["POST /api/v1/council/meetings/{id:guid}/minutes/confirm"],
        ["POST /council/meetings/{id:guid}?handler=DeleteImportedMinutes"] = ["DELETE /api/v1/council/meetings/{id:guid}/minutes"],
        ["POST /council/meetings/{id:guid}?handler=PublishMinutes"] = ["PUT /api/v1/council/meetings/{id:guid}/minutes/publication"],
        ["POST /council/meetings/{id:guid}/opinion-sheet?handler=Preview"] = ["POST /api/v1/council/meetings/{id:guid}/opinion-sheet/parse"],
        ["POST /council/meetings/{id:guid}/opinion-sheet?handler=Import"] = ["POST /api/v1/council/meetings/{id:guid}/opinion-sheet"],
        ["POST /council/minutes/synonyms"] = ["PUT /api/v1/minutes/synonyms"],
        ["POST /council/meetings/{id:guid}/minutes?handler=ClosedTurns"] = ["POST /api/v1/council/meetings/{id:guid}/minutes/closed-turns"],
        ["POST /council/meetings/{id:guid}/minutes?handler=ClosedItem"] = ["PUT /api/v1/council/meetings/{id:guid}/items/{itemId:guid}/closed"],
        ["POST /organization/municipality"] = ["PUT /api/v1/organization/municipality"],
        ["POST /organization/notices?handler=Retry"] = ["POST /api/v1/notices/{id:guid}/mail/retry"],
        ["POST /organization/staff/edit/{id:guid?}?handler=AddAbsence"] = ["POST /api/v1/organization/staff/{id:guid}/absences"],
        ["POST /contracts/{id:guid}?handler=Document"] = ["POST /api/v1/contracts/{id:guid}/documents"],
        ["POST /register/import"] = ["POST /api/v1/register/import"],
        ["POST /reviews/cases/{id:guid}?handler=Draft"] = ["PUT /api/v1/reviews/cases/{id:guid}/draft"],
        ["POST /reviews/cases/{id:guid}?handler=Classify"] = ["POST /api/v1/reviews/entries/{entryId:guid}/classification"],
        ["POST /reviews/rounds/{id:guid}?handler=Report"] = ["POST /api/v1/reviews/rounds/{id:guid}/status"],
        ["POST /access/data?handler=Upload"] = ["POST /api/v1/access/logs"],
        ["POST /access/data?handler=Inbox"] = ["POST /api/v1/access/inbox"],
        ["POST /access/data?handler=Masters"] = ["POST /api/v1/access/masters"],
        ["POST /access/data?handler=Analyze"] = ["POST /api/v1/access/analyses"],
        ["POST /access/settings"] = ["PUT /api/v1/access/settings"],
        ["POST /advisories/edit/{id:guid?}"] = ["POST /api/v1/advisories", "PUT /api/v1/advisories/{id:guid}", "POST /api/v1/advisories/{id:guid}/document"],
        ["POST /advisories/{id:guid}?handler=Assign"] = ["POST /api/v1/advisories/{id:guid}/tasks"],
        ["POST /advisories/{id:guid}?handler=Record"] = ["POST /api/v1/advisories/tasks/{taskId:guid}/result"],
        ["POST /advisories/{id:guid}?handler=Close"] = ["POST /api/v1/advisories/{id:guid}/close"],
        ["POST /advisories/{id:guid}?handler=Report"] = ["POST /api/v1/advisories/{id:guid}/council-report"],
        ["POST /standardization?handler=Seed"] = ["POST /api/v1/standardization/seed"],
        ["POST /standardization/edit/{id:guid?}"] = ["POST /api/v1/standardization", "PUT /api/v1/standardization/{id:guid}"],
        ["POST /standardization/edit/{id:guid?}?handler=PiaChange"] = ["POST /api/v1/standardization/{id:guid}/pia-change"],
    };

    /// <summary>Forms that are a person's own action at the browser, with the reason.</summary>
    internal static readonly Dictionary<string, string> PersonOnly = new()
    {
        ["POST /setup"] = "初回設定は、その場の人が画面で行う",
        ["POST /error/{code:int?}"] = "エラー画面（フォームではない）",
        ["POST /account/login"] = "ログインは人が画面で行う（API はトークンで認証する）",
        ["POST /account/login-2fa"] = "ログインは人が画面で行う",
        ["POST /account/directory"] = "ディレクトリでのログインは人がブラウザーで行う",
        ["POST /account/forgot"] = "パスワードの再設定は本人が画面で行う",
        ["POST /account/reset"] = "パスワードの再設定は本人が画面で行う",
        ["POST /account/password"] = "パスワードの変更は本人が画面で行う",
        ["POST /account/tokens?handler=Issue"] = "トークンがトークンを発行できないよう、発行は画面とコマンドだけ（ADR 0019）",
        ["POST /account/tokens?handler=Revoke"] = "トークンの管理は画面で行う（ADR 0019）",
        ["POST /account/two-factor?handler=Enable"] = "二要素認証は本人が画面で設定する",
        ["POST /account/two-factor?handler=Disable"] = "二要素認証は本人が画面で設定する",
        ["POST /account/two-factor?handler=CreateKey"] = "二要素認証は本人が画面で設定する",
        ["POST /organization/sign-in"] = "ログインの方法は API トークンで変えられないよう、画面だけで変える",
        ["POST /organization/tokens?handler=Revoke"] = "トークンの管理は画面で行う（ADR 0019）",
        ["POST /inbox?handler=ReadAll"] = "お知らせの既読は本人の画面の操作",
        ["POST /account/notices"] = "通知の受け取り方は本人が画面で選ぶ",
        ["POST /account/notices?handler=IssueFeed"] = "カレンダー配信の URL は本人が画面で発行する",
        ["POST /account/notices?handler=RevokeFeed"] = "カレンダー配信の URL は本人が画面で取り消す",
        ["POST /account/security?handler=SignOutEverywhere"] = "自分のログインの終了は本人が画面で行う",
        ["POST /account/logout"] = "ログアウトはブラウザーのログインを終える",
        ["POST /organization/notices"] = "メールの送信設定（中継サーバーの認証情報）は API トークンで変えられないよう、画面だけで変える",
        ["POST /organization/notices?handler=Test"] = "テストメールは設定した本人のアドレスに送る、画面での確かめ",
        ["POST /organization/accounts/edit/{id?}"] = "アカウントの作成と権限の変更は画面だけ（API はアクセスを取り上げられるが、与えられない。ADR 0028）",
        ["POST /organization/accounts/edit/{id?}?handler=ResetPassword"] = "パスワードの再設定は画面だけ（API トークンで認証情報を作らせない。ADR 0028）",
        ["POST /organization/accounts/edit/{id?}?handler=ResetTwoFactor"] = "二要素認証の解除は画面だけ（API トークンで認証を弱めさせない。ADR 0028）",
        ["POST /organization/accounts/{id}/suspend?handler=Resume"] = "利用の再開は画面だけ（API はアクセスを取り上げられるが、与えられない。ADR 0028）",
        ["POST /access/alerts/{id:guid}/confirm"] = "所属長確認は所属長本人が画面で行う（部下のアクセスを本人が確かめた記録）",
        ["POST /access/alerts/{id:guid}/confirm?handler=SendBack"] = "所属長の差戻しは所属長本人が画面で行う",
        ["POST /access/search"] = "調査検索は目的を記録して担当者が画面で行う（住民ごとのアクセス記録を API で一括に引き出させない）",
        ["POST /council/{id:guid}/topics?handler=Propose"] = "委員が議題を提案するのは委員本人の画面の操作",
        ["POST /council/toshin/{id:guid}?handler=Respond"] = "答申案への同意・意見は委員本人が画面で行う",
        ["POST /council/meetings/{id:guid}?handler=Opinion"] = "書面会議の意見・質問は委員本人が画面で出す（事務局が代わりに入れるときは意見書の取込 API）",
        ["POST /council/meetings/{id:guid}?handler=EditOpinion"] = "委員本人の意見の修正は本人が画面で行う",
        ["POST /council/meetings/{id:guid}?handler=DeleteOpinion"] = "委員本人の意見の取消しは本人が画面で行う",
        ["POST /council/meetings/{id:guid}?handler=NoOpinion"] = "「意見・質問なし」の回答は委員本人が画面で行う",
        ["POST /security/self-checks/{id:guid}/answer"] = "職員セルフチェックは職員本人が画面で答える（代わりの回答を作らせない）",
    };

    [Fact]
    public async Task EveryForm_HasItsApiEndpoint_OrAReasonItIsThePersonsOwn()
    {
        var factory = await app.GetAsync(DatabaseProvider.Sqlite);
        var forms = (await PageCatalog.HandlersAsync(factory)).Where(h => h.Method == "POST").Select(h => "POST " + h.Path).ToHashSet();
        var placed = Apis.Keys.Concat(PersonOnly.Keys).ToList();
        var twice = placed.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "二か所に置かれたフォーム: " + string.Join(", ", twice));
        var unplaced = forms.Where(f => !placed.Contains(f)).ToList();
        Assert.True(unplaced.Count == 0, "API の対応がないフォーム（Apis に API を、API にしない理由があれば PersonOnly に置いてください）: " + string.Join(", ", unplaced));
        var stale = placed.Where(p => !forms.Contains(p)).ToList();
        Assert.True(stale.Count == 0, "存在しないフォーム: " + string.Join(", ", stale));

        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {e.RoutePattern.RawText?.TrimEnd('/')}"))
            .ToHashSet(StringComparer.Ordinal);
        var missing = Apis.SelectMany(a => a.Value.Where(e => !endpoints.Contains(e)).Select(e => $"{a.Key} → {e}")).ToList();
        Assert.True(missing.Count == 0, "表にあるのに存在しない API: " + string.Join(", ", missing));
        Assert.All(PersonOnly, p => Assert.False(string.IsNullOrWhiteSpace(p.Value)));
    }
}
