using System.Globalization;
using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Mamori.Core.Features.Minutes;

/// <summary>How a turn becomes a Lucene document, words become queries, and a hit becomes a marked snippet.</summary>
public sealed partial class MinutesIndex
{
    private static Query WordQuery(string word)
    {
        var chars = MinutesNormalizer.Characters(MinutesNormalizer.Normalize(word));
        if (chars.Count == 1)
        {
            return new TermQuery(new Term("u", chars[0]));
        }
        var bigrams = MinutesNormalizer.Bigrams(chars);
        if (bigrams.Count == 1)
        {
            return new TermQuery(new Term("b", bigrams[0]));
        }
        // Three or four characters are one term of their own field: no positions to compare, however many turns say it.
        if (chars.Count is 3 or 4)
        {
            return new TermQuery(new Term(chars.Count == 3 ? "t" : "q", string.Concat(chars)));
        }
        // Every other bigram, and the last one, cover each character at its place: the same matches as all
        // overlapping bigrams, with half the postings to read.
        var phrase = new PhraseQuery();
        for (var p = 0; p < bigrams.Count; p += 2)
        {
            phrase.Add(new Term("b", bigrams[p]), p);
        }
        if (bigrams.Count % 2 == 0)
        {
            phrase.Add(new Term("b", bigrams[^1]), bigrams.Count - 1);
        }
        // Longer words: the turns holding every four characters of the word are found first (rarer terms, no
        // positions), and only those are checked for the characters in order.
        var quads = Grams(chars, 4);
        var checkedWord = new BooleanQuery { { phrase, Occur.MUST } };
        for (var p = 0; p < quads.Count; p += 4)
        {
            AddFilter(checkedWord, new TermQuery(new Term("q", quads[p])));
        }
        AddFilter(checkedWord, new TermQuery(new Term("q", quads[^1])));
        return checkedWord;
    }

