using System.Globalization;
using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Features.Systems;
using MiniExcelLibs;

namespace Mamori.Core.Tests.Features.Systems;

/// <summary>
/// The same account list rendered as the systems of many municipalities export it — other header words, column orders,
/// extra columns, split names, kana in three scripts, dates and states in every usual form, UTF-8 or Shift_JIS, CSV or
/// .xlsx — must read to the same accounts and match the same staff.
/// </summary>
public sealed class AccountFileShapesTests
{
    private sealed record Person(string Login, string Number, string Family, string Given, string FamilyKana, string GivenKana, DateOnly? LastUsed, bool Disabled);

    private static readonly Person[] People =
    [
        new("u0012", "0012", "山田", "太郎", "ヤマダ", "タロウ", new DateOnly(2024, 4, 1), false),
        new("u0345", "0345", "佐藤", "花子", "サトウ", "ハナコ", null, false),
        new("tanaka01", "7781", "田中", "一郎", "タナカ", "イチロウ", new DateOnly(2023, 12, 28), true),
        new("vendor-se", "", "保守", "業者", "ホシュ", "ギョウシャ", new DateOnly(2024, 3, 15), false),
        new("k-suzuki", "0901", "鈴木", "次郎", "スズキ", "ジロウ", new DateOnly(2019, 5, 1), false),
    ];

    private static readonly StaffKey[] Staff =
    [
        new(Guid.Parse("00000000-0000-0000-0000-000000000012"), "12", "山田 太郎", "やまだ たろう"),
        new(Guid.Parse("00000000-0000-0000-0000-000000000345"), "345", "佐藤　花子", "サトウ ハナコ"),
        new(Guid.Parse("00000000-0000-0000-0000-000000007781"), "7781", "田中一郎", null),
        new(Guid.Parse("00000000-0000-0000-0000-000000000901"), "901", "鈴木 次郎", "すずき じろう"),
    ];

    private static readonly string[] LoginHeaders = ["ログインID", "利用者ID", "ユーザーID", "アカウント", "ログイン名", "UserID", "ＩＤ", "操作者ID", "利用者コード"];
    private static readonly string[] NumberHeaders = ["職員番号", "職員コード", "職員No", "社員番号", "EmployeeID", "職員ＩＤ"];
    private static readonly string[] NameHeaders = ["氏名", "利用者名", "職員名", "名前", "表示名", "ユーザー名", "氏　名"];
    private static readonly string[] KanaHeaders = ["ふりがな", "フリガナ", "カナ", "氏名カナ", "氏名（カナ）", "ｶﾅ氏名", "よみがな"];
    private static readonly string[] UsedHeaders = ["最終ログイン日時", "最終利用日", "最終ログオン日時", "最終アクセス日時", "Last Login", "最終使用日"];
    private static readonly string[] Extras = ["所属", "権限", "作成日", "備考", "メールアドレス"];

    private static string Kana(string katakana, Random r) => r.Next(3) switch
    {
        0 => katakana,
        1 => new string(katakana.Select(c => c is >= 'ァ' and <= 'ヶ' ? (char)(c - 0x60) : c).ToArray()),
        _ => HalfWidth(katakana),
    };

    /// <summary>Half-width katakana as old systems write it (ﾀﾛｳ, ｼﾞﾛｳ): the voicing mark is a character of its own.</summary>
    private static string HalfWidth(string katakana)
    {
        const string full = "ァアィイゥウェエォオカキクケコサシスセソタチッツテトナニヌネノハヒフヘホマミムメモャヤュユョヨラリルレロワヲンー";
        const string half = "ｧｱｨｲｩｳｪｴｫｵｶｷｸｹｺｻｼｽｾｿﾀﾁｯﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜｦﾝｰ";
        var sb = new StringBuilder();
        foreach (var c in katakana)
        {
            var parts = c.ToString().Normalize(NormalizationForm.FormD);
            sb.Append(half[full.IndexOf(parts[0], StringComparison.Ordinal)]);
            if (parts.Length > 1)
            {
                sb.Append(parts[1] == '\u3099' ? 'ﾞ' : 'ﾟ');
            }
        }
        return sb.ToString();
    }

