using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Organization;

/// <summary>団体: a municipality (区・市・町・村), the tenant everything else belongs to.</summary>
[Label("団体")]
public sealed class Municipality
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>全国地方公共団体コード: six digits, the last a check digit.</summary>
    [Label("コード")]
    public required string Code { get; init; }

    /// <summary>名称, e.g. 新宿区.</summary>
    [Label("団体名")]
    public required string Name { get; set; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; } = DateTime.UtcNow;

    /// <summary>
    /// 条例要配慮個人情報: the categories this municipality's ordinance adds to the law's 要配慮個人情報
    /// (e.g. 国籍, 性的マイノリティ, DV), one per line. Register entries may only name these.
    /// </summary>
    [Label("条例要配慮個人情報の区分")]
    public string OrdinanceSensitiveCategories { get; set; } = string.Empty;

    /// <summary>速報の期限: open days after the 認知日 of an incident (the PPC's "3–5 days"; 3 by default).</summary>
    [Label("速報の期限（開庁日数）")]
    public int IncidentPreliminaryDays { get; set; } = Findings.IncidentDeadlines.DefaultPreliminaryDays;

    /// <summary>An incident is reportable when more people than this are affected (行政機関等: 100).</summary>
    [Label("報告対象となる本人の数")]
    public int IncidentPeopleThreshold { get; set; } = Findings.IncidentReporting.DefaultPeopleThreshold;

    /// <summary>アイドルタイムアウト（分）: a sign-in unused this long ends; null takes the deployment's <c>Mamori:Session:IdleMinutes</c>.</summary>
    [Label("アイドルタイムアウト（分）")]
    public int? SessionIdleMinutes { get; set; }

    /// <summary>ログインの有効時間（時間）: a sign-in ends this long after it began; null takes <c>Mamori:Session:AbsoluteHours</c>.</summary>
    [Label("ログインの有効時間（時間）")]
    public int? SessionAbsoluteHours { get; set; }
}

/// <summary>The head of a municipality (区長, 市長 …): the 行政機関等 that holds most files and reports to the PPC.</summary>
public static class MunicipalityHead
{
    /// <summary>「豊島区長」, 「所沢市長」.</summary>
    public static string Of(string municipalityName) => municipalityName + "長";

    /// <summary>The head of the current municipality, or of <paramref name="municipalityId"/> when given.</summary>
    public static async Task<string> NameAsync(Data.AppDbContext db, Guid? municipalityId, CancellationToken ct) =>
        Of(await (municipalityId is { } id ? db.Municipalities.Where(m => m.Id == id) : db.Municipalities).Select(m => m.Name).FirstAsync(ct));
}

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> b)
    {
        b.Property(m => m.Code).HasMaxLength(6);
        b.Property(m => m.Name).HasMaxLength(100);
        b.HasIndex(m => m.Code).IsUnique();
        b.Property(m => m.IncidentPreliminaryDays).HasDefaultValue(Findings.IncidentDeadlines.DefaultPreliminaryDays);
        b.Property(m => m.IncidentPeopleThreshold).HasDefaultValue(Findings.IncidentReporting.DefaultPeopleThreshold);
    }
}
