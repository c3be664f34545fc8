namespace Mamori.Core.Features.Minutes;

/// <summary>One speaker turn (or note) as the search index holds it.</summary>
public sealed record IndexedTurn(
    Guid TurnId,
    Guid MeetingId,
    Guid CouncilId,
    Guid MunicipalityId,
    DateOnly HeldOn,
    int Seq,
    string Speaker,
    SpeakerGroup Group,
    IReadOnlyList<string> AgendaKeys,
    string Text,
    bool IsPublic = false);

/// <summary>A search: the words, and filters. The municipality is always a filter.</summary>
public sealed record MinutesQuery(
    Guid MunicipalityId,
    string? Text,
    IReadOnlyCollection<Guid>? CouncilIds = null,
    string? Speaker = null,
    SpeakerGroup? Group = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? AgendaKey = null,
    bool ByDate = false,
    int Skip = 0,
    int Take = 20,
    IReadOnlyList<IReadOnlyList<string>>? Synonyms = null,
    bool PublicOnly = false)
{
    /// <summary>The other words of the synonym groups <paramref name="word"/> belongs to (compared normalized).</summary>
    public IReadOnlyList<string> SynonymsOf(string word)
    {
        if (Synonyms is null or { Count: 0 })
        {
            return [];
        }
        var key = MinutesNormalizer.Normalize(word);
        return Synonyms.Where(g => g.Any(s => MinutesNormalizer.Normalize(s) == key))
            .SelectMany(g => g).Where(s => MinutesNormalizer.Normalize(s) != key).Distinct().ToList();
    }

    /// <summary>True when a filter narrows the turns, so a search without words lists them.</summary>
    public bool HasFilter => !string.IsNullOrWhiteSpace(Speaker) || Group is not null || From is not null || To is not null || !string.IsNullOrWhiteSpace(AgendaKey);
}

/// <summary>A piece of a snippet; <see cref="Hit"/> parts are what the query matched.</summary>
public sealed record SnippetPart(string Text, bool Hit);

public sealed record MinutesHit(Guid TurnId, Guid MeetingId, Guid CouncilId, DateOnly HeldOn, int Seq, string Speaker, IReadOnlyList<SnippetPart> Snippet)
{
    /// <summary>The snippet as plain text.</summary>
    public string SnippetText => string.Concat(Snippet.Select(p => p.Text));
}

public sealed record MinutesSearchResult(int Total, IReadOnlyList<MinutesHit> Hits);
