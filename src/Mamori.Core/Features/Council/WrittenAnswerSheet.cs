using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Features.Council;

/// <summary>
/// A row of a written meeting's table (<paramref name="Line"/>: its place among the table's rows, from 1): who asked
/// (when the table says), on what, where, the question or opinion, and the answer.
/// </summary>
public sealed record SheetRow(int Line, string? Number, string? Member, string? Item, string? Location, string Text, string? Answer)
{
    /// <summary>質問 when it asks (？, か。, でしょうか), otherwise 意見.</summary>
    public OpinionKind Kind => WrittenAnswerSheet.Asks(Text) ? OpinionKind.Question : OpinionKind.Opinion;
}

/// <summary>
/// Reads the table a written meeting's questions and answers are published in (「記載箇所 | ご意見・ご質問 |
/// 回答」, often with a number, the member or the agenda item as further columns) from the lines of any
/// document <see cref="Minutes.Documents.MinutesDocument"/> reads: a row's cells separated by tabs (or |), a
/// cell's further lines under its column with the earlier cells empty. The columns are known by their
/// headings, in any order; a heading repeated on every page is read once.
/// </summary>
public static partial class WrittenAnswerSheet
{
    private enum Column
    {
        Unknown,
        Number,
        Member,
        Item,
        Location,
        Question,
        Answer,
    }

    /// <summary>Whether the text holds such a table (a heading row with a question column and an answer column).</summary>
    public static bool Looks(string? text) => text is not null && Lines(text).Any(l => HeadingOf(l) is not null);

