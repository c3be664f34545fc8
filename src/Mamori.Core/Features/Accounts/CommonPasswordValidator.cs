using System.Reflection;
using System.Text;
using Mamori.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Mamori.Core.Features.Accounts;

/// <summary>
/// ASVS 2.1.7: refuses a password that guessing tools try first (the shipped <c>CommonPasswords.txt</c>, and the
/// operator's list at <c>Mamori:Passwords:DenyListFile</c>), a password built from one of those words with digits
/// or symbols around it or repeated, and a password that contains the user name or the municipality's code.
/// </summary>
public sealed class CommonPasswordValidator(AppDbContext db, IConfiguration config) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Shipped = new(() =>
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Mamori.Core.Features.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt が埋め込まれていません。");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Words(reader.ReadToEnd());
    });

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return IdentityResult.Success;
        }
        var errors = new List<IdentityError>();
        if (IsCommon(password, Shipped.Value) || (DenyList() is { } own && IsCommon(password, own)))
        {
            errors.Add(new IdentityError { Code = "CommonPassword", Description = "よく使われるパスワードや、それに数字・記号を付けただけのものは使えません。推測されにくい言葉の組み合わせにしてください。" });
        }
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "ContainsUserName", Description = "パスワードにユーザー名を含めないでください。" });
        }
        var code = await db.Municipalities.IgnoreQueryFilters().Where(m => m.Id == user.MunicipalityId).Select(m => m.Code).FirstOrDefaultAsync();
        if (code is { Length: > 0 } && password.Contains(code, StringComparison.Ordinal))
        {
            errors.Add(new IdentityError { Code = "ContainsMunicipalityCode", Description = "パスワードに団体コードを含めないでください。" });
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>
    /// Whether <paramref name="password"/>, read with look-alike characters as letters and without the digits and
    /// symbols before and after it, is a listed word, or a listed word repeated.
    /// </summary>
    public static bool IsCommon(string password, IReadOnlySet<string> words)
    {
        var plain = password.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        if (words.Contains(plain))
        {
            return true;
        }
        var read = Unleet(plain);
        var inner = Strip(plain);
        foreach (var candidate in new[] { plain, read, inner, Unleet(inner), Strip(read) })
        {
            if (candidate.Length == 0 || words.Contains(candidate) || IsRepeat(candidate, words))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsRepeat(string text, IReadOnlySet<string> words)
    {
        for (var length = 1; length <= text.Length / 2; length++)
        {
            if (text.Length % length == 0 && Enumerable.Range(0, text.Length / length).All(i => text.AsSpan(i * length, length).SequenceEqual(text.AsSpan(0, length)))
                && (length <= 2 || words.Contains(text[..length])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The word inside: digits and symbols removed from both ends.</summary>
    private static string Strip(string text) => text.Trim("0123456789!@#$%^&*()_+-=[]{};:'\",.<>/?`~\\| ".ToCharArray());

    private static string Unleet(string text) => new(text.Select(Unleet).ToArray());

    private static char Unleet(char c) => c switch
    {
        '0' => 'o',
        '1' or '!' or '|' => 'i',
        '3' => 'e',
        '4' or '@' => 'a',
        '5' or '$' => 's',
        '7' => 't',
        _ => c,
    };

    private HashSet<string>? DenyList() =>
        config["Mamori:Passwords:DenyListFile"] is { Length: > 0 } path && File.Exists(path) ? Words(File.ReadAllText(path)) : null;

    private static HashSet<string> Words(string text) =>
        text.Split('\n').Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
}
