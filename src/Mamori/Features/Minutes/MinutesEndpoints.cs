using Mamori.Core.Data;
using Mamori.Core.Features.Minutes;
using Mamori.Core.Japanese;
using Mamori.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mamori.Features.Minutes;

/// <summary>/api/v1/minutes: full-text search over the minutes, with the same scope as the search page, and the office's synonyms.</summary>
public static class MinutesEndpoints
{
    /// <summary>The answer to a hit that is a member's question (<c>kind</c> "answer"), or the question a hit answers ("question").</summary>
    public sealed record PairResponse(string Kind, int Seq, string Speaker, string Text);

    public sealed record HitResponse(Guid MeetingId, Guid CouncilId, string CouncilName, string MeetingTitle, DateOnly HeldOn, string HeldOnWareki,
        int Seq, string Speaker, string Snippet, IReadOnlyList<SnippetPart> SnippetParts, string Url, PairResponse? Pair);

    /// <summary>A word the municipality's synonyms widened, and the words also searched.</summary>
    public sealed record WidenedResponse(string Word, IReadOnlyList<string> AlsoSearched);

    public sealed record SearchResponse(int Total, IReadOnlyList<HitResponse> Hits, IReadOnlyList<WidenedResponse> Synonyms);

    public static RouteGroupBuilder MapMinutesEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/minutes/search", Search).RequireAuthorization(Policies.CouncilRead).WithTags("会議録").WithSummary("会議録の全文検索");
        api.MapGet("/minutes/synonyms", Synonyms).RequireAuthorization(Policies.CouncilManage).WithTags("会議録").WithSummary("会議録検索の同義語（語の組）");
        api.MapPut("/minutes/synonyms", SaveSynonyms).RequireAuthorization(Policies.CouncilManage).WithTags("会議録")
            .WithSummary("同義語を置き換える（groups：語の組の一覧、または text：1行1組を「、」で区切った文）");
        return api;
    }

    public sealed record SynonymsBody(IReadOnlyList<IReadOnlyList<string>>? Groups, string? Text);

    private static async Task<Ok<SynonymsBody>> Synonyms(AppDbContext db, CurrentTenant tenant, CancellationToken ct) =>
        TypedResults.Ok(new SynonymsBody(await MinutesSynonyms.ListAsync(db, tenant.MunicipalityId!.Value, ct), null));

    private static async Task<Results<Ok<SynonymsBody>, Refusal>> SaveSynonyms(SynonymsBody body, AppDbContext db, CurrentTenant tenant, CancellationToken ct)
    {
        // The groups go through the page's reading, so that a group of one word or too many groups is refused the same way.
        var groups = MinutesSynonyms.Read(body.Text ?? string.Join("\n", (body.Groups ?? []).Select(g => string.Join("、", g))));
        if (!groups.Ok)
        {
            return ApiResults.Invalid(new Dictionary<string, string[]> { [body.Text is null ? "groups" : "text"] = [.. groups.Errors.SelectMany(e => e.Value)] });
        }
        await MinutesSynonyms.SaveAsync(db, tenant.MunicipalityId!.Value, groups.Value!, ct);
        return TypedResults.Ok(new SynonymsBody(groups.Value!, null));
    }

    private static async Task<Results<Ok<SearchResponse>, Refusal>> Search(string? q, Guid? council, string? speaker, string? role,
        string? from, string? to, string? agenda, string? sort, int? skip, int? take, AppDbContext db, CurrentTenant tenant, MinutesIndex index,
        CancellationToken ct)
    {
        var filters = MinutesFilters.Read(speaker, role, from, to, agenda);
        var errors = filters.Errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => new[] { e.Value });
        if (take is < 1 or > 100)
        {
            errors["take"] = ["take は 1 から 100 の間で指定してください。"];
        }
        if (sort is not (null or "" or "relevance" or "date"))
        {
            errors["sort"] = [$"sort「{sort}」は使えません。relevance（関連度順）または date（開催日の新しい順）を指定してください。"];
        }
        if (string.IsNullOrWhiteSpace(q) && !filters.HasFilter)
        {
            errors["q"] = ["検索語（q）か、発言者・区分・開催日・議題の絞り込みのどれかを指定してください。"];
        }
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }
        var page = await MinutesSearching.RunAsync(db, tenant, index, filters, q, council, sort == "date", skip ?? 0, take ?? MinutesSearching.PageSize, ct);
        return TypedResults.Ok(new SearchResponse(page.Total, page.Rows.Select(r => new HitResponse(r.Hit.MeetingId, r.Hit.CouncilId, r.CouncilName,
            r.MeetingTitle, r.Hit.HeldOn, WarekiDate.Format(r.Hit.HeldOn), r.Hit.Seq, r.Hit.Speaker, r.Hit.SnippetText, r.Hit.Snippet, r.Url,
            r.Pair is { } p ? new PairResponse(p.IsAnswer ? "answer" : "question", p.Seq, p.Speaker, p.Text) : null)).ToList(),
            page.Widened.Select(w => new WidenedResponse(w.Word, w.Also)).ToList()));
    }
}
