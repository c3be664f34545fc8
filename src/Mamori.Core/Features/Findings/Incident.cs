using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Findings;

/// <summary>What happened to the information.</summary>
public enum IncidentKind
{
    /// <summary>漏えい.</summary>
    Leak,

    /// <summary>滅失.</summary>
    Loss,

    /// <summary>毀損.</summary>
    Damage,

    /// <summary>不正利用・その他.</summary>
    Other,
}

/// <summary>
/// 漏えい等事案: a leak, loss or damage of personal information — what happened, when the municipality learned
/// of it (認知日), whose data, whether and when it must be reported to the PPC (速報 and 確報), the notice to
/// the people affected, the cause and the measures.
/// </summary>
[Label("漏えい等事案")]
public sealed class Incident : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>発生課.</summary>
    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>事案番号, counted per municipality.</summary>
    [Label("番号")]
    public int Number { get; set; }

    /// <summary>件名.</summary>
    [Label("件名")]
    public required string Title { get; set; }

    [Label("区分")]
    public IncidentKind Kind { get; set; }

    /// <summary>Only suspected so far (漏えい等のおそれ); the reporting duty applies all the same.</summary>
    [Label("おそれの段階")]
    public bool IsSuspected { get; set; }

    /// <summary>発生日, when known.</summary>
    [Label("発生日")]
    public DateOnly? OccurredOn { get; set; }

    /// <summary>認知日: the day the municipality learned of it — the reporting clock starts here.</summary>
    [Label("認知日")]
    public DateOnly LearnedOn { get; set; }

    /// <summary>事案の概要.</summary>
    [Label("概要")]
    public required string Summary { get; set; }

    /// <summary>漏えい等した情報の項目 (氏名, 住所, 個人番号 …).</summary>
    [Label("情報の項目")]
    public string? DataItems { get; set; }

    /// <summary>本人の数 (people affected), when known.</summary>
    [Label("本人の数")]
    public int? AffectedCount { get; set; }

    /// <summary>要配慮個人情報を含む.</summary>
    [Label("要配慮個人情報")]
    public bool HasSensitive { get; set; }

    /// <summary>条例要配慮個人情報を含む.</summary>
    [Label("条例要配慮個人情報")]
    public bool HasOrdinanceSensitive { get; set; }

    /// <summary>不正に利用されることにより財産的被害が生じるおそれ.</summary>
    [Label("財産的被害のおそれ")]
    public bool PropertyDamageRisk { get; set; }

    /// <summary>不正の目的をもって行われたおそれ (不正アクセス, 持ち出し …): 確報 within 60 days instead of 30.</summary>
    [Label("不正の目的のおそれ")]
    public bool Unauthorized { get; set; }

    /// <summary>特定個人情報（個人番号を含む個人情報）を含む.</summary>
    [Label("特定個人情報")]
    public bool HasSpecific { get; set; }

    /// <summary>情報提供ネットワークシステム等（個人番号利用事務を処理するシステム）に記録された特定個人情報.</summary>
    [Label("情報提供ネットワークシステム等")]
    public bool InNumberSystem { get; set; }

    /// <summary>電磁的方法により不特定多数の者に閲覧されたおそれ.</summary>
    [Label("不特定多数による閲覧のおそれ")]
    public bool PublicExposure { get; set; }

    /// <summary>Reported although none of the criteria applies (任意の報告).</summary>
    [Label("任意の報告")]
    public bool ReportVoluntarily { get; set; }

    /// <summary>重大事故 (特定個人情報保護評価指針の定義): counts in the PIA threshold for a year.</summary>
    [Label("重大事故")]
    public bool IsSerious { get; set; }

    /// <summary>速報の期限, fixed when the incident is recorded (see <see cref="IncidentDeadlines"/>).</summary>
    [Label("速報の期限")]
    public DateOnly? PreliminaryDueOn { get; set; }

    [Label("速報の報告日")]
    public DateOnly? PreliminaryReportedOn { get; set; }

    /// <summary>確報の期限.</summary>
    [Label("確報の期限")]
    public DateOnly? FinalDueOn { get; set; }

    [Label("確報の報告日")]
    public DateOnly? FinalReportedOn { get; set; }

    /// <summary>本人への通知日.</summary>
    [Label("本人への通知日")]
    public DateOnly? NotifiedOn { get; set; }

    /// <summary>通知の方法, or why notice was not possible and what was done instead (公表 …).</summary>
    [Label("通知の方法・代替措置")]
    public string? NotificationNote { get; set; }

    /// <summary>発覚の経緯: how the municipality came to know of it (a resident's call, an audit of the logs …).</summary>
    [Label("発覚の経緯")]
    public string? Discovery { get; set; }

    /// <summary>二次被害又はそのおそれの有無 (null: 調査中).</summary>
    [Label("二次被害のおそれ")]
    public bool? SecondaryHarm { get; set; }

    /// <summary>二次被害又はそのおそれの内容.</summary>
    [Label("二次被害の内容")]
    public string? SecondaryHarmNote { get; set; }

    /// <summary>公表の実施状況 (公表日・方法, or why it is not published).</summary>
    [Label("公表の実施状況")]
    public string? PublicationNote { get; set; }

    /// <summary>その他参考となる事項 of the PPC's report.</summary>
    [Label("その他参考となる事項")]
    public string? ReportNote { get; set; }

    /// <summary>発生原因.</summary>
    [Label("発生原因")]
    public string? RootCause { get; set; }

    /// <summary>再発防止策・二次被害の防止策.</summary>
    [Label("再発防止策")]
    public string? Measures { get; set; }

    /// <summary>対応完了日.</summary>
    [Label("対応完了日")]
    public DateOnly? ClosedOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The day counted for the PIA threshold: when it occurred, or when it was learned of.</summary>
    public DateOnly SeriousOn => OccurredOn ?? LearnedOn;
}

