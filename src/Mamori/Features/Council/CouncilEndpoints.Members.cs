using Mamori.Core;
using Mamori.Core.Data;
using Mamori.Core.Features.Council;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Mamori.Features.Council;

/// <summary>/api/v1/council: councils and subcommittees, and their members' appointments, as on the pages.</summary>
public static partial class CouncilEndpoints
{
    public sealed record CouncilRequest(string? Name, Guid? ParentId, string? Basis, string? EstablishedOn, int? TermYears, string? Quorum, bool IsPublic,
        string? Contact, string? NoticeSender, Guid? Version);

    public sealed record MemberRequest(string? Name, string? NameKana, Guid? NominatedFromId, string? Affiliation, string? AppointedOn, string? TermStart,
        string? TermEnd, string? LeftOn, string? Role, Guid? SubstituteForId, string? UserId, Guid? Version);

    public sealed record MemberResponse(Guid Id, Guid CouncilId, string Name, string? NameKana, string? Affiliation, DateOnly AppointedOn, DateOnly TermStart,
        DateOnly TermEnd, DateOnly? LeftOn, string Role, Guid? SubstituteForId, bool HasAccount, Guid Version);

    private static void MapMemberEndpoints(RouteGroupBuilder g)
    {
        g.MapPost("", CreateCouncil).RequireAuthorization(Policies.CouncilManage).WithSummary("審議会・小委員会の登録（quorum：MoreThanHalf 過半数・HalfOrMore 半数以上）");
        g.MapPut("/{id:guid}", UpdateCouncil).RequireAuthorization(Policies.CouncilManage).WithSummary("審議会・小委員会の変更（version が違えば 409）");
        g.MapGet("/{id:guid}/members", Members).RequireAuthorization(Policies.CouncilRead).WithSummary("委員（会長・副会長、五十音順）");
        g.MapPost("/{id:guid}/members", CreateMember).RequireAuthorization(Policies.CouncilManage).WithSummary("委員の委嘱（補欠は substituteForId）");
        g.MapPut("/{id:guid}/members/{memberId:guid}", UpdateMember).RequireAuthorization(Policies.CouncilManage).WithSummary("委員の変更・退任");
        g.MapPost("/members/{memberId:guid}/reappoint", Reappoint).RequireAuthorization(Policies.CouncilManage).WithSummary("委員の再任（次の任期）");
    }

    private static CouncilResponse ToResponse(AdvisoryCouncil c) => new(c.Id, c.Name, c.ParentId, c.Basis, c.IsPublic, c.Quorum.ToString(), c.Version);

    private static MemberResponse ToResponse(CouncilMember m) => new(m.Id, m.CouncilId, m.Name, m.NameKana, m.Affiliation, m.AppointedOn, m.TermStart, m.TermEnd,
        m.LeftOn, m.Role.ToString(), m.SubstituteForId, m.UserId is not null, m.Version);

    private static async Task<Results<Created<CouncilResponse>, Refusal>> CreateCouncil(CouncilRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveCouncilAsync(db, null, body, ct), c => $"/api/v1/council/{c.Id}");

    private static async Task<Results<Ok<CouncilResponse>, Refusal>> UpdateCouncil(Guid id, CouncilRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveCouncilAsync(db, id, body, ct));

    private static async Task<Outcome<CouncilResponse>> SaveCouncilAsync(AppDbContext db, Guid? id, CouncilRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var quorum = ApiResults.ParseEnum<QuorumRule>(body.Quorum, "quorum", errors, q => q.JapaneseName()) ?? QuorumRule.MoreThanHalf;
        var established = ApiResults.ParseDate(body.EstablishedOn, "establishedOn", errors);
        if (errors.Count > 0)
        {
            return Outcome<CouncilResponse>.Fail(errors);
        }
        var saved = await CouncilWorkflow.SaveCouncilAsync(db, id, new CouncilInput
        {
            Name = body.Name,
            ParentId = body.ParentId,
            Basis = body.Basis,
            EstablishedOn = established,
            TermYears = body.TermYears,
            Quorum = quorum,
            IsPublic = body.IsPublic,
            Contact = body.Contact,
            NoticeSender = body.NoticeSender,
            Version = body.Version,
        }, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<List<MemberResponse>>, NotFound>> Members(Guid id, AppDbContext db, CancellationToken ct)
    {
        if (!await db.Councils.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }
        var members = await db.CouncilMembers.AsNoTracking().Where(m => m.CouncilId == id).ToListAsync(ct);
        return TypedResults.Ok(members.OrderBy(m => m.Role switch { MemberRole.Chair => 0, MemberRole.ViceChair => 1, _ => 2 })
            .ThenBy(m => m.GojuonKey, StringComparer.Ordinal).ThenBy(m => m.Id).Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<MemberResponse>, Refusal>> CreateMember(Guid id, MemberRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Created(await SaveMemberAsync(db, id, null, body, ct), m => $"/api/v1/council/{id}/members/{m.Id}");

    private static async Task<Results<Ok<MemberResponse>, Refusal>> UpdateMember(Guid id, Guid memberId, MemberRequest body, AppDbContext db, CancellationToken ct) =>
        ApiResults.Changed(await SaveMemberAsync(db, id, memberId, body, ct));

    private static async Task<Outcome<MemberResponse>> SaveMemberAsync(AppDbContext db, Guid councilId, Guid? id, MemberRequest body, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var role = ApiResults.ParseEnum<MemberRole>(body.Role, "role", errors, r => r.JapaneseName()) ?? MemberRole.Member;
        var input = new MemberInput
        {
            Name = body.Name,
            NameKana = body.NameKana,
            NominatedFromId = body.NominatedFromId,
            Affiliation = body.Affiliation,
            AppointedOn = ApiResults.ParseDate(body.AppointedOn, "appointedOn", errors),
            TermStart = ApiResults.ParseDate(body.TermStart, "termStart", errors),
            TermEnd = ApiResults.ParseDate(body.TermEnd, "termEnd", errors),
            LeftOn = ApiResults.ParseDate(body.LeftOn, "leftOn", errors),
            Role = role,
            SubstituteForId = body.SubstituteForId,
            UserId = body.UserId,
            Version = body.Version,
        };
        if (errors.Count > 0)
        {
            return Outcome<MemberResponse>.Fail(errors);
        }
        var saved = await CouncilWorkflow.SaveMemberAsync(db, councilId, id, input, ct);
        return saved.Map(ToResponse);
    }

    private static async Task<Results<Ok<MemberResponse>, Refusal>> Reappoint(Guid memberId, AppDbContext db, CancellationToken ct)
    {
        var saved = await CouncilWorkflow.ReappointAsync(db, memberId, null, ct);
        return ApiResults.Changed(saved.Map(ToResponse));
    }
}
