using Mamori.Core.Data;
using Mamori.Core.Features.Accounts;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Notices;

/// <summary>Where a mail copy of a notice stands.</summary>
public enum NoticeMailState
{
    /// <summary>送信待ち: to be sent on its own.</summary>
    Pending,

    /// <summary>まとめ送信待ち: waits for the recipient's daily digest.</summary>
    Digest,

    /// <summary>送信中: claimed by a sender (a claim older than a few minutes is taken back).</summary>
    Sending,

    /// <summary>送信済み.</summary>
    Sent,

    /// <summary>送信しない: the recipient chose no mail, has no address, or the municipality has no relay.</summary>
    NotMailed,
}

/// <summary>
/// お知らせ: one thing one account is told — a deadline reached, an answer posted, an item returned. Stored
/// once per recipient, subject record and occasion (<see cref="Key"/>), so a rule evaluated again, or on
/// two servers at once, never tells anyone twice. Titles carry record titles and numbers only, never the
/// residents' data a record may hold.
/// </summary>
[Label("お知らせ")]
public sealed class Notice : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("宛先")]
    public required string RecipientId { get; init; }

    [Label("種類")]
    public NoticeRule Rule { get; init; }

    /// <summary>The subject record and the occasion, e.g. 「incident:…:速報:d3」; unique per recipient.</summary>
    [Label("通知の区分")]
    public required string Key { get; init; }

    [Label("件名")]
    public required string Title { get; init; }

    /// <summary>The page to open, a path within Mamori.</summary>
    [Label("リンク")]
    public required string Link { get; init; }

    [Label("期限")]
    public DateOnly? DueOn { get; init; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; }

    [Label("既読日時")]
    public DateTime? ReadAt { get; set; }

    [Label("メール")]
    public NoticeMailState Mail { get; set; }

    [Label("メール送信日時")]
    public DateTime? MailedAt { get; set; }

    [Label("送信試行回数")]
    public int MailAttempts { get; set; }

    [Label("次の送信試行")]
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The relay's answer to the last failed attempt, for 管理者.</summary>
    [Label("送信エラー")]
    public string? MailError { get; set; }

    /// <summary>Set while a sender holds the notice; compared when claiming, so two senders never both send it.</summary>
    [Label("送信の受付")]
    public Guid? Claim { get; set; }

    [Label("送信受付日時")]
    public DateTime? ClaimedAt { get; set; }
}

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> b)
    {
        b.Property(n => n.RecipientId).HasMaxLength(450);
        b.Property(n => n.Rule).HasConversion<string>().HasMaxLength(40);
        b.Property(n => n.Key).HasMaxLength(NoticeStore.KeyLength);
        b.Property(n => n.Title).HasMaxLength(NoticeStore.TitleLength);
        b.Property(n => n.Link).HasMaxLength(300);
        b.Property(n => n.Mail).HasConversion<string>().HasMaxLength(20);
        b.Property(n => n.MailError).HasMaxLength(1000);
        b.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.RecipientId, n.Key }).IsUnique();
        b.HasIndex(n => new { n.RecipientId, n.ReadAt });
        b.HasIndex(n => new { n.Mail, n.NextAttemptAt });
    }
}
