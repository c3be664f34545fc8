using Mamori.Core.Data;
using Mamori.Core.Japanese;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mamori.Core.Features.Council;

/// <summary>A member's answer to a 答申案 sent for confirmation: 異議なし, or a comment.</summary>
[Label("答申案への回答")]
public sealed class ToshinResponse : IMunicipalityOwned, ICouncilOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid MunicipalityId { get; set; }

    [Label("審議会")]
    public Guid CouncilId { get; set; }

    [Label("答申")]
    public Guid ToshinId { get; set; }

    [Label("委員")]
    public Guid MemberId { get; set; }

    /// <summary>異議なし (true) or 意見あり (false, with <see cref="Comment"/>).</summary>
    [Label("異議なし")]
    public bool Agrees { get; set; }

    [Label("意見")]
    public string? Comment { get; set; }

    [Label("回答日時")]
    public DateTime RespondedAt { get; set; }
}

internal sealed class ToshinResponseConfiguration : IEntityTypeConfiguration<ToshinResponse>
{
    public void Configure(EntityTypeBuilder<ToshinResponse> b)
    {
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.HasOne<Toshin>().WithMany().HasForeignKey(x => x.ToshinId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ToshinId, x.MemberId }).IsUnique();
    }
}

/// <summary>Where each member stands on a 答申案: answered (異議なし / 意見) or not yet.</summary>
public sealed record ToshinConfirmationLine(CouncilMember Member, ToshinResponse? Response);

/// <summary>
/// 答申案の確認: the office sends the draft to the members in office by a due date; each member answers once (and may
/// change the answer until the 答申 is given); the office sees who agreed, who commented and who has not answered.
/// </summary>
public static class ToshinConfirmations
{
    public const string NotFound = "答申が見つかりません。";

    /// <summary>Sends the draft to the members (a given 答申 is not a draft any more).</summary>
    public static async Task<Outcome<Toshin>> RequestAsync(AppDbContext db, Guid toshinId, DateOnly? dueOn, TimeProvider clock, CancellationToken ct)
    {
        var toshin = await db.Toshins.FirstOrDefaultAsync(t => t.Id == toshinId, ct);
        if (toshin is null)
        {
            return Outcome<Toshin>.NotFound(NotFound);
        }
        if (toshin.AnsweredOn is not null)
        {
            return Outcome<Toshin>.Conflict("答申日が入力された答申は案ではないため、確認を依頼できません。");
        }
        var today = JapanTime.Today(clock);
        if (dueOn is not { } due || due < today)
        {
            return Outcome<Toshin>.Fail("DueOn", "確認の期限を、今日以降の日付で入力してください。");
        }
        toshin.ConfirmationRequestedOn = today;
        toshin.ConfirmationDueOn = due;
        toshin.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        return Outcome<Toshin>.Success(toshin);
    }

    /// <summary>The members asked (in office on the day the draft was sent), each with their answer, in 五十音 order.</summary>
    public static async Task<IReadOnlyList<ToshinConfirmationLine>> LinesAsync(AppDbContext db, Toshin toshin, CancellationToken ct)
    {
        if (toshin.ConfirmationRequestedOn is not { } asked)
        {
            return [];
        }
        var members = (await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == toshin.CouncilId).ToListAsync(ct)).Where(m => m.InOfficeOn(asked)).ToList();
        var responses = await db.ToshinResponses.AsNoTracking().Where(r => r.ToshinId == toshin.Id).ToDictionaryAsync(r => r.MemberId, ct);
        return members.OrderBy(m => CouncilReading.RoleOrder(m.Role)).ThenBy(m => m.GojuonKey, StringComparer.Ordinal)
            .Select(m => new ToshinConfirmationLine(m, responses.GetValueOrDefault(m.Id))).ToList();
    }

    /// <summary>The signed-in member's answer: 異議なし, or a comment. Only a member who was asked, and only before the 答申 is given.</summary>
    public static async Task<Outcome<ToshinResponse>> RespondAsync(AppDbContext db, Guid toshinId, bool agrees, string? comment, TimeProvider clock, CancellationToken ct)
    {
        var toshin = await db.Toshins.AsNoTracking().FirstOrDefaultAsync(t => t.Id == toshinId, ct);
        if (toshin is null)
        {
            return Outcome<ToshinResponse>.NotFound(NotFound);
        }
        if (toshin.ConfirmationRequestedOn is not { } asked || toshin.AnsweredOn is not null)
        {
            return Outcome<ToshinResponse>.Conflict("この答申案は確認を受け付けていません。");
        }
        var member = await CouncilWorkflow.OwnMemberAsync(db, toshin.CouncilId, asked, ct);
        if (member is null)
        {
            return Outcome<ToshinResponse>.Conflict("確認を依頼された委員だけが回答できます。");
        }
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!agrees && text is null)
        {
            return Outcome<ToshinResponse>.Fail("Comment", "意見があるときは、その内容を入力してください。");
        }
        if (text is { Length: > 4000 })
        {
            return Outcome<ToshinResponse>.Fail("Comment", "意見は4000文字以内で入力してください。");
        }
        var response = await db.ToshinResponses.FirstOrDefaultAsync(r => r.ToshinId == toshinId && r.MemberId == member.Id, ct);
        if (response is null)
        {
            response = new ToshinResponse { ToshinId = toshinId, MemberId = member.Id, CouncilId = toshin.CouncilId };
            db.ToshinResponses.Add(response);
        }
        response.Agrees = agrees;
        response.Comment = text;
        response.RespondedAt = clock.GetUtcNow().UtcDateTime;
        return await OptimisticSave.SaveAsync(db, response, ct);
    }
}
