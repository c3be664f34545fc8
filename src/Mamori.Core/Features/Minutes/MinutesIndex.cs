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

/// <summary>
/// The Lucene index of minutes turns, in a folder next to the database. Text is normalized by
/// <see cref="MinutesNormalizer"/> and indexed twice: every character (field <c>u</c>) and every pair
/// of neighbouring characters (field <c>b</c>), both with positions. A one-character word is a unigram
/// term; a longer word is the phrase of its overlapping bigrams, which matches exactly the turns whose
/// normalized text contains the word. Conditions are read by <see cref="MinutesQueryText"/> (AND, OR,
/// parentheses, exclusion, phrases) and widened by the municipality's synonyms. Writers open the index only while they write, so the web app and the command line
/// can share it; readers reopen when it has changed.
/// </summary>
public sealed partial class MinutesIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly LuceneDirectory _directory;
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly System.Threading.Lock _readLock = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Filter> _municipalityFilters = new();
    private SearcherManager? _searchers;

    public MinutesIndex(LuceneDirectory directory) => _directory = directory;

    /// <summary>
    /// The index in <c>{indexDirectory}/minutes</c>. Each instance of the app keeps its own on local disk
    /// (<c>Mamori:IndexDirectory</c>, default <c>data/index</c>), kept in step through the database's change feed.
    /// </summary>
    public static MinutesIndex Open(string indexDirectory)
    {
        var path = Path.Combine(indexDirectory, "minutes");
        System.IO.Directory.CreateDirectory(path);
        return new MinutesIndex(new MMapDirectory(new DirectoryInfo(path)));
    }

    /// <summary>Replaces the turns of one meeting (an empty list removes the meeting).</summary>
    public Task ReplaceMeetingAsync(Guid meetingId, IEnumerable<IndexedTurn> turns, CancellationToken ct = default)
    {
        var list = turns.ToList();
        var fingerprint = Fingerprint(list);
        return WriteAsync(w =>
        {
            w.DeleteDocuments(new Term("meeting", meetingId.ToString("N")));
            foreach (var turn in list)
            {
                w.AddDocument(ToDocument(turn, fingerprint));
            }
        }, ct);
    }

    /// <summary>Whether the index holds any turn of the meeting (as of the latest commit).</summary>
    public bool HasMeeting(Guid meetingId)
    {
        if (Searchers() is not { } searchers)
        {
            return false;
        }
        searchers.MaybeRefreshBlocking();
        var searcher = searchers.Acquire();
        try
        {
            return searcher.IndexReader.DocFreq(new Term("meeting", meetingId.ToString("N"))) > 0;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Rebuilds the index from every turn; returns the number indexed.</summary>
    public async Task<int> RebuildAsync(IEnumerable<IndexedTurn> turns, CancellationToken ct = default)
    {
        var count = 0;
        await WriteAsync(w =>
        {
            w.DeleteAll();
            // Turns come meeting by meeting; each meeting's documents carry the fingerprint of the whole meeting.
            foreach (var meeting in ByMeeting(turns))
            {
                ct.ThrowIfCancellationRequested();
                var fingerprint = Fingerprint(meeting);
                foreach (var turn in meeting)
                {
                    w.AddDocument(ToDocument(turn, fingerprint));
                    count++;
                }
            }
            // One segment: each query term is looked up once instead of once per segment.
            w.ForceMerge(1);
        }, ct);
        return count;
    }

    public MinutesSearchResult Search(MinutesQuery query)
    {
        var condition = MinutesQueryText.Parse(query.Text) is { } parsed ? MinutesQueryText.Expand(parsed, query.SynonymsOf) : null;
        var searchers = Searchers();
        if (searchers is null || condition is null && !query.HasFilter)
        {
            return new MinutesSearchResult(0, []);
        }
        // Another process (the command line) may have written: every search sees what is committed. Blocking, so
        // that a refresh already running on another thread is waited for rather than skipped.
        searchers.MaybeRefreshBlocking();
        var searcher = searchers.Acquire();
        try
        {
            return Search(searcher, query, condition);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    private MinutesSearchResult Search(IndexSearcher searcher, MinutesQuery query, QueryNode? condition)
    {
        var bq = new BooleanQuery();
        bq.Add(condition is null ? new MatchAllDocsQuery() : ToLucene(condition), Occur.MUST);
        // The municipality is a cached bit set per segment rather than a clause scored with every query.
        var municipality = _municipalityFilters.GetOrAdd(query.MunicipalityId,
            id => new CachingWrapperFilter(new QueryWrapperFilter(new TermQuery(new Term("muni", id.ToString("N"))))));
        if (query.CouncilIds is { } councils)
        {
            if (councils.Count == 0)
            {
                return new MinutesSearchResult(0, []);
            }
            var any = new BooleanQuery();
            foreach (var id in councils)
            {
                any.Add(new TermQuery(new Term("council", id.ToString("N"))), Occur.SHOULD);
            }
            AddFilter(bq, any);
        }
        if (MinutesNormalizer.Normalize(query.Speaker) is { Length: > 0 } speaker)
        {
            AddFilter(bq, new WildcardQuery(new Term("speaker", $"*{EscapeWildcard(speaker)}*")));
        }
        if (query.Group is { } group)
        {
            AddFilter(bq, new TermQuery(new Term("group", group.ToString())));
        }
        if (query.From is not null || query.To is not null)
        {
            AddFilter(bq, NumericRangeQuery.NewInt32Range("date", query.From is { } f ? DateKey(f) : null, query.To is { } t ? DateKey(t) : null, true, true));
        }
        if (query.PublicOnly)
        {
            AddFilter(bq, new TermQuery(new Term("pub", "1")));
        }
        if (!string.IsNullOrWhiteSpace(query.AgendaKey))
        {
            AddFilter(bq, new TermQuery(new Term("agenda", query.AgendaKey)));
        }

        var take = Math.Clamp(query.Take, 1, 1000);
        var n = query.Skip + take;
        var top = query.ByDate
            ? searcher.Search(bq, municipality, n, new Sort(new SortField("date_dv", SortFieldType.INT64, true), new SortField("seq_dv", SortFieldType.INT64)))
            : searcher.Search(bq, municipality, n);
        var terms = MinutesQueryText.Positive(condition).Select(MinutesNormalizer.Normalize).Where(w => w.Length > 0).Distinct().ToList();
        // Hits are read from doc values, and the text of each hit shown from its stored field.
        var leaves = searcher.IndexReader.Leaves;
        var columns = new Dictionary<int, HitColumns>();
        var hits = top.ScoreDocs.Skip(query.Skip).Select(sd =>
        {
            var leaf = leaves[ReaderUtil.SubIndex(sd.Doc, leaves)];
            if (!columns.TryGetValue(leaf.Ord, out var c))
            {
                c = columns[leaf.Ord] = new HitColumns(leaf.AtomicReader);
            }
            var doc = sd.Doc - leaf.DocBase;
            return new MinutesHit(c.Guid(c.Id, doc), c.Guid(c.Meeting, doc), c.Guid(c.Council, doc), FromDateKey((int)c.Date.Get(doc)), (int)c.Seq.Get(doc),
                c.Text(c.Speaker, doc), Snippet(c.Body(doc), terms));
        }).ToList();
        return new MinutesSearchResult(top.TotalHits, hits);
    }

    /// <summary>Every turn id the query matches, for checking the index against a scan.</summary>
    public HashSet<Guid> MatchingIds(Guid municipalityId, string text)
    {
        var result = Search(new MinutesQuery(municipalityId, text, Take: 1));
        var all = Search(new MinutesQuery(municipalityId, text, Take: Math.Max(1, result.Total)));
        return all.Hits.Select(h => h.TurnId).ToHashSet();
    }

    /// <summary>
    /// The condition as a Lucene query: a word is its unigram or bigram phrase, all-of is MUST and MUST_NOT
    /// (everything but the excluded when nothing is required), any-of is SHOULD.
    /// </summary>
    private static Query ToLucene(QueryNode node)
    {
        switch (node)
        {
            case WordNode w:
                return WordQuery(w.Text);
            case AllNode all:
                var and = new BooleanQuery();
                foreach (var n in all.Include)
                {
                    and.Add(ToLucene(n), Occur.MUST);
                }
                if (all.Include.Count == 0)
                {
                    and.Add(new MatchAllDocsQuery(), Occur.MUST);
                }
                foreach (var n in all.Exclude)
                {
                    and.Add(ToLucene(n), Occur.MUST_NOT);
                }
                return and;
            default:
                var or = new BooleanQuery();
                foreach (var n in ((AnyNode)node).Options)
                {
                    or.Add(ToLucene(n), Occur.SHOULD);
                }
                return or;
        }
    }

    public void Dispose()
    {
        lock (_readLock)
        {
            _searchers?.Dispose();
            _searchers = null;
        }
        _write.Dispose();
        _directory.Dispose();
    }

    /// <summary>Searchers over the latest commit, shared and reference-counted; null before the first write.</summary>
    private SearcherManager? Searchers()
    {
        lock (_readLock)
        {
            if (_searchers is null && DirectoryReader.IndexExists(_directory))
            {
                _searchers = new SearcherManager(_directory, null);
            }
            return _searchers;
        }
    }

    private async Task WriteAsync(Action<IndexWriter> work, CancellationToken ct)
    {
        await _write.WaitAsync(ct);
        FileStream? processes = null;
        try
        {
            processes = await LockProcessesAsync(ct);
            var config = new IndexWriterConfig(Version, new KeywordAnalyzer())
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                // Another process (the command line, another app instance) may hold the lock for a while; Lucene polls once a second.
                WriteLockTimeout = 60_000,
                RAMBufferSizeMB = 64,
            };
            using (var writer = new IndexWriter(_directory, config))
            {
                work(writer);
                writer.Commit();
            }
            // This process sees its own writes at once.
            lock (_readLock)
            {
                _searchers?.MaybeRefreshBlocking();
            }
        }
        finally
        {
            processes?.Dispose();
            _write.Release();
        }
    }

    /// <summary>
    /// One writer across processes (the web app, the command line, another app instance), held for the whole
    /// write: an exclusive handle on a file that is never deleted. Lucene's own write lock deletes its file on
    /// release, and a writer waiting on the old file can then hold it together with one that made a new file:
    /// two writers, and one deletes the other's segments. Waits up to a minute, as Lucene would.
    /// </summary>
    private async Task<FileStream?> LockProcessesAsync(CancellationToken ct)
    {
        if (_directory is not FSDirectory fs)
        {
            return null;
        }
        var path = Path.Combine(fs.Directory.FullName, "mamori-writer.lock");
        for (var waited = 0; ; waited += 100)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited < 60_000)
            {
                await Task.Delay(100, ct);
            }
        }
    }
}
