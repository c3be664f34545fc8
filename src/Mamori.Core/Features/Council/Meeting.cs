using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>How a meeting is held.</summary>
public enum MeetingKind
{
    /// <summary>対面.</summary>
    InPerson,

    /// <summary>書面開催: materials are sent, members answer in writing by a deadline.</summary>
    Written,

    /// <summary>オンライン.</summary>
    Online,
}

/// <summary>予定 → 開催済 → 会議録確定.</summary>
public enum MeetingStatus
{
    Planned,
    Held,
    MinutesConfirmed,
}

/// <summary>出席 / 欠席 / 書面回答.</summary>
public enum AttendanceStatus
{
    Present,
    Absent,
    Written,
}

/// <summary>What a meeting decided about an item (審議結果).</summary>
public enum ItemOutcome
{
    /// <summary>承認 (a consultation accepted, e.g. 外部結合を認める).</summary>
    Approved,

    /// <summary>了承 (a report acknowledged).</summary>
    Acknowledged,

    /// <summary>継続審議.</summary>
    Continued,

    /// <summary>小委員会付託.</summary>
    Referred,

    /// <summary>答申 (the answer to a consultation agreed).</summary>
    Answered,

    /// <summary>取下げ.</summary>
    Withdrawn,
}

/// <summary>Whether a written entry is a question or an opinion.</summary>
public enum OpinionKind
{
    /// <summary>質問.</summary>
    Question,

    /// <summary>意見.</summary>
    Opinion,
}

/// <summary>A meeting (会議) of a council or subcommittee: 第N回, its date, form, attendance, items and minutes.</summary>
[Label("会議")]
public sealed class Meeting : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    /// <summary>"令和4年度第6回".</summary>
    [Label("名称")]
    public required string Title { get; set; }

    [Label("種類")]
    public MeetingKind Kind { get; set; }

    [Label("実施日")]
    public DateOnly HeldOn { get; set; }

    [Label("開始時刻")]
    public TimeOnly? StartsAt { get; set; }

    [Label("終了時刻")]
    public TimeOnly? EndsAt { get; set; }

    /// <summary>会場 (e.g. 本庁舎6階 第2委員会室).</summary>
    [Label("設置場所")]
    public string? Place { get; set; }

    /// <summary>The online meeting's address.</summary>
    [Label("オンライン会議のアドレス")]
    public string? Url { get; set; }

    [Label("状態")]
    public MeetingStatus Status { get; set; }

    /// <summary>傍聴者の数.</summary>
    [Label("傍聴者の数")]
    public int? Observers { get; set; }

    /// <summary>The last day (inclusive, JST) members may send written questions and opinions.</summary>
    [Label("質問・意見の締切")]
    public DateOnly? ResponseDeadline { get; set; }

    /// <summary>Whether the compiled Q&amp;A table is on the public page.</summary>
    [Label("質疑の公開")]
    public bool QaPublished { get; set; }

    /// <summary>開催通知: 文書番号 (e.g. 5豊政相発第307号).</summary>
    [Label("開催通知の文書番号")]
    public string? NoticeNumber { get; set; }

    [Label("案件募集通知")]
    public DateOnly? NoticeOn { get; set; }

    /// <summary>宛先 (default 委員各位).</summary>
    [Label("開催通知の宛先")]
    public string? NoticeTo { get; set; }

    /// <summary>Anything else the notice says (持ち物, 駐車場 …).</summary>
    [Label("開催通知の記載事項")]
    public string? NoticeNote { get; set; }

    /// <summary>会議録確定: the date and how (前回の会議録の確認 at a later meeting, or 会長確認).</summary>
    [Label("会議録の確定日")]
    public DateOnly? MinutesConfirmedOn { get; set; }

    [Label("会議録の確定方法")]
    public string? MinutesConfirmedBy { get; set; }

    /// <summary>The later meeting at which the minutes were confirmed.</summary>
    [Label("会議録を確認した会議")]
    public Guid? MinutesConfirmedAtId { get; set; }

    [Label("会議録の公開")]
    public bool MinutesPublished { get; set; }

    /// <summary>出席者 as the minutes list them (for minutes imported from text; members with accounts are in <see cref="Attendance"/>).</summary>
    [Label("出席者（会議録の記載）")]
    public string? AttendeesText { get; set; }

    /// <summary>欠席者 as the minutes list them.</summary>
    [Label("欠席者（会議録の記載）")]
    public string? AbsenteesText { get; set; }

    /// <summary>説明員 as the minutes list them.</summary>
    [Label("説明員（会議録の記載）")]
    public string? ExplainersText { get; set; }

    /// <summary>事務局 as the minutes list them.</summary>
    [Label("事務局（会議録の記載）")]
    public string? SecretariatText { get; set; }

    /// <summary>The file the minutes were imported from, when they were.</summary>
    [Label("取り込んだファイル")]
    public string? ImportedFrom { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Url).HasMaxLength(500);
        b.Property(x => x.NoticeNumber).HasMaxLength(50);
        b.Property(x => x.NoticeTo).HasMaxLength(100);
        b.Property(x => x.NoticeNote).HasMaxLength(1000);
        b.Property(x => x.MinutesConfirmedBy).HasMaxLength(200);
        b.Property(x => x.AttendeesText).HasMaxLength(2000);
        b.Property(x => x.AbsenteesText).HasMaxLength(2000);
        b.Property(x => x.ExplainersText).HasMaxLength(2000);
        b.Property(x => x.SecretariatText).HasMaxLength(2000);
        b.Property(x => x.ImportedFrom).HasMaxLength(260);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MinutesConfirmedAtId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CouncilId, x.Title }).IsUnique();
        b.HasIndex(x => new { x.CouncilId, x.HeldOn });
    }
}

