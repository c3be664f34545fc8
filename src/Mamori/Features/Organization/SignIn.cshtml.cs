using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Accounts.DirectorySignIn;
using Mamori.Features.Shared;
using Mamori.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Organization;

/// <summary>
/// ログインの設定 (管理者): the directory connection (OpenID Connect), which directory group gives which role and
/// department, whether staff may still use passwords, and how long a sign-in lasts.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class SignInModel(AppDbContext db, DirectorySchemes directory, IConfiguration config) : MamoriPageModel
{
    /// <summary>Blank rows offered below the stored ones.</summary>
    public const int BlankRows = 3;

    public sealed class InputModel
    {
        public bool Enabled { get; set; }
        public string? Issuer { get; set; }
        public string? ClientId { get; set; }
        public string? ClientSecret { get; set; }
        public string? Scopes { get; set; } = DirectoryConnection.DefaultScopes;
        public string? UserIdClaim { get; set; } = "sub";
        public string? NameClaim { get; set; } = "name";
        public string? MailClaim { get; set; } = "email";
        public string? GroupsClaim { get; set; } = "groups";
        public bool PasswordsOff { get; set; }
        public bool SignOutAtDirectory { get; set; } = true;
        public List<RuleRow> Rules { get; set; } = [];
        public int? SessionIdleMinutes { get; set; }
        public int? SessionAbsoluteHours { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class RuleRow
    {
        public string? GroupName { get; set; }
        public UserRole Role { get; set; } = UserRole.Department;
        public Guid? DepartmentId { get; set; }
        public bool IsSupervisor { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool HasSecret { get; private set; }
    public string Code { get; private set; } = string.Empty;
    public List<(Guid Id, string Name)> Departments { get; private set; } = [];
    public int DirectoryAccounts { get; private set; }

    /// <summary>The deployment's limits, shown beside the municipality's own.</summary>
    public SessionSettings Defaults => ServerSessions.From(config);

    /// <summary>The address to register at the directory as this municipality's redirect URI.</summary>
    public string CallbackUrl => $"{Request.Scheme}://{Request.Host}{DirectorySchemes.CallbackPrefix}{Code}";

    public string SignedOutUrl => $"{Request.Scheme}://{Request.Host}{DirectorySchemes.SignedOutPrefix}{Code}";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = await db.DirectoryConnections.AsNoTracking().FirstOrDefaultAsync(ct);
        var m = await db.Municipalities.AsNoTracking().FirstAsync(ct);
        Input = c is null ? new InputModel() : new InputModel
        {
            Enabled = c.Enabled,
            Issuer = c.Issuer,
            ClientId = c.ClientId,
            Scopes = c.Scopes,
            UserIdClaim = c.UserIdClaim,
            NameClaim = c.NameClaim,
            MailClaim = c.MailClaim,
            GroupsClaim = c.GroupsClaim,
            PasswordsOff = c.PasswordsOff,
            SignOutAtDirectory = c.SignOutAtDirectory,
            Version = c.Version,
        };
        Input.SessionIdleMinutes = m.SessionIdleMinutes;
        Input.SessionAbsoluteHours = m.SessionAbsoluteHours;
        Input.Rules = await db.DirectoryGroupRules.AsNoTracking().OrderBy(r => r.Position)
            .Select(r => new RuleRow { GroupName = r.GroupName, Role = r.Role, DepartmentId = r.DepartmentId, IsSupervisor = r.IsSupervisor }).ToListAsync(ct);
        await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var municipality = await db.Municipalities.AsNoTracking().FirstAsync(ct);
        var saved = await SaveDirectorySettings.RunAsync(db, municipality.Id, new DirectorySettingsInput
        {
            Enabled = Input.Enabled,
            Issuer = Input.Issuer,
            ClientId = Input.ClientId,
            ClientSecret = Input.ClientSecret,
            Scopes = Input.Scopes,
            UserIdClaim = Input.UserIdClaim,
            NameClaim = Input.NameClaim,
            MailClaim = Input.MailClaim,
            GroupsClaim = Input.GroupsClaim,
            PasswordsOff = Input.PasswordsOff,
            SignOutAtDirectory = Input.SignOutAtDirectory,
            Rules = Input.Rules.Select(r => new GroupRuleInput(r.GroupName, r.Role, r.DepartmentId, r.IsSupervisor)).ToList(),
            SessionIdleMinutes = Input.SessionIdleMinutes,
            SessionAbsoluteHours = Input.SessionAbsoluteHours,
            Version = Input.Version,
        }, s => Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(directory.Protector, s), ct);
        if (!saved.Ok)
        {
            AddErrors(saved);
            await ShowAsync(ct);
            return Page();
        }
        // The new settings take effect at the next sign-in, on this instance and on the others (the version changed).
        await directory.EnsureAsync(db, municipality.Code, ct);
        Flash("ログインの設定を保存しました。");
        return RedirectToPage();
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        SetTitle("ログインの設定");
        var c = await db.DirectoryConnections.AsNoTracking().FirstOrDefaultAsync(ct);
        HasSecret = !string.IsNullOrEmpty(c?.ClientSecret);
        var own = await db.Municipalities.Select(m => new { m.Id, m.Code }).FirstAsync(ct);
        Code = own.Code;
        Departments = (await db.Departments.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync(ct))
            .Select(d => (d.Id, d.Name)).ToList();
        DirectoryAccounts = await db.Users.CountAsync(u => u.MunicipalityId == own.Id && u.DirectorySubject != null, ct);
        while (Input.Rules.Count(r => string.IsNullOrWhiteSpace(r.GroupName)) < BlankRows)
        {
            Input.Rules.Add(new RuleRow());
        }
    }
}
