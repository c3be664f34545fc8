using Lucene.Net.Store;
using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

public sealed class MinutesIndexTests
{
    private static readonly Guid Municipality = Guid.NewGuid();
    private static readonly Guid Council = Guid.NewGuid();

    private static IndexedTurn Turn(string text, string speaker = "会長", SpeakerGroup group = SpeakerGroup.Chair, DateOnly? heldOn = null,
        Guid? council = null, Guid? municipality = null, int seq = 1, params string[] agenda) =>
        new(Guid.NewGuid(), Guid.NewGuid(), council ?? Council, municipality ?? Municipality, heldOn ?? new DateOnly(2024, 5, 1), seq, speaker, group, agenda, text);

    [Fact]
    public async Task QuotedPhrase_ReturnsExactlyTheTurnsWhoseNormalizedTextContainsIt_AgainstABruteForceScan()
    {
        // Few symbols so that most queries hit something; width variants, 異体字, voicing marks and spaces included.
        string[] alphabet = ["個", "人", "情", "報", "の", "委", "託", "区", "ｶﾞ", "ガ", "カ", "髙", "高", "Ａ", "a", "1", "１", " ", "　", "。", "𠮷", "吉"];
        var random = new Random(20261123);
        string Generate(int max)
        {
            var length = random.Next(0, max);
            return string.Concat(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]));
        }

        var turns = Enumerable.Range(0, 600).Select(i => Turn(Generate(60), seq: i)).ToList();
        using var index = new MinutesIndex(new RAMDirectory());
        await index.RebuildAsync(turns);

        var checkedQueries = 0;
        for (var q = 0; q < 400; q++)
        {
            string query;
            if (q % 2 == 0 && turns[random.Next(turns.Count)].Text is { Length: > 0 } source)
            {
                var runes = source.EnumerateRunes().Select(r => r.ToString()).ToList();
                var start = random.Next(runes.Count);
                query = string.Concat(runes.Skip(start).Take(1 + random.Next(6)));
            }
            else
            {
                query = Generate(6);
            }
            var normalized = MinutesNormalizer.Normalize(query);
            if (normalized.Length == 0)
            {
                continue;
            }
            var expected = turns.Where(t => MinutesNormalizer.Normalize(t.Text).Contains(normalized, StringComparison.Ordinal)).Select(t => t.TurnId).ToHashSet();
            var actual = index.MatchingIds(Municipality, $"\"{query}\"");
            Assert.True(expected.SetEquals(actual), $"「{query}」: expected {expected.Count}, got {actual.Count}");
            checkedQueries++;
        }
        Assert.True(checkedQueries > 300);
    }

    [Fact]
    public void Normalizer_FoldsWidthVariantsVoicingAndSpaces_AndMapsBackToTheOriginal()
    {
        Assert.Equal("個人情報ガイドライン2024a", MinutesNormalizer.Normalize("個人　情報 ｶﾞｲﾄﾞﾗｲﾝ ２０２４Ａ"));
        Assert.Equal("高崎徳", MinutesNormalizer.Normalize("髙﨑德"));
        var (text, source) = MinutesNormalizer.Map("ａ ｶﾞ");
        Assert.Equal("aガ", text);
        Assert.Equal([0, 2], source);
    }

    [Fact]
    public void Normalizer_AgreesWithIcuNfkc_ForEveryCharacterOfTheBasicPlane()
    {
        // The fast path for kana, ideographs and ASCII must give what NFKC + lower case + variants gives.
        var mismatches = new List<string>();
        for (var c = 1; c < 0x10000; c++)
        {
            if (char.IsSurrogate((char)c))
            {
                continue;
            }
            var text = ((char)c).ToString();
            string nfkc;
            try
            {
                nfkc = text.Normalize(System.Text.NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                nfkc = text; // non-characters: kept as written
            }
            var expected = string.Concat(nfkc.EnumerateRunes()
                .Where(r => !System.Text.Rune.IsWhiteSpace(r))
                .Select(r => System.Text.Rune.ToLowerInvariant(r).ToString() switch { "髙" => "高", "﨑" or "嵜" => "崎", "德" => "徳", "邊" or "邉" => "辺", "齋" => "斎", var x => x }));
            var actual = MinutesNormalizer.Normalize(text);
            if (actual != expected && !(MinutesNormalizer.Normalize(expected) == actual))
            {
                mismatches.Add($"U+{c:X4}: {actual} ≠ {expected}");
            }
        }
        Assert.True(mismatches.Count == 0, string.Join(", ", mismatches.Take(20)));
    }

    [Fact]
    public async Task Words_AreAnded_MinusExcludes_AndShortWordsWork()
    {
        var both = Turn("個人情報の委託について説明します。");
        var one = Turn("委託先の監査について。");
        var ku = Turn("区の方針です。");
        using var index = new MinutesIndex(new RAMDirectory());
        await index.RebuildAsync([both, one, ku]);

        Assert.Equal([both.TurnId], index.MatchingIds(Municipality, "個人情報 委託"));
        Assert.Equal([one.TurnId], index.MatchingIds(Municipality, "委託 -個人情報"));
        Assert.Equal([ku.TurnId], index.MatchingIds(Municipality, "区"));
        Assert.Equal(new HashSet<Guid> { both.TurnId, one.TurnId }, index.MatchingIds(Municipality, "委託"));
        Assert.Empty(index.MatchingIds(Municipality, "\"委託 先の 監査 は\""));
        Assert.Equal([one.TurnId], index.MatchingIds(Municipality, "\"委託 先の 監査\""));
    }

    [Fact]
    public async Task Filters_KeepToTheMunicipality_Council_Speaker_Group_Dates_AndAgenda()
    {
        var otherCouncil = Guid.NewGuid();
        var chair = Turn("保存期間を確認します。", "会長", SpeakerGroup.Chair, new DateOnly(2023, 4, 1), seq: 1, agenda: "consultation:76");
        var member = Turn("保存期間は何日ですか。", "伊藤委員", SpeakerGroup.Member, new DateOnly(2024, 4, 1), seq: 2);
        var elsewhere = Turn("保存期間の質問です。", "伊藤委員", SpeakerGroup.Member, new DateOnly(2024, 4, 1), council: otherCouncil);
        var otherTown = Turn("保存期間について。", "会長", SpeakerGroup.Chair, municipality: Guid.NewGuid());
        using var index = new MinutesIndex(new RAMDirectory());
        await index.RebuildAsync([chair, member, elsewhere, otherTown]);

        MinutesSearchResult Find(MinutesQuery q) => index.Search(q);
        Assert.Equal(3, Find(new MinutesQuery(Municipality, "保存期間")).Total);
        Assert.Equal(2, Find(new MinutesQuery(Municipality, "保存期間", CouncilIds: [Council])).Total);
        Assert.Equal(0, Find(new MinutesQuery(Municipality, "保存期間", CouncilIds: [])).Total);
        Assert.Equal(new HashSet<Guid> { member.TurnId, elsewhere.TurnId }, Find(new MinutesQuery(Municipality, "保存期間", Speaker: "伊藤")).Hits.Select(h => h.TurnId).ToHashSet());
        Assert.Equal([chair.TurnId], Find(new MinutesQuery(Municipality, "保存期間", Group: SpeakerGroup.Chair)).Hits.Select(h => h.TurnId));
        Assert.Equal([chair.TurnId], Find(new MinutesQuery(Municipality, "保存期間", To: new DateOnly(2023, 12, 31))).Hits.Select(h => h.TurnId));
        Assert.Equal([chair.TurnId], Find(new MinutesQuery(Municipality, "保存期間", AgendaKey: "consultation:76")).Hits.Select(h => h.TurnId));

        var byDate = Find(new MinutesQuery(Municipality, "保存期間", CouncilIds: [Council], ByDate: true)).Hits;
        Assert.Equal([new DateOnly(2024, 4, 1), new DateOnly(2023, 4, 1)], byDate.Select(h => h.HeldOn));
        var hit = Find(new MinutesQuery(Municipality, "ほぞん 期間", Speaker: "会長")).Hits;
        Assert.Empty(hit);
        var snippet = Assert.Single(Find(new MinutesQuery(Municipality, "期間 何日")).Hits).Snippet;
        Assert.Equal(["保存", "期間", "は", "何日", "ですか。"], snippet.Select(p => p.Text));
        Assert.Equal([false, true, false, true, false], snippet.Select(p => p.Hit));
    }

    [Fact]
    public async Task ReplacingAMeeting_DropsItsOldTurns()
    {
        using var index = new MinutesIndex(new RAMDirectory());
        var first = Turn("旧い発言です。");
        await index.ReplaceMeetingAsync(first.MeetingId, [first]);
        Assert.Single(index.MatchingIds(Municipality, "旧い"));
        var second = first with { TurnId = Guid.NewGuid(), Text = "新しい発言です。" };
        await index.ReplaceMeetingAsync(first.MeetingId, [second]);
        Assert.Empty(index.MatchingIds(Municipality, "旧い"));
        Assert.Equal([second.TurnId], index.MatchingIds(Municipality, "新しい"));
        await index.ReplaceMeetingAsync(first.MeetingId, []);
        Assert.Empty(index.MatchingIds(Municipality, "発言"));
    }

    /// <summary>
    /// Two writers on one index folder, as the web app and the command line are: a rebuild and a stream of meeting
    /// replacements run at once, and neither loses a file the other wrote. Lucene's own lock alone let both write.
    /// </summary>
    [Fact]
    public async Task TwoWritersOnOneFolder_TakeTurns_AndTheIndexHoldsBoth()
    {
        var folder = Path.Combine(Path.GetTempPath(), "mamori-writers-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var app = MinutesIndex.Open(Path.Combine(folder, "index"));
            using var command = MinutesIndex.Open(Path.Combine(folder, "index"));
            var rebuild = Task.Run(async () =>
            {
                for (var k = 0; k < 4; k++)
                {
                    await command.RebuildAsync(Enumerable.Range(0, 900).Select(i => Turn($"再構築{k}回目の発言{i}です。", seq: i)).ToList());
                }
            }, TestContext.Current.CancellationToken);
            var replace = Task.Run(async () =>
            {
                for (var k = 0; k < 80; k++)
                {
                    var turn = Turn($"会議{k}の発言です。");
                    await app.ReplaceMeetingAsync(turn.MeetingId, [turn]);
                }
            }, TestContext.Current.CancellationToken);
            await Task.WhenAll(rebuild, replace);

            // The last rebuild's turns are all there, and a meeting written after it is seen by the other writer.
            var last = Turn("最後の会議の発言です。");
            await app.ReplaceMeetingAsync(last.MeetingId, [last]);
            Assert.Equal(900, command.MatchingIds(Municipality, "\"再構築3回目\"").Count);
            Assert.Equal([last.TurnId], command.MatchingIds(Municipality, "\"最後の会議\""));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
