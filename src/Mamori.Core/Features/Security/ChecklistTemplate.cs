using System.Text.Json;
using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Security;

/// <summary>One answer of a checklist's scale: its value and label (0 該当しない, 1 整備していない …).</summary>
public sealed record ScaleOption(int Value, string Label);

/// <summary>
/// One numbered item of a checklist template. <see cref="Number"/> identifies the item within the template
/// and across years; <see cref="Guide"/> is the 回答の根拠 the answerer is asked for; a <see cref="NeverPublished"/>
/// item (e.g. the location of the server room) is never printed in anything that leaves the security staff.
/// </summary>
public sealed record ChecklistItem(string Category, string Number, string Text, string? Guide, bool NeverPublished);

/// <summary>
/// 点検表のひな形 (e.g. 住基ネット調査表): categories, numbered items and the answer scale. A template that
/// has been answered is not changed any more, so that every score can be recomputed as it was given.
/// </summary>
[Label("点検表のひな形")]
public sealed class ChecklistTemplate : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    /// <summary>名称, e.g. 住基ネット調査表. Assessments of templates with the same name are compared year on year.</summary>
    [Label("名称")]
    public required string Name { get; set; }

    /// <summary>The items as JSON (<see cref="ChecklistItem"/>[]), in order.</summary>
    [Label("項目")]
    public string ItemsJson { get; set; } = "[]";

    /// <summary>The scale as JSON (<see cref="ScaleOption"/>[]); the value 0 means 該当しない (not applicable).</summary>
    [Label("回答の選択肢")]
    public string ScaleJson { get; set; } = "[]";

    [Label("作成日時")]
    public DateTime CreatedAt { get; init; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public IReadOnlyList<ChecklistItem> Items => JsonSerializer.Deserialize<List<ChecklistItem>>(ItemsJson, Json) ?? [];
    public IReadOnlyList<ScaleOption> Scale => JsonSerializer.Deserialize<List<ScaleOption>>(ScaleJson, Json) ?? [];

    public void SetItems(IEnumerable<ChecklistItem> items) => ItemsJson = JsonSerializer.Serialize(items.ToList(), Json);
    public void SetScale(IEnumerable<ScaleOption> scale) => ScaleJson = JsonSerializer.Serialize(scale.OrderBy(o => o.Value).ToList(), Json);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The scale municipalities use for the 住基ネット調査表.</summary>
    public static IReadOnlyList<ScaleOption> DefaultScale { get; } =
        [new(0, "該当しない"), new(1, "整備していない"), new(2, "整備している"), new(3, "運用している")];

    /// <summary>The categories of the 住基ネット調査表 with a few typical items, as a starting point the office edits.</summary>
    public static IReadOnlyList<ChecklistItem> DefaultItems { get; } =
    [
        new("体制・規程等の整備", "1", "セキュリティ責任者等を定め、その役割を文書で明らかにしているか", "任命通知、規程の該当条文", false),
        new("体制・規程等の整備", "2", "住基ネットのセキュリティ対策に関する規程を定め、見直しているか", "規程名と最終改正日", false),
        new("体制・規程等の整備", "3", "職員に対しセキュリティ研修を年1回以上実施しているか", "研修の実施日、受講者数", false),
        new("環境及び整備", "4", "サーバ室（CSルーム）の入退室を記録し、定期的に確認しているか", "入退室記録簿、確認者", false),
        new("環境及び整備", "5", "サーバ室の所在・設備配置を公開資料に記載していないか", "配置図の管理状況", true),
        new("システムの管理", "6", "操作者の権限を業務に必要な範囲に限り、異動・退職時に速やかに変更しているか", "権限一覧、変更記録", false),
        new("システムの管理", "7", "アクセスログを定期的に確認しているか", "確認の頻度と記録", false),
        new("既存システムとの接続", "8", "既存住基システムとの接続にファイアウォールを設置し、設定を管理しているか", "設定確認の記録", false),
        new("マイナンバーカードの管理", "9", "交付前のカードを施錠できる場所で保管し、受払を記録しているか", "受払簿", false),
        new("マイナンバーカードの管理", "10", "廃棄するカードを裁断等により確実に処分しているか", "廃棄記録", false),
    ];
}

internal sealed class ChecklistTemplateConfiguration : IEntityTypeConfiguration<ChecklistTemplate>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplate> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.ItemsJson).HasMaxLength(400000);
        b.Property(x => x.ScaleJson).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Items);
        b.Ignore(x => x.Scale);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.Name });
    }
}
