using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>質問セット: the questions for one group (一般職員用, 管理職用, 住基ネット操作者用 …), optionally one department only.</summary>
[Label("セルフチェックの質問セット")]
public sealed class SelfCheckQuestionSet : IMunicipalityOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("職員セルフチェック")]
    public Guid CampaignId { get; set; }

    /// <summary>対象 (e.g. 管理職用).</summary>
    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>Only for this department, or null for every department.</summary>
    [Label("部署")]
    public Guid? DepartmentId { get; set; }

    [Label("表示順")]
    public int SortOrder { get; set; }

    [Label("質問")]
    public string QuestionsJson { get; set; } = "[]";

    public IReadOnlyList<SelfCheckQuestion> Questions => JsonSerializer.Deserialize<List<SelfCheckQuestion>>(QuestionsJson, StaffSelfChecks.Json) ?? [];
}

internal sealed class SelfCheckQuestionSetConfiguration : IEntityTypeConfiguration<SelfCheckQuestionSet>
{
    public void Configure(EntityTypeBuilder<SelfCheckQuestionSet> b)
    {
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.QuestionsJson).HasMaxLength(64000);
        b.Ignore(x => x.Questions);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
