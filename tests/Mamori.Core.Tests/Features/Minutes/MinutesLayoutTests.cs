using Mamori.Core.Features.Minutes;

namespace Mamori.Core.Tests.Features.Minutes;

/// <summary>
/// The parser reads the same minutes the same way in every layout: generated minutes rendered with every
/// header layout and every speaker layout, with extraction noise, must come back as the structure they
/// were made from (fixed seeds, 60 documents per pair of layouts, 1,680 renderings).
/// </summary>
public sealed class MinutesLayoutTests
{
    private const int Seeds = 60;

    public static TheoryData<HeaderLayout, BodyLayout> Layouts()
    {
        var data = new TheoryData<HeaderLayout, BodyLayout>();
        foreach (var header in Enum.GetValues<HeaderLayout>())
        {
            foreach (var body in Enum.GetValues<BodyLayout>())
            {
                data.Add(header, body);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void EveryRendering_ReadsBackAsTheSameMinutes(HeaderLayout header, BodyLayout body)
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var minutes = MinutesLayouts.Create(seed);
            var text = MinutesLayouts.Render(minutes, header, body, seed * 7919 + (int)header * 31 + (int)body);
            var outcome = MinutesParser.Parse(text, $"seed{seed}.txt");
            var actual = outcome.Ok ? MinutesLayouts.Actual(outcome.Value!) : outcome.Describe();
            var expected = MinutesLayouts.Expected(minutes);
            if (actual != expected)
            {
                failures.Add($"seed {seed}:\n{MinutesLayouts.Difference(expected, actual)}\n--- text ---\n{text}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count}/{Seeds} differ ({header}, {body})\n" + string.Join("\n\n", failures.Take(2)));
    }

    /// <summary>The same minutes as a web page saved from the municipal site and as a Word file read back as the same structure.</summary>
    [Theory]
    [MemberData(nameof(Layouts))]
    public void WebPagesAndWordFiles_ReadBackAsTheSameMinutes(HeaderLayout header, BodyLayout body)
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= 5; seed++)
        {
            var minutes = MinutesLayouts.Create(seed);
            var text = MinutesLayouts.Render(minutes, header, body, seed * 104729 + (int)header * 31 + (int)body, noise: false);
            var expected = MinutesLayouts.Expected(minutes);
            var files = new (string Name, byte[] Bytes)[]
            {
                ($"seed{seed}.html", System.Text.Encoding.UTF8.GetBytes(MinutesDocuments.Html(text, PageShape.OneColumn, minutes.Council))),
                ($"seed{seed}.docx", MinutesDocuments.Docx(text, minutes.Council)),
            };
            foreach (var (name, bytes) in files)
            {
                var source = Mamori.Core.Features.Minutes.Documents.MinutesDocument.Read(bytes, name);
                Assert.True(source.Ok, source.Describe());
                Assert.Equal(name.EndsWith(".docx", StringComparison.Ordinal) ? "Word" : "HTML", source.Value!.Format);
                var outcome = MinutesParser.Parse(source.Value!.Text, name);
                var actual = outcome.Ok ? MinutesLayouts.Actual(outcome.Value!) : outcome.Describe();
                if (actual != expected)
                {
                    failures.Add($"{name}:\n{MinutesLayouts.Difference(expected, actual)}\n--- read ---\n{source.Value.Text}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count}/10 differ ({header}, {body})\n" + string.Join("\n\n", failures.Take(2)));
    }

    /// <summary>
    /// The same meeting published as a summary (議事要旨) in every header layout, with the same noise, reads back as
    /// its header and its sections as notes — never as invented speakers.
    /// </summary>
    [Theory]
    [InlineData(HeaderLayout.KeyedLine)]
    [InlineData(HeaderLayout.KeyedNextLine)]
    [InlineData(HeaderLayout.Numbered)]
    [InlineData(HeaderLayout.Table)]
    public void EverySummaryRendering_ReadsBackAsItsSections(HeaderLayout header)
    {
        var failures = new List<string>();
        for (var seed = 1; seed <= Seeds; seed++)
        {
            var minutes = MinutesLayouts.Create(seed);
            var expected = MinutesLayouts.ExpectedSummary(minutes);
            var text = MinutesLayouts.RenderSummary(minutes, header, seed * 7919 + (int)header);
            var files = new List<(string Name, string Text)> { ($"seed{seed}.txt", text) };
            if (seed <= 5)
            {
                // The same summary as a saved web page and as a Word file.
                var clean = MinutesLayouts.RenderSummary(minutes, header, seed * 7919 + (int)header, noise: false);
                foreach (var (name, bytes) in new[]
                {
                    ($"seed{seed}.html", System.Text.Encoding.UTF8.GetBytes(MinutesDocuments.Html(clean, PageShape.OneColumn, minutes.Council))),
                    ($"seed{seed}.docx", MinutesDocuments.Docx(clean, minutes.Council)),
                })
                {
                    var source = Mamori.Core.Features.Minutes.Documents.MinutesDocument.Read(bytes, name);
                    Assert.True(source.Ok, source.Describe());
                    files.Add((name, source.Value!.Text));
                }
            }
            foreach (var (name, read) in files)
            {
                var outcome = MinutesParser.Parse(read, name);
                var actual = outcome.Ok ? MinutesLayouts.Actual(outcome.Value!) + (outcome.Value!.IsSummary ? string.Empty : "（要旨として読まれていない）") : outcome.Describe();
                if (actual != expected)
                {
                    failures.Add($"{name}:\n{MinutesLayouts.Difference(expected, actual)}\n--- text ---\n{read}");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count}/{Seeds + 10} differ ({header})\n" + string.Join("\n\n", failures.Take(2)));
    }

    /// <summary>A narrow column can leave a sentence's 。 at the start of the third line, and a wrapped line can end in 委員.</summary>
    [Theory]
    [InlineData("会長")]
    [InlineData("加藤委員：")]
    public void ASpeakerAlone_WhoseFirstSentenceEndsOnTheThirdLine_StartsATurn(string speaker)
    {
        var outcome = MinutesParser.Parse($"""
            まもり市個人情報保護審議会 会議録
            日時　令和6年5月20日
            市民課長
            　アクセスログは月に1回、担当者が確認
            　しています。
            {speaker}
            　標準化に伴い、システムの運用を
            　事業者に委託することになります
            　。資料をご覧ください。
            会長
            　次回の会議の日程は、事務局から改
            　めてご連絡いたします。本日は委員
            　の過半数が出席しております。
            """, "f.txt");
        Assert.True(outcome.Ok, outcome.Describe());
        Assert.Equal(["市民課長", speaker.TrimEnd('：'), "会長"], outcome.Value!.Utterances.Select(u => u.Speaker));
    }
}
