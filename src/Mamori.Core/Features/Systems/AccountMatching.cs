using System.Text;

namespace Mamori.Core.Features.Systems;

/// <summary>A member of staff as matching sees them.</summary>
public sealed record StaffKey(Guid Id, string EmployeeNumber, string Name, string? NameKana);

/// <summary>
/// Matches a system's accounts to staff: by 職員番号 (leading zeros and full-width digits aside), then by a login that
/// is the 職員番号 or the Mamori user name of a member of staff, then by name with kana (spaces, half-width kana,
/// katakana/hiragana and the common variant kanji 髙・﨑 aside). A name shared by two people matches nobody.
/// </summary>
public sealed class AccountMatching
{
    private readonly Dictionary<string, Guid> _byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _byUserName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ILookup<string, StaffKey> _byName;

    public AccountMatching(IEnumerable<StaffKey> staff, IEnumerable<(string UserName, Guid StaffId)> mamoriUsers)
    {
        var list = staff.ToList();
        foreach (var s in list)
        {
            _byNumber.TryAdd(NumberKey(s.EmployeeNumber), s.Id);
        }
        foreach (var (userName, staffId) in mamoriUsers)
        {
            _byUserName.TryAdd(userName.Trim(), staffId);
        }
        _byName = list.ToLookup(s => NameKey(s.Name), StringComparer.Ordinal);
    }

    /// <summary>The staff member an account belongs to and how it was found, or (null, None).</summary>
    public (Guid? StaffId, AccountMatch By) Match(AccountRow account)
    {
        if (account.EmployeeNumber is { Length: > 0 } number && _byNumber.TryGetValue(NumberKey(number), out var byNumber))
        {
            return (byNumber, AccountMatch.EmployeeNumber);
        }
        if (_byNumber.TryGetValue(NumberKey(account.Login), out var byLogin) || _byUserName.TryGetValue(account.Login, out byLogin))
        {
            return (byLogin, AccountMatch.Login);
        }
        if (account.Name is { Length: > 0 } name)
        {
            var candidates = _byName[NameKey(name)].ToList();
            if (account.Kana is { Length: > 0 } kana)
            {
                candidates = candidates.Where(c => c.NameKana is null || KanaKey(c.NameKana) == KanaKey(kana)).ToList();
            }
            if (candidates.Count == 1)
            {
                return (candidates[0].Id, AccountMatch.Name);
            }
        }
        return (null, AccountMatch.None);
    }

    /// <summary>職員番号 compared: NFKC, upper case, leading zeros of an all-digit number dropped.</summary>
    public static string NumberKey(string number)
    {
        var t = number.Normalize(NormalizationForm.FormKC).Trim().ToUpperInvariant();
        return t.Length > 0 && t.All(char.IsAsciiDigit) ? t.TrimStart('0') is { Length: > 0 } n ? n : "0" : t;
    }

    /// <summary>A name compared: NFKC, without any space, with 髙→高 and 﨑→崎 (lost in Shift_JIS exports).</summary>
    public static string NameKey(string name)
    {
        var sb = new StringBuilder();
        foreach (var ch in name.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(ch))
            {
                sb.Append(ch switch { '髙' => '高', '﨑' => '崎', '德' => '徳', _ => ch });
            }
        }
        return sb.ToString();
    }

    /// <summary>Kana compared: NFKC (half-width folded), hiragana, without spaces or the middle dot.</summary>
    public static string KanaKey(string kana)
    {
        var sb = new StringBuilder();
        foreach (var ch in kana.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(ch) || ch == '・')
            {
                continue;
            }
            sb.Append(ch is >= 'ァ' and <= 'ヶ' ? (char)(ch - 0x60) : ch);
        }
        return sb.ToString();
    }
}
