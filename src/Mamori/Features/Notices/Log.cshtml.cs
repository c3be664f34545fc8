using Mamori.Core.Data;
using Mamori.Core.Features.Notices;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
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

    public async Task OnGetAsync(string? rule, CancellationToken ct)
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
