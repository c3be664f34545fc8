using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Mamori.Core.Features.Minutes.Documents;

/// <summary>
/// The text of a PDF in reading order, by the position of every character (ADR 0021): characters on one
/// baseline make a line, read left to right; a wide gap inside a line is a column break (a tab), and a line
/// that starts at a column further right continues that column — so a 「発言者 | 審議の内容」 table, ruled or
/// not, comes out as rows. A page laid out in two columns of text is read column by column. Lines that
/// repeat at the top or bottom of the pages (running headers and footers, the printing date and address a
/// browser adds, page numbers) are dropped.
/// </summary>
internal static partial class PdfLines
{
    /// <summary>Characters set apart by less than a column's gap; <paramref name="Cell"/> is the cell of a ruled table it sits in.</summary>
    private sealed record Segment(double Left, double Right, string Text, int? Cell = null);

    /// <summary>A vertical line drawn on the page (a table's rule), from its bottom to its top.</summary>
    private sealed record Rule(double X, double Bottom, double Top);

    private sealed record Line(double Baseline, double Em, List<Segment> Segments)
    {
        public double Left => Segments[0].Left;
        public double Right => Segments[^1].Right;
        public string Text => string.Join('\t', Segments.Select(s => s.Text));
    }

    public static Outcome<MinutesSource> Read(byte[] bytes, string fileName)
    {
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            var pages = new List<List<Line>>();
            for (var n = 1; n <= document.NumberOfPages; n++)
            {
                pages.Add(PageLines(document.GetPage(n)));
            }
            if (pages.All(p => p.Count == 0))
            {
                return Outcome<MinutesSource>.Fail("File",
                    $"{fileName} には文字のデータがありません（紙をスキャンした画像の PDF です）。文字認識（OCR）をかけた PDF か、元の Word・テキストのファイルを取り込んでください。");
            }
            DropRunningLines(pages);
            var sb = new StringBuilder();
            foreach (var page in pages)
            {
                AppendPage(sb, page);
            }
            return Outcome<MinutesSource>.Success(new MinutesSource(sb.ToString(), "PDF", document.NumberOfPages));
        }
        catch (PdfDocumentEncryptedException)
        {
            return Outcome<MinutesSource>.Fail("File", $"{fileName} はパスワードで保護されています。保護を外した PDF を取り込んでください。");
        }
        // A PDF is a file from outside: whatever the library finds broken in it, the file is refused, not the request failed.
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            return Outcome<MinutesSource>.Fail("File", $"{fileName} は壊れているか、読めない PDF です。元の文書から PDF を作り直してください。");
        }
    }

    /// <summary>The page's characters gathered into lines, top to bottom.</summary>
    private static List<Line> PageLines(Page page)
    {
        var letters = page.Letters
            .Where(l => l.TextOrientation is TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(l.Value) && l.BoundingBox.Height > 0)
            .OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X)
            .ToList();
        var rules = VerticalRules(page);
        var rows = new List<List<Letter>>();
        foreach (var letter in letters)
        {
            var size = Size(letter);
            var row = rows.LastOrDefault(r => Math.Abs(r[0].StartBaseLine.Y - letter.StartBaseLine.Y) < size * 0.35);
            if (row is null)
            {
                rows.Add(row = []);
            }
            row.Add(letter);
        }
        return rows.Select(r => ToLine(r, rules)).OrderByDescending(l => l.Baseline).ToList();
    }

    private static double Size(Letter l) => l.PointSize > 1 ? l.PointSize : Math.Max(l.BoundingBox.Height, 1);

    /// <summary>
    /// The vertical rules of the page: edges of drawn lines and thin filled bars, as Word and browsers draw
    /// table borders. They tell a table's cells apart where the text alone cannot (an empty cell, a narrow
    /// column, a centred heading).
    /// </summary>
    private static List<Rule> VerticalRules(Page page)
    {
        var rules = new List<Rule>();
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || !(path.IsFilled || path.IsStroked))
            {
                continue;
            }
            foreach (var subpath in path)
            {
                // The edges of the subpath in order: a move starts, each line and the closing edge join two points.
                PdfPoint? start = null, at = null;
                foreach (var command in subpath.Commands)
                {
                    var (from, to) = command switch
                    {
                        PdfSubpath.Move move => (null, (PdfPoint?)move.Location),
                        PdfSubpath.Line line => (at, line.To),
                        PdfSubpath.Close => (at, start),
                        _ => (null, null),
                    };
                    if (command is PdfSubpath.Move)
                    {
                        start = to;
                    }
                    if (from is { } a && to is { } b && Math.Abs(a.X - b.X) <= 1 && Math.Abs(a.Y - b.Y) >= 6)
                    {
                        rules.Add(new Rule((a.X + b.X) / 2, Math.Min(a.Y, b.Y), Math.Max(a.Y, b.Y)));
                    }
                    at = to ?? at;
                }
            }
        }
        return rules;
    }

    /// <summary>Where the cells of a ruled table part on a baseline: the rules crossing it (at least three: two cells), merged when closer than 2pt.</summary>
    private static List<double> Bounds(List<Rule> rules, double baseline)
    {
        var xs = rules.Where(r => r.Bottom - 2 <= baseline && baseline <= r.Top + 2).Select(r => r.X).Order().ToList();
        var bounds = new List<double>();
        foreach (var x in xs)
        {
            if (bounds.Count == 0 || x - bounds[^1] > 2)
            {
                bounds.Add(x);
            }
        }
        return bounds.Count >= 3 ? bounds : [];
    }

    private static Line ToLine(List<Letter> row, List<Rule> rules)
    {
        row.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
        // Gaps are measured between advances (where one character ends and the next begins on the baseline):
        // a glyph's box is narrower than its advance, and proportional kana would otherwise read as spaced.
        var em = Median(row.Select(Size).ToList());
        var bounds = Bounds(rules, row[0].StartBaseLine.Y);
        int? CellOf(double x) => bounds.Count == 0 || x < bounds[0] || x > bounds[^1] ? null : bounds.Count(b => b < x) - 1;
        var segments = new List<Segment>();
        var text = new StringBuilder();
        double left = row[0].StartBaseLine.X, right = End(row[0]);
        for (var i = 0; i < row.Count; i++)
        {
            var l = row[i];
            if (i > 0)
            {
                var gap = l.StartBaseLine.X - right;
                var ruled = bounds.Any(b => right - 0.5 <= b && b <= l.StartBaseLine.X + 0.5);
                if (gap > em * 2.2 || ruled)
                {
                    segments.Add(new Segment(left, right, text.ToString(), CellOf(left + 0.5)));
                    text.Clear();
                    left = l.StartBaseLine.X;
                }
                else if (gap > em * 0.2)
                {
                    // A gap of a full-width space or more stays wider than one space: names in a list are set apart so.
                    text.Append(' ', gap > em * 1.2 ? 2 : 1);
                }
            }
            text.Append(Unified(l.Value));
            right = Math.Max(right, End(l));
        }
        segments.Add(new Segment(left, right, text.ToString(), CellOf(left + 0.5)));
        return new Line(row[0].StartBaseLine.Y, em, segments);
    }

    private static double End(Letter l) => Math.Max(l.EndBaseLine.X, l.StartBaseLine.X + l.BoundingBox.Width);

    /// <summary>
    /// Kanji a font maps to radical code points (⼈ U+2F08 for 人, ⻑ U+2ED1 for 長 — common in PDFs printed from
    /// browsers and Word) read as the kanji (Unicode's EquivalentUnifiedIdeograph list); nothing else is changed.
    /// </summary>
    private static string Unified(string value)
    {
        if (value == "\u2027")
        {
            // The katakana middle dot (ご意見・ご質問) that some fonts map to the hyphenation point.
            return "・";
        }
        if (!value.Any(c => c is >= '\u2E80' and <= '\u2FDF'))
        {
            return value;
        }
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                >= '\u2F00' and <= '\u2FDF' => c.ToString().Normalize(NormalizationForm.FormKC),
                _ when RadicalSupplement.TryGetValue(c, out var kanji) => kanji.ToString(),
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    private static readonly Dictionary<char, char> RadicalSupplement = new()
    {
        ['\u2E9F'] = '母',
        ['\u2EA0'] = '民',
        ['\u2EA9'] = '王',
        ['\u2EAE'] = '竹',
        ['\u2EB2'] = '罒',
        ['\u2EBC'] = '月',
        ['\u2EC1'] = '虎',
        ['\u2EC4'] = '西',
        ['\u2EC6'] = '角',
        ['\u2ECA'] = '足',
        ['\u2ED1'] = '長',
        ['\u2ED7'] = '雨',
        ['\u2ED8'] = '青',
        ['\u2EDD'] = '食',
        ['\u2EE3'] = '骨',
        ['\u2EE4'] = '鬼',
        ['\u2EE8'] = '麦',
        ['\u2EE9'] = '黄',
        ['\u2EEB'] = '斉',
        ['\u2EED'] = '歯',
        ['\u2EEF'] = '竜',
        ['\u2EF2'] = '亀',
        ['\u2EF3'] = '龟',
    };

    /// <summary>The upper quartile: how wide the fuller lines run (the last line of a paragraph is short).</summary>
    private static double Quartile(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count * 3 / 4];
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count == 0 ? 0 : values[values.Count / 2];
    }

    /// <summary>
    /// Lines at the top or bottom of the pages that repeat on half the pages or more (numbers aside), and
    /// the address or page count a browser prints there, are the page's chrome, not the minutes.
    /// </summary>
    private static void DropRunningLines(List<List<Line>> pages)
    {
        const int Zone = 2;
        var counts = new Dictionary<string, int>();
        foreach (var page in pages)
        {
            foreach (var key in Edges(page, Zone).Select(Key).Distinct())
            {
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        foreach (var page in pages)
        {
            foreach (var line in Edges(page, Zone).ToList())
            {
                var repeated = pages.Count >= 2 && counts[Key(line)] >= Math.Max(2, (pages.Count + 1) / 2);
                if (repeated || Chrome().IsMatch(line.Text))
                {
                    page.Remove(line);
                }
            }
        }
    }

    private static IEnumerable<Line> Edges(List<Line> page, int zone) =>
        page.Count <= zone * 2 ? page : page.Take(zone).Concat(page.TakeLast(zone));

    private static string Key(Line line) => Digits().Replace(Regex.Replace(line.Text, @"\s", string.Empty), "#");

    /// <summary>
    /// A page's lines as text. Where the page is two columns of text (a gutter down the middle that no line
    /// crosses), the left column is read before the right. Otherwise a line that starts under a column of a
    /// line with columns continues that column.
    /// </summary>
    private static void AppendPage(StringBuilder sb, List<Line> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        if (Gutter(lines) is { } gutter)
        {
            var spanning = lines.TakeWhile(l => l.Segments.Any(s => s.Left < gutter && s.Right > gutter)).ToList();
            var rest = lines.Skip(spanning.Count).ToList();
            AppendColumns(sb, spanning);
            AppendColumns(sb, rest.Select(l => Part(l, l2 => l2.Right <= gutter)).OfType<Line>().ToList());
            AppendColumns(sb, rest.Select(l => Part(l, l2 => l2.Left >= gutter)).OfType<Line>().ToList());
            return;
        }
        AppendColumns(sb, lines);
    }

    private static Line? Part(Line line, Func<Segment, bool> keep)
    {
        var segments = line.Segments.Where(keep).ToList();
        return segments.Count == 0 ? null : line with { Segments = segments };
    }

    private static void AppendColumns(StringBuilder sb, List<Line> lines)
    {
        if (lines.Count == 0)
        {
            return;
        }
        var margin = lines.Min(l => l.Left);
        var em = Median(lines.Select(l => l.Em).ToList());
        // Where columns start: the second and later segments of lines that have columns.
        var stops = lines.SelectMany(l => l.Segments.Skip(1).Select(s => s.Left)).OrderBy(x => x).ToList();
        var columns = new List<double>();
        foreach (var x in stops)
        {
            if (columns.Count == 0 || x - columns[^1] > em * 1.5)
            {
                columns.Add(x);
            }
        }
        foreach (var line in lines)
        {
            if (line.Segments.All(s => s.Cell is not null))
            {
                // A line of a ruled table: every piece under its cell, an empty cell kept (a tab for each).
                var cell = 0;
                foreach (var segment in line.Segments)
                {
                    sb.Append('\t', segment == line.Segments[0] ? segment.Cell!.Value : Math.Max(1, segment.Cell!.Value - cell)).Append(segment.Text);
                    cell = Math.Max(cell + (segment == line.Segments[0] ? 0 : 1), segment.Cell!.Value);
                }
                sb.Append('\n');
                continue;
            }
            var tabs = 0;
            if (line.Left - margin > em * 3)
            {
                tabs = columns.Count(c => c <= line.Left + em);
            }
            sb.Append('\t', tabs).Append(line.Text).Append('\n');
        }
    }

    /// <summary>
    /// The x of a gutter between two columns of text: a band in the middle of the page that no line below
    /// the title crosses, with wide lines of text on both sides of it. Null when the page is one column
    /// (a 発言者 column is narrow and sits at the left, not a column of text).
    /// </summary>
    private static double? Gutter(List<Line> lines)
    {
        var left = lines.Min(l => l.Left);
        var right = lines.Max(l => l.Right);
        var width = right - left;
        if (lines.Count < 4 || width <= 0)
        {
            return null;
        }
        var em = Median(lines.Select(l => l.Em).ToList());
        // The band's x that leaves the fewest lines above it as a title: a justified line of the left column
        // may reach a little further right than the others and must not be taken for a title.
        (double X, int Title)? best = null;
        for (var x = left + width * 0.4; x <= left + width * 0.6; x += em / 2)
        {
            var crossing = lines.Select((l, i) => (l, i)).Where(p => p.l.Segments.Any(s => s.Left < x && s.Right > x)).Select(p => p.i).ToList();
            // Only a title block at the top may cross; every line after it keeps out of the band.
            var title = crossing.Count == 0 ? 0 : crossing.Max() + 1;
            if (crossing.Count != title || lines.Count - title < 4)
            {
                continue;
            }
            // Columns of text on both sides; the left side's lines run wide (a 発言者 column is narrow).
            var body = lines.Skip(title).ToList();
            var rightSide = body.Where(l => l.Segments.Any(s => s.Left > x)).ToList();
            var leftSide = body.Where(l => l.Segments.Any(s => s.Right < x)).ToList();
            if (rightSide.Count >= Math.Max(2, body.Count * 0.1) && leftSide.Count >= Math.Max(2, body.Count * 0.1)
                && Quartile(leftSide.Select(l => l.Segments.Where(s => s.Right < x).Max(s => s.Right) - l.Left).ToList()) > width * 0.3
                && (best is null || title < best.Value.Title))
            {
                best = (x, title);
            }
        }
        return best?.X;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:file|https?)://|^\s*(?:\d+\s*/\s*\d+|Page\s*\d+(?:\s*of\s*\d+)?|\d+\s*ページ)\s*$|\t\s*\d+\s*/\s*\d+\s*$|^\d{1,4}/\d{1,2}/\d{1,4},?\s*\d{1,2}:\d{2}", RegexOptions.IgnoreCase)]
    private static partial Regex Chrome();
}
