using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reviews;

/// <summary>How a self-inspection question is answered.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AnswerKind>))]
public enum AnswerKind
{
    /// <summary>はい／いいえ.</summary>
    YesNo,

    /// <summary>記述.</summary>
    Text,
}

/// <summary>One question of a 自己点検表. <see cref="Key"/> stays the same across versions of the template.</summary>
public sealed record InspectionQuestion(string Key, string Text, AnswerKind Kind, bool Required);

/// <summary>
/// 自己点検表のひな形: the questions for one 取扱類型, as data. A change by 事務局 adds a new version; answers
/// point at the version they were given to, so an old self-inspection keeps its old wording.
/// </summary>
[Label("自己点検表のひな形")]
public sealed class InspectionTemplate : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("取扱類型")]
    public HandlingType Type { get; init; }

    /// <summary>1, 2, … per type and municipality.</summary>
    [Label("番号")]
    public int Number { get; init; }

    /// <summary>The questions as JSON (<see cref="InspectionQuestion"/>[]).</summary>
    [Label("質問")]
    public required string QuestionsJson { get; init; }

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; }

    [Label("作成者")]
    public string? CreatedBy { get; init; }

    public IReadOnlyList<InspectionQuestion> Questions => Parse(QuestionsJson);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(IEnumerable<InspectionQuestion> questions) => JsonSerializer.Serialize(questions.ToList(), Json);

    public static IReadOnlyList<InspectionQuestion> Parse(string json) => JsonSerializer.Deserialize<List<InspectionQuestion>>(json, Json) ?? [];
}

internal sealed class InspectionTemplateConfiguration : IEntityTypeConfiguration<InspectionTemplate>
{
    public void Configure(EntityTypeBuilder<InspectionTemplate> b)
    {
        b.Property(x => x.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.QuestionsJson).HasMaxLength(64000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Ignore(x => x.Questions);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Type, x.Number }).IsUnique();
    }
}
