using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>
/// 職員セルフチェック: a campaign in which every member of staff answers a short security self-inspection
/// in Mamori during a period; each question set (variant) is meant for a role or a department.
/// </summary>
[Label("職員セルフチェック")]
public sealed class SelfCheckCampaign : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }
    [Label("名称")]
    public required string Title { get; set; }
    [Label("回答期間（初日）")]
    public DateOnly StartOn { get; set; }
    [Label("回答期間（最終日）")]
    public DateOnly EndOn { get; set; }

    /// <summary>職員への案内.</summary>
    [Label("備考")]
    public string? Note { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
    public List<SelfCheckQuestionSet> Sets { get; init; } = [];

    public bool IsOpen(DateOnly today) => today >= StartOn && today <= EndOn;
}

/// <summary>One question: its text and the answers offered (はい／いいえ unless the set says otherwise).</summary>
public sealed record SelfCheckQuestion(string Key, string Text, IReadOnlyList<string> Options);

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

/// <summary>振り返り: a department's note on its results.</summary>
[Label("セルフチェックの振り返り")]
public sealed class SelfCheckReflection : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }
    [Label("職員セルフチェック")]
    public Guid CampaignId { get; set; }
    [Label("部署")]
    public Guid DepartmentId { get; set; }
    [Label("振り返り")]
    public required string Note { get; set; }
    [Label("更新日時")]
    public DateTime UpdatedAt { get; set; }
    [Label("更新者")]
    public string? UpdatedBy { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

/// <summary>A department's completion: staff in post, how many answered.</summary>
public sealed record DepartmentProgress(Guid DepartmentId, string Department, int Staff, int Answered, string? Reflection)
{
    /// <summary>回答率 in percent, rounded half-up to one decimal.</summary>
    public decimal? Rate => Staff == 0 ? null : Math.Round(100m * Answered / Staff, 1, MidpointRounding.AwayFromZero);
}

/// <summary>How one question was answered: count per option.</summary>
public sealed record QuestionResult(SelfCheckQuestion Question, IReadOnlyList<(string Option, int Count)> Counts)
{
    public int Total => Counts.Sum(c => c.Count);
}

internal sealed class SelfCheckCampaignConfiguration : IEntityTypeConfiguration<SelfCheckCampaign>
{
    public void Configure(EntityTypeBuilder<SelfCheckCampaign> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Sets).WithOne().HasForeignKey(s => s.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
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

internal sealed class SelfCheckReflectionConfiguration : IEntityTypeConfiguration<SelfCheckReflection>
{
    public void Configure(EntityTypeBuilder<SelfCheckReflection> b)
    {
        b.Property(x => x.Note).HasMaxLength(8000);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<SelfCheckCampaign>().WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.CampaignId, x.DepartmentId }).IsUnique();
    }
}