    private static void AddFilter(BooleanQuery bq, Query filter) =>
        bq.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);

    private static string EscapeWildcard(string s) => s.Replace("\\", "\\\\").Replace("*", "\\*").Replace("?", "\\?");

    private static Document ToDocument(IndexedTurn turn, byte[] meetingFingerprint)
    {
        var chars = MinutesNormalizer.Characters(MinutesNormalizer.Normalize(turn.Text));
        var doc = new Document
        {
            new StringField("meeting", turn.MeetingId.ToString("N"), Field.Store.NO),
            new StringField("council", turn.CouncilId.ToString("N"), Field.Store.NO),
            new StringField("muni", turn.MunicipalityId.ToString("N"), Field.Store.NO),
            new Int32Field("date", DateKey(turn.HeldOn), Field.Store.NO),
            new NumericDocValuesField("date_dv", DateKey(turn.HeldOn)),
            new NumericDocValuesField("seq_dv", turn.Seq),
            new StringField("speaker", MinutesNormalizer.Normalize(turn.Speaker), Field.Store.NO),
            new StringField("group", turn.Group.ToString(), Field.Store.NO),
            // Public search reads only turns of published minutes said in open session.
            new StringField("pub", turn.IsPublic ? "1" : "0", Field.Store.NO),
            new BinaryDocValuesField("id_dv", new BytesRef(turn.TurnId.ToByteArray())),
            new BinaryDocValuesField("meeting_dv", new BytesRef(turn.MeetingId.ToByteArray())),
            new BinaryDocValuesField("council_dv", new BytesRef(turn.CouncilId.ToByteArray())),
            new BinaryDocValuesField("spk_dv", new BytesRef(Encoding.UTF8.GetBytes(turn.Speaker))),
            new StoredField("text", turn.Text),
            new BinaryDocValuesField("fp_dv", new BytesRef(meetingFingerprint)),
            new Field("u", new ListTokenStream(chars), GramsType),
            new Field("b", new ListTokenStream(MinutesNormalizer.Bigrams(chars)), TextField.TYPE_NOT_STORED),
            new Field("t", new ListTokenStream(Grams(chars, 3)), GramsType),
            new Field("q", new ListTokenStream(Grams(chars, 4)), GramsType),
        };
        foreach (var key in turn.AgendaKeys)
        {
            doc.Add(new StringField("agenda", key, Field.Store.NO));
        }
        return doc;
    }

    /// <summary>
    /// Single characters and three- and four-character grams: counted for ranking, without positions (a word of that
    /// length is one term; phrases are matched on the bigrams).
    /// </summary>
    private static readonly FieldType GramsType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

    private static List<string> Grams(List<string> characters, int n)
    {
        var list = new List<string>(Math.Max(0, characters.Count - n + 1));
        var gram = new StringBuilder();
        for (var k = 0; k + n <= characters.Count; k++)
        {
            gram.Clear();
            for (var j = k; j < k + n; j++)
            {
                gram.Append(characters[j]);
            }
            list.Add(gram.ToString());
        }
        return list;
    }

    private static int DateKey(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;

    private static DateOnly FromDateKey(int key) => new(key / 10000, key / 100 % 100, key % 100);

    /// <summary>About 120 characters of the turn around its first hit, every hit marked.</summary>
    internal static List<SnippetPart> Snippet(string text, IReadOnlyList<string> normalizedWords)
    {
        var (norm, source) = MinutesNormalizer.Map(text);
        var marks = new bool[text.Length];
        var first = -1;
        foreach (var word in normalizedWords)
        {
            var at = norm.IndexOf(word, StringComparison.Ordinal);
            while (at >= 0)
            {
                var from = source[at];
                var endNorm = at + word.Length;
                var to = endNorm < source.Length ? source[endNorm] : text.Length;
                for (var k = from; k < to; k++)
                {
                    marks[k] = true;
                }
                first = first < 0 ? from : Math.Min(first, from);
                at = norm.IndexOf(word, at + 1, StringComparison.Ordinal);
            }
        }
        const int Width = 120;
        var start = first < 0 ? 0 : Math.Max(0, first - 40);
        var end = Math.Min(text.Length, start + Width);
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("…", false));
        }
        var k2 = start;
        while (k2 < end)
        {
            var hit = marks[k2];
            var j = k2;
            while (j < end && marks[j] == hit)
            {
                j++;
            }
            parts.Add(new SnippetPart(text[k2..j].Replace('\n', ' '), hit));
            k2 = j;
        }
        if (end < text.Length)
        {
            parts.Add(new SnippetPart("…", false));
        }
        return parts;
    }

    /// <summary>The doc-values columns of one index segment that make a hit.</summary>
    private sealed class HitColumns(AtomicReader reader)
    {
        private readonly BytesRef _scratch = new();

        public BinaryDocValues Id { get; } = reader.GetBinaryDocValues("id_dv");
        public BinaryDocValues Meeting { get; } = reader.GetBinaryDocValues("meeting_dv");
        public BinaryDocValues Council { get; } = reader.GetBinaryDocValues("council_dv");
        public BinaryDocValues Speaker { get; } = reader.GetBinaryDocValues("spk_dv");
        public NumericDocValues Date { get; } = reader.GetNumericDocValues("date_dv");
        public NumericDocValues Seq { get; } = reader.GetNumericDocValues("seq_dv");

        public Guid Guid(BinaryDocValues values, int doc)
        {
            values.Get(doc, _scratch);
            return new Guid(_scratch.Bytes.AsSpan(_scratch.Offset, _scratch.Length));
        }

        public string Text(BinaryDocValues values, int doc)
        {
            values.Get(doc, _scratch);
            return Encoding.UTF8.GetString(_scratch.Bytes, _scratch.Offset, _scratch.Length);
        }

        /// <summary>The turn's text, from the stored fields (compressed in blocks: only the hits shown are read).</summary>
        public string Body(int doc)
        {
            var visitor = new DocumentStoredFieldVisitor("text");
            reader.Document(doc, visitor);
            return visitor.Document.Get("text");
        }
    }

    /// <summary>A token stream over terms computed beforehand (positions one apart).</summary>
    private sealed class ListTokenStream : TokenStream
    {
        private readonly IReadOnlyList<string> _terms;
        private readonly ICharTermAttribute _term;
        private int _next;

        public ListTokenStream(IReadOnlyList<string> terms)
        {
            _terms = terms;
            _term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (_next >= _terms.Count)
            {
                return false;
            }
            ClearAttributes();
            _term.SetEmpty().Append(_terms[_next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
        }
    }
}
