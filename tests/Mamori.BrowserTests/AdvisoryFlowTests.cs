using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Systems;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Mamori.BrowserTests;

public sealed class AdvisoryFlowTests
{
    [Fact]
    public async Task AVendorAdvisory_IsCheckedByTwoDepartmentsWithEvidence_AndClosed()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        await s.Factory.AsSystemAsync(async (_, db) =>
        {
            db.BusinessSystems.AddRange(
                new BusinessSystem { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OwnDepartmentId, Name = "住民記録システム" },
                new BusinessSystem { MunicipalityId = tenant.MunicipalityId, DepartmentId = tenant.OtherDepartmentId, Name = "証明書コンビニ交付システム" });
            return await db.SaveChangesAsync();
        });
        var taxUser = await tenant.OtherDepartmentUserAsync(s.Factory);
        var page = s.Page;
        var evidence = Path.Combine(BrowserSession.ArtifactsDirectory, "点検記録.pdf");
        await File.WriteAllBytesAsync(evidence, "%PDF-1.4 点検記録"u8.ToArray());

        await s.SignInAsync(tenant, tenant.UserName(UserRole.Security));
        await page.GetByRole(AriaRole.Link, new() { Name = "国の通知・注意喚起" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "通知・注意喚起を登録する" }).ClickAsync();
        await page.GetByLabel("発出元", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "事業者" });
        await page.GetByLabel("発出元の名称（事業者・その他のとき）").FillAsync("株式会社まもりシステム");
        await page.GetByLabel("文書番号").FillAsync("MS-2026-031");
        await page.GetByLabel("発出日").FillAsync("令和8年11月10日");
        await page.GetByLabel("期限").FillAsync("令和8年11月30日");
        await page.GetByLabel("件名").FillAsync("コンビニ交付での他人の証明書の誤交付について");
        await page.GetByLabel("求められていること").FillAsync("自団体の設定を点検し、修正プログラムの適用を確認すること。");
        await page.GetByLabel("文書（PDF など）").SetInputFilesAsync(evidence);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("を登録しました。対象のシステム・部署に点検を割り当ててください。");
        await page.GetByLabel("住民記録システム（区民部 / 戸籍住民課）").CheckAsync();
        await page.GetByLabel("証明書コンビニ交付システム（総務部 / 情報管理課）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "割り当てる" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("2件の点検を割り当てました。");
        var url = page.Url;
        await s.SignOutAsync();

        async Task RecordAsync(string userName, string outcome, string note)
        {
            await s.SignInAsync(tenant, userName);
            await page.GotoAsync(url);
            // Each 所管課 sees its own check only.
            await Expect(page.Locator("#tasks")).ToHaveTextAsync("点検（0 / 1 件）");
            var form = page.Locator("details.panel");
            await form.GetByLabel(outcome, new() { Exact = true }).CheckAsync();
            await form.GetByLabel("内容（対象外のときは理由）").FillAsync(note);
            await form.GetByLabel("実施日").FillAsync("令和8年11月20日");
            await form.GetByLabel("証跡（対象外以外は必須）").SetInputFilesAsync(evidence);
            await form.GetByRole(AriaRole.Button, new() { Name = "記録する" }).ClickAsync();
            await Expect(page.Locator(".flash")).ToContainTextAsync($"点検の結果「{outcome}」を記録しました。");
            await s.SignOutAsync();
        }
        await RecordAsync(tenant.UserName(UserRole.Department), "修正プログラム適用確認", "11月18日に修正プログラムを適用し、設定を確認した");
        await RecordAsync(taxUser, "点検済", "交付の設定に問題がないことを確認した");

        await s.SignInAsync(tenant, tenant.UserName(UserRole.Security));
        await page.GotoAsync(url);
        await Expect(page.Locator("#tasks")).ToHaveTextAsync("点検（2 / 2 件）");
        await page.GetByRole(AriaRole.Button, new() { Name = "完了にする" }).ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("完了にしました。");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("完了（令和8年11月26日）");
        await Expect(page.Locator("table.data")).ToContainTextAsync("点検記録.pdf");
        await s.AccessibleAsync("国の通知・注意喚起");
        await s.ScreenshotAsync("advisory-closed");
        await page.GotoAsync(s.BaseUrl + "/advisories?state=closed");
        await Expect(page.Locator("#advisories")).ToContainTextAsync("2 / 2");
        await s.AccessibleAsync("通知の一覧");
    }
}
