using System.Diagnostics;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Tests.Features.Minutes;

/// <summary>
/// Parsing speed: generated minutes rendered in every header and speaker layout with extraction noise (as
/// the parser's property test renders them), parsed and checked against the structure they were made from.
/// Prints documents/s, characters/s and how many read back the same, per speaker layout.
/// </summary>
internal static class LayoutBench
{
    public static void Run(int documents)
    {
        Console.WriteLine($"{"speaker layout",-12} {"documents",10} {"characters",12} {"seconds",8} {"docs/s",8} {"k chars/s",10} {"same",6}");
        foreach (var body in Enum.GetValues<BodyLayout>())
        {
            var texts = Enumerable.Range(1, documents).Select(seed =>
            {
                var m = MinutesLayouts.Create(seed);
                return (Minutes: m, Text: MinutesLayouts.Render(m, (HeaderLayout)(seed % 4), body, seed));
            }).ToList();
            var sw = Stopwatch.StartNew();
            var parsed = texts.Select(t => MinutesParser.Parse(t.Text)).ToList();
            sw.Stop();
            var same = parsed.Zip(texts).Count(p => p.First.Ok && MinutesLayouts.Actual(p.First.Value!) == MinutesLayouts.Expected(p.Second.Minutes));
            var characters = texts.Sum(t => (long)t.Text.Length);
            Console.WriteLine($"{body,-12} {documents,10:N0} {characters,12:N0} {sw.Elapsed.TotalSeconds,8:F2} {documents / sw.Elapsed.TotalSeconds,8:N0} {characters / sw.Elapsed.TotalSeconds / 1e3,10:N0} {same,6:N0}");
        }
    }
}
