using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reviews;

/// <summary>Where a review round is: collecting cases, closed for the 部会, or reported.</summary>
public enum RoundStatus
{
    /// <summary>募集中: departments may submit.</summary>
    Open,

    /// <summary>締切済: no new submissions; questions, answers and results are recorded.</summary>
    Closed,

    /// <summary>報告済: the round report is issued; every department may read it.</summary>
    Reported,
}

/// <summary>
/// 部会審査の回 (e.g. 令和5年度第3回): 案件募集 → 締切 → 事前協議 → 部会 → 報告. Collects the cases the
/// departments submit.
/// </summary>
[Label("審査の回")]
public sealed class ReviewRound : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>"令和5年度第3回".</summary>
    [Label("名称")]
    public required string Title { get; set; }

    /// <summary>The 部会 (e.g. デジタル・セキュリティ部会).</summary>
    [Label("部会")]
    public string? Body { get; set; }

    /// <summary>案件募集通知発出.</summary>
    [Label("案件募集通知")]
    public DateOnly? NoticeOn { get; set; }

    /// <summary>案件提出締切.</summary>
    [Label("提出締切")]
    public DateOnly? DeadlineOn { get; set; }

    /// <summary>事前協議 dates, ISO dates separated by ';'.</summary>
    [Label("事前協議")]
    public string? PreConsultationDates { get; set; }

    /// <summary>部会開催.</summary>
    [Label("部会開催日")]
    public DateOnly? MeetingOn { get; set; }

    /// <summary>報告 (e.g. to the デジタル化推進本部 or the council).</summary>
    [Label("報告日")]
    public DateOnly? ReportOn { get; set; }

    /// <summary>To whom the round is reported.</summary>
    [Label("報告先")]
    public string? ReportTo { get; set; }

    /// <summary>The first case number of this round when the municipality's numbering started before Mamori.</summary>
    [Label("最初の案件番号")]
    public int? FirstCaseNumber { get; set; }

    [Label("状態")]
    public RoundStatus Status { get; set; }

    [Label("報告済みにした日時")]
    public DateTime? ReportedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<DateOnly> PreConsultations => ParseDates(PreConsultationDates);

    public static IReadOnlyList<DateOnly> ParseDates(string? text) =>
        (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static string? FormatDates(IEnumerable<DateOnly> dates)
    {
        var text = string.Join(';', dates.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        return text.Length == 0 ? null : text;
    }
}

internal sealed class ReviewRoundConfiguration : IEntityTypeConfiguration<ReviewRound>
{
    public void Configure(EntityTypeBuilder<ReviewRound> b)
    {
        b.Property(x => x.Title).HasMaxLength(100);
        b.Property(x => x.Body).HasMaxLength(100);
        b.Property(x => x.ReportTo).HasMaxLength(100);
        b.Property(x => x.PreConsultationDates).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.PreConsultations);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Title }).IsUnique();
    }
}
