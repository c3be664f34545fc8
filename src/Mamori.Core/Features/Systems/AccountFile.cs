using System.Globalization;
using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Systems;

/// <summary>One account as read from a system's export, before matching.</summary>
public sealed record AccountRow(int Row, string Login, string? EmployeeNumber, string? Name, string? Kana, DateOnly? LastUsedOn, bool IsDisabled);

/// <summary>
/// Reads an account list exported by a business system (CSV in UTF-8 or CP932, or .xlsx): finds the columns by the
/// names systems give them (ログインID, 利用者ID, 職員番号, 氏名カナ, 最終ログイン日時, 状態 …), or by the headers saved for
/// the system, and reads every row — all or nothing, each problem named by row and column.
/// </summary>
public static class AccountFile
{
    /// <summary>Header names per item, compared after <see cref="HeaderKey"/>.</summary>
    private static readonly string[] LoginNames =
        ["ログインid", "ログイン名", "ログインユーザー", "ログインユーザid", "ログインユーザーid", "ユーザーid", "ユーザid", "利用者id", "利用者コード", "ユーザーコード",
         "ユーザコード", "アカウント", "アカウントid", "アカウント名", "操作者id", "操作者コード", "userid", "loginid", "login", "account", "accountid", "accountname",
         "samaccountname", "uid", "id"];

    private static readonly string[] EmployeeNames =
        ["職員番号", "職員コード", "職員id", "職員no", "職員№", "社員番号", "社員コード", "個人コード", "employeeid", "employeeno", "employeenumber", "staffid", "staffno"];

    private static readonly string[] NameNames =
        ["氏名", "利用者名", "利用者氏名", "職員名", "職員氏名", "名前", "表示名", "ユーザー名", "ユーザ名", "操作者名", "name", "fullname", "displayname", "username"];

    private static readonly string[] KanaNames =
        ["ふりがな", "フリガナ", "カナ", "かな", "氏名カナ", "氏名かな", "氏名フリガナ", "カナ氏名", "フリガナ氏名", "よみ", "ヨミ", "よみがな", "利用者名カナ", "職員名カナ", "kana", "namekana"];

    private static readonly string[] LastUsedNames =
        ["最終ログイン", "最終ログイン日", "最終ログイン日時", "最終ログオン", "最終ログオン日時", "最終利用日", "最終利用日時", "最終アクセス", "最終アクセス日", "最終アクセス日時",
         "最終使用日", "最終使用日時", "lastlogin", "lastlogon", "lastlogintime", "lastlogondate", "lastused", "lastaccess"];

    private static readonly string[] StateNames =
        ["状態", "状況", "有効", "有効無効", "有効/無効", "利用状態", "利用状況", "アカウント状態", "ステータス", "無効", "停止", "利用停止", "ロック", "status", "state", "enabled", "disabled", "active", "locked"];

    /// <summary>Headers whose "yes" means the account is stopped (無効 = 1 means disabled).</summary>
    private static readonly string[] NegativeStateNames = ["無効", "停止", "利用停止", "ロック", "disabled", "locked"];

    private static readonly string[] Stopped =
        ["停止", "停止中", "利用停止", "無効", "休止", "休止中", "ロック", "ロック中", "削除", "削除済", "失効", "廃止", "disabled", "inactive", "locked", "suspended", "deleted", "false", "no", "off"];

    private static readonly string[] Running =
        ["有効", "利用中", "使用中", "正常", "稼働", "稼働中", "利用可", "enabled", "active", "true", "yes", "on", "ok"];

    /// <summary>The columns of a table as far as they can be recognised from its headers.</summary>
    public static AccountColumns Detect(IReadOnlyList<string> headers)
    {
        var keys = headers.Select(HeaderKey).ToList();
        string? Find(string[] names) => names.Select(n => keys.IndexOf(HeaderKey(n))).Where(i => i >= 0).Select(i => headers[i]).FirstOrDefault();
        string? Pair(string first, string second) =>
            keys.IndexOf(HeaderKey(first)) is var a and >= 0 && keys.IndexOf(HeaderKey(second)) is var b and >= 0 ? $"{headers[a]}+{headers[b]}" : null;

        var login = Find(LoginNames);
        var name = Find(NameNames) ?? Pair("姓", "名") ?? Pair("氏", "名");
        // ユーザー名 is the display name in most systems, but the login where nothing else is.
        if (login is null && name is not null && HeaderKey(name) is "ユーザー名" or "ユーザ名" or "username")
        {
            login = name;
            name = null;
        }
        return new AccountColumns
        {
            Login = login,
            EmployeeNumber = Find(EmployeeNames),
            Name = name,
            Kana = Find(KanaNames) ?? Pair("セイ", "メイ") ?? Pair("姓カナ", "名カナ") ?? Pair("せい", "めい"),
            LastUsed = Find(LastUsedNames),
            State = Find(StateNames),
        };
    }