    public static Outcome<IReadOnlyList<SheetRow>> Read(string? text, string fileName)
    {
        var lines = text is null ? [] : Lines(text);
        var start = lines.FindIndex(l => HeadingOf(l) is not null);
        if (start < 0)
        {
            return Outcome<IReadOnlyList<SheetRow>>.Fail("File",
                $"{fileName} に「ご意見・ご質問」と「回答」の見出しのある表が見つかりません。表の1行目に「記載箇所」「ご意見・ご質問」「回答」のような見出しを入れてください。");
        }
        // A heading that wrapped in a narrow column (項 / 番) goes on under its cells before the first row.
        var headings = Cells(lines[start]).ToList();
        while (start + 1 < lines.Count && HeadingWrap(lines[start + 1]) is { } wrap)
        {
            for (var c = 0; c < wrap.Length; c++)
            {
                if (c >= headings.Count)
                {
                    headings.Add(string.Empty);
                }
                headings[c] += wrap[c].Trim();
            }
            start++;
        }
        var columns = HeadingOf(string.Join('\t', headings))!;
        var rows = new List<List<StringBuilder>>();
        // Lines without cells wait: between rows they are the first column wrapped; after the last row, text under the table.
        var pending = new List<string>();
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0 || MinutesParser.IsNoise(line) || HeadingOf(line) is not null)
            {
                continue;
            }
            var cells = Cells(line);
            if (cells.Length == 1)
            {
                // A line without cells: 「以上」 ends the table, a note under it (※, 注) is not part of it; otherwise it
                // continues the first column when a row follows (the other cells' further lines come under their columns).
                var plain = Spaces().Replace(line, string.Empty);
                if (plain == "以上")
                {
                    break;
                }
                if (rows.Count > 0 && !plain.StartsWith('※') && !plain.StartsWith('注') && !plain.StartsWith("備考", StringComparison.Ordinal))
                {
                    pending.Add(cells[0]);
                }
                continue;
            }
            foreach (var wrapped in pending)
            {
                Append(rows[^1][0], wrapped);
            }
            pending.Clear();
            if (cells[0].Trim().Length > 0 || rows.Count == 0)
            {
                rows.Add(columns.Select(_ => new StringBuilder()).ToList());
            }
            var row = rows[^1];
            for (var c = 0; c < cells.Length && c < row.Count; c++)
            {
                Append(row[c], cells[c]);
            }
        }
        var read = new List<SheetRow>();
        foreach (var cells in rows)
        {
            string? Cell(Column kind)
            {
                var index = Array.IndexOf(columns, kind);
                // Prose loses the spaces an extraction put inside it; a short cell keeps one space between its words (資料1 3ページ).
                var raw = index >= 0 ? cells[index].ToString() : string.Empty;
                var value = kind is Column.Question or Column.Answer ? MinutesParser.Clean(raw) : Spaces().Replace(raw, " ").Trim();
                return value.Length > 0 ? value : null;
            }
            var question = Cell(Column.Question);
            if (question is null)
            {
                continue;
            }
            read.Add(new SheetRow(read.Count + 1, Cell(Column.Number), Cell(Column.Member), Cell(Column.Item), Cell(Column.Location), question, Cell(Column.Answer)));
        }
        return read.Count == 0
            ? Outcome<IReadOnlyList<SheetRow>>.Fail("File", $"{fileName} の表に「ご意見・ご質問」の入った行がありません。")
            : Outcome<IReadOnlyList<SheetRow>>.Success(read);
    }

    internal static bool Asks(string text) => Asking().IsMatch(text);

    private static List<string> Lines(string text) => [.. MinutesParser.Lines(text)];

    private static string[] Cells(string line)
    {
        var row = line.TrimEnd();
        return row.Contains('\t', StringComparison.Ordinal) ? row.Split('\t')
            : row.TrimStart().StartsWith('|') ? row.Trim().Trim('|').Split('|')
            : [row];
    }

    /// <summary>A line of paragraphs in one cell: a line that ends a sentence starts a new paragraph; a wrapped line is joined.</summary>
    private static void Append(StringBuilder cell, string text)
    {
        var t = text.Trim().Trim('\u3000');
        if (t.Length == 0)
        {
            return;
        }
        if (cell.Length > 0 && cell[^1] is '。' or '？' or '?' or '！' or '」' or '）' or ')' or '：')
        {
            cell.Append('\n');
        }
        cell.Append(t);
    }

    /// <summary>The cells of a line that only continues a heading: short words, no sentence, no number.</summary>
    private static string[]? HeadingWrap(string line)
    {
        var cells = Cells(line);
        var words = cells.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
        return words.Count > 0 && words.All(w => w.Length <= 8 && !w.Any(char.IsDigit) && w.IndexOfAny(['。', '？', '?', '、']) < 0) ? cells : null;
    }

    private static Column[]? HeadingOf(string line)
    {
        var cells = Cells(line);
        if (cells.Length < 2)
        {
            return null;
        }
        var columns = cells.Select(c => ColumnOf(Spaces().Replace(c.Normalize(NormalizationForm.FormKC), string.Empty))).ToArray();
        return columns.Contains(Column.Question) && columns.Contains(Column.Answer) ? columns : null;
    }

    private static Column ColumnOf(string heading) => heading switch
    {
        { Length: 0 or > 24 } => Column.Unknown,
        _ when heading.Contains("回答", StringComparison.Ordinal) => Column.Answer,
        _ when heading.Contains("意見", StringComparison.Ordinal) || heading.Contains("質問", StringComparison.Ordinal) => Column.Question,
        _ when heading.Contains("箇所", StringComparison.Ordinal) || heading.Contains("ページ", StringComparison.Ordinal) || heading.Contains("資料", StringComparison.Ordinal) => Column.Location,
        _ when heading.Contains("議題", StringComparison.Ordinal) || heading.Contains("案件", StringComparison.Ordinal) || heading is "諮問" or "報告" or "項目" => Column.Item,
        _ when heading.Contains("委員", StringComparison.Ordinal) || heading.Contains("氏名", StringComparison.Ordinal) || heading.Contains("提出者", StringComparison.Ordinal) => Column.Member,
        _ when NumberHeading().IsMatch(heading) => Column.Number,
        _ => Column.Unknown,
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^(?:No\.?|NO\.?|no\.?|№|番号|項番|通番|#)$")]
    private static partial Regex NumberHeading();

    [GeneratedRegex(@"[？?]|(?:か|でしょうか|ですか|ますか)[。．]?\s*$|(?:か|でしょうか|ですか|ますか)。")]
    private static partial Regex Asking();
}
