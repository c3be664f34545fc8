using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Core.Features.Council;

/// <summary>A row of a written meeting's table with the member and the item it is stored under.</summary>
public sealed record SheetPlacement(SheetRow Row, Guid? MemberId, Guid? ItemId);

/// <summary>What a written meeting's table became: how many questions and opinions, how many answered.</summary>
public sealed record ImportedSheet(int Opinions, int Answered, int AlreadyThere);

public static partial class CouncilWorkflow
{
    /// <summary>
    /// The member and item each row most likely belongs to: the member whose name the row's 委員 column gives
    /// (in full, or the family name when only one member has it), the item whose 諮問第N号・報告第N号 the row
    /// names (in its 議題 or 記載箇所 column), or the meeting's only item. What is not sure is left for a person.
    /// </summary>
    public static IReadOnlyList<SheetPlacement> Suggest(MeetingView view, IReadOnlyList<SheetRow> rows) =>
        rows.Select(r => new SheetPlacement(r, MemberOf(view.InOffice, r.Member), ItemOf(view.Agenda, r))).ToList();

    private static Guid? MemberOf(IReadOnlyList<CouncilMember> members, string? named)
    {
        if (named is null)
        {
            return null;
        }
        var name = SheetSpaces().Replace(named, string.Empty);
        name = name.EndsWith("委員", StringComparison.Ordinal) && name.Length > 2 ? name[..^2] : name;
        var exact = members.Where(m => SheetSpaces().Replace(m.Name, string.Empty) == name).ToList();
        var starts = members.Where(m => name.Length >= 1 && SheetSpaces().Replace(m.Name, string.Empty).StartsWith(name, StringComparison.Ordinal)).ToList();
        return exact.Count == 1 ? exact[0].Id : starts.Count == 1 ? starts[0].Id : null;
    }

    private static Guid? ItemOf(IReadOnlyList<AgendaLine> agenda, SheetRow row)
    {
        foreach (var text in new[] { row.Item, row.Location })
        {
            if (text is not null && SheetItemNumber().Match(text.Normalize(System.Text.NormalizationForm.FormKC)) is { Success: true } m)
            {
                var kind = m.Groups["kind"].Value == "諮問" ? ItemKind.Consultation : ItemKind.Report;
                var number = int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var found = agenda.Where(a => a.Item.Kind == kind && a.Item.Number == number).ToList();
                if (found.Count == 1)
                {
                    return found[0].Item.Id;
                }
            }
        }
        return agenda.Count == 1 ? agenda[0].Item.Id : null;
    }

    /// <summary>
    /// Stores a written meeting's table as its questions, opinions and answers, all rows or none: every row
    /// needs a member in office and an item of the meeting. A row the meeting already records (same member,
    /// item and text) is not stored twice. Members with a row are marked as having answered.
    /// </summary>
    public static async Task<Outcome<ImportedSheet>> ImportOpinionSheetAsync(AppDbContext db, Guid meetingId, IReadOnlyList<SheetPlacement> rows,
        string fileName, TimeProvider clock, CancellationToken ct)
    {
        var view = await CouncilReading.MeetingAsync(db, meetingId, ct);
        if (view is null)
        {
            return Outcome<ImportedSheet>.NotFound(MeetingNotFound);
        }
        if (view.Meeting.Kind != MeetingKind.Written)
        {
            return Outcome<ImportedSheet>.Fail("File", $"「{view.Meeting.Title}」は書面開催の会議ではありません。ご意見・ご質問と回答の表は書面開催の会議に取り込んでください。");
        }
        var errors = new FieldErrors();
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, memberId, itemId) = rows[i];
            var at = $"{fileName} の表の{row.Line}行目";
            if (memberId is null || view.InOffice.All(m => m.Id != memberId))
            {
                errors.Add($"Members[{i}]", $"{at}：質問・意見を出した委員を選んでください{(row.Member is { } named ? $"（表では「{named}」）" : string.Empty)}。");
            }
            if (itemId is null || view.Agenda.All(a => a.Item.Id != itemId))
            {
                errors.Add($"Items[{i}]", $"{at}：議題を選んでください{(row.Item is { } item ? $"（表では「{item}」）" : string.Empty)}。");
            }
            errors.MaxLength($"Rows[{i}]", row.Text, 4000, $"{at}の「ご意見・ご質問」");
            errors.MaxLength($"Rows[{i}]", row.Answer, 4000, $"{at}の「回答」");
            errors.MaxLength($"Rows[{i}]", row.Location, 200, $"{at}の「記載箇所」");
        }
        if (errors.Any)
        {
            return errors.Fail<ImportedSheet>();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var recorded = await db.WrittenOpinions.Where(o => o.MeetingId == meetingId).Select(o => new { o.MemberId, o.ItemId, o.Text }).ToListAsync(ct);
        var stored = 0;
        var answered = 0;
        foreach (var (row, memberId, itemId) in rows)
        {
            if (recorded.Any(o => o.MemberId == memberId && o.ItemId == itemId && o.Text == row.Text))
            {
                continue;
            }
            db.WrittenOpinions.Add(new WrittenOpinion
            {
                MeetingId = meetingId,
                CouncilId = view.Meeting.CouncilId,
                ItemId = itemId!.Value,
                MemberId = memberId!.Value,
                Kind = row.Kind,
                Location = row.Location,
                Text = row.Text,
                SubmittedAt = now,
                Answer = row.Answer,
                AnsweredAt = row.Answer is null ? null : now,
                AnsweredBy = row.Answer is null ? null : db.Tenant.ActorName,
            });
            stored++;
            answered += row.Answer is null ? 0 : 1;
        }
        var meeting = await db.Meetings.FirstAsync(m => m.Id == meetingId, ct);
        foreach (var member in view.InOffice.Where(m => rows.Any(r => r.MemberId == m.Id)))
        {
            await MarkRespondedAsync(db, meeting, member, ct);
        }
        var saved = await SaveAsync(db, meeting, ct);
        return saved.Ok ? Outcome<ImportedSheet>.Success(new ImportedSheet(stored, answered, rows.Count - stored)) : new Outcome<ImportedSheet>(default, saved.Errors, saved.Kind);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex SheetSpaces();

    [GeneratedRegex(@"(?<kind>諮問|報告)第?(?<n>\d+)号?")]
    private static partial Regex SheetItemNumber();
}
