using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Mamori.BrowserTests;

/// <summary>A deadline reaches the 委員 who must act: in the inbox, and by mail through a real SMTP server when the office answers.</summary>
public sealed class NoticeFlowTests
{
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task AMemberSeesTheDeadlineInTheInbox_Asks_AndReceivesTheOfficesAnswerByMail()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var memberMail = SmtpSink.NewAddress("member");

        // 管理者 points Mamori at the relay and gives the member's account an address.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Admin));
        await page.GotoAsync(s.BaseUrl + "/organization/notices");
        await page.GetByLabel("SMTPサーバー").FillAsync(SmtpSink.Instance.Host);
        await page.GetByLabel("ポート").FillAsync(SmtpSink.Instance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("送信元アドレス").FillAsync("kojinjoho@city.example.lg.jp");
        await page.GetByLabel("MamoriのURL").FillAsync(s.BaseUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("通知の設定を保存しました。");
        await s.ScreenshotAsync("40-notice-settings");
        await s.AccessibleAsync("通知の設定");
        await page.GotoAsync(s.BaseUrl + "/organization/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = tenant.UserName(UserRole.Member) }).ClickAsync();
        await page.GetByLabel("メールアドレス").FillAsync(memberMail);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("を保存しました");
        await s.SignOutAsync();

        // 事務局 holds a written meeting whose deadline is a week away, with one consultation on it.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(s.BaseUrl + "/council/edit");
        await page.GetByLabel("名称", new() { Exact = true }).FillAsync("守り区情報公開・個人情報保護審議会");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        var councilUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "委員を登録" }).ClickAsync();
        await page.GetByLabel("氏名").FillAsync("守屋 花子");
        await page.GetByLabel("任期の始まり").FillAsync(Iso(s.Today.AddYears(-1)));
        var account = await page.Locator("#Input_UserId option").Filter(new() { HasText = tenant.UserName(UserRole.Member) }).GetAttributeAsync("value");
        await page.GetByLabel("Mamori のアカウント（委員ロール）").SelectOptionAsync(account!);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("守屋 花子");
        await page.GotoAsync(s.BaseUrl + "/council/items/edit");
        await page.GetByLabel("件名").FillAsync("防犯カメラの設置について");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GotoAsync(councilUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "会議を登録" }).ClickAsync();
        await page.GetByLabel("会議の名称（回）").FillAsync("第4回（書面開催）");
        await page.GetByLabel("書面開催").CheckAsync();
        await page.GetByLabel("開催日").FillAsync(Iso(s.Today.AddDays(14)));
        await page.GetByLabel("質問・意見の提出期限").FillAsync(Iso(s.Today.AddDays(7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await page.GetByLabel("議題を追加").SelectOptionAsync(new SelectOptionValue { Label = "諮問第1号 防犯カメラの設置について" });
        await page.GetByLabel("資料番号").FillAsync("資料1");
        await page.GetByRole(AriaRole.Button, new() { Name = "追加", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("table.data").Nth(1)).ToContainTextAsync("資料1");
        var meetingUrl = page.Url;
        await s.SignOutAsync();

        // The day's run: the member is told of the meeting and of the deadline a week ahead.
        await s.Factory.Services.GetRequiredService<NoticeScheduler>().RunAsync([tenant.MunicipalityId], CancellationToken.None);
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Member));
        await Assertions.Expect(page.Locator(".unread-badge")).ToHaveTextAsync("2");
        await page.Locator("a.inbox-link").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("お知らせ");
        var deadline = page.GetByRole(AriaRole.Link, new() { Name = "守り区情報公開・個人情報保護審議会「第4回（書面開催）」の質問・意見の提出期限（期限まであと7日" });
        await Assertions.Expect(deadline).ToBeVisibleAsync();
        await s.ScreenshotAsync("41-inbox-member");
        await s.AccessibleAsync("お知らせ");
        await deadline.ClickAsync();
        Assert.Equal(meetingUrl, page.Url);
        await Assertions.Expect(page.Locator(".unread-badge")).ToHaveTextAsync("1");
        await page.GetByLabel("議題").SelectOptionAsync(new SelectOptionValue { Label = "資料1 諮問第1号 防犯カメラの設置について" });
        await page.GetByLabel("種別").SelectOptionAsync(new SelectOptionValue { Label = "質問" });
        await page.GetByLabel("内容").FillAsync("録画データの保存期間は何日か。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提出する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("提出しました");
        await s.SignOutAsync();

        // 事務局 answers; the member is told by mail, without being asked to look.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Office));
        await page.GotoAsync(meetingUrl);
        await page.GetByLabel("回答する").FillAsync("録画データは7日間保存し、自動的に上書きします。");
        await page.GetByRole(AriaRole.Button, new() { Name = "回答を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator(".answer")).ToContainTextAsync("7日間保存");
        await s.SignOutAsync();

        var mails = await SmtpSink.Instance.WaitForAsync(memberMail, 3);
        var answered = Assert.Single(mails, m => m.Subject == "【Mamori】「第4回（書面開催）」でのご質問・ご意見に事務局が回答しました");
        Assert.DoesNotContain("録画データ", answered.TextBody);
        var link = answered.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(s.BaseUrl + "/inbox/", StringComparison.Ordinal));

        // The link in the mail opens the meeting, where the answer is.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Member));
        await page.GotoAsync(link);
        Assert.Equal(meetingUrl, page.Url);
        await Assertions.Expect(page.Locator(".answer")).ToContainTextAsync("録画データは7日間保存し、自動的に上書きします。");

        // The member subscribes a calendar to the deadlines: a secret URL, shown once.
        await page.GotoAsync(s.BaseUrl + "/account/notices");
        await page.GetByRole(AriaRole.Button, new() { Name = "配信用の URL を発行する" }).ClickAsync();
        await Assertions.Expect(page.Locator("#feed-url")).ToContainTextAsync("/calendar/");
        await Assertions.Expect(page.Locator("#feed-state")).ToHaveTextAsync("配信中");
        await s.ScreenshotAsync("43-notice-preferences");
        await s.AccessibleAsync("お知らせの受け取り方");
    }

    [Fact]
    public async Task ASupervisorConfirmsAnAccessAlert_FromTheMailedLink()
    {
        await using var s = await BrowserSession.StartAsync();
        var tenant = await TestTenant.CreateAsync(s.Factory, "守り区");
        var page = s.Page;
        var supervisorMail = SmtpSink.NewAddress("kacho");
        var alert = await Mamori.Tests.Features.Notices.NoticeSetup.AlertAsync(s.Factory, tenant, "戸籍住民課");

        // 管理者: the relay, and the 戸籍住民課 account marked as its 所属長.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Admin));
        await page.GotoAsync(s.BaseUrl + "/organization/notices");
        await page.GetByLabel("SMTPサーバー").FillAsync(SmtpSink.Instance.Host);
        await page.GetByLabel("ポート").FillAsync(SmtpSink.Instance.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("送信元アドレス").FillAsync("kojinjoho@city.example.lg.jp");
        await page.GetByLabel("MamoriのURL").FillAsync(s.BaseUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("通知の設定を保存しました。");
        await page.GotoAsync(s.BaseUrl + "/organization/accounts");
        await page.GetByRole(AriaRole.Link, new() { Name = tenant.UserName(UserRole.Department) }).ClickAsync();
        await page.GetByLabel("表示名").FillAsync("戸籍 課長");
        await page.GetByLabel("メールアドレス").FillAsync(supervisorMail);
        await page.GetByLabel("所属長（この部署の長）").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存する" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("を保存しました");
        await s.SignOutAsync();

        // セキュリティ担当 asks for 所属長確認; the page says who will confirm.
        await s.SignInAsync(tenant, tenant.UserName(UserRole.Security));
        await page.GotoAsync($"{s.BaseUrl}/access/alerts/{alert.Id}");
        await Assertions.Expect(page.Locator("#supervisors")).ToContainTextAsync("戸籍 課長（所属長）に Mamori のお知らせとメールで依頼され");
        await page.Locator("#move").GetByLabel("所属長確認").CheckAsync();
        await page.Locator("#move").GetByLabel("コメント").FillAsync("本人に聞き取り。窓口での本人確認のためと説明。");
        await page.Locator("#move").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("所属長確認");
        await s.SignOutAsync();

        // The 所属長 opens the mailed link, signs in, and lands on the confirmation.
        var mail = Assert.Single(await SmtpSink.Instance.WaitForAsync(supervisorMail));
        var link = mail.TextBody!.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(s.BaseUrl + "/inbox/", StringComparison.Ordinal));
        await page.GotoAsync(link);
        await s.LogInHereAsync(tenant, tenant.UserName(UserRole.Department));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("所属長確認");
        Assert.EndsWith($"/access/alerts/{alert.Id}/confirm", page.Url);
        await Assertions.Expect(page.Locator("#history")).ToContainTextAsync("本人に聞き取り。窓口での本人確認のためと説明。");
        await page.GetByLabel("正当").CheckAsync();
        await page.GetByLabel("確認した内容").FillAsync("窓口で本人確認書類を照合した記録あり。業務上必要な参照。");
        await s.ScreenshotAsync("42-supervisor-confirm");
        await s.AccessibleAsync("所属長確認");
        await page.GetByRole(AriaRole.Button, new() { Name = "確認して完了にする" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("「正当」として確認し、完了にしました。");
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveTextAsync("完了（正当）");
    }
}
