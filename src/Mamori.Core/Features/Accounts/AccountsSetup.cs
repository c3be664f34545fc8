using Mamori.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Mamori.Core.Features.Accounts;

/// <summary>Identity options shared by the web host and the command line.</summary>
public static class AccountsSetup
{
    /// <summary>Minimum password length.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Failed logins before the account is locked.</summary>
    public const int MaxFailedLogins = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>A typed authenticator code as Identity expects it: NFKC (full-width digits), no spaces or hyphens.</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? string.Empty).Normalize(System.Text.NormalizationForm.FormKC).Where(char.IsAsciiDigit).ToArray());

    /// <summary>Adds the user manager with Mamori's password and lockout rules and Japanese messages.</summary>
    /// <summary>How long a mailed password-reset link works.</summary>
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromMinutes(30);

    public static IdentityBuilder AddMamoriIdentityCore(this IServiceCollection services)
    {
        var builder = services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticator.Name;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokens.Name;
            })
            .AddErrorDescriber<JapaneseIdentityErrorDescriber>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticator>(SingleUseAuthenticator.Name)
            .AddTokenProvider<PasswordResetTokens>(PasswordResetTokens.Name)
            .AddPasswordValidator<CommonPasswordValidator>();
        // User names are unique per municipality: Identity's deployment-wide check and find-by-name are replaced.
        services.RemoveAll<IUserValidator<AppUser>>();
        return builder.AddUserValidator<MunicipalUserValidator>().AddUserStore<MunicipalUserStore>();
    }
}

/// <summary>Identity's messages in Japanese, saying what to do.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "処理できませんでした。もう一度お試しください。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "他の操作で先に更新されました。画面を開き直してから操作してください。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "現在のパスワードが正しくありません。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "確認コードが正しくないか、期限が切れています。");
    public override IdentityError LoginAlreadyAssociated() => E(nameof(LoginAlreadyAssociated), "このログインは既に別のアカウントに関連付けられています。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"ユーザー名「{userName}」は使えません。半角英数字と - . _ @ で入力してください。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"メールアドレス「{email}」の形式が正しくありません。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"ユーザー名「{userName}」は既に使われています。別の名前にしてください。");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"メールアドレス「{email}」は既に使われています。");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "このアカウントには既にパスワードが設定されています。");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "このアカウントはロックできません。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"パスワードは{length}文字以上にしてください。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"パスワードには{uniqueChars}種類以上の文字を使ってください。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "パスワードに記号を1文字以上含めてください。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "パスワードに数字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "パスワードに英小文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "パスワードに英大文字を1文字以上含めてください。");
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), "リカバリーコードが正しくありません。");
}
