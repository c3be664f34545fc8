using Microsoft.AspNetCore.Identity;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// Japanese names of the ASP.NET Core Identity rows kept beside the accounts and of the data-protection keys (their
/// classes are the framework's, so they cannot carry a <see cref="LabelAttribute"/>).
/// </summary>
public static class IdentityLabels
{
    public static IReadOnlyDictionary<Type, (string Entity, IReadOnlyDictionary<string, string> Fields)> Types { get; } =
        new Dictionary<Type, (string, IReadOnlyDictionary<string, string>)>
        {
            [typeof(IdentityUserClaim<string>)] = ("アカウントの属性", new Dictionary<string, string>
            {
                [nameof(IdentityUserClaim<string>.UserId)] = "アカウント",
                [nameof(IdentityUserClaim<string>.ClaimType)] = "属性の種類",
                [nameof(IdentityUserClaim<string>.ClaimValue)] = "属性の値",
            }),
            [typeof(IdentityUserLogin<string>)] = ("外部ログイン", new Dictionary<string, string>
            {
                [nameof(IdentityUserLogin<string>.LoginProvider)] = "認証方式",
                [nameof(IdentityUserLogin<string>.ProviderKey)] = "認証方式での ID",
                [nameof(IdentityUserLogin<string>.ProviderDisplayName)] = "認証方式の表示名",
                [nameof(IdentityUserLogin<string>.UserId)] = "アカウント",
            }),
            [typeof(IdentityUserToken<string>)] = ("認証情報", new Dictionary<string, string>
            {
                [nameof(IdentityUserToken<string>.UserId)] = "アカウント",
                [nameof(IdentityUserToken<string>.LoginProvider)] = "認証方式",
                [nameof(IdentityUserToken<string>.Name)] = "名称",
                [nameof(IdentityUserToken<string>.Value)] = "値",
            }),
            [typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)] = ("データ保護鍵", new Dictionary<string, string>
            {
                [nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey.FriendlyName)] = "鍵の名前",
                [nameof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey.Xml)] = "鍵",
            }),
        };
}
