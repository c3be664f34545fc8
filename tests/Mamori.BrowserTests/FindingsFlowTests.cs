using System.Text.RegularExpressions;
using Mamori.Core.Features.Accounts;
using Mamori.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

public sealed partial class FindingsFlowTests
{
    private sealed record CorpusFinding(string Law, int Number, string Heading, string Text, string? Provision, string Response);

    /// <summary>The "改善指導の内容 | 区の対応（改善策）" rows of the corpus report, with the law of the part they stand in.</summary>
    private static List<CorpusFinding> ReadCorpusFindings(string report)
    {
        var result = new List<CorpusFinding>();
        string? law = null;
        foreach (var raw in report.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (LawLine().Match(line) is { Success: true } l)
            {
                law = l.Groups[1].Value;
                continue;
            }
            if (law is null || RowLine().Match(line) is not { Success: true } row)
            {
                continue;
            }
            var finding = Noise().Replace(row.Groups[2].Value, "").Trim();
            var space = finding.IndexOf(' ', StringComparison.Ordinal);
            var provision = ProvisionAtEnd().Match(finding);
            result.Add(new CorpusFinding(law, int.Parse(row.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), finding[..space],
                (provision.Success ? finding[..provision.Index] : finding)[(space + 1)..].Trim(), provision.Success ? provision.Groups[1].Value : null,
                Noise().Replace(row.Groups[3].Value, "").Trim()));
        }
        return result;
    }

