using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Assessments;

/// <summary>Why an evaluation is carried out.</summary>
public enum AssessmentKind
{
    /// <summary>新規 (before the business starts handling the files).</summary>
    Initial,

    /// <summary>再実施 (重要な変更, five years, a serious incident, a higher threshold).</summary>
    Reevaluation,

    /// <summary>定期的な見直し (the yearly self-review of the document).</summary>
    PeriodicReview,
}

/// <summary>The steps of an evaluation, in order; which apply depends on the level and the kind.</summary>
public enum AssessmentStep
{
    /// <summary>評価書作成 (見直しの実施 for a yearly review).</summary>
    Draft,

    /// <summary>庁内会議 (e.g. マイナンバー制度セキュリティ会議); 重点・全項目.</summary>
    InternalMeeting,

    /// <summary>住民意見募集 (30 days or more); 全項目.</summary>
    PublicComment,

    /// <summary>第三者点検 (a consultation to the council, closed by its 答申); 全項目.</summary>
    ThirdPartyReview,

    /// <summary>個人情報保護委員会へ提出.</summary>
    Submission,

    /// <summary>公表.</summary>
    Publication,
}

/// <summary>
/// 特定個人情報保護評価: one evaluation of a business (initial, re-evaluation or yearly review) at a
/// level, with the dates of its steps. Its state is derived from those dates and the council's 答申.
/// </summary>
[Label("特定個人情報保護評価")]
public sealed class Assessment : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("事務")]
    public Guid BusinessId { get; set; }

    [Label("種類")]
    public AssessmentKind Kind { get; set; }

    [Label("評価の種類")]
    public PiaLevel Level { get; set; }

    /// <summary>Why it is carried out (e.g. 重要な変更（事前）：ガバメントクラウドへの移行).</summary>
    [Label("実施の理由")]
    public string? Trigger { get; set; }

    [Label("着手日")]
    public DateOnly StartedOn { get; set; }

    [Label("評価書案の期限")]
    public DateOnly? DraftDueOn { get; set; }

    [Label("評価書案の作成日")]
    public DateOnly? DraftDoneOn { get; set; }

    /// <summary>庁内会議の名称.</summary>
    [Label("庁内会議の名称")]
    public string? MeetingName { get; set; }

    [Label("庁内会議の期限")]
    public DateOnly? MeetingDueOn { get; set; }

    [Label("庁内会議の開催日")]
    public DateOnly? MeetingDoneOn { get; set; }

    [Label("意見聴取の期限")]
    public DateOnly? CommentDueOn { get; set; }

    [Label("意見聴取の開始日")]
    public DateOnly? CommentStartOn { get; set; }

    [Label("意見聴取の終了日")]
    public DateOnly? CommentEndOn { get; set; }

    /// <summary>寄せられた意見の件数 (recorded after the period ends).</summary>
    [Label("寄せられた意見の件数")]
    public int? CommentOpinions { get; set; }

    /// <summary>意見への対応.</summary>
    [Label("意見への対応")]
    public string? CommentResponses { get; set; }

    [Label("第三者点検の期限")]
    public DateOnly? ReviewDueOn { get; set; }

    /// <summary>The council consultation (諮問) of the 第三者点検; its 答申 closes the step.</summary>
    [Label("第三者点検の諮問")]
    public Guid? ConsultationItemId { get; set; }

    [Label("委員会への提出期限")]
    public DateOnly? SubmissionDueOn { get; set; }

    [Label("委員会への提出日")]
    public DateOnly? SubmittedOn { get; set; }

    [Label("公表の期限")]
    public DateOnly? PublicationDueOn { get; set; }

    [Label("公表日")]
    public DateOnly? PublishedOn { get; set; }

    [Label("公表先のURL")]
    public string? PublishedUrl { get; set; }

    /// <summary>見直しの結果 (a yearly review).</summary>
    [Label("見直しの結果")]
    public string? ReviewNote { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The steps that apply, in order.</summary>
    public IReadOnlyList<AssessmentStep> Steps => Kind == AssessmentKind.PeriodicReview
        ? [AssessmentStep.Draft]
        : Level switch
        {
            PiaLevel.Full => [AssessmentStep.Draft, AssessmentStep.InternalMeeting, AssessmentStep.PublicComment, AssessmentStep.ThirdPartyReview,
                AssessmentStep.Submission, AssessmentStep.Publication],
            PiaLevel.Focused => [AssessmentStep.Draft, AssessmentStep.InternalMeeting, AssessmentStep.Submission, AssessmentStep.Publication],
            _ => [AssessmentStep.Draft, AssessmentStep.Submission, AssessmentStep.Publication],
        };

    /// <summary>
    /// The date an evaluation counts from: its publication (the five years run from 公表, 指針 第6の2), or the
    /// review date of a yearly review. Empty while it is under way.
    /// </summary>
    public DateOnly? CompletedOn => Kind == AssessmentKind.PeriodicReview ? DraftDoneOn : PublishedOn;
}

/// <summary>Whether a change of the document must be evaluated before it is made.</summary>
public enum ChangeTiming
{
    /// <summary>事前: a 重要な変更; the evaluation is carried out again before the change.</summary>
    Prior,

    /// <summary>事後: reported (the document revised and submitted) after the change.</summary>
    Posterior,
}

/// <summary>One changed section of a 重要な変更 and its timing.</summary>
public sealed record ChangedSection(string Section, ChangeTiming Timing);

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Trigger).HasMaxLength(500);
        b.Property(x => x.MeetingName).HasMaxLength(200);
        b.Property(x => x.CommentResponses).HasMaxLength(4000);
        b.Property(x => x.PublishedUrl).HasMaxLength(500);
        b.Property(x => x.ReviewNote).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Steps);
        b.Ignore(x => x.CompletedOn);
        b.HasOne<AssessedBusiness>().WithMany().HasForeignKey(x => x.BusinessId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.ConsultationItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ConsultationItemId).IsUnique();
    }
}

