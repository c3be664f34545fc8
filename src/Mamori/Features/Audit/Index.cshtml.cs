using Mamori.Core.Data;
using Mamori.Core.Features.Audit;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Audit;

[Authorize(Policy = Policies.AuditRead)]
public sealed class IndexModel(AppDbContext db) : MamoriPageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public AuditAction? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<AuditEntry> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Skip => Pager.Skip;
    public Pager Pager => new(PageNumber, Total, PageSize, "/audit", QueryString);

    public string QueryString => Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
    {
        ["from"] = From,
        ["to"] = To,
        ["entity"] = Entity,
        ["action"] = Action?.ToString(),
        ["actor"] = Actor,
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("監査ログ");
        PageNumber = Math.Max(1, PageNumber);
        var filter = new AuditFilter(ParseDate(From, "from"), ParseDate(To, "to"), Entity, Action, Actor);
        var query = filter.Apply(db);
        Total = await query.CountAsync(ct);
        PageNumber = Pager.Current;
        Rows = await query.Skip(Skip).Take(PageSize).ToListAsync(ct);
    }
}
