using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>Where a member's proposed topic stands with the office.</summary>
public enum TopicStatus
{
    /// <summary>提案中: not yet reviewed.</summary>
    Proposed,

    /// <summary>採用: to be taken up (報告事項) in the 年度 given.</summary>
    Accepted,

    /// <summary>見送り: not taken up, with the reason given to the member.</summary>
    Declined,
}

/// <summary>
/// 委員からの議題の提案: a topic a member would like the council to take up (as 報告事項), reviewed by the office
/// for the next 年度's programme.
/// </summary>
[Label("委員からの議題の提案")]
public sealed class TopicProposal : IMunicipalityOwned, ICouncilOwned, IVersioned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("提案した委員")]
    public Guid MemberId { get; set; }

    [Label("題")]
    public required string Title { get; set; }

    [Label("内容・理由")]
    public string? Detail { get; set; }

    [Label("提案日時")]
    public DateTime ProposedAt { get; set; }

    [Label("状況")]
    public TopicStatus Status { get; set; }

    /// <summary>The 年度 an accepted topic is taken up in.</summary>
    [Label("取り上げる年度")]
    public int? FiscalYear { get; set; }

    /// <summary>事務局の回答 (why it is declined, or how it will be taken up).</summary>
    [Label("事務局の回答")]
    public string? OfficeNote { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class TopicProposalConfiguration : IEntityTypeConfiguration<TopicProposal>
{
    public void Configure(EntityTypeBuilder<TopicProposal> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Detail).HasMaxLength(4000);
        b.Property(x => x.OfficeNote).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne<AdvisoryCouncil>().WithMany().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A proposal with its member's name, for the list.</summary>
public sealed record TopicLine(TopicProposal Proposal, string MemberName);

/// <summary>Members propose topics; the office accepts them for a 年度 or declines them with a reason.</summary>
public static class TopicProposals
{
    public const string NotFound = "提案が見つかりません。";

    public static string JapaneseName(this TopicStatus status) => status switch
    {
        TopicStatus.Accepted => "採用",
        TopicStatus.Declined => "見送り",
        _ => "提案中",
    };

    /// <summary>A member in office proposes a topic to their council.</summary>
    public static async Task<Outcome<TopicProposal>> ProposeAsync(AppDbContext db, Guid councilId, string? title, string? detail, TimeProvider clock, CancellationToken ct)
    {
        var member = await CouncilWorkflow.OwnMemberAsync(db, councilId, JapanTime.Today(clock), ct);
        if (member is null)
        {
            return Outcome<TopicProposal>.Conflict("在任中のこの審議会の委員だけが議題を提案できます。");
        }
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 200)
        {
            errors.Add("Title", "提案する議題の題を200文字以内で入力してください。");
        }
        if (detail is { Length: > 4000 })
        {
            errors.Add("Detail", "内容・理由は4000文字以内で入力してください。");
        }
        if (errors.Any)
        {
            return errors.Fail<TopicProposal>();
        }
        var proposal = new TopicProposal
        {
            CouncilId = councilId,
            MemberId = member.Id,
            Title = title!.Trim(),
            Detail = string.IsNullOrWhiteSpace(detail) ? null : detail.Trim(),
            ProposedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.TopicProposals.Add(proposal);
        return await OptimisticSave.SaveAsync(db, proposal, ct);
    }

    /// <summary>The office's review: accepted for a 年度, or declined with a reason the member reads.</summary>
    public static async Task<Outcome<TopicProposal>> ReviewAsync(AppDbContext db, Guid id, TopicStatus status, int? fiscalYear, string? note, Guid? version, CancellationToken ct)
    {
        var (proposal, failure) = await OptimisticSave.LoadAsync(db.TopicProposals, id, version, NotFound, ct);
        if (failure is not null)
        {
            return failure;
        }
        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (status == TopicStatus.Accepted && fiscalYear is not (>= 2000 and <= 2100))
        {
            return Outcome<TopicProposal>.Fail("FiscalYear", "採用するときは、取り上げる年度を選んでください。");
        }
        if (status == TopicStatus.Declined && text is null)
        {
            return Outcome<TopicProposal>.Fail("OfficeNote", "見送るときは、その理由を委員に伝えるため入力してください。");
        }
        if (text is { Length: > 2000 })
        {
            return Outcome<TopicProposal>.Fail("OfficeNote", "事務局の回答は2000文字以内で入力してください。");
        }
        proposal!.Status = status;
        proposal.FiscalYear = status == TopicStatus.Accepted ? fiscalYear : null;
        proposal.OfficeNote = text;
        proposal.Version = Guid.NewGuid();
        return await OptimisticSave.SaveAsync(db, proposal, ct);
    }

    /// <summary>A council's proposals, the unreviewed first, then by 年度 and date.</summary>
    public static async Task<IReadOnlyList<TopicLine>> ListAsync(AppDbContext db, Guid councilId, CancellationToken ct)
    {
        var rows = await (from p in db.TopicProposals.AsNoTracking()
                          join m in db.CouncilMembers.AsNoTracking() on p.MemberId equals m.Id
                          where p.CouncilId == councilId
                          select new { p, m.Name }).ToListAsync(ct);
        return rows.OrderBy(r => r.p.Status != TopicStatus.Proposed).ThenByDescending(r => r.p.FiscalYear).ThenByDescending(r => r.p.ProposedAt)
            .Select(r => new TopicLine(r.p, r.Name)).ToList();
    }
}
