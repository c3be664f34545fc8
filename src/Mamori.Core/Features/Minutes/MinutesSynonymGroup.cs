using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// Words a municipality's minutes use for the same thing (個人番号カード、マイナンバーカード): a search for one
/// finds the others too, and the search says so. Quoted phrases are never widened.
/// </summary>
[Label("会議録検索の同義語")]
public sealed class MinutesSynonymGroup : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The words, separated by 、.</summary>
    [Label("同じ意味の語")]
    public required string Words { get; set; }

    [Label("並び順")]
    public int Order { get; set; }

    public IReadOnlyList<string> List => Words.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

internal sealed class MinutesSynonymGroupConfiguration : IEntityTypeConfiguration<MinutesSynonymGroup>
{
    public void Configure(EntityTypeBuilder<MinutesSynonymGroup> b)
    {
        b.Property(x => x.Words).HasMaxLength(1000);
        b.Ignore(x => x.List);
        b.HasIndex(x => new { x.MunicipalityId, x.Order });
    }
}

/// <summary>The synonym list as the office edits it: one group per line, words separated by 、 , ⇔ = or spaces.</summary>
public static class MinutesSynonyms
{
    public const int MaxGroups = 500;
    public const int MaxWordLength = 50;

    /// <summary>The groups of <paramref name="text"/>, or the lines that are wrong (named by number).</summary>
    public static Outcome<List<List<string>>> Read(string? text)
    {
        var groups = new List<List<string>>();
        var errors = new List<string>();
        var lines = (text ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var words = line.Split(['、', ',', '，', '⇔', '↔', '=', '＝', ' ', '\u3000', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(w => MinutesNormalizer.Normalize(w).Length > 0).Distinct().ToList();
            if (words.Count < 2)
            {
                errors.Add($"{i + 1}行目：同じ意味の語を2つ以上、「、」で区切って書いてください（例：個人番号カード、マイナンバーカード）。");
            }
            else if (words.FirstOrDefault(w => w.Length > MaxWordLength) is { } tooLong)
            {
                errors.Add($"{i + 1}行目：「{tooLong[..10]}…」が長すぎます（1語{MaxWordLength}文字まで）。");
            }
            else if (words.FirstOrDefault(w => w.Contains('"', StringComparison.Ordinal) || w.Contains('＂', StringComparison.Ordinal) || w is "OR" or "ＯＲ") is { } reserved)
            {
                errors.Add($"{i + 1}行目：「{reserved}」は検索の記号なので同義語に使えません。");
            }
            else
            {
                groups.Add(words);
            }
        }
        if (groups.Count > MaxGroups)
        {
            errors.Add($"同義語は{MaxGroups}行までです（今は{groups.Count}行）。");
        }
        return errors.Count > 0
            ? Outcome<List<List<string>>>.Fail(new Dictionary<string, string[]> { ["Text"] = [.. errors] })
            : Outcome<List<List<string>>>.Success(groups);
    }

    /// <summary>Replaces the municipality's list with <paramref name="groups"/> (each change in the audit trail).</summary>
    public static async Task SaveAsync(AppDbContext db, Guid municipalityId, List<List<string>> groups, CancellationToken ct)
    {
        db.MinutesSynonymGroups.RemoveRange(await db.MinutesSynonymGroups.Where(g => g.MunicipalityId == municipalityId).ToListAsync(ct));
        var order = 0;
        foreach (var group in groups)
        {
            db.MinutesSynonymGroups.Add(new MinutesSynonymGroup { MunicipalityId = municipalityId, Words = string.Join("、", group), Order = ++order });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The municipality's groups, for a search.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<string>>> ListAsync(AppDbContext db, Guid municipalityId, CancellationToken ct) =>
        (await db.MinutesSynonymGroups.AsNoTracking().Where(g => g.MunicipalityId == municipalityId).OrderBy(g => g.Order).Select(g => g.Words).ToListAsync(ct))
            .Select(w => (IReadOnlyList<string>)w.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();

    /// <summary>「個人番号カード」は「マイナンバーカード」も含めて — what a search widened, for the page to say.</summary>
    public static IReadOnlyList<(string Word, IReadOnlyList<string> Also)> Widened(string? text, MinutesQuery query)
    {
        var widened = new List<(string, IReadOnlyList<string>)>();
        void Walk(QueryNode? node)
        {
            switch (node)
            {
                case WordNode { Exact: false } w when query.SynonymsOf(w.Text) is { Count: > 0 } also:
                    widened.Add((w.Text, also));
                    break;
                case AllNode all:
                    all.Include.Concat(all.Exclude).ToList().ForEach(Walk);
                    break;
                case AnyNode any:
                    any.Options.ToList().ForEach(Walk);
                    break;
            }
        }
        Walk(MinutesQueryText.Parse(text));
        return widened;
    }
}
