using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts.DirectorySignIn;

/// <summary>One row of the group table as 管理者 typed it.</summary>
public sealed record GroupRuleInput(string? GroupName, UserRole Role, Guid? DepartmentId, bool IsSupervisor = false);

/// <summary>What 管理者 enters on the sign-in settings page.</summary>
public sealed record DirectorySettingsInput
{
    public bool Enabled { get; init; }
    public string? Issuer { get; init; }
    public string? ClientId { get; init; }

    /// <summary>A new secret; blank keeps the stored one.</summary>
    public string? ClientSecret { get; init; }

    public string? Scopes { get; init; }
    public string? UserIdClaim { get; init; }
    public string? NameClaim { get; init; }
    public string? MailClaim { get; init; }
    public string? GroupsClaim { get; init; }
    public bool PasswordsOff { get; init; }
    public bool SignOutAtDirectory { get; init; } = true;
    public IReadOnlyList<GroupRuleInput> Rules { get; init; } = [];

    /// <summary>アイドルタイムアウト（分）; null keeps the deployment's default.</summary>
    public int? SessionIdleMinutes { get; init; }

    /// <summary>ログインの有効時間（時間）; null keeps the deployment's default.</summary>
    public int? SessionAbsoluteHours { get; init; }

    public Guid? Version { get; init; }
}

/// <summary>
/// Saves a municipality's sign-in settings: the directory connection, its group table and the session limits. The
/// group table is replaced as a whole; passwords can be turned off only while a 管理者 can still sign in with one.
/// </summary>
public static class SaveDirectorySettings
{
    public const int MinIdleMinutes = 5;
    public const int MaxIdleMinutes = 480;
    public const int MaxAbsoluteHours = 24;

    public static async Task<Outcome<DirectoryConnection>> RunAsync(AppDbContext db, Guid municipalityId, DirectorySettingsInput input,
        Func<string, string> protect, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var connection = await db.DirectoryConnections.FirstOrDefaultAsync(ct);
        if (connection is not null && input.Version is { } v && v != connection.Version)
        {
            return Outcome<DirectoryConnection>.Conflict(OptimisticSave.ConflictMessage);
        }
        var issuer = input.Issuer?.Trim().TrimEnd('/');
        var clientId = input.ClientId?.Trim();
        if (input.Enabled)
        {
            if (errors.Required(nameof(input.Issuer), issuer, "発行者（Issuer）") && DirectoryIssuer.Problem(issuer!) is { } problem)
            {
                errors.Add(nameof(input.Issuer), problem);
            }
            errors.Required(nameof(input.ClientId), clientId, "クライアントID");
            if (string.IsNullOrEmpty(input.ClientSecret) && string.IsNullOrEmpty(connection?.ClientSecret))
            {
                errors.Add(nameof(input.ClientSecret), "クライアントシークレットを入力してください（ディレクトリの管理画面で、このクライアントに発行されたもの）。");
            }
        }
        errors.MaxLength(nameof(input.Issuer), issuer, 500, "発行者（Issuer）");
        errors.MaxLength(nameof(input.ClientId), clientId, 200, "クライアントID");
        var scopes = string.Join(' ', (input.Scopes ?? DirectoryConnection.DefaultScopes).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct());
        if (!scopes.Split(' ').Contains("openid"))
        {
            errors.Add(nameof(input.Scopes), "スコープには openid を含めてください（OpenID Connect のログインに必要です）。");
        }
        errors.MaxLength(nameof(input.Scopes), scopes, 500, "スコープ");
        var claims = new Dictionary<string, string?>
        {
            [nameof(input.UserIdClaim)] = Claim(input.UserIdClaim, "sub"),
            [nameof(input.NameClaim)] = Claim(input.NameClaim, "name"),
            [nameof(input.MailClaim)] = Claim(input.MailClaim, "email"),
            [nameof(input.GroupsClaim)] = Claim(input.GroupsClaim, "groups"),
        };
        foreach (var (field, value) in claims)
        {
            errors.MaxLength(field, value, 100, "クレーム名");
        }

        var rules = await RulesAsync(db, municipalityId, input.Rules, errors, ct);
        var idle = input.SessionIdleMinutes;
        var absolute = input.SessionAbsoluteHours;
        if (idle is { } i && i is < MinIdleMinutes or > MaxIdleMinutes)
        {
            errors.Add(nameof(input.SessionIdleMinutes), $"アイドルタイムアウトは{MinIdleMinutes}分から{MaxIdleMinutes}分の間で入力してください。");
        }
        if (absolute is { } a && a is < 1 or > MaxAbsoluteHours)
        {
            errors.Add(nameof(input.SessionAbsoluteHours), $"ログインの有効時間は1時間から{MaxAbsoluteHours}時間の間で入力してください。");
        }
        else if (idle is { } i2 && absolute is { } a2 && i2 > a2 * 60)
        {
            errors.Add(nameof(input.SessionIdleMinutes), "アイドルタイムアウトは、ログインの有効時間より短くしてください。");
        }
        if (input.PasswordsOff)
        {
            if (!input.Enabled)
            {
                errors.Add(nameof(input.PasswordsOff), "パスワードでのログインを止めるには、ディレクトリ連携を使う設定にしてください。");
            }
            else if (rules.Count == 0)
            {
                errors.Add(nameof(input.PasswordsOff), "パスワードでのログインを止めるには、グループの対応を1行以上登録してください。");
            }
            // The break-glass account: without one, a directory outage would lock everyone out.
            if (!await db.Users.AnyAsync(u => u.MunicipalityId == municipalityId && u.Role == UserRole.Admin && u.PasswordHash != null
                    && u.SuspendedAt == null && u.DirectorySubject == null, ct))
            {
                errors.Add(nameof(input.PasswordsOff), "パスワードでログインできる管理者のアカウントがありません。ディレクトリが止まったときのために、先に作成してください。");
            }
        }
        if (errors.Any)
        {
            return errors.Fail<DirectoryConnection>();
        }

        if (connection is null)
        {
            connection = new DirectoryConnection { MunicipalityId = municipalityId };
            db.DirectoryConnections.Add(connection);
        }
        connection.Enabled = input.Enabled;
        connection.Issuer = issuer ?? string.Empty;
        connection.ClientId = clientId ?? string.Empty;
        if (!string.IsNullOrEmpty(input.ClientSecret))
        {
            connection.ClientSecret = protect(input.ClientSecret);
        }
        connection.Scopes = scopes;
        connection.UserIdClaim = claims[nameof(input.UserIdClaim)]!;
        connection.NameClaim = claims[nameof(input.NameClaim)]!;
        connection.MailClaim = claims[nameof(input.MailClaim)]!;
        connection.GroupsClaim = claims[nameof(input.GroupsClaim)]!;
        connection.PasswordsOff = input.PasswordsOff;
        connection.SignOutAtDirectory = input.SignOutAtDirectory;
        connection.UpdatedAt = DateTime.UtcNow;

        var stored = await db.DirectoryGroupRules.OrderBy(r => r.Position).ToListAsync(ct);
        if (!stored.Select(Key).SequenceEqual(rules.Select(Key)))
        {
            db.DirectoryGroupRules.RemoveRange(stored);
            db.DirectoryGroupRules.AddRange(rules);
        }
        var municipality = await db.Municipalities.FirstAsync(m => m.Id == municipalityId, ct);
        municipality.SessionIdleMinutes = idle;
        municipality.SessionAbsoluteHours = absolute;
        return await OptimisticSave.SaveAsync(db, connection, ct);
    }

