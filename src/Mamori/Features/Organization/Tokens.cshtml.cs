using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization;

/// <summary>API トークン of the whole municipality (管理者): who holds which, what it reaches, when it was last used; revocable.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class TokensModel(AppDbContext db, TimeProvider clock) : MamoriPageModel
{
    public sealed record Holder(string UserName, string DisplayName, Mamori.Features.Accounts.TokensModel.Row Token);

    public List<Holder> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        SetTitle("API トークン（団体全体）");
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from t in db.PersonalAccessTokens.AsNoTracking()
                          join u in db.Users on t.UserId equals u.Id
                          orderby t.RevokedAt != null, t.ExpiresAt descending
                          select new { t, u.UserName, u.DisplayName }).ToListAsync(ct);
        Tokens = rows.Select(r => new Holder(r.UserName ?? string.Empty, r.DisplayName, Mamori.Features.Accounts.TokensModel.ToRow(r.t, now))).ToList();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var token = await RevokeToken.RunAsync(db, id, null, clock, ct);
        if (token is null)
        {
            return NotFound();
        }
        Flash($"トークン「{token.Name}」を失効させました。");
        return RedirectToPage();
    }
}
