using Mamori.Core.Data;

namespace Mamori.Core.Features.Accounts;

/// <summary>An issued token: the secret (shown once) and when it expires.</summary>
public sealed record IssuedToken(Guid Id, string Token, DateTime ExpiresAt, TokenScope Scope, string Modules = "");

/// <summary>
/// Issues a personal access token for the API (1 to 366 days, read-only or read-write). Its lifetime is fixed when
/// it is issued; nothing extends it. Only a signed-in person (the page) or the command line issues tokens: a token
/// authenticates the API alone, and the API has no way to issue one.
/// </summary>
public static class IssueToken
{
    public const int MaxDays = 366;

    public static async Task<Outcome<IssuedToken>> RunAsync(AppDbContext db, AppUser user, string? name, int days, TokenScope scope, TimeProvider clock, CancellationToken ct,
        IEnumerable<string>? modules = null)
    {
        if (days is < 1 or > MaxDays)
        {
            return Outcome<IssuedToken>.Fail("Days", $"有効日数は1日から{MaxDays}日の間で指定してください。");
        }
        if (ApiModules.Unknown(modules) is { Count: > 0 } unknown)
        {
            return Outcome<IssuedToken>.Fail("Modules", $"対象の機能「{string.Join("、", unknown)}」はありません。次から選んでください：{string.Join("、", ApiModules.All.Select(m => $"{m.Key}（{m.Name}）"))}。");
        }
        if (user.SuspendedAt is not null)
        {
            return Outcome<IssuedToken>.Conflict("利用停止中のアカウントにはトークンを発行できません。");
        }
        var (token, hash) = PersonalAccessToken.Generate();
        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new PersonalAccessToken
        {
            MunicipalityId = user.MunicipalityId,
            UserId = user.Id,
            Name = string.IsNullOrWhiteSpace(name) ? "API トークン" : name.Trim(),
            TokenHash = hash,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
            Scope = scope,
            Modules = ApiModules.Normalize(modules),
        };
        db.PersonalAccessTokens.Add(entity);
        await db.SaveChangesAsync(ct);
        return Outcome<IssuedToken>.Success(new IssuedToken(entity.Id, token, entity.ExpiresAt, scope, entity.Modules));
    }
}

/// <summary>Revokes a token: its owner's own (an owner id given), or any of the municipality's (管理者, no owner id).</summary>
public static class RevokeToken
{
    public static async Task<PersonalAccessToken?> RunAsync(AppDbContext db, Guid id, string? ownerId, TimeProvider clock, CancellationToken ct)
    {
        var token = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.PersonalAccessTokens,
            t => t.Id == id && (ownerId == null || t.UserId == ownerId), ct);
        if (token is null)
        {
            return null;
        }
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return token;
    }
}
