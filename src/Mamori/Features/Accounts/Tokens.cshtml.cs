using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Accounts;

[Authorize(Policy = Policies.SignedIn)]
public sealed class TokensModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : MamoriPageModel
{
    public sealed record Row(Guid Id, string Name, string Scope, string Modules, DateTime CreatedAt, DateTime ExpiresAt, DateTime? LastUsedAt, string State);

    public List<Row> Tokens { get; private set; } = [];
    public string? NewToken { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public int Days { get; set; } = 90;

    [BindProperty]
    public TokenScope Scope { get; set; } = TokenScope.Read;

    /// <summary>The modules the token is limited to; none chosen is every module.</summary>
    [BindProperty]
    public List<string> Modules { get; set; } = [];

    public static string ScopeName(TokenScope scope) => scope == TokenScope.Write ? "読み書き" : "読み取りのみ";

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var outcome = await IssueToken.RunAsync(db, user, Name, Days, Scope, clock, ct, Modules);
        if (!outcome.Ok)
        {
            AddErrors(outcome, prefix: string.Empty);
        }
        else
        {
            // Shown once, straight from the POST: the secret never goes into a redirect or TempData.
            NewToken = outcome.Value!.Token;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var token = await RevokeToken.RunAsync(db, id, users.GetUserId(User) ?? string.Empty, clock, ct);
        if (token is null)
        {
            return NotFound();
        }
        Flash($"トークン「{token.Name}」を失効させました。");
        return RedirectToPage();
    }

    /// <summary>The rows of a token list (this page and 管理者's).</summary>
    internal static Row ToRow(PersonalAccessToken t, DateTime now) =>
        new(t.Id, t.Name, ScopeName(t.Scope), ApiModules.Describe(t.Modules), t.CreatedAt, t.ExpiresAt, t.LastUsedAt,
            t.RevokedAt is not null ? "失効" : t.ExpiresAt <= now ? "期限切れ" : "有効");

    private async Task LoadAsync(CancellationToken ct)
    {
        SetTitle("API トークン", new Crumb("アカウント設定", "/account/security"));
        var userId = users.GetUserId(User);
        var now = clock.GetUtcNow().UtcDateTime;
        Tokens = (await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt).ToListAsync(ct)).Select(t => ToRow(t, now)).ToList();
    }
}
