using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Notices;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Notices;

/// <summary>通知の設定 (管理者): the relay, the sender, which notices go out, a test mail, and mail that could not be sent.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class SettingsModel(AppDbContext db, NoticeSender sender, NoticeSignal signal, UserManager<AppUser> users, TimeProvider clock) : MamoriPageModel
{
    public sealed class InputModel
    {
        public string? RelayHost { get; set; }
        public int? RelayPort { get; set; } = 25;
        public RelaySecurity RelaySecurity { get; set; }
        public string? RelayUser { get; set; }
        public string? RelayPassword { get; set; }
        public bool ClearPassword { get; set; }
        public string? SenderAddress { get; set; }
        public string? SenderName { get; set; } = "Mamori";
        public string? SiteUrl { get; set; }
        public int? DigestHour { get; set; } = 8;
        public List<NoticeRule> Enabled { get; set; } = [.. NoticeRules.All];
        public Guid? Version { get; set; }
    }

    public sealed record Failure(Guid Id, string Recipient, string Title, int Attempts, string? Error, DateTime? NextAttemptAt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasPassword { get; private set; }
    public List<Failure> Failures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var s = await db.NoticeSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        if (s is not null)
        {
            Input = new InputModel
            {
                RelayHost = s.RelayHost,
                RelayPort = s.RelayPort,
                RelaySecurity = s.RelaySecurity,
                RelayUser = s.RelayUser,
                SenderAddress = s.SenderAddress,
                SenderName = s.SenderName,
                SiteUrl = s.SiteUrl,
                DigestHour = s.DigestHour,
                Enabled = NoticeRules.All.Where(s.Sends).ToList(),
                Version = s.Version,
            };
        }
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var saved = await SaveNoticeSettings.RunAsync(db, new NoticeSettingsInput
        {
            RelayHost = Input.RelayHost,
            RelayPort = Input.RelayPort,
            RelaySecurity = Input.RelaySecurity,
            RelayUser = Input.RelayUser,
            RelayPassword = Input.RelayPassword,
            ClearPassword = Input.ClearPassword,
            SenderAddress = Input.SenderAddress,
            SenderName = Input.SenderName,
            SiteUrl = Input.SiteUrl,
            DigestHour = Input.DigestHour,
            Enabled = Input.Enabled,
            Version = Input.Version,
        }, sender.Protect, ct);
        if (!saved.Ok)
        {
            AddErrors(saved);
            await ShowAsync(ct);
            return Page();
        }
        Flash("通知の設定を保存しました。");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken ct)
    {
        var s = await db.NoticeSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        var me = await users.GetUserAsync(User);
        if (s is not { CanMail: true })
        {
            Flash("先に SMTP サーバー・送信元アドレス・Mamori の URL を保存してください。", error: true);
        }
        else if (string.IsNullOrEmpty(me?.Email))
        {
            Flash("テストメールはあなたのメールアドレスに送ります。先に「お知らせの受け取り方」でメールアドレスを登録してください。", error: true);
        }
        else
        {
            var municipality = await db.Municipalities.Select(m => m.Name).FirstAsync(ct);
            var error = await sender.SendTestAsync(s, municipality, me.DisplayName, me.Email, JapanTime.Today(clock), ct);
            Flash(error is null ? $"{me.Email} にテストメールを送りました。届いたことを確かめてください。" : $"テストメールを送れませんでした。{error}", error: error is not null);
        }
        return RedirectToPage();
    }

    /// <summary>Tries a failed mail again now rather than at its next scheduled attempt.</summary>
    public async Task<IActionResult> OnPostRetryAsync(Guid id, CancellationToken ct)
    {
        if (!(await NoticeStore.RetryAsync(db, id, signal, clock, ct)).Ok)
        {
            return NotFound();
        }
        Flash("すぐに送り直します。しばらくしてからこの画面を開き直して、結果を確かめてください。");
        return RedirectToPage();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        SetTitle("通知の設定");
        HasPassword = await db.NoticeSettings.AnyAsync(s => s.RelayPassword != null, ct);
        Failures = await db.Notices.AsNoTracking().Where(n => n.MailAttempts > 0 && n.Mail != NoticeMailState.Sent && n.MailError != null)
            .OrderBy(n => n.NextAttemptAt).Take(100)
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => new Failure(n.Id, u.DisplayName, n.Title, n.MailAttempts, n.MailError, n.NextAttemptAt))
            .ToListAsync(ct);
    }
}
