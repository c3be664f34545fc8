using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Mamori.Core.Features.Council;
using Mamori.Core.Japanese;

namespace Mamori.Core.Features.Minutes;

/// <summary>
/// The filters of a minutes search as people type them (the page, the API and the command line alike):
/// 発言者, 区分 (会長・委員・事務局・所管課), dates in 和暦 or 西暦, 議題 (諮問第76号). Errors say what to fix.
/// </summary>
public sealed partial record MinutesFilters(string? Speaker, SpeakerGroup? Group, DateOnly? From, DateOnly? To, string? AgendaKey, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>The first error, for the command line.</summary>
    public string? Error => Errors.Count == 0 ? null : string.Join('\n', Errors.Values);

    /// <summary>True when a filter narrows the turns (a council alone does not).</summary>
    public bool HasFilter => ToQuery(Guid.Empty, null, null, false, 0, 1).HasFilter;

    public static IReadOnlyList<(SpeakerGroup Group, string Name)> Groups { get; } =
        [(SpeakerGroup.Chair, "会長"), (SpeakerGroup.Member, "委員"), (SpeakerGroup.Secretariat, "事務局"), (SpeakerGroup.Department, "所管課")];

    public static MinutesFilters Read(string? speaker, string? group, string? from, string? to, string? agenda)
    {
        var errors = new Dictionary<string, string>();
        SpeakerGroup? parsedGroup = null;
        if (!string.IsNullOrWhiteSpace(group))
        {
            var g = group.Trim();
            parsedGroup = Groups.FirstOrDefault(x => x.Name == g || string.Equals(x.Group.ToString(), g, StringComparison.OrdinalIgnoreCase)) is { Name: not null } hit
                ? hit.Group
                : null;
            if (parsedGroup is null)
            {
                errors["Role"] = $"発言者の区分「{g}」は使えません。会長・委員・事務局・所管課のいずれかを指定してください。";
            }
        }
        DateOnly? Date(string? text, string field, string label)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (WarekiDate.TryParse(text, out var d, out var error))
            {
                return d;
            }
            errors[field] = $"{label}：{error}";
            return null;
        }
        var fromDate = Date(from, "From", "開催日の始め");
        var toDate = Date(to, "To", "開催日の終わり");
        if (fromDate > toDate)
        {
            errors["To"] = "開催日の終わりが始めより前です。日付を入れ替えてください。";
        }
        string? agendaKey = null;
        if (!string.IsNullOrWhiteSpace(agenda))
        {
            var m = AgendaPattern().Match(agenda.Normalize(NormalizationForm.FormKC).Replace(" ", string.Empty, StringComparison.Ordinal));
            if (m.Success)
            {
                var kind = m.Groups["kind"].Value is "報告" or "report" ? ItemKind.Report : ItemKind.Consultation;
                agendaKey = MinutesIndexing.AgendaKey(kind, int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture));
            }
            else
            {
                errors["Agenda"] = $"議題「{agenda.Trim()}」は番号として読めません。「諮問第76号」「報告第361号」のように指定してください。";
            }
        }
        return new MinutesFilters(string.IsNullOrWhiteSpace(speaker) ? null : speaker.Trim(), parsedGroup, fromDate, toDate, agendaKey, errors);
    }

    public MinutesQuery ToQuery(Guid municipalityId, string? text, IReadOnlyCollection<Guid>? councilIds, bool byDate, int skip, int take) =>
        new(municipalityId, text, councilIds, Speaker, Group, From, To, AgendaKey, byDate, skip, take);

    [GeneratedRegex(@"^(?:(?<kind>諮問|報告)第?(?<n>\d{1,5})号?|(?<kind>consultation|report):(?<n>\d{1,5}))$")]
    private static partial Regex AgendaPattern();
}
