using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Mamori.Core.Tests.Features.Council;

/// <summary>A row of a generated opinion table, its cells as paragraphs.</summary>
public sealed record SheetLine(string? Number, string? Member, string? Item, string? Location, IReadOnlyList<string> Text, IReadOnlyList<string> Answer);

/// <summary>
/// Generates a written meeting's table of questions and answers and renders the same rows in the shapes
/// municipalities publish: columns in any order and under any of the usual headings, with or without the
/// number, member and item columns, as tab-separated or |-separated text (cells of several lines, the heading
/// repeated after a page break, page numbers), as a web page and as a Word file.
/// </summary>
public static class OpinionSheets
{
    public enum Shape
    {
        Tabs,
        Pipes,
        Html,
        Docx,
    }

    private static readonly string[] Sentences =
    [
        "保存期間は何年ですか。", "委託先の管理体制を確認すべきである。", "アクセスログは誰が点検するのでしょうか。", "個人番号の取扱いについて説明を求める。",
        "本人同意の取り方を明確にしてほしい。", "再委託の承認手続はどうなっていますか？", "記録項目の「電話番号」は必要か。", "特に意見はありません。",
    ];

    private static readonly string[] Answers =
    [
        "５年間保存します。", "委託契約書の特記事項で確認しています。", "情報政策課が毎月点検します。", "ご意見を踏まえて様式を修正します。",
        "再委託は書面による事前承認としています。", "連絡のために必要な項目です。",
    ];

    private static readonly string[] Members = ["青木一郎", "石川花子", "上田次郎"];

    private static readonly (string Kind, string Heading)[][] Headings =
    [
        [("Location", "記載箇所"), ("Text", "ご意見・ご質問"), ("Answer", "回答")],
        [("Number", "No."), ("Location", "記載箇所"), ("Text", "委員からのご意見・ご質問"), ("Answer", "区の回答")],
        [("Number", "番号"), ("Member", "委員名"), ("Item", "議題"), ("Text", "質問・意見"), ("Answer", "市の回答")],
        [("Number", "№"), ("Item", "案件"), ("Location", "該当箇所"), ("Member", "委員"), ("Text", "ご意見等"), ("Answer", "事務局回答")],
        [("Number", "項番"), ("Text", "ご質問・ご意見の内容"), ("Location", "資料・ページ"), ("Answer", "回答（所管課）")],
    ];

    public static (IReadOnlyList<SheetLine> Rows, (string Kind, string Heading)[] Columns) Generate(int seed)
    {
        var random = new Random(seed);
        var columns = Headings[random.Next(Headings.Length)];
        var rows = new List<SheetLine>();
        var count = random.Next(1, 7);
        for (var i = 0; i < count; i++)
        {
            var text = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Sentences[random.Next(Sentences.Length)]).ToList();
            var answer = random.Next(5) == 0 ? [] : Enumerable.Range(0, random.Next(1, 3)).Select(_ => Answers[random.Next(Answers.Length)]).ToList();
            var location = columns[0].Kind == "Location" || random.Next(4) > 0 ? $"資料{random.Next(1, 4)} {random.Next(1, 30)}ページ" : null;
            rows.Add(new SheetLine((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Members[random.Next(Members.Length)],
                random.Next(2) == 0 ? "諮問第12号" : "報告第3号", location, text, answer));
        }
        return (rows, columns);
    }

    private static IReadOnlyList<string> Cell(SheetLine row, string kind) => kind switch
    {
        "Number" => [row.Number!],
        "Member" => [row.Member!],
        "Item" => [row.Item!],
        "Location" => row.Location is null ? [] : [row.Location],
        "Text" => row.Text,
        _ => row.Answer,
    };

    /// <summary>What a reader should return for <paramref name="row"/> under <paramref name="columns"/>.</summary>
    public static (string? Number, string? Member, string? Item, string? Location, string Text, string? Answer) Expected(SheetLine row,
        (string Kind, string Heading)[] columns)
    {
        string? Of(string kind) => columns.Any(c => c.Kind == kind) && Cell(row, kind) is { Count: > 0 } cell ? string.Join("\n", cell) : null;
        return (Of("Number"), Of("Member"), Of("Item"), Of("Location"), Of("Text")!, Of("Answer"));
    }

    public static byte[] Render(IReadOnlyList<SheetLine> rows, (string Kind, string Heading)[] columns, Shape shape, int seed)
    {
        var table = rows.Select(r => columns.Select(c => Cell(r, c.Kind)).ToList()).ToList();
        var headings = columns.Select(c => c.Heading).ToList();
        const string Title = "令和6年度第2回みなと市個人情報保護審議会（書面開催）\n委員からのご意見・ご質問と回答\n";
        return shape switch
        {
            Shape.Tabs or Shape.Pipes => Encoding.UTF8.GetBytes(Title + Text(table, headings, shape == Shape.Pipes, new Random(seed))),
            Shape.Html => Encoding.UTF8.GetBytes(Html(table, headings)),
            _ => Docx(table, headings),
        };
    }

    /// <summary>Cells of several lines go on lines of their own under their column; the heading comes again after a page break.</summary>
    private static string Text(List<List<IReadOnlyList<string>>> table, List<string> headings, bool pipes, Random random)
    {
        var sb = new StringBuilder();
        string Line(IEnumerable<string> cells) => pipes ? "| " + string.Join(" | ", cells) + " |" : string.Join('\t', cells);
        sb.Append(Line(headings)).Append('\n');
        var page = 1;
        foreach (var row in table)
        {
            var depth = Math.Max(1, row.Max(c => c.Count));
            for (var i = 0; i < depth; i++)
            {
                sb.Append(Line(row.Select(c => i < c.Count ? c[i] : string.Empty))).Append('\n');
            }
            if (random.Next(3) == 0)
            {
                sb.Append($"- {page++} -\n\f").Append(Line(headings)).Append('\n');
            }
        }
        return sb.Append("以上\n").ToString();
    }

    private static string Html(List<List<IReadOnlyList<string>>> table, List<string> headings)
    {
        var sb = new StringBuilder("<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>ご意見・ご質問と回答</title><style>")
            .Append("body{font-family:'Noto Sans CJK JP',sans-serif;font-size:10pt;margin:0}p{margin:0 0 2pt 0}")
            .Append("table{border-collapse:collapse;width:100%}th,td{border:0.5pt solid #000;vertical-align:top;padding:3pt 4pt}")
            .Append("</style></head><body><header>みなと市</header><main>");
        sb.Append("<h1>委員からのご意見・ご質問と回答</h1><table><thead><tr>");
        foreach (var h in headings)
        {
            sb.Append("<th>").Append(WebUtility.HtmlEncode(h)).Append("</th>");
        }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in table)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td>").Append(string.Join("", cell.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table></main><footer>みなと市総務課</footer></body></html>").ToString();
    }

    private static byte[] Docx(List<List<IReadOnlyList<string>>> table, List<string> headings)
    {
        static Paragraph Para(string text) => new(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        static TableCell CellOf(IReadOnlyList<string> paragraphs) => new(paragraphs.Count == 0 ? [new Paragraph()] : paragraphs.Select(Para));
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var grid = new Table(new TableRow(headings.Select(h => CellOf([h]))));
            foreach (var row in table)
            {
                grid.Append(new TableRow(row.Select(CellOf)));
            }
            main.Document = new Document(new Body(Para("委員からのご意見・ご質問と回答"), grid, Para("以上")));
            main.Document.Save();
        }
        return stream.ToArray();
    }
}
