using System.Text;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Minutes;

/// <summary>What to do with a numbered agenda entry of imported minutes.</summary>
public enum AgendaChoice
{
    /// <summary>Place the existing 諮問・報告 of that number on the meeting.</summary>
    Link,

    /// <summary>A new 諮問・報告 (without the number when the number is taken by another item).</summary>
    New,

    /// <summary>Not placed on the meeting.</summary>
    Skip,
}

/// <summary>
/// A numbered agenda entry and the existing item of the same number, if any. A match is sure only when the
/// titles are alike, the item belongs to the same council and was submitted within two years of the
/// meeting; otherwise it is a conflict, shown side by side, and nothing is done until someone chooses.
/// </summary>
public sealed record AgendaPlan(int Index, ParsedAgendaItem Entry, AgendaItem? Existing, double Similarity, string? Doubt)
{
    public bool Conflict => Existing is not null && Doubt is not null;

    /// <summary>The choice made unless someone changes it: none for a conflict.</summary>
    public AgendaChoice? Suggested => Existing is null ? AgendaChoice.New : Doubt is null ? AgendaChoice.Link : null;

    public string Label => $"{(Entry.Kind == AgendaKind.Consultation ? "諮問" : "報告")}第{Entry.Number}号";
}

/// <summary>Where imported minutes would go and how their agenda would be linked, before anything is stored.</summary>
public sealed record MinutesPlan(
    AdvisoryCouncil? Council,
    string CouncilName,
    bool CouncilChosen,
    Meeting? Meeting,
    bool MinutesExist,
    MinutesImportRecord? AlreadyImported,
    IReadOnlyList<AgendaPlan> Agenda);

/// <summary>Plans an import: the council, the meeting and the links of the agenda, with every doubt named.</summary>
public static class MinutesLinking
{
    /// <summary>Titles at least this alike (Dice coefficient of character pairs) are the same item's.</summary>
    public const double SimilarTitles = 0.6;

    /// <summary>An item submitted further than this from the meeting is another item that reused the number.</summary>
    public const int DaysApart = 730;

    /// <summary>The plan for <paramref name="minutes"/> going to the council chosen (or, when none is, the council of the minutes' name).</summary>
    public static async Task<MinutesPlan> PlanAsync(AppDbContext db, Guid municipalityId, ParsedMinutes minutes, Guid? councilId, string? sha256, CancellationToken ct)
    {
        var council = councilId is { } chosen
            ? await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.Id == chosen, ct)
            : await db.Councils.AsNoTracking().FirstOrDefaultAsync(c => c.MunicipalityId == municipalityId && c.Name == minutes.CouncilName, ct);
        var meeting = council is null ? null
            : await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.CouncilId == council.Id && m.HeldOn == minutes.HeldOn, ct);
        var minutesExist = meeting is not null && await db.MinutesTurns.AnyAsync(t => t.MeetingId == meeting.Id, ct);
        var already = sha256 is null ? null
            : await db.MinutesImports.AsNoTracking().FirstOrDefaultAsync(r => r.MunicipalityId == municipalityId && r.Sha256 == sha256, ct);

        var numbered = minutes.Agenda.Select((a, i) => (Entry: a, Index: i)).Where(x => x.Entry.Number is not null).ToList();
        var numbers = numbered.Select(x => x.Entry.Number!.Value).ToList();
        var existing = await db.AgendaItems.AsNoTracking()
            .Where(i => i.MunicipalityId == municipalityId && i.Number != null && numbers.Contains(i.Number.Value))
            .ToListAsync(ct);
        var plans = numbered.Select(x =>
        {
            var kind = x.Entry.Kind == AgendaKind.Consultation ? ItemKind.Consultation : ItemKind.Report;
            var item = existing.FirstOrDefault(i => i.Kind == kind && i.Number == x.Entry.Number);
            if (item is null)
            {
                return new AgendaPlan(x.Index, x.Entry, null, 0, null);
            }
            var similarity = TitleSimilarity(item.Title, x.Entry.Title);
            return new AgendaPlan(x.Index, x.Entry, item, similarity, Doubt(item, x.Entry, similarity, council, minutes.HeldOn));
        }).ToList();
        return new MinutesPlan(council, council?.Name ?? minutes.CouncilName, councilId is not null || council is not null, meeting, minutesExist, already, plans);
    }

    /// <summary>Why an item of the same number may not be this entry's, or null when it surely is.</summary>
    internal static string? Doubt(AgendaItem item, ParsedAgendaItem entry, double similarity, AdvisoryCouncil? council, DateOnly heldOn)
    {
        var doubts = new List<string>();
        if (similarity < SimilarTitles)
        {
            doubts.Add("件名が違います");
        }
        if (council is null || item.CouncilId != council.Id)
        {
            doubts.Add("別の審議会の議題です");
        }
        if (item.SubmittedOn is { } submitted && Math.Abs(submitted.DayNumber - heldOn.DayNumber) > DaysApart)
        {
            doubts.Add($"提出日（{Japanese.WarekiDate.Format(submitted)}）が会議の日から2年を超えて離れています");
        }
        return doubts.Count == 0 ? null : string.Join("。", doubts) + "。";
    }

    /// <summary>How alike two titles are: the Dice coefficient of their character pairs, after NFKC and without spaces or brackets.</summary>
    public static double TitleSimilarity(string a, string b)
    {
        var x = Pairs(a);
        var y = Pairs(b);
        if (x.Count + y.Count == 0)
        {
            return 1;
        }
        var common = 0;
        var pool = y.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        foreach (var pair in x)
        {
            if (pool.TryGetValue(pair, out var n) && n > 0)
            {
                common++;
                pool[pair] = n - 1;
            }
        }
        return 2.0 * common / (x.Count + y.Count);
    }

    private static List<string> Pairs(string title)
    {
        var t = new string(title.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not ('「' or '」' or '（' or '）' or '(' or ')')).ToArray());
        return t.Length < 2 ? [t] : Enumerable.Range(0, t.Length - 1).Select(i => t.Substring(i, 2)).ToList();
    }
}
