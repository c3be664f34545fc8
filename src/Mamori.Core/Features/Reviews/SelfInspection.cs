using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reviews;

/// <summary>
/// 自己点検: the answers of one 自己点検表 (one 取扱類型) of a case, against the template version they were
/// given to, with the type-specific details and the sensitive-data flags.
/// </summary>
[Label("自己点検表")]
public sealed class SelfInspection : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("案件")]
    public Guid CaseId { get; set; }

    [Label("取扱類型")]
    public HandlingType Type { get; init; }

    [Label("ひな形の版")]
    public Guid TemplateId { get; set; }

    /// <summary>Answers by question key, as JSON.</summary>
    [Label("回答")]
    public string AnswersJson { get; set; } = "{}";

    /// <summary><see cref="InspectionDetails"/> as JSON.</summary>
    [Label("類型別の記載事項")]
    public string DetailsJson { get; set; } = "{}";

    /// <summary>要配慮個人情報を含む.</summary>
    [Label("要配慮個人情報")]
    public bool HasSensitive { get; set; }

    /// <summary>条例要配慮個人情報, one per line.</summary>
    [Label("条例要配慮個人情報")]
    public string? OrdinanceSensitive { get; set; }

    /// <summary>Whether the form was saved at least once.</summary>
    [Label("入力済み")]
    public bool IsFilled { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IReadOnlyDictionary<string, string> Answers => JsonSerializer.Deserialize<Dictionary<string, string>>(AnswersJson, Json) ?? [];

    public InspectionDetails Details => JsonSerializer.Deserialize<InspectionDetails>(DetailsJson, Json) ?? new InspectionDetails();

    public static string SerializeAnswers(IReadOnlyDictionary<string, string> answers) => JsonSerializer.Serialize(answers, Json);

    public static string SerializeDetails(InspectionDetails details) => JsonSerializer.Serialize(details, Json);
}

internal sealed class SelfInspectionConfiguration : IEntityTypeConfiguration<SelfInspection>
{
    public void Configure(EntityTypeBuilder<SelfInspection> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.AnswersJson).HasMaxLength(64000);
        b.Property(x => x.DetailsJson).HasMaxLength(64000);
        b.Ignore(x => x.Answers);
        b.Ignore(x => x.Details);
        b.HasOne<InspectionTemplate>().WithMany().HasForeignKey(x => x.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CaseId, x.Type }).IsUnique();
    }
}
