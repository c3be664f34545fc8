using Mamori.Core.Data;
using Mamori.Core.Features.Organization;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Mamori.Core.InputText;

namespace Mamori.Core.Features.Security;

/// <summary>訓練の種類.</summary>
public enum DrillKind
{
    /// <summary>緊急時対応訓練.</summary>
    Emergency,

    /// <summary>CSIRT訓練.</summary>
    Csirt,

    /// <summary>その他の訓練.</summary>
    Other,
}

/// <summary>訓練: an emergency-response or CSIRT drill — who took part, when, what was practised and what was found.</summary>
[Label("訓練")]
public sealed class Drill : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("種類")]
    public DrillKind Kind { get; set; }

    /// <summary>訓練名.</summary>
    [Label("名称")]
    public required string Title { get; set; }

    /// <summary>対象 (e.g. 住基ネット関係課の職員).</summary>
    [Label("対象")]
    public required string TargetGroup { get; set; }

    /// <summary>実施日 (the first day when it ran over several days).</summary>
    [Label("実施日")]
    public DateOnly HeldOn { get; set; }

    /// <summary>最終日, when it ran over several days.</summary>
    [Label("最終日")]
    public DateOnly? HeldUntil { get; set; }

    /// <summary>内容.</summary>
    [Label("内容")]
    public required string Content { get; set; }

    /// <summary>参加者 as recorded (課・人数).</summary>
    [Label("参加者")]
    public string? Participants { get; set; }

    /// <summary>参加人数.</summary>
    [Label("参加人数")]
    public int? ParticipantCount { get; set; }

    /// <summary>訓練で判明した課題・所見.</summary>
    [Label("指摘事項・所見")]
    public string? Findings { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public FiscalYear FiscalYear => Japanese.FiscalYear.Of(HeldOn);
}

/// <summary>A drill as typed on the form.</summary>
public sealed record DrillInput
{
    public DrillKind Kind { get; init; }
    public string? Title { get; init; }
    public string? TargetGroup { get; init; }
    public DateOnly? HeldOn { get; init; }
    public DateOnly? HeldUntil { get; init; }
    public string? Content { get; init; }
    public string? Participants { get; init; }
    public int? ParticipantCount { get; init; }
    public string? Findings { get; init; }
}

public static class Drills
{
    public static string JapaneseName(this DrillKind kind) => kind switch
    {
        DrillKind.Emergency => "緊急時対応訓練",
        DrillKind.Csirt => "CSIRT訓練",
        _ => "その他の訓練",
    };

    /// <summary>"令和4年11月8日" or "令和4年11月8日～令和4年11月9日".</summary>
    public static string Dates(Drill d) =>
        WarekiDate.Format(d.HeldOn) + (d.HeldUntil is { } until && until != d.HeldOn ? "～" + WarekiDate.Format(until) : "");

    public static async Task<Outcome<Drill>> SaveAsync(AppDbContext db, Guid municipalityId, Guid? id, DrillInput input, Guid? version, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (errors.Required("Title", input.Title, "訓練名"))
        {
            errors.MaxLength("Title", input.Title, 200, "訓練名");
        }
        if (errors.Required("TargetGroup", input.TargetGroup, "対象"))
        {
            errors.MaxLength("TargetGroup", input.TargetGroup, 400, "対象");
        }
        if (input.HeldOn is null)
        {
            errors.Add("HeldOn", "実施日を入力してください。");
        }
        if (input.HeldOn is { } from && input.HeldUntil is { } until && until < from)
        {
            errors.Add("HeldUntil", "最終日が実施日より前になっています。");
        }
        if (errors.Required("Content", input.Content, "訓練の内容"))
        {
            errors.MaxLength("Content", input.Content, 8000, "訓練の内容");
        }
        errors.MaxLength("Participants", input.Participants, 2000, "参加者");
        errors.MaxLength("Findings", input.Findings, 8000, "所見・課題");
        if (input.ParticipantCount is < 0)
        {
            errors.Add("ParticipantCount", "参加人数は0以上で入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<Drill>();
        }
        Drill drill;
        if (id is { } existing)
        {
            var (found, failure) = await OptimisticSave.LoadAsync(db.Drills, existing, version, "訓練の記録が見つかりません。", ct);
            if (found is null)
            {
                return failure!;
            }
            drill = found;
            drill.Title = input.Title!.Trim();
            drill.TargetGroup = input.TargetGroup!.Trim();
            drill.Content = input.Content!.Trim();
        }
        else
        {
            drill = new Drill { MunicipalityId = municipalityId, Title = input.Title!.Trim(), TargetGroup = input.TargetGroup!.Trim(), Content = input.Content!.Trim() };
            db.Drills.Add(drill);
        }
        drill.Kind = input.Kind;
        drill.HeldOn = input.HeldOn!.Value;
        drill.HeldUntil = input.HeldUntil;
        drill.Participants = Optional(input.Participants);
        drill.ParticipantCount = input.ParticipantCount;
        drill.Findings = Optional(input.Findings);
        return await OptimisticSave.SaveAsync(db, drill, ct);
    }
}

internal sealed class DrillConfiguration : IEntityTypeConfiguration<Drill>
{
    public void Configure(EntityTypeBuilder<Drill> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.TargetGroup).HasMaxLength(400);
        b.Property(x => x.Content).HasMaxLength(8000);
        b.Property(x => x.Participants).HasMaxLength(2000);
        b.Property(x => x.Findings).HasMaxLength(8000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.FiscalYear);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.MunicipalityId, x.HeldOn });
    }
}
