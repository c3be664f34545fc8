using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Accounts.DirectorySignIn;

/// <summary>
/// ディレクトリ連携: how a municipality's staff sign in with their directory account (OpenID Connect, authorization
/// code with PKCE). One per municipality. The claims that carry the user id, name, mail and groups are named here,
/// because directories differ (Entra ID's <c>oid</c>, Keycloak's <c>preferred_username</c> …).
/// </summary>
[Label("ディレクトリ連携")]
public sealed class DirectoryConnection : IMunicipalityOwned, IVersioned
{
    public const string DefaultScopes = "openid profile email groups";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("ディレクトリ連携を使う")]
    public bool Enabled { get; set; }

    /// <summary>The OpenID provider's issuer (its discovery document is at <c>/.well-known/openid-configuration</c>).</summary>
    [Label("発行者（Issuer）")]
    public string Issuer { get; set; } = string.Empty;

    [Label("クライアントID")]
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The client secret, protected by data protection; never shown again once saved.</summary>
    [Label("クライアントシークレット")]
    public string? ClientSecret { get; set; }

    [Label("スコープ")]
    public string Scopes { get; set; } = DefaultScopes;

    [Label("ユーザーIDのクレーム")]
    public string UserIdClaim { get; set; } = "sub";

    [Label("氏名のクレーム")]
    public string NameClaim { get; set; } = "name";

    [Label("メールアドレスのクレーム")]
    public string MailClaim { get; set; } = "email";

    [Label("グループのクレーム")]
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>職員のパスワードでのログインを止める: only 管理者 (the break-glass accounts) still sign in with a password.</summary>
    [Label("職員のパスワードでのログインを止める")]
    public bool PasswordsOff { get; set; }

    /// <summary>Logging out of Mamori also ends the directory's session, when the directory offers that.</summary>
    [Label("ログアウトでディレクトリからもログアウト")]
    public bool SignOutAtDirectory { get; set; } = true;

    [Label("更新日時")]
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The scopes as sent to the provider.</summary>
    public IEnumerable<string> ScopeList() => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// グループの対応: a directory group and the role (and for 所管課, the department) it gives. Rules are read in order;
/// the first group the user belongs to decides. A user in no listed group cannot sign in, and an account made by the
/// directory is suspended at that attempt.
/// </summary>
[Label("グループの対応")]
public sealed class DirectoryGroupRule : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("順番")]
    public int Position { get; set; }

    [Label("グループ")]
    public required string GroupName { get; set; }

    [Label("役割")]
    public UserRole Role { get; set; }

    [Label("部署")]
    public Guid? DepartmentId { get; set; }

    [Label("所属長")]
    public bool IsSupervisor { get; set; }
}

internal sealed class DirectoryConnectionConfiguration : IEntityTypeConfiguration<DirectoryConnection>
{
    public void Configure(EntityTypeBuilder<DirectoryConnection> b)
    {
        b.Property(c => c.Issuer).HasMaxLength(500);
        b.Property(c => c.ClientId).HasMaxLength(200);
        b.Property(c => c.ClientSecret).HasMaxLength(2000);
        b.Property(c => c.Scopes).HasMaxLength(500);
        b.Property(c => c.UserIdClaim).HasMaxLength(100);
        b.Property(c => c.NameClaim).HasMaxLength(100);
        b.Property(c => c.MailClaim).HasMaxLength(100);
        b.Property(c => c.GroupsClaim).HasMaxLength(100);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasIndex(c => c.MunicipalityId).IsUnique();
        b.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryGroupRuleConfiguration : IEntityTypeConfiguration<DirectoryGroupRule>
{
    public void Configure(EntityTypeBuilder<DirectoryGroupRule> b)
    {
        b.Property(r => r.GroupName).HasMaxLength(300);
        b.Property(r => r.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.MunicipalityId, r.Position });
        b.HasOne<Municipality>().WithMany().HasForeignKey(r => r.MunicipalityId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
