using System.Text.RegularExpressions;
using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>
/// 会議で約束した事項: what the office or a department promised at a meeting (「後日送付します」「次回報告します」),
/// with who does it and by when; shown on the council's next meetings until it is done, and with the minutes.
/// </summary>
[Label("会議で約束した事項")]
public sealed class ActionItem : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("会議")]
    public Guid MeetingId { get; set; }

    /// <summary>The minutes turn it was said in (its number), when it came from the minutes.</summary>
    [Label("発言の番号")]
    public int? TurnSeq { get; set; }

    [Label("内容")]
    public required string Text { get; set; }

    /// <summary>担当: 事務局, or the department that promised.</summary>
    [Label("担当")]
    public required string Owner { get; set; }

    [Label("期限")]
    public DateOnly? DueOn { get; set; }

    [Label("対応日")]
    public DateOnly? DoneOn { get; set; }

    /// <summary>How it was done (送付した資料, the meeting it was reported at).</summary>
    [Label("対応の内容")]
    public string? DoneNote { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> b)
    {
        b.Property(x => x.Text).HasMaxLength(1000);
        b.Property(x => x.Owner).HasMaxLength(100);
        b.Property(x => x.DoneNote).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CouncilId, x.DoneOn });
    }
}

/// <summary>A turn of the minutes that sounds like a promise, with the words that matched.</summary>
public sealed record ActionCandidate(int Seq, string Speaker, string Text, string Phrase);

/// <summary>Promises made at meetings: found in the minutes, recorded, done, and shown at the next meetings.</summary>
public static partial class ActionItems
{
    public const string NotFound = "約束した事項が見つかりません。";

    /// <summary>
    /// The turns of the office and the departments that promise something for later: 後日送付／後日お送り、次回（ご）報告、
    /// 追って回答、確認して回答、改めて説明 and the like. Members' own words are not promises of the office.
    /// </summary>
    public static IReadOnlyList<ActionCandidate> Candidates(IEnumerable<MinutesTurn> turns) =>
        turns.Where(t => !t.IsNote && t.Group is SpeakerGroup.Secretariat or SpeakerGroup.Department or SpeakerGroup.Unknown)
            .Select(t => (Turn: t, Match: Promise().Match(t.Text)))
            .Where(x => x.Match.Success)
            .Select(x => new ActionCandidate(x.Turn.Seq, x.Turn.Speaker, Sentence(x.Turn.Text, x.Match.Index), x.Match.Value))
            .ToList();

    /// <summary>The sentence around the promise (up to 200 characters).</summary>
    private static string Sentence(string text, int at)
    {
        var start = text.LastIndexOfAny(['。', '\n'], Math.Max(0, at - 1)) + 1;
        var end = text.IndexOfAny(['。', '\n'], at);
        var sentence = text[start..(end < 0 ? text.Length : end + 1)].Trim();
        return sentence.Length > 200 ? sentence[..200] + "…" : sentence;
    }

    [GeneratedRegex("後日[、]?(?:ご?送付|お送り|送らせて|お示し|ご?報告|ご?回答|ご?説明)|次回[のに、]*(?:会議|審議会)?[でにて、]*(?:ご?報告|ご?説明|お示し|ご?提示|資料)|追って(?:ご?回答|ご?報告|ご?連絡|お知らせ)|(?:確認|調べ|精査)(?:して|の上|した上で)[、]?(?:ご?回答|ご?報告|お知らせ|ご?連絡)|改めて(?:ご?報告|ご?説明|ご?回答)")]
    private static partial Regex Promise();

    public static async Task<Outcome<ActionItem>> AddAsync(AppDbContext db, Guid meetingId, int? turnSeq, string? text, string? owner, DateOnly? dueOn, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return Outcome<ActionItem>.NotFound(CouncilWorkflow.MeetingNotFound);
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 1000)
        {
            errors.Add("Text", "約束した内容を1000文字以内で入力してください（例：〇〇の資料を後日送付する）。");
        }
        if (string.IsNullOrWhiteSpace(owner) || owner.Trim().Length > 100)
        {
            errors.Add("Owner", "担当（事務局、〇〇課）を100文字以内で入力してください。");
        }
        if (dueOn is { } due && due < meeting.HeldOn)
        {
            errors.Add("DueOn", "期限は会議の日以降にしてください。");
        }
        if (errors.Any)
        {
            return errors.Fail<ActionItem>();
        }
        var item = new ActionItem { CouncilId = meeting.CouncilId, MeetingId = meetingId, TurnSeq = turnSeq, Text = text!.Trim(), Owner = owner!.Trim(), DueOn = dueOn };
        db.ActionItems.Add(item);
        return await OptimisticSave.SaveAsync(db, item, ct);
    }

    /// <summary>Records that a promise was kept (送付した, 第N回で報告した), or reopens it (no date).</summary>
    public static async Task<Outcome<ActionItem>> DoneAsync(AppDbContext db, Guid id, DateOnly? doneOn, string? note, Guid? version, CancellationToken ct)
    {
        var (item, failure) = await OptimisticSave.LoadAsync(db.ActionItems, id, version, NotFound, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (note is { Length: > 1000 })
        {
            return Outcome<ActionItem>.Fail("DoneNote", "対応の内容は1000文字以内で入力してください。");
        }
        item!.DoneOn = doneOn;
        item.DoneNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        item.Version = Guid.NewGuid();
        return await OptimisticSave.SaveAsync(db, item, ct);
    }

    /// <summary>The promises made at a meeting, and the ones of the council's earlier meetings still open on its day.</summary>
    public static async Task<(IReadOnlyList<ActionItem> Made, IReadOnlyList<(ActionItem Item, Meeting Meeting)> Open)> ForMeetingAsync(AppDbContext db, Meeting meeting, CancellationToken ct)
    {
        var made = await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.TurnSeq).ThenBy(a => a.Id).ToListAsync(ct);
        var open = await (from a in db.ActionItems.AsNoTracking()
                          join m in db.Meetings.AsNoTracking() on a.MeetingId equals m.Id
                          where a.CouncilId == meeting.CouncilId && m.HeldOn < meeting.HeldOn && (a.DoneOn == null || a.DoneOn >= meeting.HeldOn)
                          orderby m.HeldOn, a.TurnSeq
                          select new { a, m }).ToListAsync(ct);
        return (made, open.Select(x => (x.a, x.m)).ToList());
    }
}