    private static string Date(DateOnly? d, Random r, bool csv) => d is not { } date
        ? new[] { "", "", "-", "なし", "未ログイン" }[r.Next(5)]
        : r.Next(csv ? 7 : 6) switch
        {
            0 => date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            1 => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " 12:34:56",
            2 => date.ToString("yyyy/M/d", CultureInfo.InvariantCulture) + " 9:05",
            3 => Wareki(date),
            4 => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture),
            5 => date.ToDateTime(new TimeOnly(8, 30)).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            _ => date.ToDateTime(new TimeOnly(13, 0)).ToOADate().ToString("0.####", CultureInfo.InvariantCulture),
        };

    private static string Wareki(DateOnly d) => d >= new DateOnly(2019, 5, 1) ? $"令和{d.Year - 2018}年{d.Month}月{d.Day}日" : $"平成{d.Year - 1988}年{d.Month}月{d.Day}日";

    private static (string Header, Func<bool, string> Value) State(Random r) => r.Next(5) switch
    {
        0 => ("状態", d => d ? "停止" : "有効"),
        1 => ("有効", d => d ? "0" : "1"),
        2 => ("無効", d => d ? "○" : ""),
        3 => ("ステータス", d => d ? "disabled" : "enabled"),
        _ => ("利用状態", d => d ? "利用停止" : "利用中"),
    };

    private static (List<string> Headers, List<List<string>> Rows) Render(Random r, bool csv)
    {
        var columns = new List<(string Header, Func<Person, string> Value)>
        {
            (LoginHeaders[r.Next(LoginHeaders.Length)], p => p.Login),
        };
        if (r.Next(3) > 0)
        {
            columns.Add((NumberHeaders[r.Next(NumberHeaders.Length)], p => r.Next(3) switch
            {
                0 => p.Number,
                1 => p.Number.TrimStart('0'),
                _ => p.Number.Normalize(NormalizationForm.FormKC) is var n ? string.Concat(n.Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '０') : c)) : p.Number,
            }));
        }
        if (r.Next(4) == 0)
        {
            columns.Add(("姓", p => p.Family));
            columns.Add(("名", p => p.Given));
        }
        else
        {
            var nameHeader = NameHeaders[r.Next(NameHeaders.Length)];
            columns.Add((nameHeader, p => p.Family + new[] { " ", "　", "" }[r.Next(3)] + p.Given));
        }
        columns.Add((KanaHeaders[r.Next(KanaHeaders.Length)], p => Kana(p.FamilyKana, r) + new[] { " ", "　", "" }[r.Next(3)] + Kana(p.GivenKana, r)));
        columns.Add((UsedHeaders[r.Next(UsedHeaders.Length)], p => Date(p.LastUsed, r, csv)));
        var (stateHeader, stateValue) = State(r);
        columns.Add((stateHeader, p => stateValue(p.Disabled)));
        foreach (var extra in Extras.Where(_ => r.Next(3) == 0))
        {
            columns.Add((extra, p => extra == "所属" ? "戸籍住民課" : extra == "作成日" ? "2020/04/01" : "一般"));
        }
        columns = columns.OrderBy(_ => r.Next()).ToList();
        return (columns.Select(c => c.Header).ToList(), People.Select(p => columns.Select(c => c.Value(p)).ToList()).ToList());
    }

    private static byte[] Csv(List<string> headers, List<List<string>> rows, Random r)
    {
        var newline = r.Next(2) == 0 ? "\r\n" : "\n";
        string Field(string v) => r.Next(4) == 0 || v.Contains(',', StringComparison.Ordinal) ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
        var text = string.Join(newline, new[] { headers }.Concat(rows).Select(row => string.Join(",", row.Select(Field)))) + (r.Next(2) == 0 ? newline : "");
        return r.Next(3) switch
        {
            0 => Encoding.GetEncoding(932).GetBytes(text),
            1 => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            _ => Encoding.UTF8.GetBytes(text),
        };
    }

    private static byte[] Xlsx(List<string> headers, List<List<string>> rows)
    {
        var data = rows.Select(row => headers.Select((h, i) => (h, row[i])).ToDictionary(x => x.h, x => (object?)x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(data);
        return stream.ToArray();
    }

    static AccountFileShapesTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Read_TheSameAccountsInEveryShape_GiveTheSameAccountsAndStaff()
    {
        var matching = new AccountMatching(Staff, []);
        var expected = People.Select(p => (p.Login, p.LastUsed, p.Disabled,
            Staff: p.Number.Length == 0 ? (Guid?)null : Staff.First(s => AccountMatching.NumberKey(s.EmployeeNumber) == AccountMatching.NumberKey(p.Number)).Id)).ToList();
        for (var seed = 0; seed < 300; seed++)
        {
            var r = new Random(seed);
            var asCsv = seed % 4 != 0;
            var (headers, rows) = Render(r, asCsv);
            var bytes = asCsv ? Csv(headers, rows, r) : Xlsx(headers, rows);
            var table = TableFile.Read(new MemoryStream(bytes), asCsv ? "accounts.csv" : "accounts.xlsx");
            var (columns, read, problems) = AccountFile.Read(table, new AccountColumns());
            var shape = $"seed {seed}: {string.Join(",", headers)}";
            Assert.True(problems.Count == 0, shape + " → " + string.Join(" / ", problems.Select(p => p.Describe("f"))));
            Assert.NotNull(columns.Login);
            var actual = read.Select(a => (a.Login, a.LastUsedOn, a.IsDisabled, matching.Match(a).StaffId)).ToList();
            Assert.True(expected.SequenceEqual(actual), shape + "\n" + string.Join("\n", actual));
        }
    }

    [Fact]
    public void Read_SavedColumnsWin_AndAMissingSavedHeaderIsNamed()
    {
        var table = new CsvTable("UTF-8", ["No", "コード", "名"], [new CsvRow(2, ["1", "abc", "山田"])]);
        var (_, rows, problems) = AccountFile.Read(table, new AccountColumns { Login = "コード", Name = "名" });
        Assert.Empty(problems);
        Assert.Equal("abc", Assert.Single(rows).Login);

        var (_, _, missing) = AccountFile.Read(table, new AccountColumns { Login = "利用者ID" });
        Assert.Contains("見出し「利用者ID」がありません", Assert.Single(missing).Message);
    }

    [Fact]
    public void Read_BadRows_AreEachNamedByRowAndColumn()
    {
        var table = new CsvTable("UTF-8", ["ログインID", "最終ログイン日時", "状態"],
        [
            new CsvRow(2, ["a", "2024/04/01", "有効"]),
            new CsvRow(3, ["", "2024/04/01", "有効"]),
            new CsvRow(4, ["a", "2024/04/01", "有効"]),
            new CsvRow(5, ["b", "2024/13/45", "有効"]),
            new CsvRow(6, ["c", "2024/04/01", "たぶん"]),
        ]);
        var (_, _, problems) = AccountFile.Read(table, new AccountColumns());
        Assert.Equal(["3:ログインID", "4:ログインID", "5:最終ログイン日時", "6:状態"], problems.Select(p => $"{p.Row}:{p.Column}").ToArray());
        Assert.Contains("2 行目と重複", problems[1].Message);
        Assert.Contains("「2024/13/45」は日付として読めません", problems[2].Message);
        Assert.Contains("状態「たぶん」を読めません", problems[3].Message);
    }

    [Fact]
    public void Read_NoLoginColumn_ListsTheHeadersFound()
    {
        var table = new CsvTable("UTF-8", ["番号", "氏名"], [new CsvRow(2, ["1", "山田"])]);
        var problem = Assert.Single(AccountFile.Read(table, new AccountColumns()).Problems);
        Assert.Contains("ログインIDの列が見つかりません（見出し：「番号」、「氏名」）", problem.Message);
    }

    [Theory]
    [InlineData("0012", "12")]
    [InlineData("００１２", "12")]
    [InlineData("A012", "A012")]
    [InlineData("000", "0")]
    public void NumberKey_FoldsWidthAndLeadingZeros(string given, string key) => Assert.Equal(key, AccountMatching.NumberKey(given));

    [Fact]
    public void Match_ASharedNameMatchesNobody_UnlessTheKanaTellsThemApart()
    {
        var a = new StaffKey(Guid.NewGuid(), "1", "高橋 一郎", "たかはし いちろう");
        var b = new StaffKey(Guid.NewGuid(), "2", "高橋 一郎", "たかばし いちろう");
        var matching = new AccountMatching([a, b], [("takahashi", a.Id)]);
        Assert.Equal((null, AccountMatch.None), matching.Match(new AccountRow(2, "x1", null, "髙橋　一郎", null, null, false)));
        Assert.Equal((b.Id, AccountMatch.Name), matching.Match(new AccountRow(2, "x2", null, "髙橋一郎", "ﾀｶﾊﾞｼ ｲﾁﾛｳ", null, false)));
        Assert.Equal((a.Id, AccountMatch.Login), matching.Match(new AccountRow(2, "takahashi", null, null, null, null, false)));
        Assert.Equal((b.Id, AccountMatch.EmployeeNumber), matching.Match(new AccountRow(2, "zz", "0002", null, null, null, false)));
    }
}
