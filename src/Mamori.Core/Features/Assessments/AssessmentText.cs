namespace Mamori.Core.Features.Assessments;

/// <summary>The line lists typed in the assessment forms: document sections and changed sections.</summary>
public static class AssessmentText
{
    /// <summary>Non-empty trimmed lines.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim().TrimEnd('\r').Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>
    /// Parses changed sections written one per line as "Ⅱ ファイルの概要 ３．特定個人情報の入手・使用：事前"
    /// (a full- or half-width colon, then 事前 or 事後). The message names the line to fix.
    /// </summary>
    public static Outcome<IReadOnlyList<ChangedSection>> ParseChanges(string? text)
    {
        var result = new List<ChangedSection>();
        var lines = (text ?? string.Empty).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var colon = line.LastIndexOfAny(['：', ':']);
            var timing = colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
            var section = colon < 0 ? line : line[..colon].Trim();
            if (section.Length == 0 || timing is not ("事前" or "事後"))
            {
                return Outcome<IReadOnlyList<ChangedSection>>.Fail("Sections",
                    $"{i + 1}行目「{Shorten(line)}」：「項目名：事前」または「項目名：事後」の形で書いてください。");
            }
            if (section.Length > 200)
            {
                return Outcome<IReadOnlyList<ChangedSection>>.Fail("Sections", $"{i + 1}行目：項目名は200文字以内にしてください。");
            }
            result.Add(new ChangedSection(section, timing == "事前" ? ChangeTiming.Prior : ChangeTiming.Posterior));
        }
        if (result.Count == 0)
        {
            return Outcome<IReadOnlyList<ChangedSection>>.Fail("Sections", "変更する評価書の項目を1行に1つ、「項目名：事前」の形で入力してください。");
        }
        return Outcome<IReadOnlyList<ChangedSection>>.Success(result);
    }

    /// <summary>Writes changed sections back in the form <see cref="ParseChanges"/> reads.</summary>
    public static string FormatChanges(IEnumerable<ChangedSection> sections) =>
        string.Join('\n', sections.Select(s => $"{s.Section}：{s.Timing.JapaneseName()}"));

    public static string JapaneseName(this ChangeTiming timing) => timing == ChangeTiming.Prior ? "事前" : "事後";

    private static string Shorten(string line) => line.Length <= 30 ? line : line[..30] + "…";
}
