using Mamori.Core.Csv;
using Mamori.Core.Data;
using Mamori.Core.Features.Notices;
using Mamori.Core.Japanese;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Notices;

/// <summary>お知らせの送信記録: who was told what, and when it reached them by mail (事務局・管理者・監査).</summary>
[Authorize(Policy = Policies.NoticesLog)]
public sealed class LogModel(AppDbContext db) : MamoriPageModel
{
    public const int PageSize = 300;

    public sealed record Row(DateTime CreatedAt, string Recipient, NoticeRule Rule, string Title, DateTime? ReadAt, NoticeMailState Mail, DateTime? MailedAt, string? MailError);

    public List<Row> Rows { get; private set; } = [];

    public NoticeRule? Rule { get; private set; }

    public async Task OnGetAsync(string? rule, CancellationToken ct) => await LoadAsync(rule, ct);

    /// <summary>The same rows as CSV (UTF-8 with BOM, or Shift_JIS), for the PPC or the council.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? rule, string? encoding, CancellationToken ct)
    {
        await LoadAsync(rule, ct);
        var csv = CsvEncodings.FromName(encoding);
        static string Time(DateTime? t) => t is { } v ? WarekiDate.FormatDateTime(v) : string.Empty;
        var bytes = CsvWriter.ToBytes(csv, ["日時", "宛先", "種類", "件名", "既読", "メール", "メール送信日時", "送信エラー"],
            Rows.Select(n => new[] { Time(n.CreatedAt), n.Recipient, n.Rule.JapaneseName(), n.Title, n.ReadAt is null ? "未読" : Time(n.ReadAt), n.Mail.JapaneseName(),
                Time(n.MailedAt), n.Mail == NoticeMailState.Sent ? null : n.MailError }));
        await HttpContext.RecordExportAsync("お知らせの送信記録（CSV）", Rows.Count);
        return File(bytes, CsvEncodings.ContentType(csv), "お知らせの送信記録.csv");
    }

    private async Task LoadAsync(string? rule, CancellationToken ct)
    {
        SetTitle("お知らせの送信記録");
        Rule = Enum.TryParse<NoticeRule>(rule, out var r) ? r : null;
        var query = db.Notices.AsNoTracking();
        if (Rule is { } only)
        {
            query = query.Where(n => n.Rule == only);
        }
        Rows = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize)
            .Join(db.Users, n => n.RecipientId, u => u.Id, (n, u) => new Row(n.CreatedAt, u.DisplayName, n.Rule, n.Title, n.ReadAt, n.Mail, n.MailedAt, n.MailError))
            .ToListAsync(ct);
    }
}