    [Fact]
    public async Task Findings_TheFiveFindingsOfTheCorpusReport_AreEnteredAndTheirTablePrinted()
    {
        var report = Corpus.Read("suginami_2023-12-19_report.txt");
        Assert.SkipWhen(report is null, "../shared/corpus がありません");
        var findings = ReadCorpusFindings(report!);
        Assert.Equal(5, findings.Count);

        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));

        await page.GetByRole(AriaRole.Link, new() { Name = "指摘事項" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "検査・監査を登録する" }).ClickAsync();
        await page.GetByLabel("名称").FillAsync("個人情報保護委員会による実地調査等（令和5年度）");
        await page.GetByLabel("実施機関・監査人").FillAsync("個人情報保護委員会事務局");
        await page.GetByLabel("実施期間（初日）").FillAsync("令和5年7月31日");
        await page.GetByLabel("実施期間（最終日）").FillAsync("令和5年8月4日");
        await page.GetByLabel("情報管理課").CheckAsync();
        await page.GetByLabel("戸籍住民課").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("保存しました");

        foreach (var f in findings)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "指摘事項を追加する" }).ClickAsync();
            await page.GetByLabel("法令").SelectOptionAsync(new SelectOptionValue { Label = f.Law });
            await page.GetByLabel("項目").FillAsync(f.Heading);
            await page.GetByLabel("改善指導の内容").FillAsync(f.Text);
            await page.GetByLabel("根拠（条項・ガイドライン）").FillAsync(f.Provision ?? "");
            await page.GetByLabel("対応課").SelectOptionAsync(tenant.OwnDepartmentId.ToString());
            await page.GetByLabel("対応期限").FillAsync("令和6年3月31日");
            await page.GetByLabel("対応（改善策）").FillAsync(f.Response);
            await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
            await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync($"{f.Law}（{f.Number}） {f.Heading}");
        }
        await Assertions.Expect(page.Locator("#findings tbody tr")).ToHaveCountAsync(5);
        await s.ScreenshotAsync("60-findings-inspection");

        await page.GetByRole(AriaRole.Link, new() { Name = "改善指導と対応の表（印刷・Word・Excel）" }).ClickAsync();
        var tables = page.Locator("article.document table");
        await Assertions.Expect(tables).ToHaveCountAsync(2);
        await Assertions.Expect(tables.Nth(0).Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(tables.Nth(1).Locator("tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("2　番号法");
        await Assertions.Expect(tables.Nth(0).Locator("th").Nth(2)).ToHaveTextAsync("区の対応（改善策）");
        await Assertions.Expect(tables.Nth(1).Locator("tbody tr").Nth(1)).ToContainTextAsync("ログの分析");
        await s.ScreenshotAsync("61-findings-table");
        await s.PrintAsync("findings-table", "区の対応（改善策）", "2　番号法", "ログの分析");

        // The department answers one and the office closes it with its check.
        await s.SignOutAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Department));
        await page.GotoAsync(s.BaseUrl + "/findings");
        await page.GetByRole(AriaRole.Link, new() { Name = "アカウント及びアクセス権の管理" }).ClickAsync();
        await page.GetByLabel("担当者").FillAsync("障害者施策課 係長");
        await page.GetByLabel("対応済", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("対応完了日（対応済のとき）").FillAsync("令和5年8月15日");
        await page.GetByRole(AriaRole.Button, new() { Name = "対応を保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("事務局の確認を待ちます");
        await s.ScreenshotAsync("62-findings-response");
        await s.SignOutAsync();
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(s.BaseUrl + "/findings?Status=Done");
        await page.GetByRole(AriaRole.Link, new() { Name = "アカウント及びアクセス権の管理" }).ClickAsync();
        await page.GetByLabel("確認の内容（差し戻すときはその理由）").FillAsync("システムの権限一覧で停止を確認した。");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認済にする" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("確認済にしました");
    }

    [Fact]
    public async Task Incidents_ADepartmentRecordsALeak_AndTheDeadlinesStandOnTheDashboard()
    {
        // Tuesday 2026-12-08: learned on Monday, the 速報 is due on Thursday (the third open day), two days ahead.
        await using var s = await BrowserSession.StartAsync(new DateOnly(2026, 12, 8));
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Department));
        await page.GetByRole(AriaRole.Link, new() { Name = "漏えい等事案" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "事案を登録する" }).ClickAsync();
        await page.GetByLabel("件名").FillAsync("障害福祉サービス受給者証の誤送付");
        var learned = s.Today.AddDays(-1);
        await page.GetByLabel("認知日（事案を知った日）").FillAsync(learned.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("事案の概要").FillAsync("受給者証を別の利用者の住所に送付した。受け取った方からの連絡で判明した。");
        await page.GetByLabel("漏えい等した情報の項目").FillAsync("氏名、住所、障害支援区分");
        await page.GetByLabel("本人の数").FillAsync("1");
        await page.GetByLabel("要配慮個人情報を含む", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("報告対象です");
        await Assertions.Expect(page.Locator("#reportable")).ToContainTextAsync("要配慮個人情報を含む");
        await Assertions.Expect(page.Locator("#duties tbody tr")).ToHaveCountAsync(3);
        await s.ScreenshotAsync("63-incident-detail");
        await page.GetByRole(AriaRole.Link, new() { Name = "庁内報告用に印刷する（Word）" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("報告の対象（要配慮個人情報を含む）");
        await s.PrintAsync("incident", "報告の対象（要配慮個人情報を含む）", "障害福祉サービス受給者証の誤送付");
        await page.GoBackAsync();

        var incidentUrl = page.Url;
        await Assertions.Expect(page.Locator("#duties")).ToContainTextAsync("令和8年12月10日");
        await page.GotoAsync(s.BaseUrl + "/");
        await Assertions.Expect(page.Locator(".card.alert")).ToContainTextAsync("未了の報告・本人通知 3 件（期限超過 0 件・3日以内 1 件）");
        await s.ScreenshotAsync("64-home-incident-alert");

        // The 速報 in the PPC's form: recorded as sent today, printed right after (the banner stays on the screen).
        await page.GotoAsync(incidentUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "速報（委員会の様式）" }).ClickAsync();
        await Assertions.Expect(page.Locator("article.document")).ToContainTextAsync("個人情報の漏えい等の報告（速報）");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "速報として記録する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("速報を令和8年12月8日に報告したものとして記録しました");
        await Assertions.Expect(page.Locator("#sent")).ToContainTextAsync("速報");
        await s.ScreenshotAsync("65-incident-preliminary-report");
        await s.PrintAsync("incident-preliminary", "個人情報の漏えい等の報告（速報）", "個人情報保護委員会御中", "守り区長", "氏名、住所、障害支援区分", "調査中");
        await page.GotoAsync(incidentUrl);
        await Assertions.Expect(page.Locator("#duties tbody tr").First).ToContainTextAsync("済（令和8年12月8日）");
    }

    [GeneratedRegex(@"^\d\s+(個人情報保護法|番号法|住民基本台帳法)$")]
    private static partial Regex LawLine();

    [GeneratedRegex(@"^\((\d+)\)\t<p>(.*?)</p>\t<p>(.*?)</p>")]
    private static partial Regex RowLine();

    [GeneratedRegex(@"\^\{[^}]*\}|[¹²³]")]
    private static partial Regex Noise();

    [GeneratedRegex(@"（([^（）]*(?:法|ガイド|ガイドライン)[^（）]*)）$")]
    private static partial Regex ProvisionAtEnd();
}
