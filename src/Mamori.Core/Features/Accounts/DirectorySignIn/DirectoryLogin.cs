using System.Security.Cryptography;
using System.Text;
using Mamori.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Accounts.DirectorySignIn;

/// <summary>Who the directory says signed in: the claims the connection names, already read from the ID token.</summary>
public sealed record DirectoryIdentity(string Subject, string? Name, string? Mail, IReadOnlyCollection<string> Groups);

/// <summary>
/// Just-in-time accounts: a directory sign-in creates the Mamori account on first use and brings its name, mail, role
/// and department up to date on every later one, from the first group rule the user's groups match. A user in no
/// listed group is refused; an account the directory made is suspended at that attempt (and taken back into use when
/// the directory lists the user again). An account 管理者 suspended stays suspended.
/// </summary>
public static class DirectoryLogin
{
    /// <summary>The suspension reason the directory writes, and the only one it lifts.</summary>
    public const string SuspendedReason = "ディレクトリで、Mamori を使うグループから外れました";

    public const string NoGroupMessage = "ディレクトリのアカウントに、Mamori を使うグループがありません。所属の管理者に確認してください。";
    public const string SuspendedMessage = "このアカウントは利用停止中です。管理者に連絡してください。";

    public static async Task<Outcome<AppUser>> RunAsync(AppDbContext db, UserManager<AppUser> users, CurrentTenant tenant, Guid municipalityId,
        DirectoryIdentity who, CancellationToken ct)
    {
        // The sign-in is not anyone yet: what it changes is recorded as the directory's doing.
        tenant.SetJob(municipalityId, "ディレクトリ連携");
        var rules = await db.DirectoryGroupRules.OrderBy(r => r.Position).ToListAsync(ct);
        var groups = who.Groups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rule = rules.FirstOrDefault(r => groups.Contains(r.GroupName));
        var user = await db.Users.FirstOrDefaultAsync(u => u.MunicipalityId == municipalityId && u.DirectorySubject == who.Subject, ct);
        if (user is null)
        {
            // A local account of the same name is taken over once (its password goes); 管理者 stay local, as the break-glass accounts.
            var normalized = users.NormalizeName(who.Subject);
            user = await db.Users.FirstOrDefaultAsync(u => u.MunicipalityId == municipalityId && u.NormalizedUserName == normalized
                && u.DirectorySubject == null && u.Role != UserRole.Admin, ct);
        }
        if (rule is null)
        {
            if (user is { DirectorySubject: not null, SuspendedAt: null })
            {
                user.SuspendedAt = DateTime.UtcNow;
                user.SuspensionReason = SuspendedReason;
                await users.UpdateSecurityStampAsync(user);
            }
            return Outcome<AppUser>.Fail(string.Empty, NoGroupMessage);
        }
        if (user is { SuspendedAt: not null } && user.SuspensionReason != SuspendedReason)
        {
            return Outcome<AppUser>.Fail(string.Empty, SuspendedMessage);
        }
        var created = user is null;
        user ??= new AppUser
        {
            UserName = UserNameFor(who.Subject, users.Options.User.AllowedUserNameCharacters),
            DisplayName = string.Empty,
            MunicipalityId = municipalityId,
            LockoutEnabled = true,
        };
        user.DirectorySubject = who.Subject;
        user.DisplayName = Limit(string.IsNullOrWhiteSpace(who.Name) ? who.Subject : who.Name.Trim(), 100);
        if (!string.IsNullOrWhiteSpace(who.Mail) && System.Net.Mail.MailAddress.TryCreate(who.Mail.Trim(), out _))
        {
            AccountEmail.Set(user, who.Mail.Trim());
        }
        user.Role = rule.Role;
        user.DepartmentId = rule.DepartmentId;
        user.IsSupervisor = rule.IsSupervisor;
        user.SuspendedAt = null;
        user.SuspensionReason = null;
        user.PasswordHash = null;
        user.MustChangePassword = false;
        var result = created ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return Outcome<AppUser>.Fail(string.Empty, string.Join(' ', result.Errors.Select(e => e.Description)));
        }
        return Outcome<AppUser>.Success(user);
    }

    /// <summary>The directory's id as a Mamori user name, or a stable stand-in when it has characters a user name cannot.</summary>
    internal static string UserNameFor(string subject, string? allowed) =>
        subject.Length <= 200 && (allowed is null || subject.All(allowed.Contains))
            ? subject
            : "dir-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject)))[..20];

    private static string Limit(string s, int max) => s.Length <= max ? s : s[..max];
}
