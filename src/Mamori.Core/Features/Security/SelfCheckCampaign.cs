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