    /// <summary>
    /// Reads the rows with the saved columns (falling back to detection for the items not saved). Problems are
    /// returned, not thrown; a non-empty list means nothing may be stored.
    /// </summary>
    public static (AccountColumns Columns, List<AccountRow> Rows, List<ImportProblem> Problems) Read(CsvTable table, AccountColumns saved)
    {
        var detected = Detect(table.Headers);
        var columns = new AccountColumns
        {
            Login = saved.Login ?? detected.Login,
            EmployeeNumber = saved.EmployeeNumber ?? detected.EmployeeNumber,
            Name = saved.Name ?? detected.Name,
            Kana = saved.Kana ?? detected.Kana,
            LastUsed = saved.LastUsed ?? detected.LastUsed,
            State = saved.State ?? detected.State,
        };
        var problems = new List<ImportProblem>();
        var found = string.Join("、", table.Headers.Where(h => h.Length > 0).Select(h => $"「{h}」"));
        if (columns.Login is null)
        {
            problems.Add(new ImportProblem(1, "ログインID", $"ログインIDの列が見つかりません（見出し：{found}）。システムの「列の対応」でログインIDの見出しを指定してください。"));
            return (columns, [], problems);
        }

        var indexes = new Dictionary<string, int[]>();
        foreach (var (item, spec) in Items(columns))
        {
            var parts = spec.Split('+').Select(p => p.Trim()).ToArray();
            var idx = parts.Select(p => IndexOfHeader(table.Headers, p)).ToArray();
            if (idx.Any(i => i < 0))
            {
                problems.Add(new ImportProblem(1, item, $"見出し「{string.Join("」「", parts.Where((_, k) => idx[k] < 0))}」がありません（見出し：{found}）。"
                    + "保存した「列の対応」と違う形式のファイルです。ファイルを確かめるか、列の対応を直してください。"));
            }
            indexes[item] = idx;
        }
        if (problems.Count > 0)
        {
            return (columns, [], problems);
        }

        string? Cell(CsvRow row, string item) => indexes.TryGetValue(item, out var idx)
            ? string.Join(item == "氏名" ? " " : "", idx.Select(i => row[i].Trim()).Where(c => c.Length > 0)) is { Length: > 0 } v ? v : null
            : null;
        var negative = columns.State is { } st && NegativeStateNames.Contains(HeaderKey(st));

        var rows = new List<AccountRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var login = Cell(row, "ログインID")?.Normalize(NormalizationForm.FormKC).Trim();
            if (login is null)
            {
                problems.Add(new ImportProblem(row.RowNumber, columns.Login, "ログインIDが空です。"));
                continue;
            }
            if (login.Length > 100)
            {
                problems.Add(new ImportProblem(row.RowNumber, columns.Login, $"ログインIDは100文字以内です（今は{login.Length}文字）。"));
                continue;
            }
            if (seen.TryGetValue(login, out var first))
            {
                problems.Add(new ImportProblem(row.RowNumber, columns.Login, $"ログインID「{login}」が {first} 行目と重複しています。"));
                continue;
            }
            seen[login] = row.RowNumber;

            var number = Cell(row, "職員番号")?.Normalize(NormalizationForm.FormKC);
            if (number is { Length: > 20 })
            {
                problems.Add(new ImportProblem(row.RowNumber, columns.EmployeeNumber!, $"職員番号は20文字以内です（今は{number.Length}文字）。"));
            }
            var name = Cell(row, "氏名");
            var kana = Cell(row, "ふりがな");
            foreach (var (value, header, label) in new[] { (name, columns.Name, "氏名"), (kana, columns.Kana, "ふりがな") })
            {
                if (value is { Length: > 100 })
                {
                    problems.Add(new ImportProblem(row.RowNumber, header!, $"{label}は100文字以内です（今は{value.Length}文字）。"));
                }
            }

            DateOnly? lastUsed = null;
            if (Cell(row, "最終利用日") is { } usedText && !NeverUsed(usedText))
            {
                if (ReadDate(usedText) is { } d)
                {
                    lastUsed = d;
                }
                else
                {
                    problems.Add(new ImportProblem(row.RowNumber, columns.LastUsed!,
                        $"「{usedText}」は日付として読めません。2024/04/01、2024-04-01 12:34、令和6年4月1日 のような形か、未使用なら空欄にしてください。"));
                }
            }

            var disabled = false;
            if (Cell(row, "状態") is { } stateText)
            {
                if (ReadState(stateText, negative) is { } s)
                {
                    disabled = s;
                }
                else
                {
                    problems.Add(new ImportProblem(row.RowNumber, columns.State!,
                        $"状態「{stateText}」を読めません。有効・停止（無効）、1・0、○・× のいずれかにしてください。"));
                }
            }
            rows.Add(new AccountRow(row.RowNumber, login, number is { Length: > 0 } ? number.Trim() : null, name, kana, lastUsed, disabled));
        }
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(2, columns.Login, "アカウントが1件もありません。2 行目からアカウントを入れてください。"));
        }
        return (columns, rows, problems);
    }

    private static IEnumerable<(string Item, string Spec)> Items(AccountColumns c)
    {
        foreach (var (item, spec) in new[]
                 {
                     ("ログインID", c.Login), ("職員番号", c.EmployeeNumber), ("氏名", c.Name), ("ふりがな", c.Kana), ("最終利用日", c.LastUsed), ("状態", c.State),
                 })
        {
            if (spec is not null)
            {
                yield return (item, spec);
            }
        }
    }

    private static int IndexOfHeader(IReadOnlyList<string> headers, string header)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Trim() == header)
            {
                return i;
            }
        }
        return headers.Select(HeaderKey).ToList().IndexOf(HeaderKey(header));
    }

    /// <summary>A header compared loosely: NFKC, lower case, without spaces, brackets, dots and separators.</summary>
    public static string HeaderKey(string header)
    {
        var folded = header.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (!char.IsWhiteSpace(ch) && "()[]{}<>「」『』【】・_-.:：*※\"'".IndexOf(ch, StringComparison.Ordinal) < 0)
            {
                sb.Append(ch);
            }
        }
        return sb.ToString();
    }

    private static bool NeverUsed(string text) => HeaderKey(text) is "" or "なし" or "無し" or "未ログイン" or "未使用" or "未利用" or "never" or "-" or "ー" or "―" or "0";

    /// <summary>A last-use value: a date with or without a time, 和暦, 20240401, or an Excel serial date.</summary>
    internal static DateOnly? ReadDate(string text)
    {
        var t = text.Normalize(NormalizationForm.FormKC).Trim();
        if ((t.Length == 5 || t.Contains('.', StringComparison.Ordinal)) && t.Length <= 16
            && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 20000 and < 80000)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(serial)));
        }
        // Drop a time: "2024/04/01 12:34:56", "2024-04-01T12:34", "令和6年4月1日 9時".
        var cut = t.IndexOfAny([' ', 'T']);
        var datePart = cut > 0 && char.IsDigit(t[cut - 1]) || cut > 0 && t[cut - 1] == '日' ? t[..cut] : t;
        return WarekiDate.TryParse(datePart, out var date, out _) ? date : null;
    }

    /// <summary>True when the value says the account is stopped, false when in use, null when unreadable.</summary>
    internal static bool? ReadState(string text, bool negativeHeader)
    {
        var key = HeaderKey(text);
        if (Stopped.Contains(key))
        {
            return true;
        }
        if (Running.Contains(key))
        {
            return false;
        }
        bool? yes = key switch
        {
            "1" or "○" or "〇" or "◯" or "有" or "あり" or "y" => true,
            "0" or "×" or "✕" or "無" or "なし" or "n" => false,
            _ => null,
        };
        // Under 有効 a "yes" is in use; under 無効/停止 a "yes" is stopped.
        return yes is null ? null : negativeHeader ? yes : !yes;
    }
}
