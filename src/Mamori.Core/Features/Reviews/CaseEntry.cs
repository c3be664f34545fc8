using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Reviews;

/// <summary>
/// A question, answer, opinion or follow-up in a case's record, with who wrote it and when. Questions
/// and opinions carry their 類型; answers and opinions may carry the 対応の類型.
/// </summary>
[Label("質問・回答・意見")]
public sealed class CaseEntry : IMunicipalityOwned, IDepartmentOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>The case's department, so that the entry is scoped like its case.</summary>
    [Label("部署")]
    public Guid DepartmentId { get; set; }

    [Label("案件")]
    public Guid CaseId { get; set; }

    [Label("種類")]
    public EntryKind Kind { get; init; }

    /// <summary>The question an answer replies to.</summary>
    [Label("回答先の質問")]
    public Guid? ReplyToId { get; init; }

    [Label("内容")]
    public required string Text { get; set; }

    /// <summary>質問・意見の類型 (bit mask of <see cref="QuestionCategory"/>).</summary>
    [Label("質問・意見の類型")]
    public int CategoryMask { get; set; }

    /// <summary>その他の内容: the topic of an その他 question (個人情報の収集方法, システムの運用 …).</summary>
    [Label("その他の内容")]
    public string? OtherTopic { get; set; }

    /// <summary>対応の類型 of an answer or opinion.</summary>
    [Label("対応の類型")]
    public ResponseCategory? Response { get; set; }

    [Label("改善の主体")]
    public ImprovementBy? ImprovementBy { get; set; }

    /// <summary>The answer was given by 事務局 rather than the department (printed "(事務局)").</summary>
    [Label("事務局による回答")]
    public bool ByOffice { get; init; }

    [Label("記入者")]
    public required string AuthorName { get; init; }

    [Label("日時")]
    public DateTime At { get; init; }

    public IReadOnlyList<QuestionCategory> Categories => ReviewNames.FromMask<QuestionCategory>(CategoryMask);
}

internal sealed class CaseEntryConfiguration : IEntityTypeConfiguration<CaseEntry>
{
    public void Configure(EntityTypeBuilder<CaseEntry> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Response).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ImprovementBy).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.OtherTopic).HasMaxLength(100);
        b.Property(x => x.AuthorName).HasMaxLength(200);
        b.Ignore(x => x.Categories);
        b.HasIndex(x => new { x.CaseId, x.At });
    }
}
