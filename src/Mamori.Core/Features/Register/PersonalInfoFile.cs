using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Register;

/// <summary>Where a register entry is in its life.</summary>
public enum RegisterStatus
{
    /// <summary>下書き: being written by the department.</summary>
    Draft,

    /// <summary>確認待ち: submitted to 事務局.</summary>
    Submitted,

    /// <summary>差戻し: returned by 事務局 with a comment.</summary>
    Returned,

    /// <summary>確認済み: confirmed by 事務局, ready to publish.</summary>
    Confirmed,

    /// <summary>公表中: the current content is published.</summary>
    Published,

    /// <summary>消除: removed from the public register; kept with its history.</summary>
    Removed,
}

/// <summary>電算/マニュアル: whether the file is kept on computer, on paper, or both.</summary>
public enum FileForm
{
    /// <summary>電算処理ファイル.</summary>
    Electronic,

    /// <summary>マニュアル処理ファイル.</summary>
    Manual,

    /// <summary>電算・マニュアル.</summary>
    Both,
}

/// <summary>
/// 個人情報ファイル: one entry of the statutory register (個人情報保護法 第74条・第75条). The entity
/// holds the working copy; every publication freezes the content as a <see cref="PersonalInfoFileVersion"/>,
/// which is what the public register shows.
/// </summary>
[Label("個人情報ファイル")]
public sealed class PersonalInfoFile : IMunicipalityOwned, IDepartmentOwned, IVersioned
{
    /// <summary>A file with this many people or more must be registered (fewer may be listed voluntarily).</summary>
    // 個人情報保護法第75条第2項第1号・第74条第2項第9号: files of fewer people than the cabinet order's number (千人) may be left out.
    public const long StatutoryThreshold = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("部署")]
    public Guid DepartmentId { get; set; }

    /// <summary>整理番号: identifies the file within the municipality (and across imports).</summary>
    [Label("整理番号")]
    public required string FileNumber { get; set; }

    [Label("状態")]
    public RegisterStatus Status { get; set; }

    /// <summary>The 事務局's comment when returning the file.</summary>
    [Label("差戻しの理由")]
    public string? ReturnComment { get; set; }

    /// <summary>名称.</summary>
    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>行政機関等の名称 (法第74条第1項第2号): the 実施機関 holding the file, e.g. 「豊島区長」「豊島区教育委員会」.</summary>
    [Label("行政機関等の名称")]
    public string? AgencyName { get; set; }

    /// <summary>利用目的.</summary>
    [Label("利用目的")]
    public string Purpose { get; set; } = string.Empty;

    /// <summary>記録項目, one per line.</summary>
    [Label("記録項目")]
    public string RecordItems { get; set; } = string.Empty;

    /// <summary>記録範囲 (本人の範囲).</summary>
    [Label("記録範囲")]
    public string RecordScope { get; set; } = string.Empty;

    /// <summary>収集方法, one per line (本人から, 他機関から …).</summary>
    [Label("収集方法")]
    public string CollectionMethods { get; set; } = string.Empty;

    /// <summary>要配慮個人情報が含まれるか.</summary>
    [Label("要配慮個人情報")]
    public bool HasSensitive { get; set; }

    /// <summary>Which 要配慮個人情報 (病歴, 犯罪の経歴 …).</summary>
    [Label("要配慮個人情報の種類")]
    public string? SensitiveKinds { get; set; }

    /// <summary>条例要配慮個人情報, one per line.</summary>
    [Label("条例要配慮個人情報")]
    public string? OrdinanceSensitive { get; set; }

    /// <summary>経常的提供先.</summary>
    [Label("経常的提供先")]
    public string? RegularRecipients { get; set; }

    /// <summary>開示・訂正・利用停止請求を受理する組織.</summary>
    [Label("開示請求等を受理する組織")]
    public string? RequestOffice { get; set; }

    /// <summary>開示請求等を受理する組織の所在地 (法第74条第1項第9号).</summary>
    [Label("開示請求等を受理する組織の所在地")]
    public string? RequestOfficeAddress { get; set; }

    /// <summary>訂正・利用停止の他法令による特例.</summary>
    [Label("他の法令による特例")]
    public string? SpecialProvisions { get; set; }

    /// <summary>本人の数.</summary>
    [Label("本人の数")]
    public long? SubjectCount { get; set; }

    /// <summary>特定個人情報ファイルか.</summary>
    [Label("特定個人情報ファイル")]
    public bool IsSpecificPersonalInfo { get; set; }

    [Label("ファイルの種別")]
    public FileForm Form { get; set; }

    /// <summary>
    /// For an 電算処理ファイル: a マニュアル処理ファイル with the same purpose and records exists (施行令第21条第7項 の
    /// ファイル), which the register then covers too.
    /// </summary>
    [Label("関連するマニュアル処理ファイル")]
    public bool HasRelatedManualFile { get; set; }

    /// <summary>行政機関等匿名加工情報の提案の募集をする個人情報ファイルである旨 (法第75条第1項, 施行令第21条).</summary>
    [Label("匿名加工情報の提案の募集")]
    public bool InvitesProposals { get; set; }

    /// <summary>行政機関等匿名加工情報の提案を受ける組織の名称.</summary>
    [Label("提案を受ける組織")]
    public string? ProposalOffice { get; set; }

    /// <summary>行政機関等匿名加工情報の提案を受ける組織の所在地.</summary>
    [Label("提案を受ける組織の所在地")]
    public string? ProposalOfficeAddress { get; set; }

    /// <summary>行政機関等匿名加工情報の概要: what anonymised information has been made from the file.</summary>
    [Label("行政機関等匿名加工情報の概要")]
    public string? AnonymizedSummary { get; set; }

    /// <summary>Why the file is not one for which proposals are invited (法第60条第3項 の要件 …).</summary>
    [Label("提案の募集をしない理由")]
    public string? NoProposalReason { get; set; }

    /// <summary>備考.</summary>
    [Label("備考")]
    public string? Remarks { get; set; }

    /// <summary>The working copy differs from the last published version.</summary>
    [Label("未公表の変更")]
    public bool HasUnpublishedChanges { get; set; } = true;

    [Label("消除日時")]
    public DateTime? RemovedAt { get; set; }

    [Label("消除の理由")]
    public string? RemovalReason { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public List<PersonalInfoFileVersion> Versions { get; init; } = [];

    /// <summary>1,000 people or more: registration is required by law.</summary>
    public static bool IsStatutory(long? subjectCount) => subjectCount >= StatutoryThreshold;
}

internal sealed class PersonalInfoFileConfiguration : IEntityTypeConfiguration<PersonalInfoFile>
{
    public void Configure(EntityTypeBuilder<PersonalInfoFile> b)
    {
        b.Property(f => f.FileNumber).HasMaxLength(40);
        b.Property(f => f.Name).HasMaxLength(200);
        b.Property(f => f.AgencyName).HasMaxLength(100);
        b.Property(f => f.RequestOfficeAddress).HasMaxLength(400);
        b.Property(f => f.ProposalOffice).HasMaxLength(200);
        b.Property(f => f.ProposalOfficeAddress).HasMaxLength(400);
        b.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Form).HasConversion<string>().HasMaxLength(20);
        b.Property(f => f.Version).IsConcurrencyToken();
        b.HasOne<Municipality>().WithMany().HasForeignKey(f => f.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(f => f.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(f => f.Versions).WithOne().HasForeignKey(v => v.FileId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(f => new { f.MunicipalityId, f.FileNumber }).IsUnique();
        b.HasIndex(f => new { f.MunicipalityId, f.Status });
    }
}

