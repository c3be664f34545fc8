using Mamori.Core.Data;
using Mamori.Core.Features.Files;
using Mamori.Core.Features.Organization;
using Mamori.Core.Features.Security;
using Mamori.Core.Features.Systems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Advisories;

/// <summary>Who sent a notice or an advisory.</summary>
public enum AdvisorySource
{
    /// <summary>総務省.</summary>
    Soumu,

    /// <summary>デジタル庁.</summary>
    Digital,

    /// <summary>個人情報保護委員会.</summary>
    Ppc,

    /// <summary>地方公共団体情報システム機構（J-LIS）.</summary>
    Jlis,

    /// <summary>システムの事業者.</summary>
    Vendor,

    /// <summary>その他（都道府県など）.</summary>
    Other,
}

/// <summary>What a department found when it checked what a notice requires.</summary>
public enum AdvisoryOutcome
{
    /// <summary>対象外（理由を記録）.</summary>
    NotApplicable,

    /// <summary>点検済（問題なし）.</summary>
    Checked,

    /// <summary>是正済.</summary>
    Corrected,

    /// <summary>修正プログラムの適用を確認.</summary>
    PatchConfirmed,
}

/// <summary>
/// 国の通知・事業者の注意喚起: a notice (総務省, デジタル庁, 個人情報保護委員会, J-LIS) or a vendor's advisory that
/// requires the municipality to check its own systems — its number and date, what it requires, by when, the
/// document — and the checks it was given to, one per system or department. Closed when every check has its result;
/// closed notices stay searchable.
/// </summary>
[Label("国の通知・注意喚起")]
public sealed class Advisory : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("発出元")]
    public AdvisorySource Source { get; set; }

    /// <summary>The sender's name when it is a vendor or another body (「株式会社○○」「東京都」).</summary>
    [Label("発出元の名称")]
    public string? SourceName { get; set; }

    [Label("文書番号")]
    public string? Number { get; set; }

    [Label("発出日")]
    public DateOnly IssuedOn { get; set; }

    [Label("件名")]
    public required string Title { get; set; }

    /// <summary>What it requires of the municipality (点検、修正プログラムの適用、報告 …).</summary>
    [Label("求められていること")]
    public required string Requirement { get; set; }

    [Label("期限")]
    public DateOnly? DueOn { get; set; }

    [Label("文書")]
    public Guid? FileId { get; set; }

    [Label("文書のファイル名")]
    public string? FileName { get; set; }

    [Label("文書の種類")]
    public string? ContentType { get; set; }

    [Label("完了日")]
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The council 報告 made of it, when the office reported it.</summary>
    [Label("審議会への報告")]
    public Guid? CouncilItemId { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsClosed => ClosedOn is not null;
}

/// <summary>One check a notice asks for: a system (and its 所管課) or a department, and what the check found, when, with what evidence.</summary>
[Label("通知の点検")]
public sealed class AdvisoryTask : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("通知")]
    public Guid AdvisoryId { get; set; }

    [Label("所管課")]
    public Guid DepartmentId { get; set; }

    [Label("情報システム")]
    public Guid? SystemId { get; set; }

    /// <summary>The 統合端末 checked, when the notice concerns terminals (checked by the 設置課).</summary>
    [Label("統合端末")]
    public Guid? TerminalId { get; set; }

    [Label("結果")]
    public AdvisoryOutcome? Outcome { get; set; }

    /// <summary>Why it does not apply, or what was checked or corrected.</summary>
    [Label("内容")]
    public string? Note { get; set; }

    [Label("実施日")]
    public DateOnly? DoneOn { get; set; }

    [Label("実施者")]
    public string? DoneBy { get; set; }

    [Label("証跡")]
    public Guid? EvidenceFileId { get; set; }

    [Label("証跡のファイル名")]
    public string? EvidenceName { get; set; }

    [Label("証跡の種類")]
    public string? EvidenceType { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsDone => Outcome is not null;
}

public static class AdvisoryNames
{
    public static string JapaneseName(this AdvisorySource source) => source switch
    {
        AdvisorySource.Soumu => "総務省",
        AdvisorySource.Digital => "デジタル庁",
        AdvisorySource.Ppc => "個人情報保護委員会",
        AdvisorySource.Jlis => "J-LIS",
        AdvisorySource.Vendor => "事業者",
        _ => "その他",
    };

    public static string JapaneseName(this AdvisoryOutcome outcome) => outcome switch
    {
        AdvisoryOutcome.NotApplicable => "対象外",
        AdvisoryOutcome.Checked => "点検済",
        AdvisoryOutcome.Corrected => "是正済",
        _ => "修正プログラム適用確認",
    };

    /// <summary>「デジタル庁」「事業者（株式会社○○）」 as lists and the council report show the sender.</summary>
    public static string SourceText(this Advisory a) =>
        string.IsNullOrWhiteSpace(a.SourceName) ? a.Source.JapaneseName() : $"{a.Source.JapaneseName()}（{a.SourceName}）";
}

internal sealed class AdvisoryConfiguration : IEntityTypeConfiguration<Advisory>
{
    public void Configure(EntityTypeBuilder<Advisory> b)
    {
        b.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SourceName).HasMaxLength(200);
        b.Property(x => x.Number).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Requirement).HasMaxLength(4000);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsClosed);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.IssuedOn });
    }
}

internal sealed class AdvisoryTaskConfiguration : IEntityTypeConfiguration<AdvisoryTask>
{
    public void Configure(EntityTypeBuilder<AdvisoryTask> b)
    {
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.DoneBy).HasMaxLength(200);
        b.Property(x => x.EvidenceName).HasMaxLength(255);
        b.Property(x => x.EvidenceType).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.IsDone);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Advisory>().WithMany().HasForeignKey(x => x.AdvisoryId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<BusinessSystem>().WithMany().HasForeignKey(x => x.SystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Terminal>().WithMany().HasForeignKey(x => x.TerminalId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(x => x.EvidenceFileId).OnDelete(DeleteBehavior.Restrict);
        // One check per system or terminal, and one per department without either (the workflow keeps to this).
        b.HasIndex(x => new { x.AdvisoryId, x.DepartmentId, x.SystemId, x.TerminalId }).IsUnique();
    }
}
