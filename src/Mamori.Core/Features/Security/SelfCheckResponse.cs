using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>One member of staff's answers, counted for the department they were in when answering.</summary>
[Label("セルフチェックの回答")]
public sealed class SelfCheckResponse : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("職員セルフチェック")]
    public Guid CampaignId { get; set; }

    [Label("質問セット")]
    public Guid QuestionSetId { get; set; }

    [Label("職員")]
    public Guid StaffId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>Question key → chosen answer, as JSON.</summary>
    [Label("回答")]
    public string AnswersJson { get; set; } = "{}";

    /// <summary>自由記述.</summary>
    [Label("自由記述")]
    public string? Comment { get; set; }

    [Label("提出日時")]
    public DateTime SubmittedAt { get; set; }

    public IReadOnlyDictionary<string, string> Answers =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(AnswersJson, StaffSelfChecks.Json) ?? [];
}

internal sealed class SelfCheckResponseConfiguration : IEntityTypeConfiguration<SelfCheckResponse>
{
    public void Configure(EntityTypeBuilder<SelfCheckResponse> b)
    {
        b.Property(x => x.AnswersJson).HasMaxLength(64000);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Ignore(x => x.Answers);
        b.HasOne<SelfCheckCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SelfCheckQuestionSet>().WithMany().HasForeignKey(x => x.QuestionSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.CampaignId, x.StaffId }).IsUnique();
    }
}
