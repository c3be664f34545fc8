namespace Mamori.Core.Features.Accounts;

/// <summary>The roles of PRODUCT.md. Stored by English name; shown by Japanese name.</summary>
public enum UserRole
{
    /// <summary>管理者: platform administration.</summary>
    Admin,

    /// <summary>事務局: the privacy office.</summary>
    Office,

    /// <summary>所管課: a business department, limited to its own records.</summary>
    Department,

    /// <summary>委員: a council member.</summary>
    Member,

    /// <summary>セキュリティ担当.</summary>
    Security,

    /// <summary>監査: read-only everywhere in its municipality.</summary>
    Auditor,
}

/// <summary>Japanese names of roles and parsing from either language.</summary>
public static class UserRoles
{
    /// <summary>All roles in display order.</summary>
    public static IReadOnlyList<UserRole> All { get; } = Enum.GetValues<UserRole>();

    /// <summary>The UI name (管理者, 事務局 …).</summary>
    public static string JapaneseName(this UserRole role) => role switch
    {
        UserRole.Admin => "管理者",
        UserRole.Office => "事務局",
        UserRole.Department => "所管課",
        UserRole.Member => "委員",
        UserRole.Security => "セキュリティ担当",
        UserRole.Auditor => "監査",
        _ => role.ToString(),
    };

    /// <summary>Parses 管理者 / Admin / admin and so on.</summary>
    public static bool TryParse(string? text, out UserRole role)
    {
        var t = text?.Trim() ?? string.Empty;
        foreach (var r in All)
        {
            if (string.Equals(t, r.ToString(), StringComparison.OrdinalIgnoreCase) || t == r.JapaneseName())
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }
}
