using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Util;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// What the index holds of each meeting, as a fingerprint written into every document of the meeting: start-up compares
/// it with the database (<see cref="MinutesIndexReconciler"/>), so a meeting whose index write was lost (the process
/// ended between the database's commit and the index's) is indexed again.
/// </summary>
public sealed partial class MinutesIndex
{
    /// <summary>The fields a document holds; a new field (the three- and four-character grams) or a field stored another way (the text, compressed) is a new layout.</summary>
    private const string Layout = "layout 4: u b t q, text stored, pub";

    /// <summary>The fingerprint of a meeting's turns as indexed: every field a search reads or filters by.</summary>
    public static byte[] Fingerprint(IReadOnlyList<IndexedTurn> turns)
    {
        // The layout of the documents comes first: an index written in an older layout matches no meeting and is written again.
        var text = new StringBuilder(Layout).Append('\u001e');
        foreach (var t in turns.OrderBy(t => t.Seq).ThenBy(t => t.TurnId))
        {
            text.Append(t.TurnId).Append('\u001f').Append(t.MeetingId).Append('\u001f').Append(t.CouncilId).Append('\u001f')
                .Append(t.MunicipalityId).Append('\u001f').Append(t.HeldOn.DayNumber).Append('\u001f').Append(t.Seq).Append('\u001f')
                .Append(t.Speaker).Append('\u001f').Append(t.Group).Append('\u001f').AppendJoin(',', t.AgendaKeys.Order(StringComparer.Ordinal))
                .Append('\u001f').Append(t.Text).Append('\u001f').Append(t.IsPublic).Append('\u001e');
        }
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))[..16];
    }

    /// <summary>
    /// Each indexed meeting's fingerprint, as of the latest commit. A meeting whose documents disagree (or that was indexed
    /// before fingerprints were written) gets an empty one, which matches no meeting of the database.
    /// </summary>
    public Dictionary<Guid, byte[]> MeetingFingerprints()
    {
        var result = new Dictionary<Guid, byte[]>();
        if (Searchers() is not { } searchers)
        {
            return result;
        }
        searchers.MaybeRefreshBlocking();
        var searcher = searchers.Acquire();
        try
        {
            var scratch = new BytesRef();
            foreach (var leaf in searcher.IndexReader.Leaves)
            {
                var reader = leaf.AtomicReader;
                var live = reader.LiveDocs;
                var meetings = reader.GetBinaryDocValues("meeting_dv");
                var fingerprints = reader.GetBinaryDocValues("fp_dv");
                for (var doc = 0; doc < reader.MaxDoc; doc++)
                {
                    if (live is not null && !live.Get(doc))
                    {
                        continue;
                    }
                    meetings.Get(doc, scratch);
                    var meeting = new Guid(scratch.Bytes.AsSpan(scratch.Offset, scratch.Length));
                    byte[] fingerprint = [];
                    if (fingerprints is not null)
                    {
                        fingerprints.Get(doc, scratch);
                        fingerprint = scratch.Bytes.AsSpan(scratch.Offset, scratch.Length).ToArray();
                    }
                    result[meeting] = result.TryGetValue(meeting, out var seen) && !seen.AsSpan().SequenceEqual(fingerprint) ? [] : fingerprint;
                }
            }
            return result;
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>The fingerprint the index holds for one meeting (as of the latest commit), or null when it holds none of its turns.</summary>
    public byte[]? MeetingFingerprint(Guid meetingId)
    {
        if (Searchers() is not { } searchers)
        {
            return null;
        }
        searchers.MaybeRefreshBlocking();
        var searcher = searchers.Acquire();
        try
        {
            var top = searcher.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term("meeting", meetingId.ToString("N"))), 1);
            if (top.TotalHits == 0)
            {
                return null;
            }
            var leaves = searcher.IndexReader.Leaves;
            var leaf = leaves[Lucene.Net.Index.ReaderUtil.SubIndex(top.ScoreDocs[0].Doc, leaves)];
            var scratch = new BytesRef();
            if (leaf.AtomicReader.GetBinaryDocValues("fp_dv") is not { } fingerprints)
            {
                return [];
            }
            fingerprints.Get(top.ScoreDocs[0].Doc - leaf.DocBase, scratch);
            return scratch.Bytes.AsSpan(scratch.Offset, scratch.Length).ToArray();
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Consecutive turns of the same meeting, as lists.</summary>
    private static IEnumerable<List<IndexedTurn>> ByMeeting(IEnumerable<IndexedTurn> turns)
    {
        var current = new List<IndexedTurn>();
        foreach (var turn in turns)
        {
            if (current.Count > 0 && current[0].MeetingId != turn.MeetingId)
            {
                yield return current;
                current = [];
            }
            current.Add(turn);
        }
        if (current.Count > 0)
        {
            yield return current;
        }
    }
}