/// <summary>Japanese names of the incident's enums.</summary>
public static class IncidentNames
{
    public static string JapaneseName(this IncidentKind kind) => kind switch
    {
        IncidentKind.Leak => "漏えい",
        IncidentKind.Loss => "滅失",
        IncidentKind.Damage => "毀損",
        _ => "不正利用・その他",
    };

    public static string JapaneseName(this IncidentReportKind kind) => kind == IncidentReportKind.Preliminary ? "速報" : "確報";

    /// <summary>二次被害又はそのおそれ as the report words it (「有：…」「無」), or null while it is being looked into.</summary>
    public static string? SecondaryHarmText(this Incident i) => i.SecondaryHarm switch
    {
        true => "有：" + i.SecondaryHarmNote,
        false => "無" + (i.SecondaryHarmNote is { } note ? "：" + note : ""),
        null => null,
    };
}

/// <summary>A report or notice still to be made, with its due date.</summary>
public sealed record IncidentDuty(string Name, DateOnly? DueOn, DateOnly? DoneOn)
{
    public bool IsDone => DoneOn is not null;
}

/// <summary>
/// Whether an incident must be reported to the PPC, and why. For a local government body the criteria are those
/// of 個人情報保護法施行規則 第43条 (要配慮個人情報, 財産的被害のおそれ, 不正の目的, 本人の数が100人を超える,
/// 条例要配慮個人情報) and, for 特定個人情報, those of the 番号法 rules (情報提供ネットワークシステム等, 不正の目的,
/// 不特定多数の者による閲覧, 100人を超える). The number of people is a municipality setting.
/// </summary>
public static class IncidentReporting
{
    /// <summary>The default number of people above which an incident is reportable (行政機関等: 100人).</summary>
    public const int DefaultPeopleThreshold = 100;

    public static IReadOnlyList<string> Reasons(Incident i, int peopleThreshold)
    {
        var reasons = new List<string>();
        var many = i.AffectedCount is { } n && n > peopleThreshold;
        if (i.HasSensitive)
        {
            reasons.Add("要配慮個人情報を含む");
        }
        if (i.HasOrdinanceSensitive)
        {
            reasons.Add("条例要配慮個人情報を含む");
        }
        if (i.PropertyDamageRisk)
        {
            reasons.Add("財産的被害が生じるおそれがある");
        }
        if (i.Unauthorized)
        {
            reasons.Add("不正の目的をもって行われたおそれがある");
        }
        if (many)
        {
            reasons.Add($"本人の数が{peopleThreshold:#,0}人を超える（{i.AffectedCount:#,0}人）");
        }
        if (i.HasSpecific && i.InNumberSystem)
        {
            reasons.Add("情報提供ネットワークシステム等に記録された特定個人情報（番号法）");
        }
        if (i.HasSpecific && i.PublicExposure)
        {
            reasons.Add("特定個人情報が不特定多数の者に閲覧されたおそれがある（番号法）");
        }
        return reasons;
    }

    public static bool IsReportable(Incident i, int peopleThreshold) => i.ReportVoluntarily || Reasons(i, peopleThreshold).Count > 0;
}

/// <summary>
/// The PPC reporting clock. 速報 is due "速やかに" — the PPC's guidance reads this as about 3–5 days — so the due date
/// is the N-th open day after the 認知日 (N a municipality setting, 3 by default). 確報 is due 30 days after the
/// 認知日 (60 when the incident may have been done with unauthorized intent), the first day not counted, moved to
/// the next open day when it falls on a weekend, holiday or 12/29–1/3.
/// </summary>
public static class IncidentDeadlines
{
    // 個人情報保護法第68条第1項; 施行規則第43条 (what must be reported) and 第44条 (速報, and 確報 within 30 or 60 days).
    public const int DefaultPreliminaryDays = 3;
    public const int FinalDays = 30;
    public const int FinalDaysUnauthorized = 60;

    public static DateOnly Preliminary(DateOnly learnedOn, int openDays) => JapaneseCalendar.AddOpenDays(learnedOn, openDays);

    public static DateOnly Final(DateOnly learnedOn, bool unauthorized) =>
        JapaneseCalendar.OnOrNextOpenDay(learnedOn.AddDays(unauthorized ? FinalDaysUnauthorized : FinalDays));

    /// <summary>The reports and the notice still owed by an incident (those already made included, with their dates).</summary>
    public static IReadOnlyList<IncidentDuty> Duties(Incident i)
    {
        var duties = new List<IncidentDuty>();
        if (i.PreliminaryDueOn is not null || i.PreliminaryReportedOn is not null)
        {
            duties.Add(new("速報", i.PreliminaryDueOn, i.PreliminaryReportedOn));
        }
        if (i.FinalDueOn is not null || i.FinalReportedOn is not null)
        {
            duties.Add(new("確報", i.FinalDueOn, i.FinalReportedOn));
        }
        if (i.PreliminaryDueOn is not null || i.NotifiedOn is not null)
        {
            duties.Add(new("本人への通知", null, i.NotifiedOn));
        }
        return duties;
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.DataItems).HasMaxLength(1000);
        b.Property(x => x.NotificationNote).HasMaxLength(1000);
        b.Property(x => x.PublicationNote).HasMaxLength(1000);
        b.Property(x => x.SecondaryHarmNote).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.SeriousOn);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Number }).IsUnique();
    }
}
