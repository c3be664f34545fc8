using System.Text;
using Mamori.Core.Csv;
using Mamori.Core.Features.Register;
using MiniExcelLibs;

namespace Mamori.Tests.Features.Register;

/// <summary>
/// The same register rendered as offices' own 一覧 files: the 参考様式's headings or the offices' words for them, in any
/// column order, with title lines above, two heading rows over the name/address pairs, lists on lines or joined with 、,
/// yes/no as 含む・有・○・該当, numbers with commas, full-width digits or 人, the kind of file in its long or short form,
/// notes under the table, as CSV (UTF-8 or Shift_JIS) or .xlsx. Every shape must read back as the same register.
/// </summary>
internal static class RegisterSheets
{
    /// <summary>How one rendering looks.</summary>
    internal sealed record Shape(int Seed, bool Aliases, int TitleRows, bool TwoHeadingRows, bool InlineLists, bool Shuffle, int Words, string Container, bool NoteBelow)
    {
        public override string ToString() =>
            $"seed{Seed}{(Aliases ? "-aliases" : "")}-title{TitleRows}{(TwoHeadingRows ? "-2rows" : "")}{(InlineLists ? "-inline" : "")}{(Shuffle ? "-shuffled" : "")}-words{Words}-{Container}{(NoteBelow ? "-note" : "")}";
    }

    /// <summary>The shapes tried: every option on and off across the seeds, each container in turn.</summary>
    public static IEnumerable<Shape> Shapes(int count)
    {
        string[] containers = ["csv-utf8", "csv-sjis", "xlsx"];
        for (var i = 1; i <= count; i++)
        {
            yield return new Shape(i, Aliases: i % 2 == 1, TitleRows: i % 3, TwoHeadingRows: i % 4 >= 2, InlineLists: i % 5 < 3, Shuffle: i % 3 != 1,
                Words: i % 4, Container: containers[i % 3], NoteBelow: i % 2 == 0);
        }
    }

    /// <summary>The register as our own export writes it: one row per file in <see cref="RegisterCsv.Headers"/> order.</summary>
    public static List<string[]> Canonical(int files) => Enumerable.Range(1, files).Select(i =>
    {
        var invites = i % 3 == 0;
        var manual = i % 4 == 0;
        var sensitive = i % 2 == 0;
        return new[]
        {
            $"R-{i:D3}", $"住民記録ファイル{i}", i % 5 == 0 ? "守り区教育委員会" : "", i % 2 == 0 ? "区民部 / 戸籍住民課" : "総務部 / 情報管理課",
            "住民の居住関係の公証", "氏名\n住所（都道府県、市区町村）\n生年月日", "区内に住所を有する者", "本人から\n他の行政機関等から",
            sensitive ? "含む" : "含まない", sensitive ? "病歴" : "", "", i % 3 == 1 ? "国民健康保険団体連合会" : "", "総務部 情報公開担当",
            "東京都守り区本町一丁目1番1号", i % 2 == 1 ? "" : "住民基本台帳法第12条", manual ? "マニュアル処理ファイル" : "電算処理ファイル",
            !manual && i % 2 == 0 ? "有" : "無", invites ? "該当" : "非該当", invites ? "総務部 情報政策課" : "", invites ? "東京都守り区本町一丁目1番1号" : "",
            invites ? "年齢階級別の世帯構成（令和7年度作成）" : "", invites ? "" : "法第60条第3項第2号に該当するため", (1200 + i * 37).ToString(System.Globalization.CultureInfo.InvariantCulture),
            i % 2 == 0 ? "該当" : "非該当", i % 7 == 0 ? "令和6年に記録項目を追加" : "", "",
        };
    }).ToList();

