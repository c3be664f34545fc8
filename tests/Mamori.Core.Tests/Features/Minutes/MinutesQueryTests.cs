using Lucene.Net.Store;
using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>The search language (AND, OR, parentheses, exclusion, phrases, synonyms): the index finds exactly what a scan finds.</summary>
public sealed class MinutesQueryTests
{
    private static readonly Guid Municipality = Guid.NewGuid();

    [Theory]
    [InlineData("委託 監査", "All(委託, 監査)")]
    [InlineData("バックアップ OR 冗長化", "Any(バックアップ, 冗長化)")]
    [InlineData("バックアップ ＯＲ 冗長化", "Any(バックアップ, 冗長化)")]
    [InlineData("(委託 OR 再委託) 監査 -クラウド", "All(Any(委託, 再委託), 監査; not クラウド)")]
    [InlineData("（委託 OR 再委託）監査", "All(Any(委託, 再委託), 監査)")]
    [InlineData("委託 -(監査 OR 点検)", "All(委託; not Any(監査, 点検))")]
    [InlineData("\"外部 委託\" OR 委託先", "Any(\"外部 委託\", 委託先)")]
    [InlineData("a OR b c", "Any(a, All(b, c))")]
    [InlineData("OR 委託 OR", "委託")]
    [InlineData("委託 )", "委託")]
    [InlineData("(委託", "委託")]
    public void Parse_ReadsTheLanguage(string text, string expected) =>
        Assert.Equal(expected, Describe(MinutesQueryText.Parse(text)));

    [Fact]
    public void Synonyms_WidenPlainWords_NotQuotedPhrases()
    {
        string[][] groups = [["個人番号カード", "マイナンバーカード"], ["住基ネット", "住民基本台帳ネットワークシステム"]];
        var query = new MinutesQuery(Municipality, null, Synonyms: groups);
        Assert.Equal("All(Any(個人番号カード, \"マイナンバーカード\"), \"住基ネット\")",
            Describe(MinutesQueryText.Expand(MinutesQueryText.Parse("個人番号カード \"住基ネット\"")!, query.SynonymsOf)));
        Assert.Equal(["個人番号カード"], query.SynonymsOf("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ"));
        Assert.Empty(query.SynonymsOf("マイナンバー"));
    }

    [Fact]
    public async Task EveryQuery_FindsExactlyTheTurnsAScanFinds()
    {
        string[] words = ["委託", "監査", "個人情報", "カード", "ﾏｲﾅﾝﾊﾞｰ", "マイナンバー", "個人番号", "保存", "期間", "ログ", "再委託", "住基"];
        var random = new Random(20261204);
        var turns = Enumerable.Range(0, 500).Select(i => new IndexedTurn(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Municipality, new DateOnly(2024, 5, 1), i, "会長",
            SpeakerGroup.Chair, [], string.Join(random.Next(3) == 0 ? "　" : "の", Enumerable.Range(0, random.Next(1, 6)).Select(_ => words[random.Next(words.Length)])))).ToList();
        using var index = new MinutesIndex(new RAMDirectory());
        await index.RebuildAsync(turns);
        string[][] synonyms = [["個人番号", "マイナンバー"], ["住基", "住民基本台帳"]];

        string Term() => random.Next(5) == 0 ? $"\"{words[random.Next(words.Length)]}\"" : words[random.Next(words.Length)];
        string Query(int depth) => (depth > 1 ? 3 + random.Next(3) : random.Next(6)) switch
        {
            0 => $"({Query(depth + 1)} OR {Query(depth + 1)})",
            1 => $"{Query(depth + 1)} -{Term()}",
            2 => $"{Term()} {Query(depth + 1)}",
            3 => $"{Term()} OR {Term()}",
            _ => Term(),
        };
        for (var q = 0; q < 300; q++)
        {
            var text = Query(0);
            var withSynonyms = q % 2 == 0;
            var search = new MinutesQuery(Municipality, text, Take: 1000, Synonyms: withSynonyms ? synonyms : null);
            var condition = MinutesQueryText.Expand(MinutesQueryText.Parse(text)!, search.SynonymsOf);
            var expected = turns.Where(t => MinutesQueryText.Matches(condition, MinutesNormalizer.Normalize(t.Text))).Select(t => t.TurnId).ToHashSet();
            var found = index.Search(search);
            Assert.True(expected.SetEquals(found.Hits.Select(h => h.TurnId)) && found.Total == expected.Count,
                $"「{text}」{(withSynonyms ? "（同義語あり）" : "")}: expected {expected.Count}, got {found.Total}");
        }
    }

    private static string Describe(QueryNode? node) => node switch
    {
        null => "(none)",
        WordNode w => w.Exact ? $"\"{w.Text}\"" : w.Text,
        AnyNode any => $"Any({string.Join(", ", any.Options.Select(Describe))})",
        AllNode all => $"All({string.Join(", ", all.Include.Select(Describe))}{(all.Exclude.Count > 0 ? "; not " + string.Join(", ", all.Exclude.Select(Describe)) : "")})",
        _ => "?",
    };
}