    private static string Claim(string? typed, string fallback) => string.IsNullOrWhiteSpace(typed) ? fallback : typed.Trim();

    private static string Key(DirectoryGroupRule r) => $"{r.Position}|{r.GroupName}|{r.Role}|{r.DepartmentId}|{r.IsSupervisor}";

    private static async Task<List<DirectoryGroupRule>> RulesAsync(AppDbContext db, Guid municipalityId, IReadOnlyList<GroupRuleInput> input,
        FieldErrors errors, CancellationToken ct)
    {
        var departments = (await db.Departments.Where(d => d.MunicipalityId == municipalityId).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var rules = new List<DirectoryGroupRule>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < input.Count; i++)
        {
            var row = input[i];
            var group = row.GroupName?.Trim();
            if (string.IsNullOrEmpty(group))
            {
                continue;
            }
            var field = $"Rules[{i}]";
            var line = $"{rules.Count + 1}行目";
            if (group.Length > 300)
            {
                errors.Add(field, $"{line}：グループ名は300文字以内で入力してください。");
            }
            if (seen.TryGetValue(group, out var first))
            {
                errors.Add(field, $"{line}：グループ「{group}」は{first}行目にもあります。1つのグループには1行だけ登録してください。");
                continue;
            }
            seen[group] = rules.Count + 1;
            if (row.DepartmentId is { } d && !departments.Contains(d))
            {
                errors.Add(field, $"{line}：選ばれた部署はこの団体にありません。");
            }
            if (row.Role == UserRole.Department && row.DepartmentId is null)
            {
                errors.Add(field, $"{line}：所管課の役割には部署を選んでください。");
            }
            if (row.IsSupervisor && row.DepartmentId is null)
            {
                errors.Add(field, $"{line}：所属長にするには、長を務める部署を選んでください。");
            }
            rules.Add(new DirectoryGroupRule
            {
                MunicipalityId = municipalityId,
                Position = rules.Count + 1,
                GroupName = group,
                Role = row.Role,
                DepartmentId = row.DepartmentId,
                IsSupervisor = row.IsSupervisor,
            });
        }
        return rules;
    }
}

/// <summary>Checks on an issuer address.</summary>
public static class DirectoryIssuer
{
    /// <summary>Why the address cannot be an issuer, or null. Plain http is allowed on the machine itself only.</summary>
    public static string? Problem(string issuer)
    {
        if (!Uri.TryCreate(issuer, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            return "発行者は https:// から始まるアドレス（例：https://login.city.example.lg.jp/realms/staff）で入力してください。";
        }
        if (uri.Scheme == "http" && !uri.IsLoopback)
        {
            return "発行者は https:// のアドレスにしてください（暗号化されない http は、このサーバー自身の上のものだけ使えます）。";
        }
        return null;
    }
}