    /// <summary>The register in <paramref name="shape"/>: the file's bytes and its name.</summary>
    public static (byte[] Bytes, string FileName) Render(IReadOnlyList<string[]> canonical, Shape shape)
    {
        var random = new Random(shape.Seed);
        var columns = Enumerable.Range(0, RegisterItems.Columns.Count).ToList();
        if (shape.Shuffle)
        {
            columns = columns.OrderBy(_ => random.Next()).ToList();
        }
        var grid = new List<string[]>();
        for (var t = 0; t < shape.TitleRows; t++)
        {
            grid.Add(Pad(t == 0 ? ["令和８年度　個人情報ファイル簿（一覧）"] : ["", "", "令和8年4月1日現在"], columns.Count));
        }
        var headings = columns.Select(c => Heading(RegisterItems.Columns[c], shape, random)).ToList();
        if (shape.TwoHeadingRows)
        {
            // The name/address pairs under one merged heading; the other headings span both rows (the lower cell empty).
            var upper = new string[columns.Count];
            var lower = new string[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var item = RegisterItems.Columns[columns[i]];
                (upper[i], lower[i]) = item == RegisterItems.RequestOffice ? ("開示請求等を受理する組織", "名称")
                    : item == RegisterItems.RequestAddress ? ("開示請求等を受理する組織", "所在地")
                    : item == RegisterItems.ProposalOffice ? ("行政機関等匿名加工情報の提案を受ける組織", "名称")
                    : item == RegisterItems.ProposalAddress ? ("行政機関等匿名加工情報の提案を受ける組織", "所在地")
                    : (headings[i], "");
            }
            // A merged cell is written once: the second of a pair leaves the upper cell empty when the two sit side by side.
            for (var i = 1; i < columns.Count; i++)
            {
                if (upper[i] == upper[i - 1] && lower[i].Length > 0 && lower[i - 1].Length > 0)
                {
                    upper[i] = "";
                }
            }
            grid.Add(upper);
            grid.Add(lower);
        }
        else
        {
            grid.Add(headings.ToArray());
        }
        foreach (var row in canonical)
        {
            grid.Add(columns.Select(c => Cell(RegisterItems.Columns[c], row[c], shape, random)).ToArray());
        }
        if (shape.NoteBelow)
        {
            grid.Add(Pad(["※本人の数は令和8年4月1日現在の概数です。"], columns.Count));
        }
        return shape.Container switch
        {
            "xlsx" => (Xlsx(grid), $"{shape}.xlsx"),
            "csv-sjis" => (CsvEncodings.Cp932.GetBytes(Csv(grid)), $"{shape}.csv"),
            _ => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Csv(grid))], $"{shape}.csv"),
        };
    }

    private static string[] Pad(string[] cells, int count) => cells.Concat(Enumerable.Repeat("", Math.Max(0, count - cells.Length))).ToArray();

    /// <summary>A heading as an office writes it: the label or one of its other names, perhaps full-width, wrapped or spaced.</summary>
    private static string Heading(RegisterItem item, Shape shape, Random random)
    {
        var text = shape.Aliases && item.Aliases.Length > 0 && random.Next(3) > 0 ? item.Aliases[random.Next(item.Aliases.Length)] : item.Label;
        // 「所在地」 alone is the 開示請求 office's address only when it is not in a pair of heading rows.
        if (text == "所在地" && item != RegisterItems.RequestAddress)
        {
            text = item.Label;
        }
        return (shape.Seed % 3) switch
        {
            0 => text.Replace("(", "（", StringComparison.Ordinal).Replace(")", "）", StringComparison.Ordinal),
            1 when text.Length > 8 => text[..6] + "\n" + text[6..],
            _ => " " + text + " ",
        };
    }

    /// <summary>A cell as an office writes it: the same content in other words.</summary>
    private static string Cell(RegisterItem item, string value, Shape shape, Random random)
    {
        if (item == RegisterItems.RecordItems || item == RegisterItems.Collection || item == RegisterItems.Ordinance)
        {
            return shape.InlineLists ? value.Replace("\n", "、", StringComparison.Ordinal) : value;
        }
        if (item == RegisterItems.Sensitive)
        {
            return (value == "含む", shape.Words) switch
            {
                (true, 1) => "有",
                (false, 1) => "無",
                (true, 2) => "○",
                (false, 2) => "",
                (true, 3) => "あり",
                (false, 3) => "なし",
                _ => value,
            };
        }
        if (item == RegisterItems.Specific || item == RegisterItems.InvitesProposals)
        {
            return (value == "該当", shape.Words) switch { (true, 1) => "○", (false, 1) => "×", (true, 2) => "有", (false, 2) => "無", (false, 3) => "", _ => value };
        }
        if (item == RegisterItems.RelatedManual)
        {
            return (value == "有", shape.Words) switch { (true, 2) => "○", (false, 2) => "―", _ => value };
        }
        if (item == RegisterItems.SubjectCount)
        {
            var n = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            return shape.Words switch
            {
                1 => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                2 => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture).Normalize(NormalizationForm.FormKC) is var s
                    ? string.Concat(s.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == ',' ? '，' : c)) : value,
                3 => value + "人",
                _ => value,
            };
        }
        if (item == RegisterItems.Form)
        {
            var manual = value.StartsWith("マニュアル", StringComparison.Ordinal);
            return shape.Words switch
            {
                1 => manual ? "マニュアル" : "電算",
                2 => manual ? "法第60条第2項第2号（マニュアル処理ファイル）" : "法第60条第2項第1号（電算処理ファイル）",
                _ => value,
            };
        }
        if (item == RegisterItems.Department)
        {
            return (shape.Seed % 3) switch { 1 => value.Replace(" / ", "", StringComparison.Ordinal), 2 => value[(value.IndexOf('/') + 2)..], _ => value };
        }
        if (value.Length == 0 && (item == RegisterItems.Recipients || item == RegisterItems.SpecialProvisions || item == RegisterItems.ProposalOffice))
        {
            return shape.Words switch { 1 => "―", 2 => "なし", _ => value };
        }
        if (item == RegisterItems.RevisedOn)
        {
            return random.Next(2) == 0 ? "" : "令和8年4月1日";
        }
        return value;
    }

    private static string Csv(IEnumerable<string[]> grid) =>
        string.Concat(grid.Select(r => string.Join(",", r.Select(c => c.Length == 0 ? "" : "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + "\r\n"));

    private static byte[] Xlsx(List<string[]> grid)
    {
        var width = grid.Max(r => r.Length);
        var rows = grid.Select(r =>
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < width; i++)
            {
                // Figures typed into Excel are numbers, not text.
                row[$"c{i:D2}"] = i >= r.Length || r[i].Length == 0 ? null
                    : long.TryParse(r[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : r[i];
            }
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, printHeader: false, sheetName: "ファイル簿");
        return stream.ToArray();
    }
}
