using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Core.Features.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.MyNumber;

/// <summary>The steps of an ordinance amendment, in the order they must happen.</summary>
public enum AmendmentStep
{
    /// <summary>起案.</summary>
    Drafted,

    /// <summary>パブリックコメント.</summary>
    PublicComment,

    /// <summary>審議会への報告・諮問.</summary>
    Council,

    /// <summary>議会提出.</summary>
    Submitted,

    /// <summary>議決.</summary>
    Passed,

    /// <summary>公布.</summary>
    Promulgated,

    /// <summary>施行.</summary>
    Enforced,
}

/// <summary>
/// 番号利用条例の改正: a tracked case from 起案 to 施行, each step with its day and in order; the council step makes the
/// council's item, and 施行 applies the procedures it adds or removes.
/// </summary>
[Label("番号利用条例の改正")]
public sealed class OrdinanceAmendment : IMunicipalityOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("件名")]
    public required string Title { get; set; }

    [Label("起案日")]
    public DateOnly? DraftedOn { get; set; }

    [Label("パブリックコメント")]
    public DateOnly? PublicCommentOn { get; set; }

    [Label("審議会への報告・諮問")]
    public DateOnly? CouncilOn { get; set; }

    [Label("審議会の案件")]
    public Guid? CouncilItemId { get; set; }

    [Label("議会提出日")]
    public DateOnly? SubmittedOn { get; set; }

    [Label("議決日")]
    public DateOnly? PassedOn { get; set; }

    [Label("公布日")]
    public DateOnly? PromulgatedOn { get; set; }

    [Label("施行日")]
    public DateOnly? EnforcedOn { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    /// <summary>The day of a step, when it has happened.</summary>
    public DateOnly? On(AmendmentStep step) => step switch
    {
        AmendmentStep.Drafted => DraftedOn,
        AmendmentStep.PublicComment => PublicCommentOn,
        AmendmentStep.Council => CouncilOn,
        AmendmentStep.Submitted => SubmittedOn,
        AmendmentStep.Passed => PassedOn,
        AmendmentStep.Promulgated => PromulgatedOn,
        _ => EnforcedOn,
    };

    public void Set(AmendmentStep step, DateOnly on)
    {
        switch (step)
        {
            case AmendmentStep.Drafted: DraftedOn = on; break;
            case AmendmentStep.PublicComment: PublicCommentOn = on; break;
            case AmendmentStep.Council: CouncilOn = on; break;
            case AmendmentStep.Submitted: SubmittedOn = on; break;
            case AmendmentStep.Passed: PassedOn = on; break;
            case AmendmentStep.Promulgated: PromulgatedOn = on; break;
            default: EnforcedOn = on; break;
        }
    }

    /// <summary>The next step to record, or null when it is in force.</summary>
    public AmendmentStep? Next => Enum.GetValues<AmendmentStep>().Cast<AmendmentStep?>().FirstOrDefault(s => On(s!.Value) is null);
}

public static class MyNumberNames
{
    public static string JapaneseName(this AmendmentStep step) => step switch
    {
        AmendmentStep.Drafted => "起案",
        AmendmentStep.PublicComment => "パブリックコメント",
        AmendmentStep.Council => "審議会への報告・諮問",
        AmendmentStep.Submitted => "議会提出",
        AmendmentStep.Passed => "議決",
        AmendmentStep.Promulgated => "公布",
        _ => "施行",
    };

    public static string JapaneseName(this ProcedureState state) => state switch
    {
        ProcedureState.Planned => "改正で追加予定",
        ProcedureState.InForce => "施行中",
        ProcedureState.Replaced => "改正前の内容",
        _ => "廃止",
    };

    public static string JapaneseName(this PendingChange change) => change switch
    {
        PendingChange.Add => "追加",
        PendingChange.Change => "変更",
        _ => "廃止",
    };
}

internal sealed class OrdinanceAmendmentConfiguration : IEntityTypeConfiguration<OrdinanceAmendment>
{
    public void Configure(EntityTypeBuilder<OrdinanceAmendment> b)
    {
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Next);
        b.HasOne<Municipality>().WithMany().HasForeignKey(x => x.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AgendaItem>().WithMany().HasForeignKey(x => x.CouncilItemId).OnDelete(DeleteBehavior.SetNull);
    }
}
